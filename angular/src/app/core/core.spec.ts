import { HttpErrorResponse } from '@angular/common/http';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { challenge, isTenantName, randomString, safeReturnUrl } from './auth';
import { signInTarget } from './guards';
import { I18n, TRANSLATION_AREAS } from './i18n';
import { fieldErrors, toProblem } from './problem';

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers of the asked length from the unreserved characters only', () => {
    const verifier = randomString(64);
    expect(verifier).toHaveLength(64);
    expect(verifier).toMatch(/^[A-Za-z0-9\-._~]+$/);
    expect(randomString(64)).not.toBe(verifier);
  });
});

describe('problem details', () => {
  it('keeps the code and puts field errors under camelCase field names', () => {
    const problem = toProblem(
      new HttpErrorResponse({
        status: 400,
        error: { title: 'Some fields are not valid.', code: 'Framework:ValidationFailed', errors: { Title: ['Required.'], title: ['Too long.'] } },
      }),
    );
    expect(problem.code).toBe('Framework:ValidationFailed');
    expect(fieldErrors(problem, 'title')).toEqual(['Required.', 'Too long.']);
    expect(fieldErrors(problem, 'other')).toEqual([]);
  });

  it('reads problem details that arrived as text (operations without a success body)', () => {
    const body = JSON.stringify({ title: 'Some fields are not valid.', code: 'Framework:ValidationFailed', errors: { AdminPassword: ['Required.'] } });
    const problem = toProblem(new HttpErrorResponse({ status: 400, error: body }));
    expect(problem.code).toBe('Framework:ValidationFailed');
    expect(fieldErrors(problem, 'adminPassword')).toEqual(['Required.']);
    expect(toProblem(new HttpErrorResponse({ status: 502, error: 'Bad gateway' })).title).toBe('');
  });

  it('reports an unreachable server as status 0 without a title', () => {
    const problem = toProblem(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }));
    expect(problem.status).toBe(0);
    expect(problem.title).toBe('');
  });
});

describe('I18n', () => {
  function setup() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    return { i18n: TestBed.inject(I18n), http: TestBed.inject(HttpTestingController) };
  }

  async function load(i18n: I18n, http: HttpTestingController, shell: Record<string, string>) {
    const using = i18n.use('es');
    await Promise.resolve();
    for (const area of TRANSLATION_AREAS) {
      http.expectOne(`i18n/${area}.es.json`).flush(area === 'shell' ? shell : {});
    }
    await using;
  }

  it('fills placeholders and prefixes keys with their area', async () => {
    const { i18n, http } = setup();
    await load(i18n, http, { 'home.welcome': 'Bienvenido/a, {name}' });
    expect(i18n.t('shell.home.welcome', { name: 'Ana' })).toBe('Bienvenido/a, Ana');
    expect(document.documentElement.lang).toBe('es');
  });

  it('shows a missing key as itself and records it for the end-to-end check', async () => {
    const { i18n, http } = setup();
    await load(i18n, http, {});
    expect(i18n.t('shell.nothing')).toBe('shell.nothing');
    expect([...i18n.missing]).toContain('es:shell.nothing');
  });
});

describe('links from emails', () => {
  const router = () => TestBed.inject(Router);

  it('take the partnership out of the link and come back to the page without it', () => {
    expect(signInTarget(router(), '/decisions/42?__tenant=alpha')).toEqual({ returnUrl: '/decisions/42', tenant: 'alpha' });
    expect(signInTarget(router(), '/notifications/preferences?x=1&__tenant=demo-2')).toEqual({ returnUrl: '/notifications/preferences?x=1', tenant: 'demo-2' });
    expect(signInTarget(router(), '/decisions/42')).toEqual({ returnUrl: '/decisions/42', tenant: undefined });
  });

  it('ignore a partnership name the server would not accept', () => {
    expect(signInTarget(router(), '/decisions/42?__tenant=a%20b').tenant).toBeUndefined();
    expect(signInTarget(router(), '/decisions/42?__tenant=-x').tenant).toBeUndefined();
    expect(isTenantName('alpha')).toBe(true);
    expect(isTenantName('x'.repeat(65))).toBe(false);
  });

  it('return only to a path inside the app', () => {
    expect(safeReturnUrl('/decisions/42')).toBe('/decisions/42');
    expect(safeReturnUrl('//evil.example/x')).toBe('/');
    expect(safeReturnUrl('/\\evil.example')).toBe('/');
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl('/auth/callback?code=1')).toBe('/');
    expect(safeReturnUrl(undefined)).toBe('/');
  });
});
