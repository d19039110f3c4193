import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import compensationEn from '../../../../public/i18n/compensation.en.json';
import shellEn from '../../../../public/i18n/shell.en.json';
import { ApplicationConfigurationDto } from '../../api/models/application-configuration-dto';
import { PayableItemSummaryDto } from '../../api/models/payable-item-summary-dto';
import { StatementDto } from '../../api/models/statement-dto';
import { AppConfig } from '../../core/app-config';
import { I18n, TRANSLATION_AREAS } from '../../core/i18n';
import { PayableItems } from './items';
import { MyPayments } from './my-payments';

const files: Record<string, Record<string, string>> = { shell: shellEn, compensation: compensationEn };
const USER = '11111111-1111-1111-1111-111111111111';

async function setup(permissions: string[]) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([
        { path: 'compensation/my-payments', component: MyPayments },
        { path: 'compensation/items', component: PayableItems },
      ]),
    ],
  });
  const i18n = TestBed.inject(I18n);
  const http = TestBed.inject(HttpTestingController);
  const using = i18n.use('en');
  await Promise.resolve();
  for (const area of TRANSLATION_AREAS) {
    http.expectOne(`i18n/${area}.en.json`).flush(files[area] ?? {});
  }
  await using;
  TestBed.inject(AppConfig).value.set({
    currentUser: { id: USER, isAuthenticated: true, userName: 'ana' },
    currentTenant: { id: 'a', name: 'alpha', timeZone: 'America/Chicago' },
    grantedPermissions: permissions,
    features: { Compensation: true },
  } as unknown as ApplicationConfigurationDto);
  const harness = await RouterTestingHarness.create();
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
    harness.detectChanges();
  };
  return { harness, http, settle };
}

const statement: StatementDto = {
  payee: { id: 'p1', kind: 'Person', userId: USER, name: 'Ana' },
  year: 2025,
  items: [
    {
      id: 'i1', description: 'Meeting attendance', source: { kind: 'Meeting', id: 'm1', label: 'March council meeting, 2025-03-12' }, councilId: 'c1',
      amount: 40, currency: 'USD', status: 'Paid', paidOn: '2025-03-20', paidMethod: 'GiftCard', paidReference: 'GC-7', creationTime: '2025-03-12T20:00:00Z', adjustsItemId: null,
    },
    {
      id: 'i2', description: 'Childcare', source: { kind: 'Reimbursement', id: null, label: '' }, councilId: null,
      amount: '12.50', currency: 'USD', status: 'Approved', paidOn: null, paidMethod: null, paidReference: null, creationTime: '2025-04-01T20:00:00Z', adjustsItemId: null,
    },
  ],
  totals: [{ currency: 'USD', paid: 40, pending: 12.5 }],
};

describe('My payments', () => {
  it('loads the year the link names for the signed-in member and shows what was paid, how, and what is pending', async () => {
    const { harness, http, settle } = await setup([]);
    await harness.navigateByUrl('/compensation/my-payments?year=2025');
    const request = http.expectOne((r) => r.url === `/api/compensation/payees/${USER}/statement`);
    expect(request.request.params.get('year')).toBe('2025');
    request.flush(statement);
    await settle();

    const element = harness.routeNativeElement!;
    expect(element.querySelector('h1')?.textContent).toBe('My payments');
    expect(element.querySelector<HTMLSelectElement>('#my-payments-year')?.value).toBe('2025');
    const rows = [...element.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim()));
    expect(rows[0]).toEqual(['March council meeting, 2025-03-12', 'Meeting attendance', '$40.00', 'Paid', 'Mar 20, 2025', 'Gift card (GC-7)']);
    expect(rows[1]).toEqual(['Reimbursement', 'Childcare', '$12.50', 'Approved', '', '']);
    expect([...element.querySelectorAll('.totals dd')].map((d) => d.textContent)).toEqual(['$40.00', '$12.50']);
  });

  it('tells a member with no payments yet so, instead of an error', async () => {
    const { harness, http, settle } = await setup([]);
    await harness.navigateByUrl('/compensation/my-payments');
    const request = http.expectOne((r) => r.url === `/api/compensation/payees/${USER}/statement`);
    request.flush({ title: 'Not found', status: 404, code: 'Compensation:StatementNotFound' }, { status: 404, statusText: 'Not Found' });
    await settle();
    const element = harness.routeNativeElement!;
    expect(element.querySelector('.notice')?.textContent).toContain('You have no payments yet');
    expect(element.querySelector('[role=alert]')).toBeNull();
  });
});

