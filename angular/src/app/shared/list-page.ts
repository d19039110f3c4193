import { NgTemplateOutlet } from '@angular/common';
import { Component, Directive, TemplateRef, contentChild, inject, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '../core/i18n';
import { ListSource } from './list';
import { Pager } from './pager';
import { RowActions } from './row-actions';
import { Empty, Loading, ProblemAlert } from './state';

/** A table column's header: a translation key, or one only screen readers hear (an actions column). */
export type ListColumn = string | { label: string; hidden: true };

/** The cells of one row: `<ng-template [listRow]="users" let-u>` with `<th scope="row">` and `<td>`s; `u` is typed. */
@Directive({ selector: 'ng-template[listRow]' })
export class ListRow<T> {
  readonly listRow = input.required<ListSource<T>>();
  readonly template = inject<TemplateRef<{ $implicit: T }>>(TemplateRef);

  static ngTemplateContextGuard<T>(_directive: ListRow<T>, context: unknown): context is { $implicit: T } {
    return true;
  }
}

/**
 * The skeleton of every list in the app: the search box (when `search` names its label), the status region for what
 * an action did, the action's refusal, the loading / failed / empty states, the rows and the pager. A table gives
 * `caption` and `columns` and its cells as a `listRow` template (the table sits in `.table-wrap`, headers have
 * `scope`); a list that is not a table marks its content with `listBody`. Ids start with `key` ("user-search").
 */
@Component({
  selector: 'app-list-page',
  imports: [FormsModule, NgTemplateOutlet, TranslatePipe, Loading, Empty, ProblemAlert, Pager],
  template: `
    @if (search()) {
      <form role="search" class="actions" (ngSubmit)="list().search()">
        <label [for]="key() + '-search'" class="search-label">{{ search() | t }}</label>
        <input [id]="key() + '-search'" name="filter" type="search" [ngModel]="list().filter()" (ngModelChange)="list().filter.set($event)" [attr.aria-describedby]="key() + '-search-hint'" />
        <span [id]="key() + '-search-hint'" class="hint">{{ search() + 'Hint' | t }}</span>
        <button type="submit">{{ 'shell.list.search' | t }}</button>
      </form>
    }
    @if (actions(); as actions) {
      <div role="status" aria-live="polite">
        @if (actions.message()) {
          <p class="notice">{{ actions.message() }}</p>
        }
      </div>
      <app-problem [problem]="actions.problem()" />
    }
    @if (list().loading() && !(quietReload() && list().data() !== undefined)) {
      <app-loading />
    }
    <app-problem [problem]="list().problem()" />
    @if (list().data() !== undefined) {
      @if (list().items().length === 0) {
        <app-empty [message]="list().filter().trim() && emptyFiltered() ? emptyFiltered() : empty()" />
      } @else if (row(); as row) {
        <div class="table-wrap" [attr.tabindex]="regionLabel() ? 0 : null" [attr.role]="regionLabel() ? 'region' : null" [attr.aria-label]="regionLabel() ? (regionLabel() | t) : null">
          <table>
            <caption class="visually-hidden">{{ caption() | t }}</caption>
            <thead>
              <tr>
                @for (column of columns(); track $index) {
                  @if (isHidden(column)) {
                    <th scope="col"><span class="visually-hidden">{{ column.label | t }}</span></th>
                  } @else {
                    <th scope="col">{{ column | t }}</th>
                  }
                }
              </tr>
            </thead>
            <tbody>
              @for (item of list().items(); track trackKey(item, $index)) {
                <tr>
                  <ng-container [ngTemplateOutlet]="row.template" [ngTemplateOutletContext]="{ $implicit: item }" />
                </tr>
              }
            </tbody>
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
  /** Prefix of the ids of the search box and its hint. */
  readonly key = input('list');
  /** Translation key of the table's caption (screen readers). */
  readonly caption = input('');
  readonly columns = input<readonly ListColumn[]>([]);
  /** Shows the spinner only for the first load, not while reloading rows that are already shown. */
  readonly quietReload = input(false);
  /** Translation key naming the table's scrolling box, which then takes the keyboard focus (wide tables). */
  readonly regionLabel = input('');
  /** Translation key of what an empty list says. */
  readonly empty = input.required<string>();
  /** What an empty list says while a search is on, if different. */
  readonly emptyFiltered = input('');
  /** Translation key of the search box's label (its hint is the same key + "Hint"); empty: no search box. */
  readonly search = input('');
  /** The page's row actions: what the last one did (status region) and its refusal; none: no such region. */
  readonly actions = input<RowActions<unknown> | null>(null);
  protected readonly row = contentChild(ListRow);

  protected isHidden(column: ListColumn): column is { label: string; hidden: true } {
    return typeof column !== 'string';
  }

  /** Rows keep their DOM (and focus) across reloads when they have an id. */
  protected trackKey(item: unknown, index: number): unknown {
    return (item as { id?: unknown } | null)?.id ?? index;
  }
}
