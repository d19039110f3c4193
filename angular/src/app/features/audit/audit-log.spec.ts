import { HttpHeaders, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import auditEn from '../../../../public/i18n/audit.en.json';
import auditEs from '../../../../public/i18n/audit.es.json';
import shellEn from '../../../../public/i18n/shell.en.json';
import shellEs from '../../../../public/i18n/shell.es.json';
import { AuditLogEntryDto } from '../../api/models/audit-log-entry-dto';
import { ApplicationConfigurationDto } from '../../api/models/application-configuration-dto';
import { AppConfig } from '../../core/app-config';
import { I18n, Language, TRANSLATION_AREAS } from '../../core/i18n';
import { fileNameOf } from '../../shared/download';
import { AuditLog, NO_FILTERS, auditQuery, nextDay, valueChanges } from './audit-log';

const files: Record<Language, Record<string, Record<string, string>>> = {
  en: { shell: shellEn, audit: auditEn },
  es: { shell: shellEs, audit: auditEs },
};

const council: AuditLogEntryDto = {
  id: '0190a000-0000-7000-8000-000000000001',
  time: '2026-03-10T15:30:00+00:00',
  userId: '11111111-1111-1111-1111-111111111111',
  userName: 'ana',
  action: 'Created',
  entityType: 'Council',
  entityId: 'c0c0c0c0-0000-0000-0000-000000000001',
  changedProperties: ['Description', 'Name'],
  valuesJson: null,
};

const assignment: AuditLogEntryDto = {
  id: '0190a000-0000-7000-8000-000000000002',
  time: '2026-03-11T09:00:00+00:00',
  userId: null,
  userName: null,
  action: 'Updated',
  entityType: 'SeatAssignment',
  entityId: 'a5a5a5a5-0000-0000-0000-000000000002',
  changedProperties: ['TermEnd'],
  valuesJson: '{"TermEnd":{"before":null,"after":"2027-01-31"}}',
};

describe('audit log page', () => {
  async function setup(timeZone = 'America/Chicago') {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    const i18n = TestBed.inject(I18n);
    const http = TestBed.inject(HttpTestingController);
    const use = async (language: Language) => {
      const using = i18n.use(language);
      await Promise.resolve();
      for (const area of TRANSLATION_AREAS) {
        http.expectOne(`i18n/${area}.${language}.json`).flush(files[language][area] ?? {});
      }
      await using;
    };
    await use('en');
    TestBed.inject(AppConfig).value.set({
      currentTenant: { id: 'a', name: 'alpha', timeZone },
      grantedPermissions: ['AuditLogging.AuditLogs'],
    } as ApplicationConfigurationDto);
    const fixture = TestBed.createComponent(AuditLog);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    // The API client answers through promises Angular does not track: let them run, then render.
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
      fixture.detectChanges();
    };
    const list = () => http.expectOne((r) => r.url === '/api/audit-logs');
    const answer = async (request: TestRequest, items: AuditLogEntryDto[], totalCount = items.length) => {
      request.flush({ totalCount, items });
      await settle();
    };
    const type = (id: string, value: string) => {
      const input = element.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)!;
      input.value = value;
      input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
    };
    const button = (text: string) => [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)!;
    return { fixture, element, http, use, settle, list, answer, type, button };
  }

  it('shows who did what to which entity, newest first, with the changed properties and values', async () => {
    const { element, list, answer } = await setup();
    const request = list();
    expect(request.request.params.get('SkipCount')).toBe('0');
    expect(request.request.params.get('MaxResultCount')).toBe('25');
    expect(request.request.params.keys()).not.toContain('From');
    await answer(request, [council, assignment]);

    expect(element.querySelector('h1')?.textContent).toBe('Audit log');
    const headers = [...element.querySelectorAll('.table-wrap > table > thead th')].map((th) => th.textContent?.trim());
    expect(headers).toEqual(['When', 'Who', 'Action', 'Entity', 'Entity id', 'Changes']);
    const rows = [...element.querySelectorAll('.table-wrap > table > tbody > tr')];
    expect(rows).toHaveLength(2);
    const cells = (row: Element) => [...row.querySelectorAll(':scope > th, :scope > td')].map((c) => c.textContent?.trim());
    // Times read in the partnership's time zone (Chicago is UTC-5 on 10 March 2026).
    expect(cells(rows[0])[0]).toContain('10:30');
    expect(cells(rows[0]).slice(1, 5)).toEqual(['ana', 'Created', 'Council', council.entityId]);
    expect(rows[0].querySelector('summary')?.textContent).toBe('2 changed properties');
    expect([...rows[0].querySelectorAll('details li')].map((li) => li.textContent)).toEqual(['Description', 'Name']);

    // A change by the system, with the values kept before and after.
    expect(cells(rows[1]).slice(1, 4)).toEqual(['System', 'Updated', 'Seat assignment']);
    const values = rows[1].querySelector('details table')!;
    expect([...values.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Property', 'Before', 'After']);
    expect([...values.querySelectorAll('tbody tr > *')].map((c) => c.textContent)).toEqual(['TermEnd', '(none)', '2027-01-31']);
  });

  it('sends the filters, dates as whole days in the partnership time zone, and says when nothing matches', async () => {
    const { element, list, answer, type, button, settle } = await setup();
    await answer(list(), [council]);

    type('audit-from', '2026-03-08');
    type('audit-to', '2026-03-10');
    type('audit-user', '  ana ');
    type('audit-action', 'Updated');
    type('audit-entity-type', 'Decision');
    type('audit-entity-id', 'd-1');
    button('Apply filters').click();
    await settle();
    const filtered = list();
    const params = filtered.request.params;
    // 8 March is still standard time (UTC-6) in Chicago; the 11th (the day after "to") is daylight time (UTC-5).
    expect(params.get('From')).toBe('2026-03-08T00:00:00-06:00');
    expect(params.get('To')).toBe('2026-03-11T00:00:00-05:00');
    expect(params.get('UserName')).toBe('ana');
    expect(params.get('Action')).toBe('Updated');
    expect(params.get('EntityType')).toBe('Decision');
    expect(params.get('EntityId')).toBe('d-1');
    expect(params.get('SkipCount')).toBe('0');
    await answer(filtered, []);
    expect(element.querySelector('.empty')?.textContent?.trim()).toBe('No entry matches these filters.');

    button('Clear filters').click();
    await settle();
    const cleared = list();
    expect(cleared.request.params.keys().sort()).toEqual(['MaxResultCount', 'SkipCount']);
    await answer(cleared, []);
    expect(element.querySelector('.empty')?.textContent?.trim()).toBe('The audit log has no entries yet.');
    expect((element.querySelector('#audit-user') as HTMLInputElement).value).toBe('');
  });

  it('pages through the entries with the pager', async () => {
    const { element, list, answer, button, settle } = await setup();
    await answer(list(), [council], 60);
    expect(element.querySelector('.pager-summary')?.textContent).toBe('Page 1 of 3 (60 in all)');
    button('Next page').click();
    await settle();
    const next = list();
    expect(next.request.params.get('SkipCount')).toBe('25');
    await answer(next, [assignment], 60);
    expect(element.querySelectorAll('.table-wrap > table > tbody > tr')).toHaveLength(1);
  });

  it('shows a refused filter under its field and a failed load as an alert', async () => {
    const { element, list, settle, button } = await setup();
    list().flush(
      { title: 'Some fields are not valid.', status: 400, code: 'Framework:ValidationFailed', errors: { 'filter.to': ['The end of the period must come after its start.'] } },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Framework:ValidationFailed');
    expect(element.querySelector('#audit-to-errors')?.textContent).toBe('The end of the period must come after its start.');
    expect(element.querySelector('#audit-to')?.getAttribute('aria-describedby')).toContain('audit-to-errors');
    expect(element.querySelector('table')).toBeNull();

    button('Apply filters').click();
    await settle();
    list().error(new ProgressEvent('error'), { status: 0 });
    await settle();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(shellEn['errors.offline']);
  });

  it('exports the applied filters through the API client and saves the file under the name the server gives', async () => {
    const { element, http, list, answer, type, button, settle } = await setup('UTC');
    await answer(list(), [council]);
    type('audit-entity-type', 'Council');
    button('Apply filters').click();
    await settle();
    await answer(list(), [council]);
    // Typed but not applied: the export follows what the list shows.
    type('audit-user', 'someone-else');

    const saved: string[] = [];
    const created = vi.fn((_blob: Blob) => 'blob:audit');
    const revoked = vi.fn();
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: revoked });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(`${this.download} ${this.href}`);
    });
    try {
      button('Export CSV').click();
      await settle();
      expect(button('Exporting…').disabled).toBe(true);
      const request = http.expectOne((r) => r.url === '/api/audit-logs/export');
      expect(request.request.responseType).toBe('blob');
      expect(request.request.params.get('EntityType')).toBe('Council');
      expect(request.request.params.keys()).not.toContain('UserName');
      const csv = new Blob(['Time (UTC),User\n'], { type: 'text/csv' });
      request.flush(csv, { headers: new HttpHeaders({ 'Content-Disposition': "attachment; filename=audit-log-x.csv; filename*=UTF-8''audit-log-20260310-153000.csv" }) });
      await settle();
      expect(saved).toEqual(['audit-log-20260310-153000.csv blob:audit']);
      expect(created).toHaveBeenCalledWith(csv);
      expect(element.querySelector('[role="status"] .notice')?.textContent).toBe('Downloaded audit-log-20260310-153000.csv.');
      expect(button('Export CSV').disabled).toBe(false);
    } finally {
      click.mockRestore();
    }
  });

  it('says why an export was refused (the problem arrives as a Blob)', async () => {
    const { element, http, list, answer, button, settle } = await setup();
    await answer(list(), [council]);
    button('Export CSV').click();
    await settle();
    const problem = { title: 'You are not allowed to do this.', status: 403, code: 'Framework:Forbidden' };
    http.expectOne((r) => r.url === '/api/audit-logs/export').flush(new Blob([JSON.stringify(problem)], { type: 'application/problem+json' }), { status: 403, statusText: 'Forbidden' });
    await settle();
    await settle();
    const alert = element.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('You are not allowed to do this.');
    expect(alert?.textContent).toContain('Framework:Forbidden');
  });

  it('speaks Spanish', async () => {
    const { element, list, answer, use, fixture } = await setup();
    await answer(list(), [assignment]);
    await use('es');
    fixture.detectChanges();
    expect(element.querySelector('h1')?.textContent).toBe('Registro de auditoría');
    expect(element.querySelector('label[for="audit-from"]')?.textContent).toBe('Desde (fecha)');
    expect(element.querySelector('.table-wrap > table > tbody > tr td')?.textContent?.trim()).toBe('Sistema');
    expect(TestBed.inject(I18n).missing.size).toBe(0);
  });
});

