import { Routes } from '@angular/router';
import { permissionGuard } from '../../core/guards';
import { Roles } from './roles';
import { TenantSettings } from './settings';
import { Tenants } from './tenants';
import { Users } from './users';
import { Permission } from '../../shared/permissions';

export const ROUTES: Routes = [
  { path: 'tenants', component: Tenants, canActivate: [permissionGuard(Permission.SaasTenants)], title: 'shell.titles.tenants' },
  { path: 'users', component: Users, canActivate: [permissionGuard(Permission.IdentityUsers)], title: 'shell.titles.users' },
  { path: 'roles', component: Roles, canActivate: [permissionGuard(Permission.IdentityRoles)], title: 'shell.titles.roles' },
  { path: 'settings', component: TenantSettings, canActivate: [permissionGuard(Permission.SaasTenantSettings)], title: 'shell.titles.settings' },
  { path: '', pathMatch: 'full', redirectTo: 'users' },
];
