import { DecisionState } from '../../api/models/decision-state';

export const DECISION_STATES: readonly DecisionState[] = ['Draft', 'OpenForInput', 'Voting', 'Decided', 'Implemented', 'Closed', 'Withdrawn'];

/** Badge class for a state: finished ones read as done, withdrawn as stopped; the words always say the state. */
export function stateClass(state: DecisionState): string {
  if (state === 'Decided' || state === 'Implemented' || state === 'Closed') {
    return 'badge ok';
  }
  return state === 'Withdrawn' ? 'badge bad' : 'badge';
}

/** A number from the API (numbers may come as strings). */
export function num(value: number | string | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/**
 * The instant at which the wall-clock time `local` ("yyyy-MM-ddTHH:mm") happens in `timeZone`, as an ISO string.
 * Works from the zone's offset at that moment (two passes cover a daylight-saving change).
 */
export function zonedToIso(local: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) {
    return '';
  }
  const [, y, mo, d, h, mi] = match.map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let instant = wall;
  for (let pass = 0; pass < 2; pass++) {
    instant = wall - offsetAt(instant, timeZone);
  }
  return new Date(instant).toISOString();
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** Moves an item of a list from one index to another, returning a new list. */
export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const result = [...items];
  if (from < 0 || from >= result.length || to < 0 || to >= result.length) {
    return result;
  }
  const [item] = result.splice(from, 1);
  result.splice(to, 0, item);
  return result;
}
