import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Route, Routes } from '@angular/router';
import shellEn from '../../../public/i18n/shell.en.json';
import shellEs from '../../../public/i18n/shell.es.json';
import { routes } from '../app.routes';
import { ROUTES as adminRoutes } from '../features/admin/admin.routes';
import { ROUTES as auditRoutes } from '../features/audit/audit.routes';
import { ROUTES as decisionRoutes } from '../features/decisions/decisions.routes';
import { ROUTES as governanceRoutes } from '../features/governance/governance.routes';
import { ROUTES as notificationRoutes } from '../features/notifications/notifications.routes';
import { ROUTES as publicRoutes } from '../features/public/public.routes';
import { I18n, Language, TRANSLATION_AREAS } from './i18n';
import { TranslatedTitleStrategy, pageTitle } from './title';

/** Every route that shows a page (not a redirect, not a lazy area). */
function pages(all: Routes): Route[] {
  return all.filter((r) => r.redirectTo === undefined && !r.loadChildren);
}

describe('page titles', () => {
  const every = [routes, adminRoutes, auditRoutes, decisionRoutes, governanceRoutes, notificationRoutes, publicRoutes].flatMap(pages);

  it('every page route has a title that is a shell text in English and Spanish', () => {
    expect(every.length).toBeGreaterThan(15);
    for (const route of every) {
      const key = String(route.title ?? '');
      expect(key, `route "${route.path}"`).toMatch(/^shell\./);
      const name = key.slice('shell.'.length);
      expect((shellEn as Record<string, string>)[name], `${key} (en)`).toBeTruthy();
      expect((shellEs as Record<string, string>)[name], `${key} (es)`).toBeTruthy();
    }
  });

  it('reads "<page> · <product>", the product alone at home', () => {
    const i18n = { t: (key: string) => ({ 'shell.productName': 'EP', 'shell.titles.users': 'Usuarios' })[key] ?? key };
    expect(pageTitle(i18n, 'shell.titles.users')).toBe('Usuarios · EP');
    expect(pageTitle(i18n, 'shell.productName')).toBe('EP');
    expect(pageTitle(i18n, undefined)).toBe('EP');
  });

  it('follows a language switch without a navigation', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const i18n = TestBed.inject(I18n);
    const http = TestBed.inject(HttpTestingController);
    const use = async (language: Language, shell: Record<string, string>) => {
      const using = i18n.use(language);
      await Promise.resolve();
      for (const area of TRANSLATION_AREAS) {
        http.expectOne(`i18n/${area}.${language}.json`).flush(area === 'shell' ? shell : {});
      }
      await using;
    };
    await use('en', { productName: 'EngagementPlatform', 'titles.users': 'Users' });
    const strategy = TestBed.inject(TranslatedTitleStrategy);
    (strategy as unknown as { key: { set(value: string): void } }).key.set('shell.titles.users');
    TestBed.inject(ApplicationRef).tick();
    expect(TestBed.inject(Title).getTitle()).toBe('Users · EngagementPlatform');
    await use('es', { productName: 'EngagementPlatform', 'titles.users': 'Usuarios' });
    TestBed.inject(ApplicationRef).tick();
    expect(TestBed.inject(Title).getTitle()).toBe('Usuarios · EngagementPlatform');
  });
});
