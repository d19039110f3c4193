import { computed, signal } from '@angular/core';
import { Loadable } from './async';
import { num } from './numbers';

/** A page of a list as every list endpoint answers it: `{ totalCount, items }` (totalCount is int64: number or string). */
export interface Paged<T> {
  totalCount: number | string;
  items: T[];
}

/**
 * What a list source holds: a page from a list endpoint (every one answers `{ totalCount, items }`), or rows the page
 * already has and shows without a request (a council's seats, a meeting's access supports), which are a bare array.
 */
export type ListResponse<T> = Paged<T> | readonly T[];

/** The rows of a list answer, whichever shape it has. */
export function listItems<T>(value: ListResponse<T> | null | undefined): T[] {
  if (!value) {
    return [];
  }
  return isPaged(value) ? value.items : [...value];
}

/** How many rows there are in all (more than `listItems` holds when the list is paged). */
export function listTotal<T>(value: ListResponse<T> | null | undefined): number {
  if (!value) {
    return 0;
  }
  return isPaged(value) ? num(value.totalCount) : value.length;
}

function isPaged<T>(value: ListResponse<T>): value is Paged<T> {
  return !Array.isArray(value) && typeof value === 'object' && 'items' in value;
}

/** The query every list page sends: the page window and, for searchable lists, the filter text. */
export interface ListQuery {
  SkipCount: number;
  MaxResultCount: number;
  filter?: string;
}

/**
 * One list a page shows: loads through `fetch`, keeps the page window and the search text, and shows only the newest
 * request's answer when filters change faster than the API answers. `<app-list-page [list]="…">` renders it.
 */
export class ListSource<T> extends Loadable<ListResponse<T>> {
  readonly skip = signal(0);
  readonly filter = signal('');
  readonly items = computed(() => listItems(this.data()));
  readonly total = computed(() => listTotal(this.data()));
  private latest?: Promise<ListResponse<T>>;

  /** pageSize 0: the whole list at once (no pager). */
  constructor(
    private readonly fetch: (query: ListQuery) => Promise<ListResponse<T>>,
    readonly pageSize = 0,
  ) {
    super();
  }

  reload(): Promise<unknown> {
    this.latest = this.fetch({ SkipCount: this.skip(), MaxResultCount: this.pageSize || 1000, filter: this.filter().trim() || undefined });
    return this.load(async () => {
      let current: Promise<ListResponse<T>> | undefined;
      do {
        current = this.latest;
        await current?.catch(() => undefined);
      } while (current !== this.latest);
      return current!;
    });
  }

  /** Shows rows the page already has (a council's seats come with the council): no request. */
  show(value: ListResponse<T>): void {
    this.problem.set(null);
    this.data.set(value);
  }

  /** A new search starts at the first page. */
  search(): Promise<unknown> {
    this.skip.set(0);
    return this.reload();
  }

  goTo(skip: number): Promise<unknown> {
    this.skip.set(skip);
    return this.reload();
  }

  /** Shows a row the API answered with after an action, without asking for the whole list again. */
  replace(match: (row: T) => boolean, row: T): void {
    this.data.update((value) => {
      if (!value) {
        return value;
      }
      const items = listItems(value).map((r) => (match(r) ? row : r));
      return isPaged(value) ? { ...value, items } : items;
    });
  }
}
