import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api } from '../../api/api';
import { createTenant } from '../../api/fn/saa-s/create-tenant';
import { deleteTenant } from '../../api/fn/saa-s/delete-tenant';
import { getEditions } from '../../api/fn/saa-s/get-editions';
import { getTenants } from '../../api/fn/saa-s/get-tenants';
import { updateTenant } from '../../api/fn/saa-s/update-tenant';
import { EditionDto } from '../../api/models/edition-dto';
import { TenantDto } from '../../api/models/tenant-dto';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { ConfirmDelete } from '../../shared/confirm';
import { RowActions } from '../../shared/row-actions';
import { FieldErrors, ProblemAlert } from '../../shared/state';
import { ListSource, listItems } from '../../shared/list';
import { ListPage, ListRow } from '../../shared/list-page';
import { num } from '../../shared/numbers';
import { focusSoon } from '../../shared/focus';

interface TenantForm {
  name: string;
  displayName: string;
  adminEmailAddress: string;
  adminPassword: string;
  defaultLanguage: string;
  editionId: string;
}

const PAGE_SIZE = 20;

/** Host: the partnerships (tenants) — search, create, edit, suspend or activate, delete. */
@Component({
  selector: 'app-tenants',
  imports: [ConfirmDelete, FormsModule, TranslatePipe, ProblemAlert, FieldErrors, ListPage, ListRow],
  template: `
    <div class="page-header">
      <h1>{{ 'admin.tenants.title' | t }}</h1>
      <button type="button" class="primary" (click)="startCreate()">{{ 'admin.tenants.new' | t }}</button>
    </div>

    @if (editing() !== null) {
      <form class="card" (ngSubmit)="save()" aria-labelledby="tenant-form-title">
        <h2 id="tenant-form-title">{{ (editing() ? 'admin.tenants.editTitle' : 'admin.tenants.createTitle') | t: { name: editName() } }}</h2>
        <div class="field">
          <label for="tenant-name">{{ 'admin.tenants.name' | t }}</label>
          <input id="tenant-name" name="name" [(ngModel)]="form.name" required aria-describedby="tenant-name-hint tenant-name-errors" />
          <span class="hint" id="tenant-name-hint">{{ 'admin.tenants.nameHint' | t }}</span>
          <app-field-errors [problem]="saving.problem()" field="name" id="tenant-name-errors" />
        </div>
        <div class="field">
          <label for="tenant-display">{{ 'admin.tenants.displayName' | t }}</label>
          <input id="tenant-display" name="displayName" [(ngModel)]="form.displayName" aria-describedby="tenant-display-errors" />
          <app-field-errors [problem]="saving.problem()" field="displayName" id="tenant-display-errors" />
        </div>
        @if (!editing()) {
          <div class="field">
            <label for="tenant-email">{{ 'admin.tenants.adminEmail' | t }}</label>
            <input id="tenant-email" name="adminEmailAddress" type="email" autocomplete="off" [(ngModel)]="form.adminEmailAddress" required aria-describedby="tenant-email-errors" />
            <app-field-errors [problem]="saving.problem()" field="adminEmailAddress" id="tenant-email-errors" />
          </div>
          <div class="field">
            <label for="tenant-password">{{ 'admin.tenants.adminPassword' | t }}</label>
            <input id="tenant-password" name="adminPassword" type="password" autocomplete="new-password" [(ngModel)]="form.adminPassword" required aria-describedby="tenant-password-hint tenant-password-errors" />
            <span class="hint" id="tenant-password-hint">{{ 'admin.tenants.adminPasswordHint' | t }}</span>
            <app-field-errors [problem]="saving.problem()" field="adminPassword" id="tenant-password-errors" />
          </div>
        }
        <div class="field">
          <label for="tenant-language">{{ 'admin.tenants.defaultLanguage' | t }}</label>
          <select id="tenant-language" name="defaultLanguage" [(ngModel)]="form.defaultLanguage" aria-describedby="tenant-language-errors">
            <option value="en">{{ 'shell.languages.en' | t }}</option>
            <option value="es">{{ 'shell.languages.es' | t }}</option>
          </select>
          <app-field-errors [problem]="saving.problem()" field="defaultLanguage" id="tenant-language-errors" />
        </div>
        <div class="field">
          <label for="tenant-plan">{{ 'admin.tenants.plan' | t }}</label>
          <select id="tenant-plan" name="editionId" [(ngModel)]="form.editionId" aria-describedby="tenant-plan-errors">
            <option value="">{{ 'admin.tenants.noPlan' | t }}</option>
            @for (edition of editions.data() ?? []; track edition.id) {
              <option [value]="edition.id">{{ edition.name }}</option>
            }
          </select>
          <app-field-errors [problem]="saving.problem()" field="editionId" id="tenant-plan-errors" />
        </div>
        <app-problem [problem]="saving.problem()" />
        <div class="actions">
          <button type="submit" class="primary" [disabled]="saving.busy()">{{ (editing() ? 'admin.save' : 'admin.tenants.create') | t }}</button>
          <button type="button" (click)="cancel()">{{ 'admin.cancel' | t }}</button>
        </div>
      </form>
    }

    @if (rows.deletion.target(); as t) {
      <app-confirm-delete [deletion]="rows.deletion" [title]="'admin.tenants.deleteTitle' | t: { name: t.name }" [warning]="'admin.tenants.deleteWarning' | t"
        [confirmLabel]="'admin.tenants.deleteConfirm' | t" (confirmed)="remove(t)" />
    }

    <app-list-page [list]="tenants" key="tenant" caption="admin.tenants.title"
      [columns]="['admin.tenants.name', 'admin.tenants.displayName', 'admin.tenants.plan', 'admin.tenants.defaultLanguage', 'admin.status', 'admin.created', 'admin.actions']" empty="admin.tenants.empty" emptyFiltered="admin.tenants.noMatch" search="admin.tenants.search" [actions]="rows">
      <ng-template [listRow]="tenants" let-t>
        <th scope="row">{{ t.name }}</th>
        <td>{{ t.displayName }}</td>
        <td>{{ planName(t.editionId) }}</td>
        <td>{{ 'shell.languages.' + t.defaultLanguage | t }}</td>
        <td>
          <span class="badge" [class.ok]="t.isActive" [class.bad]="!t.isActive">{{ (t.isActive ? 'admin.active' : 'admin.tenants.suspended') | t }}</span>
        </td>
        <td>{{ i18n.formatDate(t.creationTime, 'date') }}</td>
        <td>
          <div class="actions">
            <button type="button" (click)="startEdit(t)" [attr.aria-label]="'admin.editNamed' | t: { name: t.name }">{{ 'admin.edit' | t }}</button>
            <button type="button" [disabled]="rows.acting.busy()" (click)="toggle(t)"
              [attr.aria-label]="(t.isActive ? 'admin.tenants.suspendNamed' : 'admin.tenants.activateNamed') | t: { name: t.name }">
              {{ (t.isActive ? 'admin.tenants.suspend' : 'admin.tenants.activate') | t }}
            </button>
            <button type="button" class="danger" (click)="rows.deletion.ask(t)" [attr.aria-label]="'admin.deleteNamed' | t: { name: t.name }">{{ 'admin.delete' | t }}</button>
          </div>
        </td>
      </ng-template>
    </app-list-page>
  `,
})
export class Tenants {
  private readonly api = inject(Api);
  protected readonly i18n = inject(I18n);
  protected readonly tenants = new ListSource<TenantDto>((query) => this.api.invoke(getTenants, query), PAGE_SIZE);
  protected readonly editions = new Loadable<EditionDto[]>();
  protected readonly saving = new Submission();
  protected readonly rows = new RowActions<TenantDto>('tenant', this.tenants);
  /** null: no form; false: creating; a tenant: editing it. */
  protected readonly editing = signal<TenantDto | false | null>(null);
  protected form: TenantForm = blank();

