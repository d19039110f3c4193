import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { CanActivateFn, Router } from '@angular/router';
import { Api } from '../../api/api';
import { getMyEmailPreferences } from '../../api/fn/notifications/get-my-email-preferences';
import { saveMyEmailPreferences } from '../../api/fn/notifications/save-my-email-preferences';
import { PreferencesDto } from '../../api/models/preferences-dto';
import { AppConfig } from '../../core/app-config';
import { TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { Empty, Loading, ProblemAlert } from '../../shared/state';

/** Email preferences belong to a partnership's people: the host has none. */
export const tenantUserGuard: CanActivateFn = () => (inject(AppConfig).tenant() ? true : inject(Router).parseUrl('/'));

/** The signed-in person's email categories: optional ones can be turned off; essential mail is always sent, and why. */
@Component({
  selector: 'app-email-preferences',
  imports: [FormsModule, TranslatePipe, Loading, Empty, ProblemAlert],
  template: `
    <h1>{{ 'notifications.preferences.title' | t }}</h1>
    @if (preferences.loading()) {
      <app-loading />
    }
    <app-problem [problem]="preferences.problem()" />
    @if (preferences.data(); as p) {
      <form class="card" (ngSubmit)="save()">
        <p>{{ 'notifications.preferences.sentTo' | t: { email: p.email } }}</p>
        @if (p.categories.length === 0) {
          <app-empty message="notifications.preferences.empty" />
        }
        <fieldset>
          <legend>{{ 'notifications.preferences.legend' | t }}</legend>
          @for (c of p.categories; track c.category) {
            <div class="field">
              <label class="checkbox">
                <input type="checkbox" [name]="c.category" [disabled]="c.essential" [ngModel]="c.essential || (subscribed()[c.category] ?? false)"
                  (ngModelChange)="set(c.category, $event)" [attr.aria-describedby]="'pref-' + c.category + '-hint'" />
                {{ 'notifications.categories.' + c.category | t }}
              </label>
              <span class="hint" [id]="'pref-' + c.category + '-hint'">
                @if (c.essential) {
                  <strong>{{ 'notifications.preferences.alwaysOn' | t }}</strong>
                }
                {{ 'notifications.categoryHints.' + c.category | t }}
              </span>
            </div>
          }
        </fieldset>
        <app-problem [problem]="saving.problem()" [showFields]="true" />
        <div role="status">
          @if (saved()) {
            <p class="notice">{{ 'notifications.preferences.saved' | t }}</p>
          }
        </div>
        <div class="actions">
          <button type="submit" class="primary" [disabled]="saving.busy()">{{ 'notifications.preferences.save' | t }}</button>
        </div>
      </form>
    }
  `,
})
export class EmailPreferences {
  private readonly api = inject(Api);
  protected readonly preferences = new Loadable<PreferencesDto>();
  protected readonly saving = new Submission();
  protected readonly subscribed = signal<Record<string, boolean>>({});
  protected readonly saved = signal(false);

  constructor() {
    void this.preferences.load(() => this.api.invoke(getMyEmailPreferences)).then((p) => p && this.take(p));
  }

  protected set(category: string, on: boolean): void {
    this.saved.set(false);
    this.subscribed.update((all) => ({ ...all, [category]: on }));
  }

  protected async save(): Promise<void> {
    this.saved.set(false);
    const chosen = this.subscribed();
    const subscriptions: Record<string, boolean> = {};
    for (const c of this.preferences.data()?.categories ?? []) {
      if (!c.essential) {
        subscriptions[c.category] = chosen[c.category] ?? false;
      }
    }
    const result = await this.saving.run(() => this.api.invoke(saveMyEmailPreferences, { body: { subscriptions } }));
    if (result) {
      this.preferences.data.set(result);
      this.take(result);
      this.saved.set(true);
    }
  }

  private take(p: PreferencesDto): void {
    this.subscribed.set(Object.fromEntries(p.categories.map((c) => [c.category, c.subscribed])));
  }
}
