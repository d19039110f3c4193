import { Component, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { PaymentMethod } from '../../api/models/payment-method';
import { PaymentPreferenceDto } from '../../api/models/payment-preference-dto';
import { PaymentPreferenceRequest } from '../../api/models/payment-preference-request';
import { TranslatePipe } from '../../core/i18n';
import { Submission } from '../../shared/async';
import { focusSoon } from '../../shared/focus';
import { FieldErrors, ProblemAlert } from '../../shared/state';

/** The methods a payee may prefer (the form offers these; StripeTransfer needs a connected account, set up by staff). */
export const PREFERENCE_METHODS: readonly PaymentMethod[] = ['Check', 'BankTransfer', 'GiftCard', 'Cash', 'StripeTransfer'];

/** What the preference form holds: every method's fields; only the chosen method's are sent. */
export interface PreferenceDraft {
  method: PaymentMethod;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  accountHolder: string;
  routingNumber: string;
  accountNumber: string;
  giftCardVendor: string;
  deliveryEmail: string;
}

export function emptyPreference(method: PaymentMethod | null | undefined): PreferenceDraft {
  return {
    method: method ?? 'Check', line1: '', line2: '', city: '', region: '', postalCode: '', country: '',
    accountHolder: '', routingNumber: '', accountNumber: '', giftCardVendor: '', deliveryEmail: '',
  };
}

const clean = (value: string): string | null => value.trim() || null;

/** The request for a draft: the chosen method's details, trimmed, and null for every other method's (the API refuses unused ones). */
export function preferenceRequest(d: PreferenceDraft): PaymentPreferenceRequest {
  return {
    method: d.method,
    mailingAddress: d.method === 'Check'
      ? { line1: d.line1.trim(), line2: clean(d.line2), city: d.city.trim(), region: d.region.trim(), postalCode: d.postalCode.trim(), country: clean(d.country) }
      : null,
    accountHolder: d.method === 'BankTransfer' ? clean(d.accountHolder) : null,
    routingNumber: d.method === 'BankTransfer' ? clean(d.routingNumber.replace(/\s/g, '')) : null,
    accountNumber: d.method === 'BankTransfer' ? clean(d.accountNumber.replace(/\s/g, '')) : null,
    giftCardVendor: d.method === 'GiftCard' ? clean(d.giftCardVendor) : null,
    deliveryEmail: d.method === 'GiftCard' ? clean(d.deliveryEmail) : null,
  };
}

/** The masked details of a preference as label/value pairs (the API never answers them in full here). */
export function maskedLines(p: PaymentPreferenceDto | null | undefined): { label: string; value: string }[] {
  const d = p?.details;
  if (!d) {
    return [];
  }
  const pairs: [string, string | null][] = [
    ['compensation.preference.mailingAddress', d.mailingAddress],
    ['compensation.preference.accountHolder', d.accountHolder],
    ['compensation.preference.routingNumber', d.routingNumber],
    ['compensation.preference.accountNumber', d.accountNumber],
    ['compensation.preference.giftCardVendor', d.giftCardVendor],
    ['compensation.preference.deliveryEmail', d.deliveryEmail],
  ];
  return pairs.filter(([, v]) => !!v).map(([label, value]) => ({ label, value: value! }));
}

/** The current preference (masked, and the page says so) and a form to replace it; `save` sends the request. */
@Component({
  selector: 'app-payment-preference',
  imports: [FormsModule, TranslatePipe, FieldErrors, ProblemAlert],
  template: `
    <section class="card" [attr.aria-labelledby]="prefix() + '-title'">
      <h2 [id]="prefix() + '-title'">{{ heading() | t }}</h2>
      @if (preference()?.method; as method) {
        <dl class="facts">
          <dt>{{ 'compensation.preference.method' | t }}</dt>
          <dd>{{ 'compensation.methods.' + method | t }}</dd>
          @for (line of lines(); track line.label) {
            <dt>{{ line.label | t }}</dt>
            <dd>{{ line.value }}</dd>
          }
        </dl>
        <p class="hint">{{ 'compensation.preference.masked' | t }}</p>
      } @else {
        <p>{{ 'compensation.preference.none' | t }}</p>
      }
      <div role="status" aria-live="polite">
        @if (saved()) {
          <p class="notice">{{ 'compensation.preference.saved' | t }}</p>
        }
      </div>
      @if (editable()) {
        @if (!editing()) {
          <button type="button" [id]="prefix() + '-edit'" (click)="open()">{{ 'compensation.preference.change' | t }}</button>
        } @else {
          <form (ngSubmit)="submit()" [attr.aria-labelledby]="prefix() + '-form-title'">
            <h3 [id]="prefix() + '-form-title'">{{ 'compensation.preference.formTitle' | t }}</h3>
            <div class="field">
              <label [for]="prefix() + '-method'">{{ 'compensation.preference.method' | t }}</label>
              <select [id]="prefix() + '-method'" name="method" [(ngModel)]="draft.method">
                @for (m of methods; track m) {
                  <option [value]="m">{{ 'compensation.methods.' + m | t }}</option>
                }
              </select>
            </div>
            @switch (draft.method) {
              @case ('Check') {
                <fieldset>
                  <legend>{{ 'compensation.preference.mailingAddress' | t }}</legend>
                  <div class="field">
                    <label [for]="prefix() + '-line1'">{{ 'compensation.preference.line1' | t }}</label>
                    <input [id]="prefix() + '-line1'" name="line1" [(ngModel)]="draft.line1" required maxlength="200" autocomplete="address-line1" />
                  </div>
                  <div class="field">
                    <label [for]="prefix() + '-line2'">{{ 'compensation.preference.line2' | t }}</label>
                    <input [id]="prefix() + '-line2'" name="line2" [(ngModel)]="draft.line2" maxlength="200" autocomplete="address-line2" />
                  </div>
                  <div class="field">
                    <label [for]="prefix() + '-city'">{{ 'compensation.preference.city' | t }}</label>
                    <input [id]="prefix() + '-city'" name="city" [(ngModel)]="draft.city" required maxlength="100" autocomplete="address-level2" />
                  </div>
                  <div class="field">
                    <label [for]="prefix() + '-region'">{{ 'compensation.preference.region' | t }}</label>
                    <input [id]="prefix() + '-region'" name="region" [(ngModel)]="draft.region" required maxlength="100" autocomplete="address-level1" />
                  </div>
                  <div class="field">
                    <label [for]="prefix() + '-postal'">{{ 'compensation.preference.postalCode' | t }}</label>
                    <input [id]="prefix() + '-postal'" name="postalCode" [(ngModel)]="draft.postalCode" required maxlength="20" autocomplete="postal-code" />
                  </div>
                  <div class="field">
                    <label [for]="prefix() + '-country'">{{ 'compensation.preference.country' | t }}</label>
                    <input [id]="prefix() + '-country'" name="country" [(ngModel)]="draft.country" maxlength="100" autocomplete="country-name" />
                  </div>
                </fieldset>
              }
              @case ('BankTransfer') {
                <div class="field">
                  <label [for]="prefix() + '-holder'">{{ 'compensation.preference.accountHolder' | t }}</label>
                  <input [id]="prefix() + '-holder'" name="accountHolder" [(ngModel)]="draft.accountHolder" required maxlength="200" autocomplete="off" />
                </div>
                <div class="field">
                  <label [for]="prefix() + '-routing'">{{ 'compensation.preference.routingNumber' | t }}</label>
                  <input [id]="prefix() + '-routing'" name="routingNumber" [(ngModel)]="draft.routingNumber" required inputmode="numeric" maxlength="9" autocomplete="off"
                    [attr.aria-describedby]="prefix() + '-routing-hint'" />
                  <span [id]="prefix() + '-routing-hint'" class="hint">{{ 'compensation.preference.routingHint' | t }}</span>
                </div>
                <div class="field">
                  <label [for]="prefix() + '-account'">{{ 'compensation.preference.accountNumber' | t }}</label>
                  <input [id]="prefix() + '-account'" name="accountNumber" [(ngModel)]="draft.accountNumber" required inputmode="numeric" maxlength="17" autocomplete="off"
                    [attr.aria-describedby]="prefix() + '-account-hint'" />
                  <span [id]="prefix() + '-account-hint'" class="hint">{{ 'compensation.preference.accountHint' | t }}</span>
                </div>
              }
              @case ('GiftCard') {
                <div class="field">
                  <label [for]="prefix() + '-vendor'">{{ 'compensation.preference.giftCardVendor' | t }}</label>
                  <input [id]="prefix() + '-vendor'" name="giftCardVendor" [(ngModel)]="draft.giftCardVendor" maxlength="100" />
                </div>
                <div class="field">
                  <label [for]="prefix() + '-email'">{{ 'compensation.preference.deliveryEmail' | t }}</label>
                  <input [id]="prefix() + '-email'" name="deliveryEmail" type="email" [(ngModel)]="draft.deliveryEmail" maxlength="256" autocomplete="email"
                    [attr.aria-describedby]="prefix() + '-email-errors'" />
                  <app-field-errors [problem]="saving.problem()" field="deliveryEmail" [id]="prefix() + '-email-errors'" />
                </div>
              }
              @default {
                <p class="hint">{{ 'compensation.preference.noDetails' | t }}</p>
              }
            }
            <app-problem [problem]="saving.problem()" />
            <div class="actions">
              <button type="submit" class="primary" [disabled]="saving.busy()">{{ 'compensation.save' | t }}</button>
              <button type="button" (click)="close()">{{ 'compensation.cancel' | t }}</button>
            </div>
          </form>
        }
      }
    </section>
  `,
})
export class PaymentPreferenceForm {
  /** Ids start with this, so two forms never share one. */
  readonly prefix = input('preference');
  /** The section's heading: the member's page speaks to them ("How you want to be paid"), staff pages about the payee. */
  readonly heading = input('compensation.preference.title');
  readonly preference = input<PaymentPreferenceDto | null | undefined>(null);
  readonly editable = input(true);
  readonly save = input.required<(request: PaymentPreferenceRequest) => Promise<PaymentPreferenceDto>>();
  readonly saved$ = output<PaymentPreferenceDto>({ alias: 'saved' });

  protected readonly methods = PREFERENCE_METHODS;
  protected readonly saving = new Submission();
  protected readonly editing = signal(false);
  protected readonly saved = signal(false);
  protected draft = emptyPreference(null);

  protected lines() {
    return maskedLines(this.preference());
  }

  protected open(): void {
    this.draft = emptyPreference(this.preference()?.method);
    this.saving.reset();
    this.saved.set(false);
    this.editing.set(true);
    focusSoon(`${this.prefix()}-method`);
  }

  protected close(): void {
    this.editing.set(false);
    focusSoon(`${this.prefix()}-edit`);
  }

  protected async submit(): Promise<void> {
    const request = preferenceRequest(this.draft);
    const result = await this.saving.run(() => this.save()(request));
    if (result) {
      this.saved.set(true);
      this.saved$.emit(result);
      this.close();
    }
  }
}

