import { Component, input, output } from '@angular/core';
import { Problem } from '../core/problem';
import { ProblemAlert } from './state';

/**
 * Asks before an irreversible action (a delete): a titled group with the warning, the refusal if any, and the
 * confirm and cancel buttons. Texts come translated; the confirm button's id is "<key>-delete-confirm" so the page
 * can move focus to it when the question opens.
 */
@Component({
  selector: 'app-confirm-delete',
  imports: [ProblemAlert],
  template: `
    <div class="card" role="group" [attr.aria-labelledby]="key() + '-delete-title'">
      <h2 [id]="key() + '-delete-title'">{{ title() }}</h2>
      <p>{{ warning() }}</p>
      <app-problem [problem]="problem()" />
      <div class="actions">
        <button type="button" class="danger" [id]="key() + '-delete-confirm'" [disabled]="busy()" (click)="confirmed.emit()">
          {{ confirmLabel() }}
        </button>
        <button type="button" (click)="cancelled.emit()">{{ cancelLabel() }}</button>
      </div>
    </div>
  `,
})
export class ConfirmDelete {
  readonly key = input.required<string>();
  readonly title = input.required<string>();
  readonly warning = input.required<string>();
  readonly confirmLabel = input.required<string>();
  readonly cancelLabel = input.required<string>();
  readonly busy = input(false);
  readonly problem = input<Problem | null>(null);
  readonly confirmed = output();
  readonly cancelled = output();
}
