import { Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api } from '../../api/api';
import { getAnnualTotals } from '../../api/fn/compensation/get-annual-totals';
import { getAnnualTotalsCsv } from '../../api/fn/compensation/get-annual-totals-csv';
import { AnnualTotalDto } from '../../api/models/annual-total-dto';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Submission } from '../../shared/async';
import { saveDownload } from '../../shared/download';
import { ListSource } from '../../shared/list';
import { ListPage, ListRow } from '../../shared/list-page';
import { ProblemAlert } from '../../shared/state';
import { formatMoney, offeredYears, yearIn } from './money';
import { YearPicker } from './year-picker';

/** Whether staff must collect a tax form (a W-9) from the payee: a total at or over the year's reporting threshold. */
export function needsTaxForm(row: Pick<AnnualTotalDto, 'exceedsReportingThreshold'>): boolean {
  return row.exceedsReportingThreshold;
}

/**
 * What each payee was paid in a year, per currency, against the year's information-return threshold (1099-NEC in the
 * US): the flag says who reached it, and for them the page asks staff to collect a W-9. CSV for the accountant.
 */
@Component({
  selector: 'app-annual-totals',
  imports: [FormsModule, TranslatePipe, ListPage, ListRow, ProblemAlert, YearPicker],
  template: `
    <div class="page-header">
      <h1>{{ 'compensation.annualTotals.title' | t }}</h1>
      <button type="button" (click)="download()" [disabled]="exporting.busy()" [attr.aria-busy]="exporting.busy()">
        {{ 'compensation.annualTotals.csv' | t: { year: year() } }}
      </button>
    </div>
    <p class="hint">{{ 'compensation.annualTotals.intro' | t }}</p>
    <div role="status" aria-live="polite">
      @if (downloaded()) {
        <p class="notice">{{ 'compensation.downloaded' | t: { file: downloaded() } }}</p>
      }
    </div>
    <app-problem [problem]="exporting.problem()" />
    <div class="pickers">
      <app-year-picker inputId="totals-year" [years]="years()" [(year)]="year" />
      <label class="checkbox">
        <input type="checkbox" name="exceedsOnly" [ngModel]="exceedsOnly()" (ngModelChange)="exceedsOnly.set($event)" />
        {{ 'compensation.annualTotals.exceedsOnly' | t }}
      </label>
    </div>
    <app-list-page [list]="totals" key="totals" caption="compensation.annualTotals.caption" regionLabel="compensation.annualTotals.caption"
      [columns]="columns" empty="compensation.annualTotals.empty" [quietReload]="true">
      <ng-template [listRow]="totals" let-r>
        <th scope="row">{{ r.payeeName }}</th>
        <td>{{ 'compensation.payeeKinds.' + r.payeeKind | t }}</td>
        <td class="number">{{ r.paymentCount }}</td>
        <td class="number">{{ money(r.total, r.currency) }}</td>
        <td class="number">{{ r.threshold !== null && r.threshold !== undefined ? money(r.threshold, r.currency) : ('compensation.annualTotals.noThreshold' | t) }}</td>
        <td>
          @if (needsTaxForm(r)) {
            <span class="badge bad">{{ 'compensation.annualTotals.over' | t }}</span>
            <div class="hint">{{ 'compensation.annualTotals.collectW9' | t }}</div>
          } @else {
            <span class="badge ok">{{ 'compensation.annualTotals.under' | t }}</span>
          }
        </td>
      </ng-template>
    </app-list-page>
  `,
  styles: `
    .pickers { display: flex; flex-wrap: wrap; gap: 0 1.5rem; align-items: end; }
    .number { text-align: right; white-space: nowrap; }
  `,
})
export class AnnualTotals {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly thisYear = yearIn(inject(AppConfig).timeZone());
  protected readonly year = signal(this.thisYear);
  protected readonly years = computed(() => offeredYears(this.thisYear, this.year()));
  protected readonly exceedsOnly = signal(false);
  protected readonly columns = [
    'compensation.items.payee', 'compensation.annualTotals.kind', 'compensation.annualTotals.payments', 'compensation.annualTotals.total',
    'compensation.annualTotals.threshold', 'compensation.annualTotals.flag',
  ];
  protected readonly totals = new ListSource<AnnualTotalDto>(
    (q) => this.api.invoke(getAnnualTotals, { SkipCount: q.SkipCount, MaxResultCount: q.MaxResultCount, year: this.year(), exceedsOnly: this.exceedsOnly() }),
    50,
  );
  protected readonly exporting = new Submission();
  protected readonly downloaded = signal('');
  protected readonly needsTaxForm = needsTaxForm;

  constructor() {
    effect(() => {
      this.year();
      this.exceedsOnly();
      untracked(() => void this.totals.search());
    });
  }

  protected money(amount: number | string, currency: string): string {
    return formatMoney(this.i18n.language(), amount, currency);
  }

  protected async download(): Promise<void> {
    this.downloaded.set('');
    const year = this.year();
    const name = await this.exporting.run(() => saveDownload(() => this.api.invoke$Response(getAnnualTotalsCsv, { year }), `annual-totals-${year}.csv`));
    if (name) {
      this.downloaded.set(name);
    }
  }
}
