import { Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Submission } from '../../shared/async';
import { saveDownload } from '../../shared/download';
import { ListSource } from '../../shared/list';
import { ListColumn, ListPage, ListRow } from '../../shared/list-page';
import { Permission } from '../../shared/permissions';
import { ProblemAlert } from '../../shared/state';
import { DataSharingApi } from './data-sharing-api';
import { AgreementState, AgreementSummaryDto, DataSensitivity, RegisterQuery, SENSITIVITIES, STATES, stateBadge } from './model';

/** How far ahead the "Expiring soon" view looks. */
export const EXPIRING_SOON_DAYS = 60;

/** The register's query for the applied filters and view. */
export function registerQuery(filters: RegisterFilters, expiringSoon: boolean): RegisterQuery {
  return {
    state: filters.state || undefined,
    sensitivity: filters.sensitivity || undefined,
    party: filters.party.trim() || undefined,
    filter: filters.text.trim() || undefined,
    expiringWithinDays: expiringSoon ? EXPIRING_SOON_DAYS : undefined,
    Sorting: expiringSoon ? 'effectiveTo' : undefined,
  };
}

export interface RegisterFilters {
  state: AgreementState | '';
  sensitivity: DataSensitivity | '';
  party: string;
  text: string;
}

/**
 * The register of the partnership's data-sharing agreements: filter by state, sensitivity, a party and text; the
 * "Expiring soon" view lists the active ones ending within 60 days; the same filters download as CSV.
 */
