import { idFromLocation, num, offsetMinutes, todayIn, zonedToIso } from './governance-util';

describe('governance dates', () => {
  it('reads a wall-clock time in the partnership time zone, daylight saving time included', () => {
    expect(zonedToIso('2026-12-10T18:30', 'UTC')).toBe('2026-12-10T18:30:00+00:00');
    expect(zonedToIso('2026-01-15T09:00', 'America/Chicago')).toBe('2026-01-15T09:00:00-06:00');
    expect(zonedToIso('2026-07-15T09:00', 'America/Chicago')).toBe('2026-07-15T09:00:00-05:00');
    expect(zonedToIso('2026-07-15T09:00', 'Asia/Kolkata')).toBe('2026-07-15T09:00:00+05:30');
    expect(zonedToIso('not a time', 'UTC')).toBe('');
  });

  it('knows the zone offset and what day it is there', () => {
    const instant = new Date('2026-03-01T03:00:00Z');
    expect(offsetMinutes(instant, 'America/Los_Angeles')).toBe(-480);
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-02-28');
    expect(todayIn('UTC', instant)).toBe('2026-03-01');
  });
});

describe('governance helpers', () => {
  it('turns numbers sent as text into numbers', () => {
    expect(num('7')).toBe(7);
    expect(num(3)).toBe(3);
    expect(num(null)).toBe(0);
  });

  it('takes the id from a Location header', () => {
    expect(idFromLocation('/api/governance/councils/0193e1a4-0000-7000-8000-000000000001')).toBe('0193e1a4-0000-7000-8000-000000000001');
    expect(idFromLocation(null)).toBe('');
  });
});
