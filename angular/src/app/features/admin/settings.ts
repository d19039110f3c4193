import { Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api } from '../../api/api';
import { getGovernanceSettings } from '../../api/fn/governance/get-governance-settings';
import { saveGovernanceSettings } from '../../api/fn/governance/save-governance-settings';
import { getMyTenant } from '../../api/fn/saa-s/get-my-tenant';
import { updateMyTenant } from '../../api/fn/saa-s/update-my-tenant';
import { MyTenantDto } from '../../api/models/my-tenant-dto';
import { SettingsDto } from '../../api/models/settings-dto';
import { AppConfig } from '../../core/app-config';
import { TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { FieldErrors, Loading, ProblemAlert } from '../../shared/state';

/** Common IANA zones for the partnerships this platform serves; the current value is always offered too. */
export const COMMON_TIME_ZONES = [
  'UTC',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
  'America/Toronto',
  'America/Vancouver',
  'America/Mexico_City',
  'America/Guatemala',
  'America/Bogota',
  'America/Lima',
  'America/Santiago',
  'America/Argentina/Buenos_Aires',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Madrid',
  'Europe/Paris',
  'Europe/Berlin',
  'Africa/Lagos',
  'Africa/Johannesburg',
  'Asia/Kolkata',
  'Asia/Manila',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
];

export function timeZoneOptions(current: string): string[] {
  return current && !COMMON_TIME_ZONES.includes(current) ? [current, ...COMMON_TIME_ZONES] : COMMON_TIME_ZONES;
}

interface Loaded {
  tenant: MyTenantDto;
  governance: SettingsDto;
}

/** The partnership admin's settings: its name, default language, time zone and the close-the-loop deadline. */
@Component({
  selector: 'app-tenant-settings',
  imports: [FormsModule, TranslatePipe, Loading, ProblemAlert, FieldErrors],
  template: `
    <h1>{{ 'admin.settings.title' | t }}</h1>
    @if (settings.loading()) {
      <app-loading />
    }
    <app-problem [problem]="settings.problem()" />
    @if (settings.data(); as s) {
      <form class="card" (ngSubmit)="save()">
        <p>{{ 'admin.settings.name' | t }}: <strong>{{ s.tenant.name }}</strong></p>
        <div class="field">
          <label for="settings-display">{{ 'admin.settings.displayName' | t }}</label>
          <input id="settings-display" name="displayName" [(ngModel)]="displayName" aria-describedby="settings-display-errors" />
          <app-field-errors [problem]="saving.problem()" field="displayName" id="settings-display-errors" />
        </div>
        <div class="field">
          <label for="settings-language">{{ 'admin.settings.defaultLanguage' | t }}</label>
          <select id="settings-language" name="defaultLanguage" [(ngModel)]="defaultLanguage" aria-describedby="settings-language-hint settings-language-errors">
            <option value="en">{{ 'shell.languages.en' | t }}</option>
            <option value="es">{{ 'shell.languages.es' | t }}</option>
          </select>
          <span class="hint" id="settings-language-hint">{{ 'admin.settings.defaultLanguageHint' | t }}</span>
          <app-field-errors [problem]="saving.problem()" field="defaultLanguage" id="settings-language-errors" />
        </div>
        <div class="field">
          <label for="settings-zone">{{ 'admin.settings.timeZone' | t }}</label>
          <select id="settings-zone" name="timeZone" [(ngModel)]="timeZone" aria-describedby="settings-zone-hint settings-zone-errors">
            @for (zone of zones(); track zone) {
              <option [value]="zone">{{ zone }}</option>
            }
          </select>
          <span class="hint" id="settings-zone-hint">{{ 'admin.settings.timeZoneHint' | t }}</span>
          <app-field-errors [problem]="saving.problem()" field="timeZone" id="settings-zone-errors" />
        </div>
        <div class="field">
          <label for="settings-days">{{ 'admin.settings.closeTheLoopDays' | t }}</label>
          <input id="settings-days" name="closeTheLoopDays" type="number" min="1" step="1" inputmode="numeric" [(ngModel)]="closeTheLoopDays"
            aria-describedby="settings-days-hint settings-days-errors" />
          <span class="hint" id="settings-days-hint">{{ 'admin.settings.closeTheLoopDaysHint' | t }}</span>
          <app-field-errors [problem]="saving.problem()" field="closeTheLoopDays" id="settings-days-errors" />
        </div>
        <app-problem [problem]="saving.problem()" />
        <div role="status">
          @if (saved()) {
            <p class="notice">{{ 'admin.settings.saved' | t }}</p>
          }
        </div>
        <div class="actions">
          <button type="submit" class="primary" [disabled]="saving.busy()">{{ 'admin.save' | t }}</button>
        </div>
      </form>
    }
  `,
})
export class TenantSettings {
  private readonly api = inject(Api);
  private readonly config = inject(AppConfig);
  protected readonly settings = new Loadable<Loaded>();
  protected readonly saving = new Submission();
  protected readonly saved = signal(false);
  private readonly currentZone = signal('UTC');
  protected readonly zones = computed(() => timeZoneOptions(this.currentZone()));
  protected displayName = '';
  protected defaultLanguage = 'en';
  protected timeZone = 'UTC';
  protected closeTheLoopDays: number | null = null;

  constructor() {
    void this.settings
      .load(async () => {
        const [tenant, governance] = await Promise.all([this.api.invoke(getMyTenant), this.api.invoke(getGovernanceSettings)]);
        return { tenant, governance };
      })
      .then((s) => {
        if (s) {
          this.displayName = s.tenant.displayName ?? '';
          this.defaultLanguage = s.tenant.defaultLanguage;
          this.timeZone = s.tenant.timeZone;
          this.currentZone.set(s.tenant.timeZone);
          this.closeTheLoopDays = Number(s.governance.closeTheLoopDays);
        }
      });
  }

  protected async save(): Promise<void> {
    this.saved.set(false);
    const done = await this.saving.run(async () => {
      const tenant = await this.api.invoke(updateMyTenant, {
        body: { displayName: this.displayName || null, defaultLanguage: this.defaultLanguage, timeZone: this.timeZone },
      });
      const governance = await this.api.invoke(saveGovernanceSettings, { body: { closeTheLoopDays: this.closeTheLoopDays ?? 0 } });
      return { tenant, governance };
    });
    if (done) {
      this.settings.data.set(done);
      this.currentZone.set(done.tenant.timeZone);
      this.saved.set(true);
      // Dates everywhere follow the partnership's time zone: refresh what the app knows of it.
      await this.config.load().catch(() => undefined);
    }
  }
}
