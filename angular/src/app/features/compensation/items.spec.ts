import { describe, expect, it } from 'vitest';
import { PayableItemSummaryDto } from '../../api/models/payable-item-summary-dto';
import { PayeeDto } from '../../api/models/payee-dto';
import { ItemDraft, batchIds, itemRequest } from './items';

function row(id: string, status: PayableItemSummaryDto['status']): PayableItemSummaryDto {
  return {
    id,
    status,
    payee: { id: 'p', kind: 'Person', userId: 'u', name: 'Ana' },
    description: 'Meeting',
    quantity: 1,
    unitAmount: 50,
    amount: 50,
    currency: 'USD',
    source: { kind: 'Meeting', id: null, label: 'March meeting' },
    councilId: null,
    submittedBy: 's',
    paidOn: null,
    adjustsItemId: null,
    creationTime: '2026-11-01T00:00:00Z',
  };
}

describe('batchIds', () => {
  const rows = [row('a', 'Submitted'), row('b', 'Approved'), row('c', 'Submitted'), row('d', 'Paid')];

  it('approves only the selected submitted items and pays only the selected approved ones', () => {
    const selected = new Set(['a', 'b', 'd']);
    expect(batchIds(rows, selected, 'Submitted')).toEqual(['a']);
    expect(batchIds(rows, selected, 'Approved')).toEqual(['b']);
  });

  it('is empty when nothing is selected', () => {
    expect(batchIds(rows, new Set(), 'Submitted')).toEqual([]);
  });
});

describe('itemRequest', () => {
  const payees: PayeeDto[] = [
    { id: 'person-payee', kind: 'Person', userId: 'user-1', name: 'Ana', contactEmail: null, creationTime: '' },
    { id: 'org-payee', kind: 'Organization', userId: null, name: 'Promotoras', contactEmail: 'pay@p.test', creationTime: '' },
  ];
  const draft: ItemDraft = { payee: 'person-payee', description: ' Focus group ', kind: 'Deliverable', priced: 'rate', rateId: 'rate-1', quantity: 2, amount: 99, currency: 'usd' };

  it('names a person by user id and sends the rate and quantity, not an amount', () => {
    expect(itemRequest(draft, payees)).toEqual({
      payeeUserId: 'user-1', payeeId: null, description: 'Focus group', kind: 'Deliverable', councilId: null,
      rateId: 'rate-1', quantity: 2, amount: null, currency: null,
    });
  });

  it('names an organization by payee id and sends an amount with its currency in capitals', () => {
    expect(itemRequest({ ...draft, payee: 'org-payee', priced: 'amount' }, payees)).toEqual({
      payeeUserId: null, payeeId: 'org-payee', description: 'Focus group', kind: 'Deliverable', councilId: null,
      rateId: null, quantity: null, amount: 99, currency: 'USD',
    });
  });
});
