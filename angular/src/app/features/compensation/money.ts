import { num } from '../../shared/numbers';

/**
 * An amount in its currency, in the reader's language ("1.234,50 US$" in Spanish). The API sends decimals as number
 * or string; an unknown currency code still shows, with the code after the figure.
 */
export function formatMoney(language: string, amount: number | string | null | undefined, currency: string): string {
  if (amount === null || amount === undefined || amount === '') {
    return '';
  }
  const value = num(amount);
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency }).format(value);
  } catch {
    return `${new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(value)} ${currency}`;
  }
}

/** The years a year picker offers: this one and the `count - 1` before it, newest first. */
export function recentYears(current: number, count = 6): number[] {
  return Array.from({ length: count }, (_, i) => current - i);
}

/** A year from a query parameter, when it is a plausible one; else `fallback`. */
export function parseYear(value: string | null | undefined, fallback: number): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : fallback;
}

/** Sums amounts per currency (never across currencies), in the order the currencies first appear. */
export function totalsByCurrency<T>(rows: readonly T[], amount: (row: T) => number | string, currency: (row: T) => string): { currency: string; total: number }[] {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const code = currency(row);
    totals.set(code, Math.round(((totals.get(code) ?? 0) + num(amount(row))) * 10000) / 10000);
  }
  return [...totals].map(([code, total]) => ({ currency: code, total }));
}

/** The years to offer, with `selected` added in order when it is older than the recent ones (a link to an old statement). */
export function offeredYears(current: number, selected: number, count = 6): number[] {
  const years = recentYears(current, count);
  return years.includes(selected) ? years : [...years, selected].sort((a, b) => b - a);
}

/** This year in the partnership's time zone. */
export function yearIn(timeZone: string, now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(now));
}
