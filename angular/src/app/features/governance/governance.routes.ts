import { Routes } from '@angular/router';
import { permissionGuard } from '../../core/guards';
import { Permission } from '../../shared/permissions';

export const ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'councils' },
  {
    path: 'councils',
    canActivate: [permissionGuard(Permission.GovernanceCouncils)],
    loadComponent: () => import('./councils').then((m) => m.Councils),
  },
  {
    path: 'councils/:id',
    canActivate: [permissionGuard(Permission.GovernanceCouncils)],
    loadComponent: () => import('./council').then((m) => m.CouncilPage),
  },
  {
    path: 'councils/:id/meetings/:meetingId',
    canActivate: [permissionGuard(Permission.GovernanceCouncils)],
    loadComponent: () => import('./meeting').then((m) => m.MeetingPage),
  },
  {
    path: 'my-demographics',
    loadComponent: () => import('./my-demographics').then((m) => m.MyDemographics),
  },
];
