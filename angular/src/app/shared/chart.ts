import { Component, computed, input } from '@angular/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import type { EChartsCoreOption } from 'echarts/core';

/**
 * The app's one chart library (ADR 0018): Apache ECharts through ngx-echarts, loaded lazily with the first page that
 * draws a chart, rendered as SVG, with ECharts' ARIA support on and a description the page writes in the reader's
 * language. A chart never stands alone: every page that draws one shows the same figures in a table beside it.
 */
export function provideCharts() {
  return provideEchartsCore({ echarts: () => import('./echarts-setup').then((m) => m.echarts) });
}

/** One bar series: its legend name and a value per category. */
export interface BarSeries {
  name: string;
  values: number[];
}

/**
 * The options of a grouped bar chart with ARIA on: `description` is what a screen reader hears for the chart (ECharts
 * puts it in the chart's `aria-label`), so it names the figures the table beside the chart shows.
 */
export function barChartOptions(categories: string[], series: BarSeries[], description: string): EChartsCoreOption {
  return {
    aria: { enabled: true, label: { enabled: true, description }, decal: { show: true } },
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { show: series.length > 1, top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: series.length > 1 ? 32 : 8, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, overflow: 'truncate', width: 96 } },
    yAxis: { type: 'value' },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values })),
  };
}

/**
 * A bar chart: `<app-bar-chart [categories]="…" [series]="…" [description]="…" />`. The host is an image with the
 * description as its name, whatever ECharts draws inside it (decals tell the series apart without colour).
 */
@Component({
  selector: 'app-bar-chart',
  imports: [NgxEchartsDirective],
  providers: [provideCharts()],
  template: `<div echarts class="chart" role="img" [attr.aria-label]="description()" [options]="options()" [autoResize]="true"></div>`,
  styles: `.chart { width: 100%; height: 20rem; }`,
})
export class BarChartView {
  readonly categories = input.required<string[]>();
  readonly series = input.required<BarSeries[]>();
  readonly description = input.required<string>();
  protected readonly options = computed(() => barChartOptions(this.categories(), this.series(), this.description()));
}
