import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api } from '../../api/api';
import { createUser } from '../../api/fn/identity/create-user';
import { deleteUser } from '../../api/fn/identity/delete-user';
import { getRoles } from '../../api/fn/identity/get-roles';
import { getUsers } from '../../api/fn/identity/get-users';
import { resetUserPassword } from '../../api/fn/identity/reset-user-password';
import { updateUser } from '../../api/fn/identity/update-user';
import { RoleDto } from '../../api/models/role-dto';
import { UserDto } from '../../api/models/user-dto';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { ConfirmDelete } from '../../shared/confirm';
import { RowActions } from '../../shared/row-actions';
import { FieldErrors, ProblemAlert } from '../../shared/state';
import { ListSource, listItems } from '../../shared/list';
import { ListPage, ListRow } from '../../shared/list-page';
import { Permission } from '../../shared/permissions';
import { num } from '../../shared/numbers';
import { focusSoon } from '../../shared/focus';

interface UserForm {
  userName: string;
  name: string;
  email: string;
  password: string;
  preferredLanguage: string;
  isActive: boolean;
  roles: Record<string, boolean>;
}

const PAGE_SIZE = 20;

/**
 * Tenant (or host) admin: the people who can sign in — search, create with roles, edit, deactivate, reset a
 * password to a temporary one (never one's own: that is the profile page's), delete.
 */
