import { Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Api } from '../../api/api';
import { getPayee } from '../../api/fn/compensation/get-payee';
import { getPayeePaymentDetails } from '../../api/fn/compensation/get-payee-payment-details';
import { getPayeeStripeAccount } from '../../api/fn/compensation/get-payee-stripe-account';
import { setPayeePaymentPreference } from '../../api/fn/compensation/set-payee-payment-preference';
import { setPayeeTaxForm } from '../../api/fn/compensation/set-payee-tax-form';
import { startPayeeStripeOnboarding } from '../../api/fn/compensation/start-payee-stripe-onboarding';
import { FullPaymentDetailsDto } from '../../api/models/full-payment-details-dto';
import { PayeeProfileDto } from '../../api/models/payee-profile-dto';
import { PaymentPreferenceRequest } from '../../api/models/payment-preference-request';
import { StripeAccountDto } from '../../api/models/stripe-account-dto';
import { TaxFormRequest } from '../../api/models/tax-form-request';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { focusSoon } from '../../shared/focus';
import { Permission } from '../../shared/permissions';
import { FieldErrors, Loading, ProblemAlert } from '../../shared/state';
import { PaymentPreferenceForm } from './payment-preference';

/** The plan feature that turns on Stripe payouts (the connected-account endpoints answer 403 without it). */
export const STRIPE_PAYOUTS = 'StripePayouts';
/** A payee without a connected account yet: not an error, the page offers to set one up. */
export const NO_STRIPE_ACCOUNT = 'Compensation:NoStripeAccount';

/** What staff enter for a tax form. */
export interface TaxFormDraft {
  w9OnFile: boolean;
  receivedOn: string;
  tinLast4: string;
}

/** The tax-form request: only the last four digits of the tax id, never the whole number; no date or digits without a W-9. */
export function taxFormRequest(d: TaxFormDraft): TaxFormRequest {
  return {
    w9OnFile: d.w9OnFile,
    receivedOn: d.w9OnFile ? d.receivedOn || null : null,
    tinLast4: d.w9OnFile ? d.tinLast4.trim() || null : null,
  };
}

/** What the Stripe onboarding return (`?stripe=return|refresh`) tells staff; empty for any other value. */
export function stripeReturnMessage(value: string | null): string {
  return value === 'return' ? 'compensation.payee.stripe.returned' : value === 'refresh' ? 'compensation.payee.stripe.expired' : '';
}

/** Full details as label/value pairs (read only on request; every read is in the audit log). */
export function fullDetailLines(d: FullPaymentDetailsDto | undefined): { label: string; value: string }[] {
  const x = d?.details;
  if (!x) {
    return [];
  }
  const a = x.mailingAddress;
  const address = a ? [a.line1, a.line2, `${a.city}, ${a.region} ${a.postalCode}`, a.country].filter((s) => !!s).join(', ') : null;
  const pairs: [string, string | null | undefined][] = [
    ['compensation.preference.mailingAddress', address],
    ['compensation.preference.accountHolder', x.accountHolder],
    ['compensation.preference.routingNumber', x.routingNumber],
    ['compensation.preference.accountNumber', x.accountNumber],
    ['compensation.preference.giftCardVendor', x.giftCardVendor],
    ['compensation.preference.deliveryEmail', x.deliveryEmail],
  ];
  return pairs.filter(([, v]) => !!v).map(([label, value]) => ({ label, value: value! }));
}

/**
 * One payee for staff: kind, name, whether they accepted or declined payment, the payment preference (masked; the full
 * details on request, recorded in the audit log), the W-9 status with only the last four digits of the tax id, and the
 * Stripe connected account when the plan has Stripe payouts. Stripe's onboarding returns here with `?stripe=`.
 */
