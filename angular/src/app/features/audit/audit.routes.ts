import { Routes } from '@angular/router';
import { permissionGuard } from '../../core/guards';
import { Permission } from '../../shared/permissions';
import { AuditLog } from './audit-log';

export const ROUTES: Routes = [
  { path: 'log', component: AuditLog, canActivate: [permissionGuard(Permission.AuditLoggingAuditLogs)], title: 'shell.titles.auditLog' },
  { path: '', pathMatch: 'full', redirectTo: 'log' },
];
