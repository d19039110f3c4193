/** One link in the navigation: shown only with its permission (and, for paid modules, its plan feature). */
export interface NavItem {
  route: string;
  label: string;
  permission?: string;
  feature?: string;
  /** Host-only or tenant-only pages. */
  side?: 'host' | 'tenant';
  /** A server page outside the app (the jobs dashboard). */
  external?: boolean;
}

export interface NavSection {
  label: string;
  items: NavItem[];
}

export const NAVIGATION: NavSection[] = [
  {
    label: 'shell.nav.governance',
    items: [
      { route: '/governance/councils', label: 'shell.nav.councils', permission: 'Governance.Councils', side: 'tenant' },
      { route: '/decisions', label: 'shell.nav.decisions', permission: 'Governance.Decisions', side: 'tenant' },
      { route: '/decisions/my-influence', label: 'shell.nav.myInfluence', permission: 'Governance.Decisions.Participate', side: 'tenant' },
    ],
  },
  {
    label: 'shell.nav.administration',
    items: [
      { route: '/admin/tenants', label: 'shell.nav.tenants', permission: 'Saas.Tenants', side: 'host' },
      { route: '/admin/users', label: 'shell.nav.users', permission: 'Identity.Users' },
      { route: '/admin/roles', label: 'shell.nav.roles', permission: 'Identity.Roles' },
      { route: '/admin/settings', label: 'shell.nav.settings', permission: 'Saas.TenantSettings', side: 'tenant' },
      { route: '/notifications/outbox', label: 'shell.nav.outbox', permission: 'Notifications.Outbox' },
      { route: '/notifications/templates', label: 'shell.nav.templates', permission: 'Notifications.Templates' },
      { route: '/hangfire', label: 'shell.nav.jobs', permission: 'Saas.Jobs', side: 'host', external: true },
    ],
  },
];
