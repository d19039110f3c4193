import { Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Api } from '../api/api';
import { getMyProfile } from '../api/fn/identity/get-my-profile';
import { updateMyProfile } from '../api/fn/identity/update-my-profile';
import { MyProfileDto } from '../api/models/my-profile-dto';
import { AppConfig } from '../core/app-config';
import { I18n, Language, TranslatePipe } from '../core/i18n';
import { Loadable, Submission } from '../shared/async';
import { FieldErrors, Loading, ProblemAlert } from '../shared/state';

/** The person's own details and language, with links to their email preferences and their optional demographics. */
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
}
