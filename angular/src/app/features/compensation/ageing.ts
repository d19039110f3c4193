import { Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { Api } from '../../api/api';
import { getPaymentAgeing } from '../../api/fn/compensation/get-payment-ageing';
import { CouncilAgeingDto } from '../../api/models/council-ageing-dto';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable } from '../../shared/async';
import { BarChartView, BarSeries } from '../../shared/chart';
import { num } from '../../shared/numbers';
import { Loading, ProblemAlert } from '../../shared/state';
import { offeredYears, yearIn } from './money';
import { YearPicker } from './year-picker';

/** The bucket labels of a report ("0-14", "15-30", …) in the order the API gives them, from its first row. */
export function bucketLabels(rows: readonly CouncilAgeingDto[]): string[] {
  return rows[0]?.buckets.map((b) => b.label) ?? [];
}

/** One bar series per bucket: how many payments of each council took that long. */
export function ageingSeries(rows: readonly CouncilAgeingDto[], name: (label: string) => string): BarSeries[] {
  return bucketLabels(rows).map((label) => ({
    name: name(label),
    values: rows.map((r) => num(r.buckets.find((b) => b.label === label)?.count ?? 0)),
  }));
}

/**
 * How long people waited to be paid, per council: average, median and longest wait in days for the year's payments,
 * counts per age bucket (a chart, and the table that holds the same figures), and what is still unpaid and how old.
 */
@Component({
  selector: 'app-ageing',
  imports: [TranslatePipe, Loading, ProblemAlert, BarChartView, YearPicker],
  template: `
    <div class="page-header">
      <h1>{{ 'compensation.ageing.title' | t }}</h1>
    </div>
    <p class="hint">{{ 'compensation.ageing.intro' | t }}</p>
    <app-year-picker inputId="ageing-year" [years]="years()" [(year)]="year" />
    @if (report.loading()) {
      <app-loading />
    }
    <app-problem [problem]="report.problem()" />
    @if (report.data(); as rows) {
      @if (rows.length === 0) {
        <p class="notice">{{ 'compensation.ageing.empty' | t: { year: year() } }}</p>
      } @else {
        <section class="card" aria-labelledby="ageing-chart-title">
          <h2 id="ageing-chart-title">{{ 'compensation.ageing.chartTitle' | t: { year: year() } }}</h2>
          <app-bar-chart [categories]="councils()" [series]="series()" [description]="description()" />
          <p class="hint">{{ 'compensation.budget.tableHint' | t }}</p>
        </section>
        <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="'compensation.ageing.caption' | t: { year: year() }">
          <table>
            <caption class="visually-hidden">{{ 'compensation.ageing.caption' | t: { year: year() } }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'compensation.items.council' | t }}</th>
                <th scope="col">{{ 'compensation.ageing.paid' | t }}</th>
                <th scope="col">{{ 'compensation.ageing.average' | t }}</th>
                <th scope="col">{{ 'compensation.ageing.median' | t }}</th>
                <th scope="col">{{ 'compensation.ageing.longest' | t }}</th>
                @for (label of labels(); track label) {
                  <th scope="col">{{ 'compensation.ageing.bucket' | t: { days: label } }}</th>
                }
                <th scope="col">{{ 'compensation.ageing.unpaid' | t }}</th>
                <th scope="col">{{ 'compensation.ageing.oldestUnpaid' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (r of rows; track r.councilId) {
                <tr>
                  <th scope="row">{{ councilName(r) }}</th>
                  <td class="number">{{ r.paidCount }}</td>
                  <td class="number">{{ days(r.averageDays) }}</td>
                  <td class="number">{{ days(r.medianDays) }}</td>
                  <td class="number">{{ days(r.maxDays) }}</td>
                  @for (label of labels(); track label) {
                    <td class="number">{{ bucket(r, label) }}</td>
                  }
                  <td class="number">{{ r.unpaidCount }}</td>
                  <td class="number">
                    {{ days(r.oldestUnpaidDays) }}
                    @if (num(r.oldestUnpaidDays ?? 0) > 30) {
                      <span class="badge bad">{{ 'compensation.ageing.late' | t }}</span>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    }
  `,
  styles: `.number { text-align: right; white-space: nowrap; } .card h2 { margin-top: 0; font-size: 1.1rem; }`,
})
export class Ageing {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly thisYear = yearIn(inject(AppConfig).timeZone());
  protected readonly year = signal(this.thisYear);
  protected readonly years = computed(() => offeredYears(this.thisYear, this.year()));
  protected readonly report = new Loadable<CouncilAgeingDto[]>();
  protected readonly labels = computed(() => bucketLabels(this.report.data() ?? []));
  protected readonly councils = computed(() => (this.report.data() ?? []).map((r) => this.councilName(r)));
  protected readonly series = computed(() => ageingSeries(this.report.data() ?? [], (days) => this.i18n.t('compensation.ageing.bucket', { days })));
  protected readonly description = computed(() =>
    this.i18n.t('compensation.ageing.chartDescription', {
      year: this.year(),
      councils: (this.report.data() ?? [])
        .map((r) => this.i18n.t('compensation.ageing.chartCouncil', { council: this.councilName(r), count: r.paidCount, median: this.days(r.medianDays) || '—' }))
        .join('; '),
    }),
  );
  protected readonly num = num;

  constructor() {
    effect(() => {
      const year = this.year();
      untracked(() => void this.report.load(async () => (await this.api.invoke(getPaymentAgeing, { year })).items));
    });
  }

  protected councilName(row: CouncilAgeingDto): string {
    return row.councilName ?? this.i18n.t('compensation.ageing.noCouncil');
  }

  protected bucket(row: CouncilAgeingDto, label: string): number {
    return num(row.buckets.find((b) => b.label === label)?.count ?? 0);
  }

  protected days(value: number | string | null | undefined): string {
    return value === null || value === undefined ? '' : this.i18n.formatNumber(num(value), { maximumFractionDigits: 1 });
  }
}
