import { Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { Api } from '../../api/api';
import { getBudgetVsActual } from '../../api/fn/compensation/get-budget-vs-actual';
import { BudgetVsActualDto } from '../../api/models/budget-vs-actual-dto';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { BarChartView, BarSeries } from '../../shared/chart';
import { Loadable } from '../../shared/async';
import { num } from '../../shared/numbers';
import { Loading, ProblemAlert } from '../../shared/state';
import { formatMoney, offeredYears, yearIn } from './money';
import { YearPicker } from './year-picker';

/** A program's row names its currency when the year has more than one, so bars of different currencies are never confused. */
export function budgetCategory(row: Pick<BudgetVsActualDto, 'programName' | 'currency'>, manyCurrencies: boolean): string {
  return manyCurrencies ? `${row.programName} (${row.currency})` : row.programName;
}

/** The chart's bars: budget (0 where there is none) and actual per program, in the table's order. */
export function budgetSeries(rows: readonly BudgetVsActualDto[], budgetLabel: string, actualLabel: string): BarSeries[] {
  return [
    { name: budgetLabel, values: rows.map((r) => num(r.budget ?? 0)) },
    { name: actualLabel, values: rows.map((r) => num(r.actual)) },
  ];
}

/**
 * Each program's budget for the year against what was actually paid, as a bar chart (ECharts with ARIA, ADR 0018)
 * and, always, the same figures in a table with what remains and the share used.
 */
@Component({
  selector: 'app-budget',
  imports: [TranslatePipe, Loading, ProblemAlert, BarChartView, YearPicker],
  template: `
    <div class="page-header">
      <h1>{{ 'compensation.budget.title' | t }}</h1>
    </div>
    <p class="hint">{{ 'compensation.budget.intro' | t }}</p>
    <app-year-picker inputId="budget-year" [years]="years()" [(year)]="year" />
    @if (report.loading()) {
      <app-loading />
    }
    <app-problem [problem]="report.problem()" />
    @if (report.data(); as rows) {
      @if (rows.length === 0) {
        <p class="notice">{{ 'compensation.budget.empty' | t: { year: year() } }}</p>
      } @else {
        <section class="card" aria-labelledby="budget-chart-title">
          <h2 id="budget-chart-title">{{ 'compensation.budget.chartTitle' | t: { year: year() } }}</h2>
          <app-bar-chart [categories]="categories()" [series]="series()" [description]="description()" />
          <p class="hint">{{ 'compensation.budget.tableHint' | t }}</p>
        </section>
        <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="'compensation.budget.caption' | t: { year: year() }">
          <table>
            <caption class="visually-hidden">{{ 'compensation.budget.caption' | t: { year: year() } }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'compensation.budget.program' | t }}</th>
                <th scope="col">{{ 'compensation.budget.budget' | t }}</th>
                <th scope="col">{{ 'compensation.budget.actual' | t }}</th>
                <th scope="col">{{ 'compensation.budget.remaining' | t }}</th>
                <th scope="col">{{ 'compensation.budget.used' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (r of rows; track r.programId + r.currency) {
                <tr>
                  <th scope="row">{{ category(r) }}</th>
                  <td class="number">{{ r.budget !== null && r.budget !== undefined ? money(r.budget, r.currency) : ('compensation.budget.noBudget' | t) }}</td>
                  <td class="number">{{ money(r.actual, r.currency) }}</td>
                  <td class="number">
                    @if (r.remaining !== null && r.remaining !== undefined) {
                      {{ money(r.remaining, r.currency) }}
                      @if (overspent(r)) {
                        <span class="badge bad">{{ 'compensation.budget.overspent' | t }}</span>
                      }
                    }
                  </td>
                  <td class="number">{{ r.percentUsed !== null && r.percentUsed !== undefined ? percent(r.percentUsed) : '' }}</td>
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
export class Budget {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly thisYear = yearIn(inject(AppConfig).timeZone());
  protected readonly year = signal(this.thisYear);
  protected readonly years = computed(() => offeredYears(this.thisYear, this.year()));
  protected readonly report = new Loadable<BudgetVsActualDto[]>();
  private readonly manyCurrencies = computed(() => new Set((this.report.data() ?? []).map((r) => r.currency)).size > 1);
  protected readonly categories = computed(() => (this.report.data() ?? []).map((r) => this.category(r)));
  protected readonly series = computed(() =>
    budgetSeries(this.report.data() ?? [], this.i18n.t('compensation.budget.budget'), this.i18n.t('compensation.budget.actual')),
  );
  protected readonly description = computed(() =>
    this.i18n.t('compensation.budget.chartDescription', {
      year: this.year(),
      programs: (this.report.data() ?? [])
        .map((r) =>
          this.i18n.t('compensation.budget.chartProgram', {
            program: this.category(r),
            budget: r.budget !== null && r.budget !== undefined ? this.money(r.budget, r.currency) : this.i18n.t('compensation.budget.noBudget'),
            actual: this.money(r.actual, r.currency),
          }),
        )
        .join('; '),
    }),
  );

  constructor() {
    effect(() => {
      const year = this.year();
      untracked(() => void this.report.load(async () => (await this.api.invoke(getBudgetVsActual, { year })).items));
    });
  }

  protected category(row: BudgetVsActualDto): string {
    return budgetCategory(row, this.manyCurrencies());
  }

  protected overspent(row: BudgetVsActualDto): boolean {
    return num(row.remaining ?? 0) < 0;
  }

  protected money(amount: number | string, currency: string): string {
    return formatMoney(this.i18n.language(), amount, currency);
  }

  protected percent(value: number | string): string {
    return this.i18n.formatNumber(num(value) / 100, { style: 'percent', maximumFractionDigits: 1 });
  }
}
