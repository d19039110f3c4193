import { describe, expect, it } from 'vitest';
import { BudgetVsActualDto } from '../../api/models/budget-vs-actual-dto';
import { CouncilAgeingDto } from '../../api/models/council-ageing-dto';
import { PayeeDto } from '../../api/models/payee-dto';
import { ageingSeries, bucketLabels } from './ageing';
import { needsTaxForm } from './annual-totals';
import { budgetCategory, budgetSeries } from './budget';
import { paymentWay } from './statement-view';
import { statementRequest } from './statements';

const budgetRow = (programName: string, budget: number | null, actual: number, currency = 'USD'): BudgetVsActualDto => ({
  programId: programName, programName, year: 2027, budget, actual, remaining: budget === null ? null : budget - actual,
  percentUsed: budget ? (actual / budget) * 100 : null, currency,
});

describe('budget vs actual', () => {
  it('draws budget and actual per program, a missing budget as zero', () => {
    const rows = [budgetRow('Stipends', 1000, 400), budgetRow('Childcare', null, 50)];
    expect(budgetSeries(rows, 'Budget', 'Actual')).toEqual([
      { name: 'Budget', values: [1000, 0] },
      { name: 'Actual', values: [400, 50] },
    ]);
  });

  it('names the currency only when the year has more than one', () => {
    expect(budgetCategory(budgetRow('Stipends', 1, 1), false)).toBe('Stipends');
    expect(budgetCategory(budgetRow('Stipends', 1, 1, 'EUR'), true)).toBe('Stipends (EUR)');
  });
});

describe('ageing', () => {
  const row = (councilName: string, counts: number[]): CouncilAgeingDto => ({
    councilId: councilName, councilName, paidCount: counts.reduce((a, b) => a + b, 0), averageDays: 10, medianDays: 9, maxDays: 40,
    buckets: ['0-14', '15-30', '31-60', '61+'].map((label, i) => ({ label, count: counts[i] })), unpaidCount: 0, oldestUnpaidDays: null,
  });

  it('keeps the API bucket order and makes one series per bucket across councils', () => {
    const rows = [row('Health', [3, 1, 0, 0]), row('Housing', [0, 2, 1, 1])];
    expect(bucketLabels(rows)).toEqual(['0-14', '15-30', '31-60', '61+']);
    expect(ageingSeries(rows, (d) => `${d} days`)).toEqual([
      { name: '0-14 days', values: [3, 0] },
      { name: '15-30 days', values: [1, 2] },
      { name: '31-60 days', values: [0, 1] },
      { name: '61+ days', values: [0, 1] },
    ]);
  });

  it('has no buckets without rows', () => {
    expect(bucketLabels([])).toEqual([]);
    expect(ageingSeries([], (d) => d)).toEqual([]);
  });
});

describe('statements', () => {
  it('asks for a person by user id and an organization by payee id', () => {
    const person: PayeeDto = { id: 'payee-1', kind: 'Person', userId: 'user-1', name: 'Ana', contactEmail: null, creationTime: '' };
    const organization: PayeeDto = { id: 'payee-2', kind: 'Organization', userId: null, name: 'Promotoras', contactEmail: 'a@b.test', creationTime: '' };
    expect(statementRequest(person)).toEqual({ kind: 'person', userId: 'user-1' });
    expect(statementRequest(organization)).toEqual({ kind: 'organization', payeeId: 'payee-2' });
  });

  it('says how an item was paid in the reader words, with its reference', () => {
    const t = (key: string) => ({ 'compensation.methods.GiftCard': 'Gift card' })[key] ?? key;
    expect(paymentWay({ paidMethod: 'GiftCard', paidReference: 'GC-1' }, t)).toBe('Gift card (GC-1)');
    expect(paymentWay({ paidMethod: 'GiftCard', paidReference: null }, t)).toBe('Gift card');
    expect(paymentWay({ paidMethod: null, paidReference: null }, t)).toBe('');
  });
});

describe('annual totals', () => {
  it('asks for a tax form exactly when the total reaches the threshold', () => {
    expect(needsTaxForm({ exceedsReportingThreshold: true })).toBe(true);
    expect(needsTaxForm({ exceedsReportingThreshold: false })).toBe(false);
  });
});
