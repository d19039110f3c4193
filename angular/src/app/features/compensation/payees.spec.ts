import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { describe, expect, it, vi } from 'vitest';
import compensationEn from '../../../../public/i18n/compensation.en.json';
import shellEn from '../../../../public/i18n/shell.en.json';
import { ApplicationConfigurationDto } from '../../api/models/application-configuration-dto';
import { PayableItemSummaryDto } from '../../api/models/payable-item-summary-dto';
import { PayeeProfileDto } from '../../api/models/payee-profile-dto';
import { AppConfig } from '../../core/app-config';
import { I18n, TRANSLATION_AREAS } from '../../core/i18n';
import { declinedRefusal } from './items';
import { PayeePage, stripeReturnMessage, taxFormRequest } from './payee';
import { PaymentChoicePage, choiceRequest } from './payment-choice';
import { emptyPreference, maskedLines, preferenceRequest } from './payment-preference';

const files: Record<string, Record<string, string>> = { shell: shellEn, compensation: compensationEn };
const PAYEE = '22222222-2222-2222-2222-222222222222';

async function setup(permissions: string[], features: Record<string, boolean> = { Compensation: true }) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([
        { path: 'compensation/my-payments/choice', component: PaymentChoicePage },
        { path: 'compensation/payees/:payeeId', component: PayeePage },
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
    currentUser: { id: 'u1', isAuthenticated: true, userName: 'ana' },
    currentTenant: { id: 'a', name: 'alpha', timeZone: 'America/Chicago' },
    grantedPermissions: permissions,
    features,
  } as unknown as ApplicationConfigurationDto);
  const harness = await RouterTestingHarness.create();
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
    harness.detectChanges();
  };
  return { harness, http, settle };
}

const notice = { version: '2026-11-29', language: 'en', title: 'Before you choose', paragraphs: ['A stipend may count as income.', 'You can say no.'] };
const notChosen = { choice: null, preferredMethod: null, noticeVersion: null, chosenAt: null, currentNoticeVersion: '2026-11-29' };

