import { DecisionState } from '../../api/models/decision-state';

export const DECISION_STATES: readonly DecisionState[] = ['Draft', 'OpenForInput', 'Voting', 'Decided', 'Implemented', 'Closed', 'Withdrawn'];

/** Badge class for a state: finished ones read as done, withdrawn as stopped; the words always say the state. */
export function stateClass(state: DecisionState): string {
  if (state === 'Decided' || state === 'Implemented' || state === 'Closed') {
    return 'badge ok';
  }
  return state === 'Withdrawn' ? 'badge bad' : 'badge';
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
