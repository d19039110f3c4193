import { offsetMinutes, todayIn, zonedToIso } from './time';

describe('zonedToIso', () => {
  it('reads a wall-clock time in a zone without daylight saving time', () => {
    expect(zonedToIso('2026-12-10T18:30', 'UTC')).toBe('2026-12-10T18:30:00+00:00');
    expect(zonedToIso('2026-07-15T09:00', 'Asia/Kolkata')).toBe('2026-07-15T09:00:00+05:30');
    expect(zonedToIso('2026-01-15T09:00', 'Asia/Kolkata')).toBe('2026-01-15T09:00:00+05:30');
  });

  it('uses the Chicago offset in force on the day (winter CST, summer CDT)', () => {
    expect(zonedToIso('2026-01-15T09:00', 'America/Chicago')).toBe('2026-01-15T09:00:00-06:00');
    expect(zonedToIso('2026-07-15T09:00', 'America/Chicago')).toBe('2026-07-15T09:00:00-05:00');
  });

  it('handles the spring-forward day in Chicago (2026-03-08, 02:00 CST becomes 03:00 CDT)', () => {
    expect(zonedToIso('2026-03-08T01:59', 'America/Chicago')).toBe('2026-03-08T01:59:00-06:00');
    expect(new Date(zonedToIso('2026-03-08T01:59', 'America/Chicago')).toISOString()).toBe('2026-03-08T07:59:00.000Z');
    // 02:30 does not exist that night: it moves forward by the skipped hour.
    expect(zonedToIso('2026-03-08T02:30', 'America/Chicago')).toBe('2026-03-08T03:30:00-05:00');
    expect(zonedToIso('2026-03-08T03:00', 'America/Chicago')).toBe('2026-03-08T03:00:00-05:00');
    expect(new Date(zonedToIso('2026-03-08T03:00', 'America/Chicago')).toISOString()).toBe('2026-03-08T08:00:00.000Z');
  });

  it('handles the fall-back day in Chicago (2026-11-01, 02:00 CDT becomes 01:00 CST)', () => {
    expect(zonedToIso('2026-11-01T00:30', 'America/Chicago')).toBe('2026-11-01T00:30:00-05:00');
    // 01:30 happens twice: the first (CDT) one.
    expect(zonedToIso('2026-11-01T01:30', 'America/Chicago')).toBe('2026-11-01T01:30:00-05:00');
    expect(new Date(zonedToIso('2026-11-01T01:30', 'America/Chicago')).toISOString()).toBe('2026-11-01T06:30:00.000Z');
    expect(zonedToIso('2026-11-01T02:00', 'America/Chicago')).toBe('2026-11-01T02:00:00-06:00');
    expect(zonedToIso('2026-11-01T03:00', 'America/Chicago')).toBe('2026-11-01T03:00:00-06:00');
  });

  it('handles a zone east of UTC skipping an hour (Berlin, 2026-03-29)', () => {
    expect(zonedToIso('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T03:30:00+02:00');
  });

  it('refuses what is not a wall-clock time', () => {
    expect(zonedToIso('not a time', 'UTC')).toBe('');
    expect(zonedToIso('', 'UTC')).toBe('');
  });
});

describe('zone offsets and days', () => {
  it('knows the zone offset and what day it is there', () => {
    const instant = new Date('2026-03-01T03:00:00Z');
    expect(offsetMinutes(instant, 'America/Los_Angeles')).toBe(-480);
    expect(offsetMinutes(instant, 'Asia/Kolkata')).toBe(330);
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-02-28');
    expect(todayIn('UTC', instant)).toBe('2026-03-01');
  });
});