describe('Payment choice page', () => {
  async function open() {
    const s = await setup([]);
    await s.harness.navigateByUrl('/compensation/my-payments/choice');
    await s.settle();
    s.http.expectOne('/api/compensation/me/payment-notice').flush(notice);
    s.http.expectOne((r) => r.url === '/api/compensation/me/payment-choice' && r.method === 'GET').flush(notChosen);
    s.http.expectOne((r) => r.url === '/api/compensation/me/payment-preference' && r.method === 'GET').flush({ method: null, details: null });
    await s.settle();
    return { ...s, element: s.harness.routeNativeElement! };
  }

  it('shows the notice before the choice controls and the current choice', async () => {
    const { element } = await open();
    const title = element.querySelector('#notice-title')!;
    expect(title.textContent).toBe('Before you choose');
    expect([...element.querySelectorAll('.notice-text p')].map((p) => p.textContent)).toContain('You can say no.');
    const decline = element.querySelector('#choice-decline')!;
    expect(title.compareDocumentPosition(decline) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(element.querySelector('#current-choice')?.textContent?.trim()).toBe('You have not chosen yet.');
  });

  it('asks for a choice before sending anything', async () => {
    const { element, http, settle } = await open();
    element.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await settle();
    expect(element.querySelector('.field-error')?.textContent).toBe('Choose Accept or Decline.');
    http.expectNone('/api/compensation/me/payment-choice');
  });

  it('declines with the version of the notice read and then shows the choice and when it was made', async () => {
    const { element, http, settle } = await open();
    const decline = element.querySelector<HTMLInputElement>('#choice-decline')!;
    decline.click();
    await settle();
    element.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await settle();
    const put = http.expectOne((r) => r.url === '/api/compensation/me/payment-choice' && r.method === 'PUT');
    expect(put.request.body).toEqual({ choice: 'Decline', preferredMethod: null, noticeVersion: '2026-11-29' });
    put.flush({ choice: 'Decline', preferredMethod: null, noticeVersion: '2026-11-29', chosenAt: '2026-11-29T18:00:00Z', currentNoticeVersion: '2026-11-29' });
    await settle();
    expect(element.querySelector('#current-choice')?.textContent).toContain('You decline payment');
    expect(element.querySelector('[role=status] .notice')?.textContent).toContain('Saved: you decline payment.');
    expect(element.textContent).toContain('after reading notice version 2026-11-29');
  });

  it('shows the API refusal when the notice changed, and reads the new notice', async () => {
    const { element, http, settle } = await open();
    element.querySelector<HTMLInputElement>('#choice-accept')!.click();
    await settle();
    element.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await settle();
    http.expectOne((r) => r.url === '/api/compensation/me/payment-choice' && r.method === 'PUT')
      .flush({ title: 'Read the current notice first.', status: 400, code: 'Compensation:NoticeNotAcknowledged' }, { status: 400, statusText: 'Bad Request' });
    await settle();
    http.expectOne('/api/compensation/me/payment-notice').flush({ ...notice, version: '2027-01-01' });
    await settle();
    expect(element.querySelector('[role=alert]')?.textContent).toContain('Read the current notice first.');
    expect(element.textContent).toContain('Notice version 2027-01-01');
  });
});

const profile = (over: Partial<PayeeProfileDto> = {}): PayeeProfileDto => ({
  id: PAYEE, kind: 'Person', userId: 'u9', name: 'Rosa Díaz', contactEmail: null,
  preference: { method: 'BankTransfer', details: { mailingAddress: null, accountHolder: 'Rosa Díaz', routingNumber: '•••••0021', accountNumber: '••••6789', giftCardVendor: null, deliveryEmail: null } },
  taxForm: { w9OnFile: false, receivedOn: null, tinLast4: null },
  choice: { choice: 'Decline', preferredMethod: null, noticeVersion: '2026-11-29', chosenAt: '2026-11-29T18:00:00Z', currentNoticeVersion: '2026-11-29' },
  creationTime: '2026-11-01T00:00:00Z',
  ...over,
});

describe('Payee page', () => {
  async function open(url: string, permissions: string[], features: Record<string, boolean> = { Compensation: true }) {
    const s = await setup(['Compensation.Items', ...permissions], features);
    await s.harness.navigateByUrl(url);
    await s.settle();
    return { ...s, element: s.harness.routeNativeElement! };
  }

  it('says the payee declined, shows the preference masked, and saves a W-9 with only the last 4 digits', async () => {
    const { element, http, settle } = await open(`/compensation/payees/${PAYEE}`, ['Compensation.Payees.Manage']);
    http.expectOne(`/api/compensation/payees/${PAYEE}`).flush(profile());
    await settle();
    expect(element.querySelector('h1')?.textContent).toBe('Rosa Díaz');
    expect(element.querySelector('#payee-preference-title')?.textContent).toBe('Payment method');
    expect(element.querySelector('#payee-choice')?.textContent).toContain('Declined payment');
    expect(element.textContent).toContain('••••6789');
    expect(element.textContent).toContain('shown masked');
    expect(element.querySelector('#payee-w9')?.textContent?.trim()).toBe('Not on file');
    expect(element.textContent).not.toContain('Show full details');

    element.querySelector<HTMLInputElement>('#tax-w9')!.click();
    await settle();
    const last4 = element.querySelector<HTMLInputElement>('#tax-last4')!;
    expect(last4.maxLength).toBe(4);
    expect(element.querySelector(`#${last4.getAttribute('aria-describedby')!.split(' ')[0]}`)?.textContent).toContain('Only the last 4 digits');
    last4.value = '6789';
    last4.dispatchEvent(new Event('input'));
    const received = element.querySelector<HTMLInputElement>('#tax-received')!;
    received.value = '2026-01-15';
    received.dispatchEvent(new Event('input'));
    await settle();
    element.querySelector<HTMLFormElement>('form[aria-labelledby=tax-form-title]')!.dispatchEvent(new Event('submit'));
    await settle();
    const put = http.expectOne(`/api/compensation/payees/${PAYEE}/tax-form`);
    expect(put.request.body).toEqual({ w9OnFile: true, receivedOn: '2026-01-15', tinLast4: '6789' });
    put.flush({ w9OnFile: true, receivedOn: '2026-01-15', tinLast4: '6789' });
    await settle();
    expect(element.querySelector('#payee-w9')?.textContent).toContain('tax id ending 6789');
  });

  it('shows a refused tax id under its field', async () => {
    const { element, http, settle } = await open(`/compensation/payees/${PAYEE}`, ['Compensation.Payees.Manage']);
    http.expectOne(`/api/compensation/payees/${PAYEE}`).flush(profile({ taxForm: { w9OnFile: true, receivedOn: null, tinLast4: null } }));
    await settle();
    element.querySelector<HTMLFormElement>('form[aria-labelledby=tax-form-title]')!.dispatchEvent(new Event('submit'));
    await settle();
    http.expectOne(`/api/compensation/payees/${PAYEE}/tax-form`).flush(
      { title: 'Only the last 4 digits', status: 400, code: 'Compensation:TinLast4Only', errors: { tinLast4: ['Enter only the last 4 digits.'] } },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(element.querySelector('#tax-last4-errors')?.textContent).toContain('Enter only the last 4 digits.');
  });

  it('reads the full details only on request, saying the read is audited', async () => {
    const { element, http, settle } = await open(`/compensation/payees/${PAYEE}`, ['Compensation.Payees.ViewDetails']);
    http.expectOne(`/api/compensation/payees/${PAYEE}`).flush(profile());
    await settle();
    http.expectNone(`/api/compensation/payees/${PAYEE}/payment-details`);
    expect(element.querySelector('#details-audit')?.textContent).toContain('recorded in the audit log');
    const show = [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Show full details')!;
    show.click();
    await settle();
    http.expectOne(`/api/compensation/payees/${PAYEE}/payment-details`).flush({
      payeeId: PAYEE, method: 'BankTransfer', details: { accountHolder: 'Rosa Díaz', routingNumber: '111000025', accountNumber: '000123456789' },
    });
    await settle();
    expect(element.querySelector('#full-details')?.textContent).toContain('000123456789');
    expect(element.textContent).not.toContain('Change payment method');
  });

  it('says Stripe returned, shows the account and starts onboarding at the link the API answers', async () => {
    const { harness, element, http, settle } = await open(`/compensation/payees/${PAYEE}?stripe=return`, ['Compensation.Payees.Manage'], { Compensation: true, StripePayouts: true });
    http.expectOne(`/api/compensation/payees/${PAYEE}`).flush(profile());
    http.expectOne((r) => r.url === `/api/compensation/payees/${PAYEE}/stripe-account` && r.method === 'GET')
      .flush({ title: 'No account', status: 404, code: 'Compensation:NoStripeAccount' }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(element.textContent).toContain('Returned from Stripe.');
    expect(element.textContent).toContain('No Stripe account yet.');
    const page = harness.fixture.debugElement.query((d) => d.componentInstance instanceof PayeePage).componentInstance as PayeePage;
    const opened = vi.spyOn(page as unknown as { openExternal(url: string): void }, 'openExternal').mockImplementation(() => undefined);
    [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Set up Stripe payouts')!.click();
    await settle();
    http.expectOne((r) => r.url === `/api/compensation/payees/${PAYEE}/stripe-account` && r.method === 'POST')
      .flush({ accountId: 'acct_1', onboardingUrl: 'https://connect.stripe.test/setup/abc', status: 'Onboarding' });
    await settle();
    expect(opened).toHaveBeenCalledWith('https://connect.stripe.test/setup/abc');
  });

  it('has no Stripe section without the plan feature', async () => {
    const { element, http, settle } = await open(`/compensation/payees/${PAYEE}`, ['Compensation.Payees.Manage']);
    http.expectOne(`/api/compensation/payees/${PAYEE}`).flush(profile());
    await settle();
    http.expectNone(`/api/compensation/payees/${PAYEE}/stripe-account`);
    expect(element.querySelector('#stripe-title')).toBeNull();
  });
});

describe('request builders', () => {
  it('sends only the chosen method\'s details, trimmed', () => {
    const draft = { ...emptyPreference('BankTransfer'), accountHolder: ' Rosa ', routingNumber: '111 000 025', accountNumber: '0001234', line1: 'ignored', giftCardVendor: 'ignored' };
    expect(preferenceRequest(draft)).toEqual({
      method: 'BankTransfer', mailingAddress: null, accountHolder: 'Rosa', routingNumber: '111000025', accountNumber: '0001234', giftCardVendor: null, deliveryEmail: null,
    });
    expect(preferenceRequest({ ...draft, method: 'Cash' })).toEqual({
      method: 'Cash', mailingAddress: null, accountHolder: null, routingNumber: null, accountNumber: null, giftCardVendor: null, deliveryEmail: null,
    });
  });

  it('lists only the masked details present', () => {
    expect(maskedLines({ method: 'GiftCard', details: { mailingAddress: null, accountHolder: null, routingNumber: null, accountNumber: null, giftCardVendor: 'Target', deliveryEmail: 'r•••@x.test' } }))
      .toEqual([{ label: 'compensation.preference.giftCardVendor', value: 'Target' }, { label: 'compensation.preference.deliveryEmail', value: 'r•••@x.test' }]);
    expect(maskedLines(null)).toEqual([]);
  });

  it('sends no date or digits without a W-9', () => {
    expect(taxFormRequest({ w9OnFile: false, receivedOn: '2026-01-01', tinLast4: '1234' })).toEqual({ w9OnFile: false, receivedOn: null, tinLast4: null });
    expect(taxFormRequest({ w9OnFile: true, receivedOn: '', tinLast4: ' 1234 ' })).toEqual({ w9OnFile: true, receivedOn: null, tinLast4: '1234' });
  });

  it('keeps a preferred method only when accepting', () => {
    expect(choiceRequest('Accept', 'GiftCard', notice)).toEqual({ choice: 'Accept', preferredMethod: 'GiftCard', noticeVersion: '2026-11-29' });
    expect(choiceRequest('Decline', 'GiftCard', notice)).toEqual({ choice: 'Decline', preferredMethod: null, noticeVersion: '2026-11-29' });
  });

  it('tells a Stripe return from an expired link', () => {
    expect(stripeReturnMessage('return')).toBe('compensation.payee.stripe.returned');
    expect(stripeReturnMessage('refresh')).toBe('compensation.payee.stripe.expired');
    expect(stripeReturnMessage('other')).toBe('');
    expect(stripeReturnMessage(null)).toBe('');
  });

  it('names the declined payee\'s item from a PayeeDeclined refusal and nothing else', () => {
    const rows = [{ id: 'i1', payee: { id: 'p', kind: 'Person', userId: 'u', name: 'Rosa', declined: true }, description: 'Focus group' }] as unknown as PayableItemSummaryDto[];
    expect(declinedRefusal({ status: 409, title: '', code: 'Compensation:PayeeDeclined', params: { itemId: 'i1' } }, rows)).toEqual({ payee: 'Rosa', description: 'Focus group' });
    expect(declinedRefusal({ status: 409, title: '', code: 'Compensation:AlreadyPaid', params: { itemId: 'i1' } }, rows)).toBeNull();
    expect(declinedRefusal(null, rows)).toBeNull();
  });
});
