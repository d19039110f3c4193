import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { Auth } from './auth';
import { I18n } from './i18n';

/**
 * Adds the bearer token and the language (the API localizes its error messages) to every API call, renews a token
 * about to expire, and sends the person to sign in again when the API answers 401.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(Auth);
  const i18n = inject(I18n);
  const router = inject(Router);
  if (!request.url.startsWith('/api/') && !request.url.includes('/api/')) {
    return next(request);
  }
  const renew = auth.isExpiringSoon() ? from(auth.refresh()) : from(Promise.resolve(true));
  return renew.pipe(
    switchMap(() => {
      const token = auth.accessToken;
      const headers: Record<string, string> = { 'Accept-Language': i18n.language() };
      if (token) {
        headers['Authorization'] = `Bearer ${token}`;
      }
      return next(request.clone({ setHeaders: headers }));
    }),
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && auth.isSignedIn()) {
        auth.clear();
        void router.navigateByUrl('/');
      }
      return throwError(() => error);
    }),
  );
};
