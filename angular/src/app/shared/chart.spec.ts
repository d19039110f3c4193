import { describe, expect, it } from 'vitest';
import { barChartOptions } from './chart';

describe('barChartOptions', () => {
  it('turns ARIA on with the description the page wrote, and decals so series differ without colour', () => {
    const options = barChartOptions(['Stipends', 'Childcare'], [{ name: 'Budget', values: [1000, 200] }, { name: 'Actual', values: [400, 250] }], 'Budget against actual');
    expect(options['aria']).toEqual({ enabled: true, label: { enabled: true, description: 'Budget against actual' }, decal: { show: true } });
    expect(options['xAxis']).toMatchObject({ type: 'category', data: ['Stipends', 'Childcare'] });
    expect(options['series']).toEqual([
      { type: 'bar', name: 'Budget', data: [1000, 200] },
      { type: 'bar', name: 'Actual', data: [400, 250] },
    ]);
    expect(options['legend']).toMatchObject({ show: true });
  });

  it('shows no legend for a single series', () => {
    expect(barChartOptions(['A'], [{ name: 'Days', values: [3] }], 'x')['legend']).toMatchObject({ show: false });
  });
});
