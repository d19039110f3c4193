import { Component, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '../core/i18n';
import { Problem } from '../core/problem';
import { ListSource } from './list';

import { Empty, Loading, ProblemAlert } from './state';
import { Pager } from './pager';

/**
 * The skeleton of every list in the app: the search box (when `search` names its label), the status region for what
 * an action did, the action's refusal, the loading / failed / empty states, the rows and the pager. The rows come as
 * content: `<thead>` and `<tbody>` go into a captioned table inside `.table-wrap` (needs `caption`); a list that is
 * not a table marks its content with `listBody`. Ids start with `key` ("user-search", "user-search-hint").
 */
@Component({
  selector: 'app-list-page',
  imports: [FormsModule, TranslatePipe, Loading, Empty, ProblemAlert, Pager],
  template: `
    @if (search()) {
      <form role="search" class="actions" (ngSubmit)="list().search()">
        <label [for]="key() + '-search'" class="search-label">{{ search() | t }}</label>
        <input [id]="key() + '-search'" name="filter" type="search" [ngModel]="list().filter()" (ngModelChange)="list().filter.set($event)" [attr.aria-describedby]="key() + '-search-hint'" />
        <span [id]="key() + '-search-hint'" class="hint">{{ search() + 'Hint' | t }}</span>
        <button type="submit">{{ 'shell.list.search' | t }}</button>
      </form>
    }
    @if (notice() !== null) {
      <div role="status" aria-live="polite">
        @if (notice()) {
          <p class="notice">{{ notice() }}</p>
        }
      </div>
    }
    <app-problem [problem]="actionProblem()" />
    @if (list().loading()) {
      <app-loading />
    }
    <app-problem [problem]="list().problem()" />
    @if (list().data() !== undefined) {
      @if (list().items().length === 0) {
        <app-empty [message]="list().filter().trim() && emptyFiltered() ? emptyFiltered() : empty()" />
      } @else if (caption()) {
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{{ caption() | t }}</caption>
            <ng-content />
          </table>
        </div>
      } @else {
        <ng-content select="[listBody]" />
      }
      @if (list().pageSize && list().items().length) {
        <app-pager [total]="list().total()" [skip]="list().skip()" [size]="list().pageSize" (skipChange)="list().goTo($event)" />
      }
    }
  `,
  styles: `.search-label { align-self: center; } .table-wrap { position: relative; }`,
})
export class ListPage {
  readonly list = input.required<ListSource<unknown>>();
  /** Prefix of the ids the page's tests and labels use. */
  readonly key = input('list');
  /** Translation key of the table's caption (screen readers); empty for a list that is not a table. */
  readonly caption = input('');
  /** Translation key of what an empty list says. */
  readonly empty = input.required<string>();
  /** What an empty list says while a search or filter is on, if different. */
  readonly emptyFiltered = input('');
  /** Translation key of the search box's label (its hint is the same key + "Hint"); empty: no search box. */
  readonly search = input('');
  /** What the last action did, said in the status region; null: the page has no such region here. */
  readonly notice = input<string | null>(null);
  readonly actionProblem = input<Problem | null>(null);
}