@Component({
  selector: 'app-agreement-register',
  imports: [FormsModule, RouterLink, TranslatePipe, ListPage, ListRow, ProblemAlert],
  template: `
    <div class="page-header">
      <h1 id="register-title" tabindex="-1">{{ 'dataSharing.register.title' | t }}</h1>
      @if (canManage) {
        <a class="button primary" routerLink="/data-sharing/agreements/new">{{ 'dataSharing.register.create' | t }}</a>
      }
    </div>
    <p class="hint">{{ 'dataSharing.register.intro' | t }}</p>

    <nav class="views" [attr.aria-label]="'dataSharing.register.views' | t">
      <a routerLink="/data-sharing/agreements" [attr.aria-current]="expiringSoon() ? null : 'page'">{{ 'dataSharing.register.all' | t }}</a>
      <a routerLink="/data-sharing/agreements" [queryParams]="{ expiring: expiringDays }" [attr.aria-current]="expiringSoon() ? 'page' : null">
        {{ 'dataSharing.register.expiringSoon' | t: { days: expiringDays } }}
      </a>
    </nav>

    <form class="card filters" role="search" [attr.aria-label]="'dataSharing.register.filters' | t" (ngSubmit)="apply()">
      <div class="field">
        <label for="register-text">{{ 'dataSharing.register.text' | t }}</label>
        <input id="register-text" name="text" type="search" [(ngModel)]="filters.text" aria-describedby="register-text-hint" />
        <span id="register-text-hint" class="hint">{{ 'dataSharing.register.textHint' | t }}</span>
      </div>
      <div class="field">
        <label for="register-state">{{ 'dataSharing.register.state' | t }}</label>
        <select id="register-state" name="state" [(ngModel)]="filters.state">
          <option value="">{{ 'dataSharing.register.anyState' | t }}</option>
          @for (s of states; track s) {
            <option [value]="s">{{ 'dataSharing.states.' + s | t }}</option>
          }
        </select>
      </div>
      <div class="field">
        <label for="register-sensitivity">{{ 'dataSharing.register.sensitivity' | t }}</label>
        <select id="register-sensitivity" name="sensitivity" [(ngModel)]="filters.sensitivity">
          <option value="">{{ 'dataSharing.register.anySensitivity' | t }}</option>
          @for (s of sensitivities; track s) {
            <option [value]="s">{{ 'dataSharing.sensitivities.' + s | t }}</option>
          }
        </select>
      </div>
      <div class="field">
        <label for="register-party">{{ 'dataSharing.register.party' | t }}</label>
        <input id="register-party" name="party" [(ngModel)]="filters.party" />
      </div>
      <div class="actions">
        <button type="submit">{{ 'dataSharing.register.apply' | t }}</button>
        <button type="button" [disabled]="downloading.busy()" (click)="download()">{{ 'dataSharing.register.csv' | t }}</button>
      </div>
    </form>
    <div role="status" aria-live="polite">
      @if (message()) {
        <p class="notice">{{ message() }}</p>
      }
    </div>
    <app-problem [problem]="downloading.problem()" />

    @if (expiringSoon()) {
      <h2 id="register-view-title">{{ 'dataSharing.register.expiringTitle' | t: { days: expiringDays } }}</h2>
    }
    <app-list-page [list]="agreements" key="register" caption="dataSharing.register.caption" regionLabel="dataSharing.register.caption"
      [columns]="columns" [empty]="expiringSoon() ? 'dataSharing.register.emptyExpiring' : 'dataSharing.register.empty'" [quietReload]="true">
      <ng-template [listRow]="agreements" let-a>
        <th scope="row"><a [routerLink]="['/data-sharing/agreements', a.id]">{{ a.title }}</a></th>
        <td>
          <span [class]="badge(a.state)">{{ 'dataSharing.states.' + a.state | t }}</span>
          @if (a.amendmentState) {
            <div class="hint">{{ 'dataSharing.register.amendment' | t: { state: ('dataSharing.states.' + a.amendmentState | t) } }}</div>
          }
        </td>
        <td>{{ 'dataSharing.sensitivities.' + a.sensitivity | t }}</td>
        <td>{{ a.partyNames }}</td>
        <td>{{ date(a.effectiveFrom) }}</td>
        <td>
          {{ a.effectiveTo ? date(a.effectiveTo) : ('dataSharing.register.noEnd' | t) }}
          @if (a.daysUntilEnd !== null && a.daysUntilEnd !== undefined && a.state === 'Active') {
            <div class="hint">{{ 'dataSharing.register.daysLeft' | t: { days: a.daysUntilEnd } }}</div>
          }
        </td>
        <td>{{ a.destructionDate ? date(a.destructionDate) : '' }}</td>
      </ng-template>
    </app-list-page>
  `,
  styles: `
    .views { display: flex; gap: 1rem; flex-wrap: wrap; margin: 0 0 1rem; }
    .views a[aria-current='page'] { font-weight: 700; text-decoration: underline 3px; }
    .filters { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: flex-end; }
    .filters .field { flex: 1 1 12rem; }
  `,
})
export class AgreementRegister {
  private readonly api = inject(DataSharingApi);
  private readonly i18n = inject(I18n);
  private readonly config = inject(AppConfig);
  /** `?expiring=60` from the URL: the "Expiring soon" view. */
  readonly expiring = input<string | undefined>();
  protected readonly expiringSoon = computed(() => !!this.expiring());
  protected readonly expiringDays = EXPIRING_SOON_DAYS;
  protected readonly canManage = this.config.can(Permission.DataSharingAgreementsManage);
  protected readonly states = STATES;
  protected readonly sensitivities = SENSITIVITIES;
  protected readonly badge = stateBadge;
  protected filters: RegisterFilters = { state: '', sensitivity: '', party: '', text: '' };
  private readonly applied = signal<RegisterFilters>({ ...this.filters });
  protected readonly downloading = new Submission();
  protected readonly message = signal('');
  protected readonly columns: ListColumn[] = [
    'dataSharing.register.agreement', 'dataSharing.register.state', 'dataSharing.register.sensitivity', 'dataSharing.register.parties',
    'dataSharing.register.effectiveFrom', 'dataSharing.register.effectiveTo', 'dataSharing.register.destructionDate',
  ];
  protected readonly agreements = new ListSource<AgreementSummaryDto>(
    (q) => this.api.register({ ...registerQuery(this.applied(), this.expiringSoon()), SkipCount: q.SkipCount, MaxResultCount: q.MaxResultCount }),
    50,
  );

  constructor() {
    effect(() => {
      this.expiringSoon();
      untracked(() => void this.agreements.search());
    });
  }

  protected date(value: string): string {
    return this.i18n.formatDate(value, 'date');
  }

  protected apply(): void {
    this.applied.set({ ...this.filters });
    this.message.set('');
    void this.agreements.search();
  }

  protected async download(): Promise<void> {
    this.message.set('');
    const query = registerQuery(this.filters, this.expiringSoon());
    const name = await this.downloading.run(() => saveDownload(() => this.api.registerCsv(query), 'agreements.csv'));
    if (name) {
      this.message.set(this.i18n.t('dataSharing.register.downloaded', { name }));
    }
  }
}
