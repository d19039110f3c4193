import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AppConfig } from './app-config';
import { Auth } from './auth';

/** Signed-in only: otherwise the sign-in page, coming back here afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const auth = inject(Auth);
  if (auth.isSignedIn()) {
    return true;
  }
  void auth.signIn(state.url);
  return false;
};

/** A page behind a permission (and a plan feature): without it, the home page. Navigation hides such links too. */
export function permissionGuard(permission: string, feature?: string): CanActivateFn {
  return () => {
    const config = inject(AppConfig);
    return config.can(permission) && config.hasFeature(feature) ? true : inject(Router).parseUrl('/');
  };
}
