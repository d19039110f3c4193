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
  {
    path: 'my-payments',
    title: 'shell.titles.myPayments',
    canActivate: [featureGuard(COMPENSATION)],
    loadComponent: () => import('./my-payments').then((m) => m.MyPayments),
  },
  {
    path: 'my-payments/choice',
    title: 'shell.titles.paymentChoice',
    canActivate: [featureGuard(COMPENSATION)],
    loadComponent: () => import('./payment-choice').then((m) => m.PaymentChoicePage),
  },
  {
    path: 'payees/:payeeId',
    title: 'shell.titles.payee',
    canActivate: [permissionGuard(Permission.CompensationItems, COMPENSATION)],
    loadComponent: () => import('./payee').then((m) => m.PayeePage),
  },
  {
    path: 'statements',
    title: 'shell.titles.statements',
    canActivate: [permissionGuard(Permission.CompensationItems, COMPENSATION)],
    loadComponent: () => import('./statements').then((m) => m.Statements),
  },
  {
    path: 'annual-totals',
    title: 'shell.titles.annualTotals',
    canActivate: [permissionGuard(Permission.CompensationItems, COMPENSATION)],
    loadComponent: () => import('./annual-totals').then((m) => m.AnnualTotals),
  },
  {
    path: 'budget',
    title: 'shell.titles.budget',
    canActivate: [permissionGuard(Permission.CompensationItems, COMPENSATION)],
    loadComponent: () => import('./budget').then((m) => m.Budget),
  },
  {
    path: 'ageing',
    title: 'shell.titles.ageing',
    canActivate: [permissionGuard(Permission.CompensationItems, COMPENSATION)],
    loadComponent: () => import('./ageing').then((m) => m.Ageing),
  },
];
