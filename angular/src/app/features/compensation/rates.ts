import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api } from '../../api/api';
import { addRateVersion } from '../../api/fn/compensation/add-rate-version';
import { createRate } from '../../api/fn/compensation/create-rate';
import { getRates } from '../../api/fn/compensation/get-rates';
import { RateDto } from '../../api/models/rate-dto';
import { RateUnit } from '../../api/models/rate-unit';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Submission } from '../../shared/async';
import { focusSoon } from '../../shared/focus';
import { ListSource } from '../../shared/list';
import { ListColumn, ListPage, ListRow } from '../../shared/list-page';
import { Permission } from '../../shared/permissions';
import { FieldErrors, ProblemAlert } from '../../shared/state';
import { todayIn } from '../../shared/time';
import { CouncilNames } from './councils';
import { formatMoney } from './money';

export const RATE_UNITS: readonly RateUnit[] = ['Hour', 'Meeting', 'Deliverable'];

/**
 * The partnership's rates, every version with its dates (a change is a new version from a day on; history is never
 * rewritten). Finance and admins add a rate or a new version of one.
 */
@Component({
  selector: 'app-rates',
  imports: [FormsModule, TranslatePipe, ListPage, ListRow, FieldErrors, ProblemAlert],
  providers: [CouncilNames],
  template: `
    <div class="page-header">
      <h1 id="rates-title" tabindex="-1">{{ 'compensation.rates.title' | t }}</h1>
      @if (canManage && !creating() && !versioning()) {
        <button type="button" class="primary" (click)="openCreate()">{{ 'compensation.rates.create' | t }}</button>
      }
    </div>
    <p class="hint">{{ 'compensation.rates.intro' | t }}</p>
    <div role="status" aria-live="polite">
      @if (message()) {
        <p class="notice">{{ message() }}</p>
      }
    </div>

    @if (creating()) {
      <form class="card" (ngSubmit)="create()" aria-labelledby="rate-form-title">
        <h2 id="rate-form-title">{{ 'compensation.rates.createTitle' | t }}</h2>
        <div class="field">
          <label for="rate-name">{{ 'compensation.rates.name' | t }}</label>
          <input id="rate-name" name="name" [(ngModel)]="draft.name" required maxlength="200" aria-describedby="rate-name-errors" />
          <app-field-errors [problem]="saving.problem()" field="name" id="rate-name-errors" />
        </div>
        <div class="field">
          <label for="rate-unit">{{ 'compensation.rates.unit' | t }}</label>
          <select id="rate-unit" name="unit" [(ngModel)]="draft.unit">
            @for (unit of units; track unit) {
              <option [value]="unit">{{ 'compensation.units.' + unit | t }}</option>
            }
          </select>
        </div>
        <div class="field">
          <label for="rate-amount">{{ 'compensation.rates.amount' | t }}</label>
          <input id="rate-amount" name="amount" type="number" min="0" step="0.01" [(ngModel)]="draft.amount" required aria-describedby="rate-amount-errors" />
          <app-field-errors [problem]="saving.problem()" field="amount" id="rate-amount-errors" />
        </div>
        <div class="field">
          <label for="rate-currency">{{ 'compensation.rates.currency' | t }}</label>
          <input id="rate-currency" name="currency" [(ngModel)]="draft.currency" required maxlength="3" aria-describedby="rate-currency-hint rate-currency-errors" />
          <span id="rate-currency-hint" class="hint">{{ 'compensation.rates.currencyHint' | t }}</span>
          <app-field-errors [problem]="saving.problem()" field="currency" id="rate-currency-errors" />
        </div>
        @if (councils.councils().length) {
          <div class="field">
            <label for="rate-council">{{ 'compensation.rates.council' | t }}</label>
            <select id="rate-council" name="councilId" [(ngModel)]="draft.councilId">
              <option value="">{{ 'compensation.rates.wholePartnership' | t }}</option>
              @for (c of councils.councils(); track c.id) {
                <option [value]="c.id">{{ c.name }}</option>
              }
            </select>
          </div>
        }
        <div class="field">
          <label for="rate-from">{{ 'compensation.rates.effectiveFrom' | t }}</label>
          <input id="rate-from" name="effectiveFrom" type="date" [(ngModel)]="draft.effectiveFrom" aria-describedby="rate-from-errors" />
          <app-field-errors [problem]="saving.problem()" field="effectiveFrom" id="rate-from-errors" />
        </div>
        <app-problem [problem]="saving.problem()" />
        <div class="actions">
          <button type="submit" class="primary" [disabled]="saving.busy()">{{ 'compensation.save' | t }}</button>
          <button type="button" (click)="close()">{{ 'compensation.cancel' | t }}</button>
        </div>
      </form>
    }

    @if (versioning(); as rate) {
      <form class="card" (ngSubmit)="addVersion(rate)" aria-labelledby="version-form-title">
        <h2 id="version-form-title">{{ 'compensation.rates.versionTitle' | t: { name: rate.name } }}</h2>
        <p class="hint">{{ 'compensation.rates.versionHint' | t }}</p>
        <div class="field">
          <label for="version-amount">{{ 'compensation.rates.amount' | t }}</label>
          <input id="version-amount" name="amount" type="number" min="0" step="0.01" [(ngModel)]="version.amount" required aria-describedby="version-amount-errors" />
          <app-field-errors [problem]="saving.problem()" field="amount" id="version-amount-errors" />
        </div>
        <div class="field">
          <label for="version-from">{{ 'compensation.rates.effectiveFrom' | t }}</label>
          <input id="version-from" name="effectiveFrom" type="date" [(ngModel)]="version.effectiveFrom" required aria-describedby="version-from-errors" />
          <app-field-errors [problem]="saving.problem()" field="effectiveFrom" id="version-from-errors" />
        </div>
        <app-problem [problem]="saving.problem()" />
        <div class="actions">
          <button type="submit" class="primary" [disabled]="saving.busy()">{{ 'compensation.save' | t }}</button>
          <button type="button" (click)="close()">{{ 'compensation.cancel' | t }}</button>
        </div>
      </form>
    }

    <app-list-page [list]="rates" key="rates" caption="compensation.rates.caption" [columns]="columns" empty="compensation.rates.empty">
      <ng-template [listRow]="rates" let-r>
        <th scope="row">{{ r.name }}</th>
        <td>{{ 'compensation.units.' + r.unit | t }}</td>
        <td>{{ money(r.amount, r.currency) }}</td>
        <td>{{ councils.name(r.councilId) || ('compensation.rates.wholePartnership' | t) }}</td>
        <td>{{ date(r.effectiveFrom) }}</td>
        <td>{{ r.effectiveTo ? date(r.effectiveTo) : ('compensation.rates.open' | t) }}</td>
        @if (canManage) {
          <td>
            @if (!r.effectiveTo) {
              <button type="button" class="link-button" (click)="openVersion(r)">
                {{ 'compensation.rates.newVersion' | t }}<span class="visually-hidden"> {{ r.name }}</span>
              </button>
            }
          </td>
        }
      </ng-template>
    </app-list-page>
  `,
})
export class Rates {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly config = inject(AppConfig);
  protected readonly councils = inject(CouncilNames);
  protected readonly canManage = this.config.can(Permission.CompensationRatesManage);
  protected readonly units = RATE_UNITS;
  protected readonly columns: ListColumn[] = [
    'compensation.rates.name', 'compensation.rates.unit', 'compensation.rates.amount', 'compensation.rates.council',
    'compensation.rates.effectiveFrom', 'compensation.rates.effectiveTo',
    ...(this.canManage ? [{ label: 'compensation.actions', hidden: true as const }] : []),
  ];
  protected readonly rates = new ListSource<RateDto>((q) => this.api.invoke(getRates, { SkipCount: q.SkipCount, MaxResultCount: q.MaxResultCount }), 50);
  protected readonly saving = new Submission();
  protected readonly creating = signal(false);
  protected readonly versioning = signal<RateDto | null>(null);
  protected readonly message = signal('');
  protected draft = this.emptyDraft();
  protected version = { amount: null as number | null, effectiveFrom: '' };