@Component({
  selector: 'app-payee',
  imports: [FormsModule, RouterLink, TranslatePipe, FieldErrors, Loading, ProblemAlert, PaymentPreferenceForm],
  template: `
    <p><a routerLink="/compensation/items">{{ 'compensation.payee.back' | t }}</a></p>
    @if (payee.loading()) {
      <app-loading />
    }
    <app-problem [problem]="payee.problem()" />
    @if (stripeMessage()) {
      <p class="notice" role="status">{{ stripeMessage() | t }}</p>
    }
    @if (payee.data(); as p) {
      <div class="page-header">
        <h1 id="payee-title" tabindex="-1">{{ p.name }}</h1>
      </div>
      <section class="card" aria-labelledby="payee-facts-title">
        <h2 id="payee-facts-title">{{ 'compensation.payee.facts' | t }}</h2>
        <dl class="facts">
          <dt>{{ 'compensation.payee.kind' | t }}</dt>
          <dd>{{ 'compensation.payeeKinds.' + p.kind | t }}</dd>
          @if (p.contactEmail) {
            <dt>{{ 'compensation.payee.contactEmail' | t }}</dt>
            <dd>{{ p.contactEmail }}</dd>
          }
          <dt>{{ 'compensation.payee.choice' | t }}</dt>
          <dd id="payee-choice">
            @if (p.choice.choice === 'Decline') {
              <span class="badge bad">{{ 'compensation.payee.declined' | t }}</span>
              <span class="hint"> {{ 'compensation.payee.declinedHint' | t }}</span>
            } @else if (p.choice.choice === 'Accept') {
              <span class="badge ok">{{ 'compensation.payee.accepted' | t }}</span>
              @if (p.choice.preferredMethod) {
                · {{ 'compensation.choice.preferred' | t: { method: ('compensation.methods.' + p.choice.preferredMethod | t) } }}
              }
            } @else {
              {{ 'compensation.payee.notChosen' | t }}
            }
            @if (p.choice.chosenAt) {
              <span class="hint"> ({{ 'compensation.choice.chosenAt' | t: { date: dateTime(p.choice.chosenAt), version: p.choice.noticeVersion ?? '' } }})</span>
            }
          </dd>
        </dl>
        @if (p.kind === 'Person' && p.userId) {
          <p><a routerLink="/compensation/statements" [queryParams]="{ payee: p.id }">{{ 'compensation.payee.statement' | t }}</a></p>
        }
      </section>

      <app-payment-preference prefix="payee-preference" heading="compensation.payee.preferenceTitle" [preference]="p.preference" [editable]="canManage" [save]="savePreference" (saved)="preferenceSaved($event)" />

      @if (canViewDetails && p.preference.method) {
        <section class="card" aria-labelledby="details-title">
          <h2 id="details-title">{{ 'compensation.payee.details.title' | t }}</h2>
          <p class="hint" id="details-audit">{{ 'compensation.payee.details.audited' | t }}</p>
          @if (details.data(); as d) {
            <dl class="facts" id="full-details" tabindex="-1">
              @for (line of detailLines(); track line.label) {
                <dt>{{ line.label | t }}</dt>
                <dd>{{ line.value }}</dd>
              }
            </dl>
            <button type="button" (click)="details.data.set(undefined)">{{ 'compensation.payee.details.hide' | t }}</button>
          } @else {
            <button type="button" aria-describedby="details-audit" [disabled]="details.loading()" (click)="showDetails(p)">{{ 'compensation.payee.details.show' | t }}</button>
          }
          <app-problem [problem]="details.problem()" />
        </section>
      }

      <section class="card" aria-labelledby="tax-title">
        <h2 id="tax-title">{{ 'compensation.payee.tax.title' | t }}</h2>
        <dl class="facts">
          <dt>{{ 'compensation.payee.tax.w9' | t }}</dt>
          <dd id="payee-w9">
            @if (p.taxForm.w9OnFile) {
              {{ 'compensation.payee.tax.onFile' | t: { date: p.taxForm.receivedOn ? date(p.taxForm.receivedOn) : '—', last4: p.taxForm.tinLast4 ?? '—' } }}
            } @else {
              {{ 'compensation.payee.tax.notOnFile' | t }}
            }
          </dd>
        </dl>
        <div role="status" aria-live="polite">
          @if (taxSaved()) {
            <p class="notice">{{ 'compensation.payee.tax.saved' | t }}</p>
          }
        </div>
        @if (canManage) {
          <form (ngSubmit)="saveTax(p)" aria-labelledby="tax-form-title">
            <h3 id="tax-form-title">{{ 'compensation.payee.tax.formTitle' | t }}</h3>
            <label class="checkbox"><input type="checkbox" id="tax-w9" name="w9OnFile" [(ngModel)]="tax.w9OnFile" /> {{ 'compensation.payee.tax.w9OnFile' | t }}</label>
            @if (tax.w9OnFile) {
              <div class="field">
                <label for="tax-received">{{ 'compensation.payee.tax.receivedOn' | t }}</label>
                <input id="tax-received" name="receivedOn" type="date" [(ngModel)]="tax.receivedOn" aria-describedby="tax-received-errors" />
                <app-field-errors [problem]="taxSaving.problem()" field="receivedOn" id="tax-received-errors" />
              </div>
              <div class="field">
                <label for="tax-last4">{{ 'compensation.payee.tax.tinLast4' | t }}</label>
                <input id="tax-last4" name="tinLast4" [(ngModel)]="tax.tinLast4" inputmode="numeric" maxlength="4" pattern="[0-9]{4}" autocomplete="off"
                  aria-describedby="tax-last4-hint tax-last4-errors" />
                <span id="tax-last4-hint" class="hint">{{ 'compensation.payee.tax.tinLast4Hint' | t }}</span>
                <app-field-errors [problem]="taxSaving.problem()" field="tinLast4" id="tax-last4-errors" />
              </div>
            }
            <app-problem [problem]="taxSaving.problem()" />
            <div class="actions">
              <button type="submit" class="primary" [disabled]="taxSaving.busy()">{{ 'compensation.payee.tax.save' | t }}</button>
            </div>
          </form>
        }
      </section>

      @if (stripeOn) {
        <section class="card" aria-labelledby="stripe-title">
          <h2 id="stripe-title">{{ 'compensation.payee.stripe.title' | t }}</h2>
          @if (stripe.loading()) {
            <app-loading />
          }
          @if (stripe.data(); as s) {
            <dl class="facts">
              <dt>{{ 'compensation.payee.stripe.status' | t }}</dt>
              <dd id="stripe-status">{{ 'compensation.payee.stripe.statuses.' + s.status | t }}</dd>
              <dt>{{ 'compensation.payee.stripe.payouts' | t }}</dt>
              <dd>{{ (s.transfersActive ? 'compensation.payee.stripe.yes' : 'compensation.payee.stripe.no') | t }}</dd>
              @if (s.disabledReason) {
                <dt>{{ 'compensation.payee.stripe.reason' | t }}</dt>
                <dd>{{ s.disabledReason }}</dd>
              }
            </dl>
          } @else if (noAccount()) {
            <p>{{ 'compensation.payee.stripe.none' | t }}</p>
          } @else {
            <app-problem [problem]="stripe.problem()" />
          }
          @if (canManage && stripe.data()?.status !== 'Enabled') {
            <p class="hint" id="stripe-hint">{{ 'compensation.payee.stripe.hint' | t }}</p>
            <button type="button" class="primary" aria-describedby="stripe-hint" [disabled]="onboarding.busy()" (click)="startStripe(p)">
              {{ (stripe.data() ? 'compensation.payee.stripe.continue' : 'compensation.payee.stripe.setUp') | t }}
            </button>
            <app-problem [problem]="onboarding.problem()" />
          }
        </section>
      }
    }
  `,
})
export class PayeePage {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly config = inject(AppConfig);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  protected readonly canManage = this.config.can(Permission.CompensationPayeesManage);
  protected readonly canViewDetails = this.config.can(Permission.CompensationPayeesViewDetails);
  protected readonly stripeOn = this.config.hasFeature(STRIPE_PAYOUTS);
  private readonly payeeId = this.route.snapshot.paramMap.get('payeeId') ?? '';
  protected readonly stripeMessage = signal(stripeReturnMessage(this.route.snapshot.queryParamMap.get('stripe')));

