import { Routes } from '@angular/router';
import { signedInGuard } from './core/guards';
import { AuthCallback } from './shell/callback';
import { Home } from './shell/home';
import { Profile } from './shell/profile';

/** Each area's pages load lazily from features/<area>/<area>.routes.ts; the guards there check permissions. */
export const routes: Routes = [
  { path: '', component: Home, title: 'shell.productName' },
  { path: 'auth/callback', component: AuthCallback, title: 'shell.titles.signIn' },
  { path: 'profile', component: Profile, canActivate: [signedInGuard], title: 'shell.titles.profile' },
  { path: 'admin', canActivate: [signedInGuard], loadChildren: () => import('./features/admin/admin.routes').then((m) => m.ROUTES) },
  {
    path: 'governance',
    canActivate: [signedInGuard],
    loadChildren: () => import('./features/governance/governance.routes').then((m) => m.ROUTES),
  },
  {
    path: 'decisions',
    canActivate: [signedInGuard],
    loadChildren: () => import('./features/decisions/decisions.routes').then((m) => m.ROUTES),
  },
  {
    path: 'notifications',
    canActivate: [signedInGuard],
    loadChildren: () => import('./features/notifications/notifications.routes').then((m) => m.ROUTES),
  },
  {
    path: 'audit',
    canActivate: [signedInGuard],
    loadChildren: () => import('./features/audit/audit.routes').then((m) => m.ROUTES),
  },
  {
    path: 'compensation',
    canActivate: [signedInGuard],
    loadChildren: () => import('./features/compensation/compensation.routes').then((m) => m.ROUTES),
  },
  {
    path: 'data-sharing',
    canActivate: [signedInGuard],
    loadChildren: () => import('./features/data-sharing/data-sharing.routes').then((m) => m.ROUTES),
  },
  // Signed out on purpose: a shared link for public input and the email confirmation it may lead to.
  { path: 'public', loadChildren: () => import('./features/public/public.routes').then((m) => m.ROUTES) },
  { path: '**', redirectTo: '' },
];