describe('Payable items queue', () => {
  const item = (id: string, status: PayableItemSummaryDto['status'], name: string): PayableItemSummaryDto => ({
    id, status, payee: { id: `p-${id}`, kind: 'Person', userId: `u-${id}`, name }, description: 'Meeting attendance', quantity: 1, unitAmount: 40,
    amount: 40, currency: 'USD', source: { kind: 'Meeting', id: 'm', label: 'March meeting' }, councilId: null, submittedBy: 's', paidOn: null,
    adjustsItemId: null, creationTime: '2026-03-01T00:00:00Z',
  });

  it('approves the selected items in one batch and then reloads the queue', async () => {
    const { harness, http, settle } = await setup(['Compensation.Items', 'Compensation.Items.Approve']);
    await harness.navigateByUrl('/compensation/items');
    const first = http.expectOne((r) => r.url === '/api/compensation/payable-items' && r.method === 'GET');
    expect(first.request.params.get('status')).toBe('Submitted');
    first.flush({ totalCount: 3, items: [item('a', 'Submitted', 'Ana'), item('b', 'Submitted', 'Luis'), item('c', 'Submitted', 'Rosa')] });
    await settle();

    const element = harness.routeNativeElement!;
    const approve = () => [...element.querySelectorAll('button')].find((b) => b.textContent?.trim().startsWith('Approve'))!;
    expect(approve().disabled).toBe(true);
    for (const id of ['a', 'c']) {
      const box = element.querySelector<HTMLInputElement>(`#select-${id}`)!;
      box.checked = true;
      box.dispatchEvent(new Event('change'));
    }
    await settle();
    expect(approve().textContent?.trim()).toBe('Approve (2)');
    expect(element.querySelector('#select-a')?.getAttribute('aria-label')).toBe('Select Meeting attendance for Ana');

    approve().click();
    await settle();
    const batch = http.expectOne((r) => r.url === '/api/compensation/payable-items/approve');
    expect(batch.request.body).toEqual({ itemIds: ['a', 'c'] });
    batch.flush({ items: [] });
    await settle();
    http.expectOne((r) => r.url === '/api/compensation/payable-items' && r.method === 'GET').flush({ totalCount: 1, items: [item('b', 'Submitted', 'Luis')] });
    await settle();
    expect(element.querySelector('[role=status] .notice')?.textContent).toBe('2 items approved.');
    expect(approve().textContent?.trim()).toBe('Approve (0)');
  });
  it('says in words which payee declined payment, links payees to their page, and explains a batch refused for it', async () => {
    const { harness, http, settle } = await setup(['Compensation.Items', 'Compensation.Items.Approve']);
    await harness.navigateByUrl('/compensation/items');
    const declined = { ...item('a', 'Submitted', 'Ana'), payee: { id: 'p-a', kind: 'Person' as const, userId: 'u-a', name: 'Ana', declined: true } };
    http.expectOne((r) => r.url === '/api/compensation/payable-items' && r.method === 'GET').flush({ totalCount: 2, items: [declined, item('b', 'Submitted', 'Luis')] });
    await settle();

    const element = harness.routeNativeElement!;
    const rows = [...element.querySelectorAll('tbody tr')];
    expect(rows[0].querySelector('th')?.textContent).toContain('Declined payment');
    expect(rows[1].querySelector('th')?.textContent).not.toContain('Declined payment');
    expect(rows[0].querySelector('th a')?.getAttribute('href')).toBe('/compensation/payees/p-a');

    const box = element.querySelector<HTMLInputElement>('#select-a')!;
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    await settle();
    [...element.querySelectorAll('button')].find((b) => b.textContent?.trim().startsWith('Approve'))!.click();
    await settle();
    http.expectOne((r) => r.url === '/api/compensation/payable-items/approve').flush(
      { title: 'Declined', status: 409, code: 'Compensation:PayeeDeclined', itemId: 'a' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(element.querySelector('[role=alert]')?.textContent).toContain('A payee in this batch has declined payment');
    expect(element.querySelector('#declined-help')?.textContent).toContain('Ana has declined payment, so “Meeting attendance” cannot be approved or paid.');
  });
});