@Component({
  selector: 'app-users',
  imports: [ConfirmDelete, FormsModule, TranslatePipe, ProblemAlert, FieldErrors, ListPage, ListRow],
  template: `
    <div class="page-header">
      <h1>{{ 'admin.users.title' | t }}</h1>
      @if (config.can(Permission.IdentityUsersCreate)) {
        <button type="button" class="primary" (click)="startCreate()">{{ 'admin.users.new' | t }}</button>
      }
    </div>

    @if (editing() !== null) {
      <form class="card" (ngSubmit)="save()" aria-labelledby="user-form-title">
        <h2 id="user-form-title">{{ (editing() ? 'admin.users.editTitle' : 'admin.users.createTitle') | t: { name: editName() } }}</h2>
        @if (!editing()) {
          <div class="field">
            <label for="user-username">{{ 'admin.users.userName' | t }}</label>
            <input id="user-username" name="userName" autocomplete="off" [(ngModel)]="form.userName" required aria-describedby="user-username-errors" />
            <app-field-errors [problem]="saving.problem()" field="userName" id="user-username-errors" />
          </div>
        }
        <div class="field">
          <label for="user-name">{{ 'admin.users.name' | t }}</label>
          <input id="user-name" name="name" [(ngModel)]="form.name" aria-describedby="user-name-errors" />
          <app-field-errors [problem]="saving.problem()" field="name" id="user-name-errors" />
        </div>
        <div class="field">
          <label for="user-email">{{ 'admin.users.email' | t }}</label>
          <input id="user-email" name="email" type="email" autocomplete="off" [(ngModel)]="form.email" required aria-describedby="user-email-errors" />
          <app-field-errors [problem]="saving.problem()" field="email" id="user-email-errors" />
        </div>
        @if (!editing()) {
          <div class="field">
            <label for="user-password">{{ 'admin.users.password' | t }}</label>
            <input id="user-password" name="password" type="password" autocomplete="new-password" [(ngModel)]="form.password" required aria-describedby="user-password-hint user-password-errors" />
            <span class="hint" id="user-password-hint">{{ 'admin.users.passwordHint' | t }}</span>
            <app-field-errors [problem]="saving.problem()" field="password" id="user-password-errors" />
          </div>
        }
        <div class="field">
          <label for="user-language">{{ 'admin.users.language' | t }}</label>
          <select id="user-language" name="preferredLanguage" [(ngModel)]="form.preferredLanguage" aria-describedby="user-language-errors">
            <option value="">{{ 'admin.users.languageDefault' | t }}</option>
            <option value="en">{{ 'shell.languages.en' | t }}</option>
            <option value="es">{{ 'shell.languages.es' | t }}</option>
          </select>
          <app-field-errors [problem]="saving.problem()" field="preferredLanguage" id="user-language-errors" />
        </div>
        <fieldset class="field" aria-describedby="user-roles-errors">
          <legend>{{ 'admin.users.roles' | t }}</legend>
          @if (roles.problem()) {
            <app-problem [problem]="roles.problem()" />
          }
          @for (role of roles.data() ?? []; track role.id) {
            <label class="checkbox">
              <input type="checkbox" [name]="'role-' + role.name" [(ngModel)]="form.roles[role.name]" />
              {{ roleLabel(role.name) }}
            </label>
          }
          <app-field-errors [problem]="saving.problem()" field="roleNames" id="user-roles-errors" />
        </fieldset>
        @if (editing()) {
          <label class="checkbox">
            <input type="checkbox" name="isActive" [(ngModel)]="form.isActive" />
            {{ 'admin.users.canSignIn' | t }}
          </label>
        }
        <app-problem [problem]="saving.problem()" />
        <div class="actions">
          <button type="submit" class="primary" [disabled]="saving.busy()">{{ (editing() ? 'admin.save' : 'admin.users.create') | t }}</button>
          <button type="button" (click)="editing.set(null)">{{ 'admin.cancel' | t }}</button>
        </div>
      </form>
    }

    @if (resetting(); as u) {
      <form class="card" (ngSubmit)="resetPassword(u)" aria-labelledby="reset-form-title">
        <h2 id="reset-form-title">{{ 'admin.users.resetTitle' | t: { name: u.userName } }}</h2>
        <p id="reset-intro">{{ 'admin.users.resetIntro' | t }}</p>
        <div class="field">
          <label for="reset-password">{{ 'admin.users.temporaryPassword' | t }}</label>
          <input id="reset-password" name="newPassword" type="password" autocomplete="new-password" required
            [(ngModel)]="temporaryPassword" aria-describedby="reset-intro reset-password-hint reset-password-errors" />
          <span class="hint" id="reset-password-hint">{{ 'admin.users.passwordHint' | t }}</span>
          <app-field-errors [problem]="resettingPassword.problem()" field="newPassword" id="reset-password-errors" />
        </div>
        <app-problem [problem]="resettingPassword.problem()" />
        <div class="actions">
          <button type="submit" class="primary" [disabled]="resettingPassword.busy()">{{ 'admin.users.resetConfirm' | t }}</button>
          <button type="button" (click)="resetting.set(null)">{{ 'admin.cancel' | t }}</button>
        </div>
      </form>
    }

    @if (rows.deletion.target(); as u) {
      <app-confirm-delete [deletion]="rows.deletion" [title]="'admin.users.deleteTitle' | t: { name: u.userName }" [warning]="'admin.users.deleteWarning' | t"
        [confirmLabel]="'admin.users.deleteConfirm' | t" (confirmed)="remove(u)" />
    }

    <app-list-page [list]="users" key="user" caption="admin.users.title"
      [columns]="['admin.users.userName', 'admin.users.name', 'admin.users.email', 'admin.users.roles', 'admin.status', 'admin.actions']" empty="admin.users.empty" emptyFiltered="admin.users.noMatch" search="admin.users.search" [actions]="rows">
      <ng-template [listRow]="users" let-u>
        <th scope="row">{{ u.userName }}</th>
        <td>{{ u.name }}</td>
        <td>{{ u.email }}</td>
        <td>{{ roleList(u.roles) }}</td>
        <td>
          <span class="badge" [class.ok]="u.isActive && !u.isLockedOut" [class.bad]="!u.isActive || u.isLockedOut">
            {{ (u.isActive ? (u.isLockedOut ? 'admin.users.lockedOut' : 'admin.active') : 'admin.users.inactive') | t }}
          </span>
        </td>
        <td>
          @if (config.can(Permission.IdentityUsersUpdate) || config.can(Permission.IdentityUsersDelete)) {
            <div class="actions">
              @if (config.can(Permission.IdentityUsersUpdate)) {
                <button type="button" (click)="startEdit(u)" [attr.aria-label]="'admin.editNamed' | t: { name: u.userName }">{{ 'admin.edit' | t }}</button>
                <button type="button" [disabled]="rows.acting.busy()" (click)="toggle(u)"
                  [attr.aria-label]="(u.isActive ? 'admin.users.deactivateNamed' : 'admin.users.activateNamed') | t: { name: u.userName }">
                  {{ (u.isActive ? 'admin.users.deactivate' : 'admin.users.activate') | t }}
                </button>
                @if (u.id !== config.user()?.id) {
                  <button type="button" (click)="startReset(u)" [attr.aria-label]="'admin.users.resetNamed' | t: { name: u.userName }">
                    {{ 'admin.users.reset' | t }}
                  </button>
                }
              }
              @if (config.can(Permission.IdentityUsersDelete)) {
                <button type="button" class="danger" (click)="rows.deletion.ask(u)" [attr.aria-label]="'admin.deleteNamed' | t: { name: u.userName }">{{ 'admin.delete' | t }}</button>
              }
            </div>
          }
        </td>
      </ng-template>
    </app-list-page>
  `,
})
export class Users {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  protected readonly config = inject(AppConfig);
  protected readonly Permission = Permission;
  protected readonly users = new ListSource<UserDto>((query) => this.api.invoke(getUsers, query), PAGE_SIZE);
  protected readonly roles = new Loadable<RoleDto[]>();
  protected readonly saving = new Submission();
  protected readonly rows = new RowActions<UserDto>('user', this.users);
  /** null: no form; false: creating; a user: editing them. */
  protected readonly editing = signal<UserDto | false | null>(null);
  /** The user whose password is being reset, or null. */
  protected readonly resetting = signal<UserDto | null>(null);
  protected readonly resettingPassword = new Submission();
  protected temporaryPassword = '';
  protected form: UserForm = this.blank();

