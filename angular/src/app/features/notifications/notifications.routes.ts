import { Routes } from '@angular/router';
import { permissionGuard } from '../../core/guards';
import { Outbox } from './outbox';
import { EmailPreferences, tenantUserGuard } from './preferences';
import { Templates } from './templates';

export const ROUTES: Routes = [
  { path: 'outbox', component: Outbox, canActivate: [permissionGuard('Notifications.Outbox')], title: 'EngagementPlatform' },
  { path: 'templates', component: Templates, canActivate: [permissionGuard('Notifications.Templates')], title: 'EngagementPlatform' },
  { path: 'preferences', component: EmailPreferences, canActivate: [tenantUserGuard], title: 'EngagementPlatform' },
  { path: '', pathMatch: 'full', redirectTo: 'preferences' },
];
