import { Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api } from '../../api/api';
import { exportAuditLogs } from '../../api/fn/audit-logging/export-audit-logs';
import { getAuditLogs } from '../../api/fn/audit-logging/get-audit-logs';
import { AuditAction } from '../../api/models/audit-action';
import { AuditLogEntryDto } from '../../api/models/audit-log-entry-dto';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Submission } from '../../shared/async';
import { saveDownload } from '../../shared/download';
import { ListSource } from '../../shared/list';
import { ListPage, ListRow } from '../../shared/list-page';
import { FieldErrors, ProblemAlert } from '../../shared/state';
import { zonedToIso } from '../../shared/time';

const PAGE_SIZE = 25;

/** Every action the API records, in the order the filter offers them. */
export const AUDIT_ACTIONS: readonly AuditAction[] = ['Created', 'Updated', 'Deleted', 'Read'];

/** The audited entities the app knows a name for (offered as suggestions; the filter takes any name). */
export const AUDITED_ENTITIES = ['Council', 'Seat', 'SeatAssignment', 'Decision', 'User', 'PermissionGrant', 'Tenant', 'Edition'] as const;

/** The filters as typed: whole days (yyyy-mm-dd) in the partnership's time zone, texts, an action or none. */
export interface AuditFilters {
  from: string;
  to: string;
  userName: string;
  entityType: string;
  entityId: string;
  action: AuditAction | '';
}

export const NO_FILTERS: Readonly<AuditFilters> = Object.freeze({ from: '', to: '', userName: '', entityType: '', entityId: '', action: '' });

/** The query both the list and the export send for the filters: `from` is the day's start, `to` the next day's start (exclusive). */
export function auditQuery(filters: AuditFilters, timeZone: string) {
  const text = (value: string) => value.trim() || undefined;
  return {
    From: filters.from ? zonedToIso(`${filters.from}T00:00`, timeZone) || undefined : undefined,
    To: filters.to ? zonedToIso(`${nextDay(filters.to)}T00:00`, timeZone) || undefined : undefined,
    UserName: text(filters.userName),
    EntityType: text(filters.entityType),
    EntityId: text(filters.entityId),
    Action: filters.action || undefined,
  };
}

/** "2026-02-28" → "2026-03-01". */
export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** One changed property with its values before and after, as text. */
export interface ValueChange {
  property: string;
  before: string;
  after: string;
}

/**
 * The before/after values an entry keeps (`{"Title": {"before": "A", "after": "B"}}`), in property order; none when
 * the entity keeps no values or the text is not that shape. Absent values are empty strings.
 */
export function valueChanges(valuesJson: string | null | undefined): ValueChange[] {
  if (!valuesJson) {
    return [];
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(valuesJson);
  } catch {
    return [];
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return [];
  }
  return Object.entries(parsed as Record<string, unknown>).map(([property, change]) => {
    const { before, after } = (change && typeof change === 'object' ? change : {}) as { before?: unknown; after?: unknown };
    return { property, before: shown(before), after: shown(after) };
  });
}

