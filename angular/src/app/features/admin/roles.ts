import { Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api } from '../../api/api';
import { getPermissionDefinitions } from '../../api/fn/identity/get-permission-definitions';
import { getRoles } from '../../api/fn/identity/get-roles';
import { updateRolePermissions } from '../../api/fn/identity/update-role-permissions';
import { PermissionDto } from '../../api/models/permission-dto';
import { RoleDto } from '../../api/models/role-dto';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { Loading, ProblemAlert } from '../../shared/state';
import { ListSource } from '../../shared/list';
import { RowActions } from '../../shared/row-actions';
import { ListPage, ListRow } from '../../shared/list-page';
import { Permission } from '../../shared/permissions';
import { focusSoon } from '../../shared/focus';

export interface PermissionGroup {
  module: string;
  permissions: PermissionDto[];
}

/** Permission names are "<Module>.<Thing>[.<Action>]": one group of checkboxes per module, in the server's order. */
export function groupPermissions(definitions: PermissionDto[]): PermissionGroup[] {
  const groups = new Map<string, PermissionDto[]>();
  for (const definition of definitions) {
    const module = definition.name.split('.')[0];
    groups.set(module, [...(groups.get(module) ?? []), definition]);
  }
  return [...groups].map(([module, permissions]) => ({ module, permissions }));
}

/** Roles and what each may do: pick a role, tick its permissions grouped by module, save. */
@Component({
  selector: 'app-roles',
  imports: [FormsModule, TranslatePipe, Loading, ProblemAlert, ListPage, ListRow],
  template: `
    <h1>{{ 'admin.roles.title' | t }}</h1>
    <p>{{ 'admin.roles.intro' | t }}</p>
    <app-list-page [list]="roles" key="roles" caption="admin.roles.title" [actions]="rows"
      [columns]="['admin.roles.name', 'admin.roles.kind', 'admin.roles.count', 'admin.actions']" empty="admin.roles.empty">
      <ng-template [listRow]="roles" let-role>
        <th scope="row">{{ roleLabel(role.name) }}</th>
        <td>{{ (role.isStatic ? 'admin.roles.builtIn' : 'admin.roles.custom') | t }}</td>
        <td>{{ i18n.formatNumber(role.permissions.length) }}</td>
        <td>
          <button type="button" (click)="select(role)" [attr.aria-label]="(canManage ? 'admin.roles.editPermissionsOf' : 'admin.roles.viewPermissionsOf') | t: { name: roleLabel(role.name) }">
            {{ (canManage ? 'admin.roles.editPermissions' : 'admin.roles.viewPermissions') | t }}
          </button>
        </td>
      </ng-template>
    </app-list-page>


    @if (selected(); as role) {
      <form class="card" (ngSubmit)="save(role)" aria-labelledby="role-permissions-title">
        <h2 id="role-permissions-title" tabindex="-1">{{ 'admin.roles.permissionsOf' | t: { name: roleLabel(role.name) } }}</h2>
        @if (!canManage) {
          <p class="hint">{{ 'admin.roles.readOnly' | t }}</p>
        }
        @if (definitions.loading()) {
          <app-loading />
        }
        <app-problem [problem]="definitions.problem()" />
        @for (group of groups(); track group.module) {
          <fieldset class="field">
            <legend>{{ groupLabel(group.module) }}</legend>
            @for (p of group.permissions; track p.name) {
              <label class="checkbox">
                <input type="checkbox" [name]="p.name" [disabled]="!canManage" [ngModel]="granted()[p.name] ?? false" (ngModelChange)="set(p.name, $event)" />
                {{ p.displayName }}
              </label>
            }
          </fieldset>
        }
        <app-problem [problem]="saving.problem()" [showFields]="true" />
        <div class="actions">
          @if (canManage) {
            <button type="submit" class="primary" [disabled]="saving.busy()">{{ 'admin.roles.save' | t }}</button>
          }
          <button type="button" (click)="selected.set(null)">{{ 'admin.close' | t }}</button>
        </div>
      </form>
    }
  `,
})
export class Roles {
  private readonly api = inject(Api);
  protected readonly i18n = inject(I18n);
  private readonly config = inject(AppConfig);
  protected readonly canManage = this.config.can(Permission.IdentityRolesManagePermissions);
  protected readonly roles = new ListSource<RoleDto>(() => this.api.invoke(getRoles));
  protected readonly definitions = new Loadable<PermissionDto[]>();
  protected readonly saving = new Submission();
  protected readonly selected = signal<RoleDto | null>(null);
  protected readonly granted = signal<Record<string, boolean>>({});
  protected readonly rows = new RowActions<RoleDto>('role', this.roles);
  protected readonly groups = computed(() => groupPermissions(this.definitions.data() ?? []));

  constructor() {
    void this.roles.reload();
    // The permission names come translated from the server: ask again when the language changes.
    effect(() => {
      this.i18n.language();
      untracked(() => void this.definitions.load(() => this.api.invoke(getPermissionDefinitions).then((page) => page.items)));
    });
  }

  protected roleLabel(name: string): string {
    return this.i18n.optional(`admin.roleNames.${name}`, name);
  }

  protected groupLabel(module: string): string {
    return this.i18n.optional(`admin.roles.groups.${module}`, module);
  }

  protected select(role: RoleDto): void {
    this.saving.reset();
    this.rows.say('');
    this.granted.set(Object.fromEntries(role.permissions.map((p) => [p, true])));
    this.selected.set(role);
    focusSoon('role-permissions-title');
  }

  protected set(name: string, on: boolean): void {
    this.granted.update((all) => ({ ...all, [name]: on }));
  }

  protected async save(role: RoleDto): Promise<void> {
    const granted = this.granted();
    const permissions = (this.definitions.data() ?? []).map((d) => d.name).filter((name) => granted[name]);
    const updated = await this.saving.run(() => this.api.invoke(updateRolePermissions, { id: role.id, body: { permissions } }));
    if (updated) {
      this.roles.replace((r) => r.id === updated.id, updated);
      this.selected.set(updated);
      this.rows.say(this.i18n.t('admin.roles.saved', { name: this.roleLabel(role.name) }));
    }
  }
}