  constructor() {
    void this.users.reload();
    if (this.config.can(Permission.IdentityRoles)) {
      void this.roles.load(async () => listItems(await this.api.invoke(getRoles)));
    }
  }

  protected editName(): string {
    const editing = this.editing();
    return editing ? editing.userName : '';
  }

  /** The built-in roles have translated names; a partnership's own roles show as named. */
  protected roleLabel(name: string): string {
    return this.i18n.optional(`admin.roleNames.${name}`, name);
  }

  protected roleList(roles: string[]): string {
    return roles.map((r) => this.roleLabel(r)).join(', ');
  }

  protected startCreate(): void {
    this.form = this.blank();
    this.saving.reset();
    this.resetting.set(null);
    this.editing.set(false);
    focusSoon('user-username');
  }

  protected startEdit(u: UserDto): void {
    this.form = {
      ...this.blank(),
      name: u.name ?? '',
      email: u.email,
      preferredLanguage: u.preferredLanguage ?? '',
      isActive: u.isActive,
      roles: Object.fromEntries(u.roles.map((r) => [r, true])),
    };
    this.saving.reset();
    this.resetting.set(null);
    this.editing.set(u);
    focusSoon('user-name');
  }

  protected async save(): Promise<void> {
    const editing = this.editing();
    const f = this.form;
    const roleNames = Object.entries(f.roles)
      .filter(([, on]) => on)
      .map(([name]) => name);
    const done = await this.saving.run(async () => {
      if (editing) {
        await this.api.invoke(updateUser, {
          id: editing.id,
          body: { email: f.email, name: f.name || null, preferredLanguage: f.preferredLanguage || null, roleNames, isActive: f.isActive },
        });
      } else {
        await this.api.invoke(createUser, {
          body: { userName: f.userName, name: f.name || null, email: f.email, password: f.password, preferredLanguage: f.preferredLanguage || null, roleNames },
        });
      }
      return true;
    });
    if (done) {
      this.rows.say(this.i18n.t(editing ? 'admin.users.saved' : 'admin.users.created', { name: editing ? editing.userName : f.userName }));
      this.editing.set(null);
      await this.users.reload();
    }
  }

  protected toggle(u: UserDto): Promise<boolean> {
    const body = { email: u.email, name: u.name, preferredLanguage: u.preferredLanguage, roleNames: u.roles, isActive: !u.isActive };
    return this.rows.run(
      () => this.api.invoke(updateUser, { id: u.id, body }),
      () => this.i18n.t(u.isActive ? 'admin.users.deactivated' : 'admin.users.activated', { name: u.userName }),
    );
  }


  protected startReset(u: UserDto): void {
    this.temporaryPassword = '';
    this.resettingPassword.reset();
    this.editing.set(null);
    this.resetting.set(u);
    focusSoon('reset-password');
  }

  protected async resetPassword(u: UserDto): Promise<void> {
    const done = await this.resettingPassword.run(async () => {
      await this.api.invoke(resetUserPassword, { id: u.id, body: { newPassword: this.temporaryPassword } });
      return true;
    });
    if (done) {
      this.temporaryPassword = '';
      this.resetting.set(null);
      this.rows.say(this.i18n.t('admin.users.passwordReset', { name: u.userName }));
      await this.users.reload();
    }
  }

  protected remove(u: UserDto): Promise<void> {
    return this.rows.remove(
      () => this.api.invoke(deleteUser, { id: u.id }),
      () => this.i18n.t('admin.users.deleted', { name: u.userName }),
    );
  }


  private blank(): UserForm {
    return { userName: '', name: '', email: '', password: '', preferredLanguage: '', isActive: true, roles: {} };
  }
}
