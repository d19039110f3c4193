import { Routes } from '@angular/router';
import { featureGuard, permissionGuard } from '../../core/guards';
import { Permission } from '../../shared/permissions';
import { DATA_SHARING } from './my-signature-requests';

/**
 * Data sharing's pages; all need the plan feature. The register, editor and settings need a permission; an
 * agreement, its signing page, its versions and the destruction form are also open to the parties' signatories (the
 * API decides who may read and act).
 */
export const ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'agreements' },
  {
    path: 'agreements',
    title: 'shell.titles.agreements',
    canActivate: [permissionGuard(Permission.DataSharingAgreements, DATA_SHARING)],
    loadComponent: () => import('./register').then((m) => m.AgreementRegister),
  },
  {
    path: 'agreements/new',
    title: 'shell.titles.newAgreement',
    canActivate: [permissionGuard(Permission.DataSharingAgreementsManage, DATA_SHARING)],
    loadComponent: () => import('./agreement-editor').then((m) => m.AgreementEditor),
  },
  {
    path: 'agreements/:id',
    title: 'shell.titles.agreement',
    canActivate: [featureGuard(DATA_SHARING)],
    loadComponent: () => import('./agreement-detail').then((m) => m.AgreementDetail),
  },
  {
    path: 'agreements/:id/edit',
    title: 'shell.titles.editAgreement',
    canActivate: [permissionGuard(Permission.DataSharingAgreementsManage, DATA_SHARING)],
    loadComponent: () => import('./agreement-editor').then((m) => m.AgreementEditor),
  },
  {
    path: 'agreements/:id/sign',
    title: 'shell.titles.signAgreement',
    canActivate: [featureGuard(DATA_SHARING)],
    loadComponent: () => import('./sign').then((m) => m.SignAgreement),
  },
  {
    path: 'agreements/:id/compare',
    title: 'shell.titles.compareVersions',
    canActivate: [featureGuard(DATA_SHARING)],
    loadComponent: () => import('./compare').then((m) => m.CompareVersions),
  },
  {
    path: 'agreements/:id/destruction',
    title: 'shell.titles.attestDestruction',
    canActivate: [featureGuard(DATA_SHARING)],
    loadComponent: () => import('./destruction').then((m) => m.AttestDestruction),
  },
  {
    path: 'my-signatures',
    title: 'shell.titles.mySignatures',
    canActivate: [featureGuard(DATA_SHARING)],
    loadComponent: () => import('./my-signatures').then((m) => m.MySignatures),
  },
  {
    path: 'settings',
    title: 'shell.titles.dataSharingSettings',
    canActivate: [permissionGuard(Permission.DataSharingSettings, DATA_SHARING)],
    loadComponent: () => import('./settings').then((m) => m.DataSharingSettingsPage),
  },
];
