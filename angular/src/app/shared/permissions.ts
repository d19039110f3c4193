import { PERMISSION_NAME } from '../api/models/permission-name-array';
import { PermissionName } from '../api/models/permission-name';

/** "Governance.Decisions.Manage" → "GovernanceDecisionsManage". */
type Key<Name extends string> = Name extends `${infer Head}.${infer Rest}` ? `${Head}${Key<Rest>}` : Name;

/**
 * Every permission the backend defines, by a constant name: `Permission.GovernanceCouncilsManage`. Built from the
 * generated `PermissionName` enum (the OpenAPI document lists the modules' permissions), so a permission renamed or
 * removed on the server breaks the build here instead of hiding a page for ever.
 */
export const Permission = Object.freeze(
  Object.fromEntries(PERMISSION_NAME.map((name) => [name.replace(/\./g, ''), name])),
) as { readonly [N in PermissionName as Key<N>]: N };

export type { PermissionName };
