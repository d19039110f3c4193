/** Today's date (yyyy-mm-dd) in a time zone: terms and compliance dates follow the partnership's calendar. */
export function todayIn(timeZone: string, now = new Date()): string {
  const parts = zonedParts(now, timeZone);
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

/**
 * A wall-clock time typed in a datetime-local field ("2026-05-01T18:30"), read in the partnership's time zone, as an
 * ISO 8601 instant with that zone's offset at that moment, so daylight saving time is respected. A time that happens
 * twice (the hour the clocks go back) is the first of the two; a time that never happens (the hour the clocks skip)
 * moves forward by the skipped length, as a clock would ("02:30" on the spring-forward day in Chicago is 03:30 CDT).
 */
export function zonedToIso(local: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) {
    return '';
  }
  const [, y, mo, d, h, mi] = match.map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const first = offsetMinutes(new Date(wall), timeZone);
  const second = offsetMinutes(new Date(wall - first * 60_000), timeZone);
  let offset = second;
  if (wallClock(wall - second * 60_000, timeZone) !== wall) {
    // In the skipped hour neither offset gives back the typed time: take the one in force before the change.
    offset = Math.min(first, second);
  }
  const instant = new Date(wall - offset * 60_000);
  const p = zonedParts(instant, timeZone);
  const actual = offsetMinutes(instant, timeZone);
  const sign = actual < 0 ? '-' : '+';
  const abs = Math.abs(actual);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in minutes. */
export function offsetMinutes(instant: Date, timeZone: string): number {
  return Math.round((wallClock(instant.getTime(), timeZone) - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The zone's wall clock at an instant, as if it were UTC (milliseconds, to the minute). */
function wallClock(instant: number, timeZone: string): number {
  const p = zonedParts(new Date(instant), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
}

function zonedParts(instant: Date, timeZone: string) {
  const values: Record<string, number> = {};
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  for (const part of format.formatToParts(instant)) {
    if (part.type !== 'literal') {
      values[part.type] = Number(part.value);
    }
  }
  return { year: values['year'], month: values['month'], day: values['day'], hour: values['hour'] % 24, minute: values['minute'] };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
