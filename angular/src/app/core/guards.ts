import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AppConfig } from './app-config';
import { Auth, TENANT_PARAMETER, isTenantName } from './auth';
import { PermissionName } from '../api/models/permission-name';

/**
 * Signed-in only: otherwise the sign-in page, coming back here afterwards. A link from an email names its
 * partnership (`?__tenant=<name>`): the sign-in page gets it pre-filled, so nobody has to know the short name, and
 * the page comes back without it.
 */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const auth = inject(Auth);
  if (auth.isSignedIn()) {
    return true;
  }
  const { returnUrl, tenant } = signInTarget(inject(Router), state.url);
  void auth.signIn(returnUrl, tenant);
  return false;
};

/** Splits a requested URL into where to come back to (without `__tenant`) and the partnership it names, if valid. */
export function signInTarget(router: Router, url: string): { returnUrl: string; tenant?: string } {
  const tree = router.parseUrl(url);
  const { [TENANT_PARAMETER]: requested, ...rest } = tree.queryParams;
  tree.queryParams = rest;
  const name = Array.isArray(requested) ? requested[0] : requested;
  return { returnUrl: router.serializeUrl(tree), tenant: isTenantName(name) ? name : undefined };
}

/** A page behind a permission (and a plan feature): without it, the home page. Navigation hides such links too. */
export function permissionGuard(permission: PermissionName, feature?: string): CanActivateFn {
  return () => {
    const config = inject(AppConfig);
    return config.can(permission) && config.hasFeature(feature) ? true : inject(Router).parseUrl('/');
  };
}

/** A page every signed-in person of the partnership sees when its plan has the feature (a member's own payments). */
export function featureGuard(feature: string): CanActivateFn {
  return () => (inject(AppConfig).hasFeature(feature) ? true : inject(Router).parseUrl('/'));
}
