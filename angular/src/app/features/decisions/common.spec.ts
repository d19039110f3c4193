import { move, zonedToIso } from './common';

describe('decisions helpers', () => {
  it('reads a wall-clock time in the partnership time zone', () => {
    expect(zonedToIso('2026-07-01T17:00', 'America/New_York')).toBe('2026-07-01T21:00:00.000Z');
    expect(zonedToIso('2026-12-01T17:00', 'America/New_York')).toBe('2026-12-01T22:00:00.000Z');
    expect(zonedToIso('2026-12-01T17:00', 'UTC')).toBe('2026-12-01T17:00:00.000Z');
    expect(zonedToIso('', 'UTC')).toBe('');
  });

  it('moves an item within a ranking', () => {
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
  });
});