  constructor() {
    void this.tenants.reload();
    void this.editions.load(async () => listItems(await this.api.invoke(getEditions)));
  }

  protected editName(): string {
    return this.editing() ? (this.editing() as TenantDto).name : '';
  }

  protected planName(editionId: string | null): string {
    if (!editionId) {
      return this.i18n.t('admin.tenants.noPlan');
    }
    return this.editions.data()?.find((e) => e.id === editionId)?.name ?? '';
  }

  protected startCreate(): void {
    this.form = blank();
    this.saving.reset();
    this.editing.set(false);
    focusSoon('tenant-name');
  }

  protected startEdit(t: TenantDto): void {
    this.form = { ...blank(), name: t.name, displayName: t.displayName ?? '', defaultLanguage: t.defaultLanguage, editionId: t.editionId ?? '' };
    this.saving.reset();
    this.editing.set(t);
    focusSoon('tenant-name');
  }

  protected cancel(): void {
    this.editing.set(null);
  }

  protected async save(): Promise<void> {
    const editing = this.editing();
    const f = this.form;
    const done = await this.saving.run(async () => {
      if (editing) {
        await this.api.invoke(updateTenant, {
          id: editing.id,
          body: { name: f.name, displayName: f.displayName || null, editionId: f.editionId || null, defaultLanguage: f.defaultLanguage, isActive: editing.isActive },
        });
      } else {
        await this.api.invoke(createTenant, {
          body: {
            name: f.name,
            displayName: f.displayName || null,
            adminEmailAddress: f.adminEmailAddress,
            adminPassword: f.adminPassword,
            defaultLanguage: f.defaultLanguage,
            editionId: f.editionId || null,
          },
        });
      }
      return true;
    });
    if (done) {
      this.rows.say(this.i18n.t(editing ? 'admin.tenants.saved' : 'admin.tenants.created', { name: f.name }));
      this.editing.set(null);
      await this.tenants.reload();
    }
  }

  protected toggle(t: TenantDto): Promise<boolean> {
    const body = { name: t.name, displayName: t.displayName, editionId: t.editionId, defaultLanguage: t.defaultLanguage, isActive: !t.isActive };
    return this.rows.run(
      () => this.api.invoke(updateTenant, { id: t.id, body }),
      () => this.i18n.t(t.isActive ? 'admin.tenants.suspendedMessage' : 'admin.tenants.activatedMessage', { name: t.name }),
    );
  }


  protected remove(t: TenantDto): Promise<void> {
    return this.rows.remove(
      () => this.api.invoke(deleteTenant, { id: t.id }),
      () => this.i18n.t('admin.tenants.deleted', { name: t.name }),
    );
  }


}

function blank(): TenantForm {
  return { name: '', displayName: '', adminEmailAddress: '', adminPassword: '', defaultLanguage: 'en', editionId: '' };
}
