import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import shellEn from '../../../public/i18n/shell.en.json';
import shellEs from '../../../public/i18n/shell.es.json';
import { I18n, Language, TRANSLATION_AREAS } from '../core/i18n';
import { toProblem } from '../core/problem';
import { ProblemAlert } from './state';

describe('plan refusals', () => {
  async function setup() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const i18n = TestBed.inject(I18n);
    const http = TestBed.inject(HttpTestingController);
    const use = async (language: Language) => {
      const using = i18n.use(language);
      await Promise.resolve();
      for (const area of TRANSLATION_AREAS) {
        http.expectOne(`i18n/${area}.${language}.json`).flush(area === 'shell' ? (language === 'es' ? shellEs : shellEn) : {});
      }
      await using;
    };
    await use('en');
    const fixture = TestBed.createComponent(ProblemAlert);
    return { fixture, use };
  }

  const limitReached = () =>
    toProblem(
      new HttpErrorResponse({
        status: 422,
        error: { title: 'Limit reached', status: 422, code: 'Saas:LimitReached', limit: 5, count: 5, traceId: 'x' },
      }),
    );

  it('keeps a problem\'s own values as message parameters', () => {
    expect(limitReached().params).toEqual({ limit: 5, count: 5 });
  });

  it('says a reached plan limit with its numbers, in the current language', async () => {
    const { fixture, use } = await setup();
    fixture.componentRef.setInput('problem', limitReached());
    fixture.detectChanges();
    const text = () => (fixture.nativeElement as HTMLElement).querySelector('.problem-title')?.textContent ?? '';
    expect(text()).toBe('Your plan allows 5 of these and the partnership already has 5. Remove one or ask for a larger plan.');
    await use('es');
    fixture.detectChanges();
    expect(text()).toBe('Su plan permite 5 de estos y la alianza ya tiene 5. Elimine uno o solicite un plan mayor.');
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')).not.toBeNull();
  });

  it('says a feature the plan lacks instead of the generic "no permission"', async () => {
    const { fixture } = await setup();
    fixture.componentRef.setInput(
      'problem',
      toProblem(new HttpErrorResponse({ status: 403, error: { title: 'Forbidden', status: 403, code: 'Saas:FeatureNotEnabled', feature: 'Governance' } })),
    );
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelector('.problem-title')?.textContent).toBe(
      "Your partnership's plan does not include this feature. Ask for a plan that does.",
    );
  });
});
