import { Injector, untracked } from '@angular/core';
import { DATA_SHARING, MySignatureRequests } from '../features/data-sharing/my-signature-requests';
import { Permission, PermissionName } from '../shared/permissions';
/** One link in the navigation: shown only with its permission (and, for paid modules, its plan feature). */
export interface NavItem {
  route: string;
  label: string;
  permission?: PermissionName;
  feature?: string;
  /** Host-only or tenant-only pages. */
  side?: 'host' | 'tenant';
  /** A server page outside the app (the jobs dashboard). */
  external?: boolean;
  /** Marked current only on its own path, not on the pages under it (My payments, not its Payment choice). */
  exact?: boolean;
  /** Shown only while this holds (My signatures: while something waits for the person's signature). */
  when?: (injector: Injector) => boolean;
}

export interface NavSection {
  label: string;
  items: NavItem[];
}

/** The plan feature of the Compensation pages (SaasFeatures.Compensation). */
export const COMPENSATION = 'Compensation';

export const NAVIGATION: NavSection[] = [
  {
    label: 'shell.nav.governance',
    items: [
      { route: '/governance/councils', label: 'shell.nav.councils', permission: Permission.GovernanceCouncils, side: 'tenant' },
      { route: '/decisions', label: 'shell.nav.decisions', permission: Permission.GovernanceDecisions, side: 'tenant' },
      { route: '/decisions/my-influence', label: 'shell.nav.myInfluence', permission: Permission.GovernanceDecisionsParticipate, side: 'tenant' },
    ],
  },
  {
    label: 'shell.nav.compensation',
    items: [
      { route: '/compensation/my-payments', label: 'shell.nav.myPayments', feature: COMPENSATION, side: 'tenant', exact: true },
      { route: '/compensation/my-payments/choice', label: 'shell.nav.paymentChoice', feature: COMPENSATION, side: 'tenant' },
      { route: '/compensation/items', label: 'shell.nav.payableItems', permission: Permission.CompensationItems, feature: COMPENSATION, side: 'tenant' },
      { route: '/compensation/rates', label: 'shell.nav.rates', permission: Permission.CompensationItems, feature: COMPENSATION, side: 'tenant' },
      { route: '/compensation/statements', label: 'shell.nav.statements', permission: Permission.CompensationItems, feature: COMPENSATION, side: 'tenant' },
      { route: '/compensation/annual-totals', label: 'shell.nav.annualTotals', permission: Permission.CompensationItems, feature: COMPENSATION, side: 'tenant' },
      { route: '/compensation/budget', label: 'shell.nav.budget', permission: Permission.CompensationItems, feature: COMPENSATION, side: 'tenant' },
      { route: '/compensation/ageing', label: 'shell.nav.ageing', permission: Permission.CompensationItems, feature: COMPENSATION, side: 'tenant' },
    ],
  },
  {
    label: 'shell.nav.dataSharing',
    items: [
      { route: '/data-sharing/my-signatures', label: 'shell.nav.mySignatures', feature: DATA_SHARING, side: 'tenant', when: waitingSignatures },
      { route: '/data-sharing/agreements', label: 'shell.nav.agreements', permission: Permission.DataSharingAgreements, feature: DATA_SHARING, side: 'tenant' },
      { route: '/data-sharing/settings', label: 'shell.nav.dataSharingSettings', permission: Permission.DataSharingSettings, feature: DATA_SHARING, side: 'tenant' },
    ],
  },
  {
    label: 'shell.nav.administration',
    items: [
      { route: '/admin/tenants', label: 'shell.nav.tenants', permission: Permission.SaasTenants, side: 'host' },
      { route: '/admin/users', label: 'shell.nav.users', permission: Permission.IdentityUsers },
      { route: '/admin/roles', label: 'shell.nav.roles', permission: Permission.IdentityRoles },
      { route: '/admin/settings', label: 'shell.nav.settings', permission: Permission.SaasTenantSettings, side: 'tenant' },
      { route: '/notifications/outbox', label: 'shell.nav.outbox', permission: Permission.NotificationsOutbox },
      { route: '/notifications/templates', label: 'shell.nav.templates', permission: Permission.NotificationsTemplates },
      { route: '/audit/log', label: 'shell.nav.auditLog', permission: Permission.AuditLoggingAuditLogs },
      { route: '/hangfire', label: 'shell.nav.jobs', permission: Permission.SaasJobs, side: 'host', external: true },
    ],
  },
];

/** Whether an agreement waits for the signed-in person's signature (the service reads the list once signed in). */
function waitingSignatures(injector: Injector): boolean {
  return untracked(() => injector.get(MySignatureRequests)).any();
}