describe('audit log helpers', () => {
  it('turn the filters into the query, leaving out what is empty', () => {
    expect(auditQuery({ ...NO_FILTERS }, 'UTC')).toEqual({ From: undefined, To: undefined, UserName: undefined, EntityType: undefined, EntityId: undefined, Action: undefined });
    expect(auditQuery({ ...NO_FILTERS, from: '2026-01-31', to: '2026-01-31', entityType: ' Decision ' }, 'Europe/Madrid')).toEqual({
      From: '2026-01-31T00:00:00+01:00',
      To: '2026-02-01T00:00:00+01:00',
      UserName: undefined,
      EntityType: 'Decision',
      EntityId: undefined,
      Action: undefined,
    });
  });

  it('find the next day across months and leap years', () => {
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });

  it('read the values before and after, and nothing from text of another shape', () => {
    expect(valueChanges('{"Amount":{"before":10,"after":12.5},"Title":{"before":"A","after":"B"},"Terms":{"before":{"x":1},"after":null}}')).toEqual([
      { property: 'Amount', before: '10', after: '12.5' },
      { property: 'Title', before: 'A', after: 'B' },
      { property: 'Terms', before: '{"x":1}', after: '' },
    ]);
    expect(valueChanges(null)).toEqual([]);
    expect(valueChanges('not json')).toEqual([]);
    expect(valueChanges('[1,2]')).toEqual([]);
  });

  it('read the file name of a download, the UTF-8 one first', () => {
    expect(fileNameOf("attachment; filename=a.csv; filename*=UTF-8''informe%20%C3%BA.csv")).toBe('informe ú.csv');
    expect(fileNameOf('attachment; filename="audit log.csv"')).toBe('audit log.csv');
    expect(fileNameOf('attachment; filename=plain.csv')).toBe('plain.csv');
    expect(fileNameOf('attachment')).toBeUndefined();
    expect(fileNameOf(null)).toBeUndefined();
  });
});
