import { Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Api } from '../api/api';
import { changeMyPassword } from '../api/fn/identity/change-my-password';
import { getMyProfile } from '../api/fn/identity/get-my-profile';
import { updateMyProfile } from '../api/fn/identity/update-my-profile';
import { MyProfileDto } from '../api/models/my-profile-dto';
import { AppConfig } from '../core/app-config';
import { I18n, Language, TranslatePipe } from '../core/i18n';
import { Loadable, Submission } from '../shared/async';
import { FieldErrors, Loading, ProblemAlert } from '../shared/state';

/**
 * The person's own details and language, their password (changed with the current one), and links to their email
 * preferences and their optional demographics.
 */
@Component({
  selector: 'app-profile',
  imports: [FormsModule, RouterLink, TranslatePipe, Loading, ProblemAlert, FieldErrors],
  template: `
    <h1>{{ 'shell.profile.title' | t }}</h1>
    @if (profile.loading()) {
      <app-loading />
    }
    <app-problem [problem]="profile.problem()" />
    @if (profile.data(); as p) {
      <form class="card" (ngSubmit)="save()">
        <p>{{ 'shell.profile.userName' | t }}: <strong>{{ p.userName }}</strong></p>
        <div class="field">
          <label for="profile-name">{{ 'shell.profile.name' | t }}</label>
          <input id="profile-name" name="name" [(ngModel)]="name" aria-describedby="profile-name-errors" />
          <app-field-errors [problem]="saving.problem()" field="name" id="profile-name-errors" />
        </div>
        <div class="field">
          <label for="profile-email">{{ 'shell.profile.email' | t }}</label>
          <input id="profile-email" name="email" type="email" [(ngModel)]="email" aria-describedby="profile-email-errors" />
          <app-field-errors [problem]="saving.problem()" field="email" id="profile-email-errors" />
        </div>
        <div class="field">
          <label for="profile-language">{{ 'shell.profile.language' | t }}</label>
          <select id="profile-language" name="language" [(ngModel)]="language">
            <option value="en">{{ 'shell.languages.en' | t }}</option>
            <option value="es">{{ 'shell.languages.es' | t }}</option>
          </select>
          <span class="hint">{{ 'shell.profile.languageHint' | t }}</span>
        </div>
        <app-problem [problem]="saving.problem()" />
        @if (saved) {
          <p class="notice" role="status">{{ 'shell.profile.saved' | t }}</p>
        }
        <div class="actions">
          <button type="submit" class="primary" [disabled]="saving.busy()">{{ 'shell.save' | t }}</button>
        </div>
      </form>
      <form class="card" (ngSubmit)="changePassword()" aria-labelledby="password-title">
        <h2 id="password-title">{{ 'shell.profile.password.title' | t }}</h2>
        <div class="field">
          <label for="password-current">{{ 'shell.profile.password.current' | t }}</label>
          <input id="password-current" name="currentPassword" type="password" autocomplete="current-password" required
            [(ngModel)]="currentPassword" aria-describedby="password-current-errors" />
          <app-field-errors [problem]="changing.problem()" field="currentPassword" id="password-current-errors" />
        </div>
        <div class="field">
          <label for="password-new">{{ 'shell.profile.password.new' | t }}</label>
          <input id="password-new" name="newPassword" type="password" autocomplete="new-password" required
            [(ngModel)]="newPassword" aria-describedby="password-new-hint password-new-errors" />
          <span class="hint" id="password-new-hint">{{ 'shell.profile.password.hint' | t }}</span>
          <app-field-errors [problem]="changing.problem()" field="newPassword" id="password-new-errors" />
        </div>
        <div class="field">
          <label for="password-repeat">{{ 'shell.profile.password.repeat' | t }}</label>
          <input id="password-repeat" name="repeatPassword" type="password" autocomplete="new-password" required
            [(ngModel)]="repeatPassword" aria-describedby="password-repeat-errors" />
          <div id="password-repeat-errors">
            @if (mismatch) {
              <p class="field-error" role="alert">{{ 'shell.profile.password.mismatch' | t }}</p>
            }
          </div>
        </div>
        <app-problem [problem]="changing.problem()" />
        <div role="status">
          @if (passwordChanged) {
            <p class="notice">{{ 'shell.profile.password.changed' | t }}</p>
          }
        </div>
        <div class="actions">
          <button type="submit" class="primary" [disabled]="changing.busy()">{{ 'shell.profile.password.submit' | t }}</button>
        </div>
      </form>
      @if (config.tenant()) {
        <ul>
          <li><a routerLink="/notifications/preferences">{{ 'shell.profile.emailPreferences' | t }}</a></li>
          <li><a routerLink="/governance/my-demographics">{{ 'shell.profile.demographics' | t }}</a></li>
        </ul>
      }
    }
  `,
})
export class Profile {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  protected readonly config = inject(AppConfig);
  protected readonly profile = new Loadable<MyProfileDto>();
  protected readonly saving = new Submission();
  protected name = '';
  protected email = '';
  protected language = 'en';
  protected saved = false;
  protected readonly changing = new Submission();
  protected currentPassword = '';
  protected newPassword = '';
  protected repeatPassword = '';
  protected mismatch = false;
  protected passwordChanged = false;

  constructor() {
    void this.profile.load(() => this.api.invoke(getMyProfile)).then((p) => {
      if (p) {
        this.name = p.name ?? '';
        this.email = p.email ?? '';
        this.language = p.preferredLanguage ?? 'en';
      }
    });
  }

  protected async save(): Promise<void> {
    this.saved = false;
    const result = await this.saving.run(() =>
      this.api.invoke(updateMyProfile, { body: { name: this.name, email: this.email, preferredLanguage: this.language } }),
    );
    if (result) {
      this.saved = true;
      await this.i18n.use(this.language as Language);
      localStorage.setItem('ep.language', this.language);
      await this.config.load();
    }
  }

  /** The repeat is checked here (the API takes one new password); the rest of the rules are the API's. */
  protected async changePassword(): Promise<void> {
    this.passwordChanged = false;
    this.changing.reset();
    this.mismatch = this.newPassword !== this.repeatPassword;
    if (this.mismatch) {
      document.getElementById('password-repeat')?.focus();
      return;
    }
    const done = await this.changing.run(async () => {
      await this.api.invoke(changeMyPassword, { body: { currentPassword: this.currentPassword, newPassword: this.newPassword } });
      return true;
    });
    if (done) {
      this.currentPassword = '';
      this.newPassword = '';
      this.repeatPassword = '';
      this.passwordChanged = true;
    }
  }
}