  constructor() {
    void this.rates.reload();
    void this.councils.load();
  }

  protected money(amount: number | string, currency: string): string {
    return formatMoney(this.i18n.language(), amount, currency);
  }

  protected date(value: string): string {
    return this.i18n.formatDate(value, 'date');
  }

  protected openCreate(): void {
    this.draft = this.emptyDraft();
    this.saving.reset();
    this.creating.set(true);
    focusSoon('rate-name');
  }

  protected openVersion(rate: RateDto): void {
    this.creating.set(false);
    this.saving.reset();
    this.version = { amount: Number(rate.amount), effectiveFrom: todayIn(this.config.timeZone()) };
    this.versioning.set(rate);
    focusSoon('version-amount');
  }

  protected close(): void {
    this.creating.set(false);
    this.versioning.set(null);
    focusSoon('rates-title');
  }

  protected async create(): Promise<void> {
    const d = this.draft;
    const done = await this.saving.run(() =>
      this.api.invoke(createRate, {
        body: {
          name: d.name.trim(),
          unit: d.unit,
          amount: d.amount ?? 0,
          currency: d.currency.trim().toUpperCase(),
          councilId: d.councilId || null,
          effectiveFrom: d.effectiveFrom || null,
        },
      }),
    );
    if (done) {
      this.message.set(this.i18n.t('compensation.rates.created', { name: d.name.trim() }));
      this.close();
      await this.rates.reload();
    }
  }

  protected async addVersion(rate: RateDto): Promise<void> {
    const done = await this.saving.run(() =>
      this.api.invoke(addRateVersion, { id: rate.id, body: { amount: this.version.amount ?? 0, currency: null, effectiveFrom: this.version.effectiveFrom } }),
    );
    if (done) {
      this.message.set(this.i18n.t('compensation.rates.versionAdded', { name: rate.name }));
      this.close();
      await this.rates.reload();
    }
  }

  private emptyDraft() {
    return { name: '', unit: 'Hour' as RateUnit, amount: null as number | null, currency: 'USD', councilId: '', effectiveFrom: '' };
  }
}
