import { Component, effect, inject, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Api } from '../../api/api';
import { getMyPaymentChoice } from '../../api/fn/compensation/get-my-payment-choice';
import { getMyPaymentNotice } from '../../api/fn/compensation/get-my-payment-notice';
import { getMyPaymentPreference } from '../../api/fn/compensation/get-my-payment-preference';
import { setMyPaymentChoice } from '../../api/fn/compensation/set-my-payment-choice';
import { setMyPaymentPreference } from '../../api/fn/compensation/set-my-payment-preference';
import { PaymentChoice } from '../../api/models/payment-choice';
import { PaymentChoiceDto } from '../../api/models/payment-choice-dto';
import { PaymentChoiceRequest } from '../../api/models/payment-choice-request';
import { PaymentMethod } from '../../api/models/payment-method';
import { PaymentNoticeDto } from '../../api/models/payment-notice-dto';
import { PaymentPreferenceDto } from '../../api/models/payment-preference-dto';
import { PaymentPreferenceRequest } from '../../api/models/payment-preference-request';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { focusSoon } from '../../shared/focus';
import { FieldErrors, Loading, ProblemAlert } from '../../shared/state';
import { PaymentPreferenceForm, PREFERENCE_METHODS } from './payment-preference';

/** The choice request: the notice version the member read is sent with it (the API refuses any other). */
export function choiceRequest(choice: PaymentChoice, preferredMethod: PaymentMethod | '', notice: PaymentNoticeDto): PaymentChoiceRequest {
  return { choice, preferredMethod: choice === 'Accept' && preferredMethod ? preferredMethod : null, noticeVersion: notice.version };
}

/**
 * A member's payment choice: the plain-language notice first (in their language, versioned), then Accept or Decline
 * with an optional preferred form of payment, the current choice and when it was made; and their own payment details
 * (answered masked). Every signed-in member of a partnership with Compensation reaches it.
 */
