import { Routes } from '@angular/router';
import { permissionGuard } from '../../core/guards';
import { Roles } from './roles';
import { TenantSettings } from './settings';
import { Tenants } from './tenants';
import { Users } from './users';

export const ROUTES: Routes = [
  { path: 'tenants', component: Tenants, canActivate: [permissionGuard('Saas.Tenants')], title: 'EngagementPlatform' },
  { path: 'users', component: Users, canActivate: [permissionGuard('Identity.Users')], title: 'EngagementPlatform' },
  { path: 'roles', component: Roles, canActivate: [permissionGuard('Identity.Roles')], title: 'EngagementPlatform' },
  { path: 'settings', component: TenantSettings, canActivate: [permissionGuard('Saas.TenantSettings')], title: 'EngagementPlatform' },
  { path: '', pathMatch: 'full', redirectTo: 'users' },
];
