import { describe, expect, it } from 'vitest';
import { formatMoney, offeredYears, parseYear, recentYears, totalsByCurrency, yearIn } from './money';

describe('formatMoney', () => {
  it('formats in the reader language with the currency', () => {
    expect(formatMoney('en', '1234.5', 'USD')).toBe('$1,234.50');
    expect(formatMoney('es', 1234.5, 'EUR')).toMatch(/1234,50\s€|1\.234,50\s€/);
  });

  it('shows nothing for no amount and keeps an unknown code', () => {
    expect(formatMoney('en', null, 'USD')).toBe('');
    expect(formatMoney('en', 5, 'NOTACODE')).toBe('5.00 NOTACODE');
  });
});

describe('years', () => {
  it('offers this year and the ones before it', () => {
    expect(recentYears(2027, 3)).toEqual([2027, 2026, 2025]);
  });

  it('reads a plausible year and falls back otherwise', () => {
    expect(parseYear('2026', 2027)).toBe(2026);
    expect(parseYear('abc', 2027)).toBe(2027);
    expect(parseYear('1850', 2027)).toBe(2027);
    expect(parseYear(null, 2027)).toBe(2027);
  });
});

describe('totalsByCurrency', () => {
  it('never adds different currencies together', () => {
    const rows = [
      { a: '10.10', c: 'USD' },
      { a: 5, c: 'EUR' },
      { a: '0.20', c: 'USD' },
    ];
    expect(totalsByCurrency(rows, (r) => r.a, (r) => r.c)).toEqual([
      { currency: 'USD', total: 10.3 },
      { currency: 'EUR', total: 5 },
    ]);
  });
});

describe('offeredYears and yearIn', () => {
  it('adds an older selected year to the recent ones', () => {
    expect(offeredYears(2027, 2025, 2)).toEqual([2027, 2026, 2025]);
    expect(offeredYears(2027, 2020, 2)).toEqual([2027, 2026, 2020]);
  });

  it('reads the year where the partnership is', () => {
    const newYearInLondon = new Date('2027-01-01T02:00:00Z');
    expect(yearIn('Europe/London', newYearInLondon)).toBe(2027);
    expect(yearIn('America/Los_Angeles', newYearInLondon)).toBe(2026);
  });
});
