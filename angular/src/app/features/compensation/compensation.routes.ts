import { Routes } from '@angular/router';
import { featureGuard, permissionGuard } from '../../core/guards';
import { Permission } from '../../shared/permissions';
import { COMPENSATION } from '../../shell/nav';

/** Compensation's pages; all need the plan feature, staff pages a permission too. */
export const ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'items' },
  {
    path: 'items',
    title: 'shell.titles.payableItems',
    canActivate: [permissionGuard(Permission.CompensationItems, COMPENSATION)],
    loadComponent: () => import('./items').then((m) => m.PayableItems),
  },
  {
    path: 'rates',
    title: 'shell.titles.rates',
    canActivate: [permissionGuard(Permission.CompensationItems, COMPENSATION)],
    loadComponent: () => import('./rates').then((m) => m.Rates),
  },
];
