import { Component, computed, input, output } from '@angular/core';
import { TranslatePipe } from '../core/i18n';

/** Previous/next paging under a list: says which page of how many, and asks the page for another skip count. */
@Component({
  selector: 'app-pager',
  imports: [TranslatePipe],
  template: `
    @if (pages() > 1) {
      <nav class="actions" [attr.aria-label]="'shell.pager.label' | t">
        <button type="button" [disabled]="page() <= 1" (click)="go(page() - 1)">{{ 'shell.pager.previous' | t }}</button>
        <span class="pager-summary">{{ 'shell.pager.summary' | t: { page: page(), pages: pages(), total: total() } }}</span>
        <button type="button" [disabled]="page() >= pages()" (click)="go(page() + 1)">{{ 'shell.pager.next' | t }}</button>
      </nav>
    }
  `,
  styles: `.pager-summary { align-self: center; }`,
})
export class Pager {
  readonly total = input.required<number>();
  readonly skip = input.required<number>();
  readonly size = input.required<number>();
  readonly skipChange = output<number>();

  protected readonly page = computed(() => Math.floor(this.skip() / this.size()) + 1);
  protected readonly pages = computed(() => Math.max(1, Math.ceil(this.total() / this.size())));

  protected go(page: number): void {
    this.skipChange.emit((page - 1) * this.size());
  }
}