@Component({
  selector: 'app-payment-choice',
  imports: [FormsModule, RouterLink, TranslatePipe, FieldErrors, Loading, ProblemAlert, PaymentPreferenceForm],
  template: `
    <div class="page-header">
      <h1 id="choice-title" tabindex="-1">{{ 'compensation.choice.title' | t }}</h1>
      <a routerLink="/compensation/my-payments">{{ 'compensation.choice.myPayments' | t }}</a>
    </div>
    @if (notice.loading() || current.loading()) {
      <app-loading />
    }
    <app-problem [problem]="notice.problem()" />
    @if (notice.data(); as n) {
      <section class="card notice-text" aria-labelledby="notice-title" [attr.lang]="n.language">
        <h2 id="notice-title">{{ n.title }}</h2>
        @for (p of n.paragraphs; track $index) {
          <p>{{ p }}</p>
        }
        <p class="hint">{{ 'compensation.choice.version' | t: { version: n.version } }}</p>
      </section>

      <section class="card" aria-labelledby="current-title">
        <h2 id="current-title">{{ 'compensation.choice.currentTitle' | t }}</h2>
        <app-problem [problem]="current.problem()" />
        @if (current.data(); as c) {
          @if (c.choice) {
            <p id="current-choice">
              <strong>{{ 'compensation.choice.choices.' + c.choice | t }}</strong>
              @if (c.preferredMethod) {
                · {{ 'compensation.choice.preferred' | t: { method: ('compensation.methods.' + c.preferredMethod | t) } }}
              }
            </p>
            @if (c.chosenAt) {
              <p class="hint">{{ 'compensation.choice.chosenAt' | t: { date: dateTime(c.chosenAt), version: c.noticeVersion ?? '' } }}</p>
            }
            @if (c.noticeVersion && c.noticeVersion !== c.currentNoticeVersion) {
              <p class="notice">{{ 'compensation.choice.noticeChanged' | t }}</p>
            }
          } @else {
            <p id="current-choice">{{ 'compensation.choice.notChosen' | t }}</p>
          }
        }
        <div role="status" aria-live="polite">
          @if (savedMessage()) {
            <p class="notice">{{ savedMessage() }}</p>
          }
        </div>
      </section>

      <form class="card" (ngSubmit)="choose(n)" aria-labelledby="choose-title">
        <h2 id="choose-title">{{ 'compensation.choice.chooseTitle' | t }}</h2>
        <fieldset aria-describedby="choice-errors">
          <legend>{{ 'compensation.choice.question' | t }}</legend>
          <label class="checkbox"><input type="radio" id="choice-accept" name="choice" value="Accept" [(ngModel)]="choice" required /> {{ 'compensation.choice.accept' | t }}</label>
          <label class="checkbox"><input type="radio" id="choice-decline" name="choice" value="Decline" [(ngModel)]="choice" /> {{ 'compensation.choice.decline' | t }}</label>
          <app-field-errors [problem]="saving.problem()" field="choice" id="choice-errors" />
        </fieldset>
        @if (choice === 'Accept') {
          <div class="field">
            <label for="choice-method">{{ 'compensation.choice.preferredMethod' | t }}</label>
            <select id="choice-method" name="preferredMethod" [(ngModel)]="preferredMethod" aria-describedby="choice-method-hint">
              <option value="">{{ 'compensation.choice.noPreference' | t }}</option>
              @for (m of methods; track m) {
                <option [value]="m">{{ 'compensation.methods.' + m | t }}</option>
              }
            </select>
            <span id="choice-method-hint" class="hint">{{ 'compensation.choice.preferredHint' | t }}</span>
          </div>
        }
        @if (missing()) {
          <p class="field-error" role="alert">{{ 'compensation.choice.pickOne' | t }}</p>
        }
        <app-problem [problem]="saving.problem()" />
        <div class="actions">
          <button type="submit" class="primary" [disabled]="saving.busy()">{{ 'compensation.choice.submit' | t }}</button>
        </div>
      </form>

      <app-payment-preference prefix="my-preference" [preference]="preference.data()" [save]="savePreference" (saved)="preference.data.set($event)" />
      <app-problem [problem]="preference.problem()" />
    }
  `,
  styles: `.notice-text p { max-width: 40rem; }`,
})
export class PaymentChoicePage {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly config = inject(AppConfig);
  protected readonly methods = PREFERENCE_METHODS;
  protected readonly notice = new Loadable<PaymentNoticeDto>();
  protected readonly current = new Loadable<PaymentChoiceDto>();
  protected readonly preference = new Loadable<PaymentPreferenceDto>();
  protected readonly saving = new Submission();
  protected readonly savedMessage = signal('');
  protected readonly missing = signal(false);
  protected choice: PaymentChoice | '' = '';
  protected preferredMethod: PaymentMethod | '' = '';

  protected readonly savePreference = (request: PaymentPreferenceRequest) => this.api.invoke(setMyPaymentPreference, { body: request });

  constructor() {
    // The notice comes in the member's language: read it again when they switch.
    effect(() => {
      this.i18n.language();
      untracked(() => void this.notice.load(() => this.api.invoke(getMyPaymentNotice)));
    });
    void this.loadChoice();
    void this.preference.load(() => this.api.invoke(getMyPaymentPreference));
  }

  protected dateTime(value: string): string {
    return this.i18n.formatDate(value, 'dateTime', this.config.timeZone());
  }

  protected async choose(notice: PaymentNoticeDto): Promise<void> {
    this.savedMessage.set('');
    if (!this.choice) {
      this.missing.set(true);
      focusSoon('choice-accept');
      return;
    }
    this.missing.set(false);
    const request = choiceRequest(this.choice, this.preferredMethod, notice);
    const saved = await this.saving.run(() => this.api.invoke(setMyPaymentChoice, { body: request }));
    if (saved) {
      this.current.data.set(saved);
      this.savedMessage.set(this.i18n.t(saved.choice === 'Decline' ? 'compensation.choice.savedDecline' : 'compensation.choice.savedAccept'));
    } else if (this.saving.problem()?.code === 'Compensation:NoticeNotAcknowledged') {
      // The notice changed while the page was open: show the new one to read.
      await this.notice.load(() => this.api.invoke(getMyPaymentNotice));
      focusSoon('notice-title');
    }
  }

  private async loadChoice(): Promise<void> {
    const c = await this.current.load(() => this.api.invoke(getMyPaymentChoice));
    if (c?.choice) {
      this.choice = c.choice;
      this.preferredMethod = c.preferredMethod ?? '';
    }
  }
}