function shown(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Tenant admins (and host admins for the host): who changed or read what, when. Filters by period, person, entity and
 * action; each row opens the changed properties and, for money and agreements, their values before and after. The
 * export downloads the same filtered entries as CSV through the authenticated client.
 */
@Component({
  selector: 'app-audit-log',
  imports: [FormsModule, TranslatePipe, ListPage, ListRow, ProblemAlert, FieldErrors],
  template: `
    <div class="page-header">
      <h1>{{ 'audit.log.title' | t }}</h1>
      <button type="button" class="primary" (click)="exportCsv()" [disabled]="exporting.busy()" [attr.aria-busy]="exporting.busy()">
        {{ (exporting.busy() ? 'audit.log.exporting' : 'audit.log.export') | t }}
      </button>
    </div>
    <p class="hint">{{ 'audit.log.intro' | t }}</p>
    <div role="status" aria-live="polite">
      @if (downloaded()) {
        <p class="notice">{{ 'audit.log.downloaded' | t: { file: downloaded() } }}</p>
      }
    </div>
    <app-problem [problem]="exporting.problem()" [showFields]="true" />

    <form class="card filters" role="search" [attr.aria-label]="'audit.filters.label' | t" (ngSubmit)="apply()">
      <h2>{{ 'audit.filters.title' | t }}</h2>
      <div class="filter-grid">
        <div class="field">
          <label for="audit-from">{{ 'audit.filters.from' | t }}</label>
          <input id="audit-from" name="from" type="date" [(ngModel)]="draft.from" aria-describedby="audit-dates-hint" />
        </div>
        <div class="field">
          <label for="audit-to">{{ 'audit.filters.to' | t }}</label>
          <input id="audit-to" name="to" type="date" [(ngModel)]="draft.to" aria-describedby="audit-dates-hint audit-to-errors" />
          <app-field-errors [problem]="entries.problem()" field="filter.to" id="audit-to-errors" />
        </div>
        <div class="field">
          <label for="audit-user">{{ 'audit.filters.user' | t }}</label>
          <input id="audit-user" name="userName" type="search" [(ngModel)]="draft.userName" maxlength="256" aria-describedby="audit-user-hint" />
          <span id="audit-user-hint" class="hint">{{ 'audit.filters.userHint' | t }}</span>
        </div>
        <div class="field">
          <label for="audit-action">{{ 'audit.filters.action' | t }}</label>
          <select id="audit-action" name="action" [(ngModel)]="draft.action">
            <option value="">{{ 'audit.filters.anyAction' | t }}</option>
            @for (action of actions; track action) {
              <option [value]="action">{{ 'audit.actions.' + action | t }}</option>
            }
          </select>
        </div>
        <div class="field">
          <label for="audit-entity-type">{{ 'audit.filters.entityType' | t }}</label>
          <input id="audit-entity-type" name="entityType" type="text" list="audit-entity-types" [(ngModel)]="draft.entityType" maxlength="128" aria-describedby="audit-entity-type-hint" />
          <datalist id="audit-entity-types">
            @for (type of entityTypes; track type) {
              <option [value]="type">{{ entityName(type) }}</option>
            }
          </datalist>
          <span id="audit-entity-type-hint" class="hint">{{ 'audit.filters.entityTypeHint' | t }}</span>
        </div>
        <div class="field">
          <label for="audit-entity-id">{{ 'audit.filters.entityId' | t }}</label>
          <input id="audit-entity-id" name="entityId" type="text" [(ngModel)]="draft.entityId" maxlength="128" />
        </div>
      </div>
      <p id="audit-dates-hint" class="hint">{{ 'audit.filters.datesHint' | t: { zone: config.timeZone() } }}</p>
      <div class="actions">
        <button type="submit" class="primary" [disabled]="entries.loading()">{{ 'audit.filters.apply' | t }}</button>
        <button type="button" (click)="clear()" [disabled]="entries.loading() || !hasDraft()">{{ 'audit.filters.clear' | t }}</button>
      </div>
    </form>

    <app-list-page [list]="entries" key="audit" caption="audit.log.caption" regionLabel="audit.log.caption" [quietReload]="true"
      [columns]="['audit.log.when', 'audit.log.who', 'audit.log.action', 'audit.log.entity', 'audit.log.entityId', 'audit.log.changes']"
      [empty]="filtered() ? 'audit.log.emptyFiltered' : 'audit.log.empty'">
      <ng-template [listRow]="entries" let-e>
        <th scope="row">{{ date(e.time) }}</th>
        <td class="wrap">{{ e.userName || ('audit.log.system' | t) }}</td>
        <td>{{ 'audit.actions.' + e.action | t }}</td>
        <td>{{ entityName(e.entityType) }}</td>
        <td class="wrap id">{{ e.entityId }}</td>
        <td>
          @if (e.changedProperties.length) {
            <details>
              <summary>{{ 'audit.log.changedCount' | t: { count: e.changedProperties.length } }}</summary>
              @if (changes(e); as values) {
                @if (values.length) {
                  <table class="values">
                    <caption class="visually-hidden">{{ 'audit.log.valuesCaption' | t: { entity: entityName(e.entityType), id: e.entityId } }}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{{ 'audit.log.property' | t }}</th>
                        <th scope="col">{{ 'audit.log.before' | t }}</th>
                        <th scope="col">{{ 'audit.log.after' | t }}</th>
                      </tr>
                    </thead>
                    <tbody>
                      @for (v of values; track v.property) {
                        <tr>
                          <th scope="row">{{ v.property }}</th>
                          <td class="wrap">{{ v.before || ('audit.log.noValue' | t) }}</td>
                          <td class="wrap">{{ v.after || ('audit.log.noValue' | t) }}</td>
                        </tr>
                      }
                    </tbody>
                  </table>
                } @else {
                  <ul class="properties">
                    @for (p of e.changedProperties; track p) {
                      <li>{{ p }}</li>
                    }
                  </ul>
                }
              }
            </details>
          } @else {
            {{ 'audit.log.noChanges' | t }}
          }
        </td>
      </ng-template>
    </app-list-page>
  `,
  styles: `
    .filters h2 { margin-top: 0; font-size: 1.1rem; }
    .filter-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0 1rem; }
    .wrap { overflow-wrap: anywhere; max-width: 16rem; }
    .id { font-family: monospace; font-size: 0.85em; }
    summary { cursor: pointer; }
    .values { margin-top: 0.5rem; font-size: 0.9em; }
    .properties { margin: 0.5rem 0 0; padding-left: 1.2rem; }
  `,
})
export class AuditLog {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  protected readonly config = inject(AppConfig);
  protected readonly actions = AUDIT_ACTIONS;
  protected readonly entityTypes = AUDITED_ENTITIES;

  /** What the form shows; `applied` is what the list and the export use (set by "Apply filters"). */
  protected draft: AuditFilters = { ...NO_FILTERS };
  protected readonly applied = signal<AuditFilters>({ ...NO_FILTERS });
  protected readonly filtered = computed(() => JSON.stringify(this.applied()) !== JSON.stringify(NO_FILTERS));

  protected readonly entries = new ListSource<AuditLogEntryDto>(
    (query) => this.api.invoke(getAuditLogs, { SkipCount: query.SkipCount, MaxResultCount: query.MaxResultCount, ...auditQuery(this.applied(), this.config.timeZone()) }),
    PAGE_SIZE,
  );
  protected readonly exporting = new Submission();
  protected readonly downloaded = signal('');
  private readonly parsed = new Map<string, ValueChange[]>();

  constructor() {
    void this.entries.reload();
  }

  protected hasDraft(): boolean {
    return JSON.stringify(this.draft) !== JSON.stringify(NO_FILTERS) || this.filtered();
  }

  protected apply(): void {
    this.applied.set({ ...this.draft });
    this.downloaded.set('');
    void this.entries.search();
  }

  protected clear(): void {
    this.draft = { ...NO_FILTERS };
    this.apply();
  }

  /** Downloads the entries the list shows (its applied filters), all pages, as CSV. */
  protected async exportCsv(): Promise<void> {
    this.downloaded.set('');
    const name = await this.exporting.run(() =>
      saveDownload(() => this.api.invoke$Response(exportAuditLogs, auditQuery(this.applied(), this.config.timeZone())), 'audit-log.csv'),
    );
    if (name) {
      this.downloaded.set(name);
    }
  }

  protected date(value: string): string {
    return this.i18n.formatDate(value, 'dateTime', this.config.timeZone());
  }

  protected entityName(type: string): string {
    return this.i18n.optional(`audit.entities.${type}`, type);
  }

  protected changes(entry: AuditLogEntryDto): ValueChange[] {
    const key = entry.valuesJson ?? '';
    let values = this.parsed.get(key);
    if (!values) {
      values = valueChanges(entry.valuesJson);
      this.parsed.set(key, values);
    }
    return values;
  }
}
