// The parts of Apache ECharts the app's charts use, registered once. Imported only through `provideCharts()`'s
// dynamic import, so the library lands in its own chunk that loads with the first page that shows a chart.
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export { echarts };
