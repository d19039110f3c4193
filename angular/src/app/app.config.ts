import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, inject, provideAppInitializer, provideBrowserGlobalErrorListeners } from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { AppConfig } from './core/app-config';
import { Auth } from './core/auth';
import { authInterceptor } from './core/auth-interceptor';
import { I18n, Language, LANGUAGES } from './core/i18n';
import { TranslatedTitleStrategy } from './core/title';

/** The language before anyone signs in: this browser's last choice, else the browser's own language. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem('ep.language') as Language | null;
  if (stored && LANGUAGES.includes(stored)) {
    return stored;
  }
  return navigator.language?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    provideHttpClient(withInterceptors([authInterceptor])),
    provideAppInitializer(async () => {
      const i18n = inject(I18n);
      const config = inject(AppConfig);
      const auth = inject(Auth);
      await i18n.use(initialLanguage());
      if (location.pathname.startsWith('/auth/callback')) {
        return; // the callback page signs in and loads the configuration itself
      }
      try {
        await config.load();
        if (auth.isSignedIn() && !config.user()?.isAuthenticated) {
          auth.clear(); // an expired session
        }
      } catch {
        // The shell still shows; pages report the failure of their own calls.
      }
    }),
  ],
};
