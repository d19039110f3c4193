import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { focusSoon } from '../../shared/focus';
import { FieldErrors, Loading, ProblemAlert } from '../../shared/state';
import { DataSharingApi } from './data-sharing-api';
import { DataSharingSettingsDto } from './model';

/** "60, 30, 7" → [60, 30, 7]; anything that is not a whole number is kept as NaN, which the page refuses before sending. */
export function parseDays(text: string): number[] {
  return text
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter((part) => part)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
}

/** The partnership's data-sharing rules: whether a community owner must be a party, and when reminders go out. */
@Component({
  selector: 'app-data-sharing-settings',
  imports: [FormsModule, TranslatePipe, Loading, ProblemAlert, FieldErrors],
  template: `
    <h1 id="ds-settings-title" tabindex="-1">{{ 'dataSharing.settings.title' | t }}</h1>
    @if (settings.loading()) {
      <app-loading />
    }
    <app-problem [problem]="settings.problem()" />
    <div role="status" aria-live="polite">
      @if (message()) {
        <p class="notice">{{ message() }}</p>
      }
    </div>
    @if (settings.data()) {
      <form class="card" (ngSubmit)="save()" aria-labelledby="ds-settings-title">
        <label class="checkbox">
          <input type="checkbox" id="ds-community-owner" name="requireCommunityOwner" [(ngModel)]="requireCommunityOwner" aria-describedby="ds-community-owner-hint" />
          {{ 'dataSharing.settings.requireCommunityOwner' | t }}
        </label>
        <p id="ds-community-owner-hint" class="hint">{{ 'dataSharing.settings.requireCommunityOwnerHint' | t }}</p>
        <div class="field">
          <label for="ds-expiry-days">{{ 'dataSharing.settings.expiryReminderDays' | t }}</label>
          <input id="ds-expiry-days" name="expiryReminderDays" [(ngModel)]="expiryDays" inputmode="numeric" aria-describedby="ds-days-hint ds-expiry-errors" />
          <div id="ds-expiry-errors">
            @if (badExpiry()) {
              <p class="field-error">{{ 'dataSharing.settings.badDays' | t }}</p>
            }
            <app-field-errors [problem]="saving.problem()" field="expiryReminderDays" />
          </div>
        </div>
        <div class="field">
          <label for="ds-destruction-days">{{ 'dataSharing.settings.destructionReminderDays' | t }}</label>
          <input id="ds-destruction-days" name="destructionReminderDays" [(ngModel)]="destructionDays" inputmode="numeric" aria-describedby="ds-days-hint ds-destruction-errors" />
          <div id="ds-destruction-errors">
            @if (badDestruction()) {
              <p class="field-error">{{ 'dataSharing.settings.badDays' | t }}</p>
            }
            <app-field-errors [problem]="saving.problem()" field="destructionReminderDays" />
          </div>
        </div>
        <p id="ds-days-hint" class="hint">{{ 'dataSharing.settings.daysHint' | t }}</p>
        <app-problem [problem]="saving.problem()" />
        <div class="actions">
          <button type="submit" class="primary" [disabled]="saving.busy()">{{ 'dataSharing.save' | t }}</button>
        </div>
      </form>
    }
  `,
})
export class DataSharingSettingsPage {
  private readonly api = inject(DataSharingApi);
  private readonly i18n = inject(I18n);
  protected readonly settings = new Loadable<DataSharingSettingsDto>();
  protected readonly saving = new Submission();
  protected readonly message = signal('');
  protected readonly badExpiry = signal(false);
  protected readonly badDestruction = signal(false);
  protected requireCommunityOwner = false;
  protected expiryDays = '';
  protected destructionDays = '';

  constructor() {
    void this.load();
  }

  protected async save(): Promise<void> {
    this.message.set('');
    const body: DataSharingSettingsDto = {
      requireCommunityOwner: this.requireCommunityOwner,
      expiryReminderDays: parseDays(this.expiryDays),
      destructionReminderDays: parseDays(this.destructionDays),
    };
    this.badExpiry.set(body.expiryReminderDays.some((d) => Number.isNaN(d)));
    this.badDestruction.set(body.destructionReminderDays.some((d) => Number.isNaN(d)));
    if (this.badExpiry() || this.badDestruction()) {
      focusSoon(this.badExpiry() ? 'ds-expiry-days' : 'ds-destruction-days');
      return;
    }
    const done = await this.saving.run(() => this.api.saveSettings(body));
    if (done !== undefined) {
      this.message.set(this.i18n.t('dataSharing.settings.saved'));
      await this.load();
    }
  }

  private async load(): Promise<void> {
    const s = await this.settings.load(() => this.api.settings());
    if (s) {
      this.requireCommunityOwner = s.requireCommunityOwner;
      this.expiryDays = s.expiryReminderDays.join(', ');
      this.destructionDays = s.destructionReminderDays.join(', ');
    }
  }
}
