import { Routes } from '@angular/router';
import { permissionGuard } from '../../core/guards';
import { Permission } from '../../shared/permissions';

export const ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'councils' },
  {
    path: 'councils',
    title: 'shell.titles.councils',
    canActivate: [permissionGuard(Permission.GovernanceCouncils)],
    loadComponent: () => import('./councils').then((m) => m.Councils),
  },
  {
    path: 'councils/:id',
    title: 'shell.titles.council',
    canActivate: [permissionGuard(Permission.GovernanceCouncils)],
    loadComponent: () => import('./council').then((m) => m.CouncilPage),
  },
  {
    path: 'councils/:id/meetings/:meetingId',
    title: 'shell.titles.meeting',
    canActivate: [permissionGuard(Permission.GovernanceCouncils)],
    loadComponent: () => import('./meeting').then((m) => m.MeetingPage),
  },
  {
    path: 'my-demographics',
    title: 'shell.titles.myDemographics',
    loadComponent: () => import('./my-demographics').then((m) => m.MyDemographics),
  },
];
