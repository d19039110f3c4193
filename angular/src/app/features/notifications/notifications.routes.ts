import { Routes } from '@angular/router';
import { permissionGuard } from '../../core/guards';
import { Outbox } from './outbox';
import { EmailPreferences, tenantUserGuard } from './preferences';
import { Templates } from './templates';
import { Permission } from '../../shared/permissions';

export const ROUTES: Routes = [
  { path: 'outbox', component: Outbox, canActivate: [permissionGuard(Permission.NotificationsOutbox)], title: 'shell.titles.outbox' },
  { path: 'templates', component: Templates, canActivate: [permissionGuard(Permission.NotificationsTemplates)], title: 'shell.titles.templates' },
  { path: 'preferences', component: EmailPreferences, canActivate: [tenantUserGuard], title: 'shell.titles.preferences' },
  { path: '', pathMatch: 'full', redirectTo: 'preferences' },
];