  protected readonly payee = new Loadable<PayeeProfileDto>();
  protected readonly details = new Loadable<FullPaymentDetailsDto>();
  protected readonly stripe = new Loadable<StripeAccountDto>();
  protected readonly taxSaving = new Submission();
  protected readonly onboarding = new Submission();
  protected readonly taxSaved = signal(false);
  protected readonly noAccount = computed(() => this.stripe.problem()?.code === NO_STRIPE_ACCOUNT);
  protected readonly detailLines = computed(() => fullDetailLines(this.details.data()));
  protected tax: TaxFormDraft = { w9OnFile: false, receivedOn: '', tinLast4: '' };

  protected readonly savePreference = (request: PaymentPreferenceRequest) =>
    this.api.invoke(setPayeePaymentPreference, { payeeId: this.payeeId, body: request });

  constructor() {
    void this.load();
    if (this.stripeOn) {
      void this.stripe.load(() => this.api.invoke(getPayeeStripeAccount, { payeeId: this.payeeId }));
    }
  }

  protected date(value: string): string {
    return this.i18n.formatDate(value, 'date');
  }

  protected dateTime(value: string): string {
    return this.i18n.formatDate(value, 'dateTime', this.config.timeZone());
  }

  protected preferenceSaved(preference: PayeeProfileDto['preference']): void {
    const p = this.payee.data();
    if (p) {
      this.payee.data.set({ ...p, preference });
    }
    this.details.data.set(undefined);
  }

  protected async showDetails(p: PayeeProfileDto): Promise<void> {
    const d = await this.details.load(() => this.api.invoke(getPayeePaymentDetails, { payeeId: p.id }));
    if (d) {
      focusSoon('full-details');
    }
  }

  protected async saveTax(p: PayeeProfileDto): Promise<void> {
    this.taxSaved.set(false);
    const saved = await this.taxSaving.run(() => this.api.invoke(setPayeeTaxForm, { payeeId: p.id, body: taxFormRequest(this.tax) }));
    if (saved) {
      this.payee.data.set({ ...p, taxForm: saved });
      this.taxSaved.set(true);
    }
  }

  protected async startStripe(p: PayeeProfileDto): Promise<void> {
    const started = await this.onboarding.run(() => this.api.invoke(startPayeeStripeOnboarding, { payeeId: p.id }));
    if (started) {
      this.openExternal(started.onboardingUrl);
    }
  }

  /** Stripe's hosted onboarding page; it comes back to this page with ?stripe=return or ?stripe=refresh. */
  protected openExternal(url: string): void {
    window.location.assign(url);
  }

  private async load(): Promise<void> {
    const p = await this.payee.load(() => this.api.invoke(getPayee, { payeeId: this.payeeId }));
    if (p) {
      this.tax = { w9OnFile: p.taxForm.w9OnFile, receivedOn: p.taxForm.receivedOn ?? '', tinLast4: p.taxForm.tinLast4 ?? '' };
      if (this.stripeMessage()) {
        // Drop ?stripe= so a reload does not say it again.
        void this.router.navigate([], { relativeTo: this.route, queryParams: {}, replaceUrl: true });
      }
      focusSoon('payee-title');
    }
  }
}
