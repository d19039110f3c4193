import { HttpErrorResponse } from '@angular/common/http';
import { toProblem } from '../../core/problem';
import { move, withProblemDetails, zonedToIso } from './common';

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

describe('problem details from text answers', () => {
  it('parses a JSON problem that came back as text', async () => {
    const refusal = new HttpErrorResponse({ status: 400, error: JSON.stringify({ title: 'Invalid', code: 'Validation', errors: { Title: ['Required'] } }) });
    const problem = await withProblemDetails(Promise.reject(refusal)).catch((e: unknown) => toProblem(e));
    expect(problem).toEqual({ status: 400, title: 'Invalid', code: 'Validation', detail: undefined, errors: { title: ['Required'] } });
  });

  it('leaves other failures alone', async () => {
    const offline = new HttpErrorResponse({ status: 0, error: 'not json' });
    await expect(withProblemDetails(Promise.reject(offline))).rejects.toBe(offline);
  });
});
