import { Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Api } from '../../api/api';
import { approvePayableItems } from '../../api/fn/compensation/approve-payable-items';
import { createPayableItem } from '../../api/fn/compensation/create-payable-item';
import { getPayableItems } from '../../api/fn/compensation/get-payable-items';
import { getPayees } from '../../api/fn/compensation/get-payees';
import { getRates } from '../../api/fn/compensation/get-rates';
import { payPayableItems } from '../../api/fn/compensation/pay-payable-items';
import { voidPayableItem } from '../../api/fn/compensation/void-payable-item';
import { PayableItemSourceKind } from '../../api/models/payable-item-source-kind';
import { PayableItemStatus } from '../../api/models/payable-item-status';
import { PayableItemSummaryDto } from '../../api/models/payable-item-summary-dto';
import { PayeeDto } from '../../api/models/payee-dto';
import { PaymentMethod } from '../../api/models/payment-method';
import { RateDto } from '../../api/models/rate-dto';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Problem } from '../../core/problem';
import { Submission } from '../../shared/async';
import { focusSoon } from '../../shared/focus';
import { ListSource } from '../../shared/list';
import { ListColumn, ListPage, ListRow } from '../../shared/list-page';
import { Permission } from '../../shared/permissions';
import { RowActions } from '../../shared/row-actions';
import { FieldErrors, ProblemAlert } from '../../shared/state';
import { todayIn } from '../../shared/time';
import { CouncilNames } from './councils';
import { formatMoney } from './money';

export const ITEM_STATUSES: readonly PayableItemStatus[] = ['Submitted', 'Approved', 'Paid', 'Voided'];
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['Check', 'BankTransfer', 'GiftCard', 'Cash', 'StripeTransfer'];
export const ENTRY_KINDS: readonly PayableItemSourceKind[] = ['Time', 'Deliverable', 'Reimbursement', 'Other'];

/** The ids of the selected rows that a batch may act on: only rows in `status` (approve: Submitted; pay: Approved). */
export function batchIds(rows: readonly PayableItemSummaryDto[], selected: ReadonlySet<string>, status: PayableItemStatus): string[] {
  return rows.filter((r) => selected.has(r.id) && r.status === status).map((r) => r.id);
}

/** The item a batch was refused for because its payee declined payment, or null for any other outcome. */
export function declinedRefusal(problem: Problem | null, rows: readonly PayableItemSummaryDto[]): { payee: string; description: string } | null {
  if (problem?.code !== 'Compensation:PayeeDeclined') {
    return null;
  }
  const item = rows.find((r) => r.id === problem.params?.['itemId']);
  return { payee: item?.payee.name ?? '', description: item?.description ?? '' };
}

/** What staff enter for an item: a rate and a quantity, or an amount and a currency (a reimbursement). */
export interface ItemDraft {
  payee: string;
  description: string;
  kind: PayableItemSourceKind;
  priced: 'rate' | 'amount';
  rateId: string;
  quantity: number | null;
  amount: number | null;
  currency: string;
}

/** The create request for a draft: a person is named by their user id, a partner organization by its payee id. */
export function itemRequest(draft: ItemDraft, payees: readonly PayeeDto[]) {
  const payee = payees.find((p) => p.id === draft.payee);
  const byRate = draft.priced === 'rate';
  return {
    payeeUserId: payee?.kind === 'Person' ? (payee.userId ?? null) : null,
    payeeId: payee?.kind === 'Organization' ? payee.id : null,
    description: draft.description.trim(),
    kind: draft.kind,
    councilId: null,
    rateId: byRate ? draft.rateId || null : null,
    quantity: byRate ? draft.quantity : null,
    amount: byRate ? null : draft.amount,
    currency: byRate ? null : draft.currency.trim().toUpperCase() || null,
  };
}

/**
 * The payable-items queue: filter by status and council, select rows, approve or pay them in one batch (all or
 * nothing; the API names the item that refused), void an unpaid item with a reason, and enter an item by hand.
 * Approving is never offered on one's own items: the API refuses it (Compensation:SelfApproval).
 */
@Component({
  selector: 'app-payable-items',
  imports: [FormsModule, RouterLink, TranslatePipe, ListPage, ListRow, FieldErrors, ProblemAlert],
  providers: [CouncilNames],
  template: `
    <div class="page-header">
      <h1 id="items-title" tabindex="-1">{{ 'compensation.items.title' | t }}</h1>
      @if (canCreate && !creating()) {
        <button type="button" class="primary" (click)="openCreate()">{{ 'compensation.items.create' | t }}</button>
      }
    </div>
    <p class="hint">{{ 'compensation.items.intro' | t }}</p>

    @if (creating()) {
      <form class="card" (ngSubmit)="create()" aria-labelledby="item-form-title">
        <h2 id="item-form-title">{{ 'compensation.items.createTitle' | t }}</h2>
        <div class="field">
          <label for="item-payee">{{ 'compensation.items.payee' | t }}</label>
          <select id="item-payee" name="payee" [(ngModel)]="draft.payee" required aria-describedby="item-payee-hint item-payee-errors">
            <option value="">{{ 'compensation.items.choosePayee' | t }}</option>
            @for (p of payees(); track p.id) {
              <option [value]="p.id">{{ p.name }} ({{ 'compensation.payeeKinds.' + p.kind | t }})</option>
            }
          </select>
          <span id="item-payee-hint" class="hint">{{ 'compensation.items.payeeHint' | t }}</span>
          <app-field-errors [problem]="saving.problem()" field="payeeUserId" id="item-payee-errors" />
        </div>
        <div class="field">
          <label for="item-description">{{ 'compensation.items.description' | t }}</label>
          <input id="item-description" name="description" [(ngModel)]="draft.description" required maxlength="500" aria-describedby="item-description-errors" />
          <app-field-errors [problem]="saving.problem()" field="description" id="item-description-errors" />
        </div>
        <div class="field">
          <label for="item-kind">{{ 'compensation.items.kind' | t }}</label>
          <select id="item-kind" name="kind" [(ngModel)]="draft.kind">
            @for (k of kinds; track k) {
              <option [value]="k">{{ 'compensation.sources.' + k | t }}</option>
            }
          </select>
        </div>
        <fieldset>
          <legend>{{ 'compensation.items.priced' | t }}</legend>
          <label class="checkbox"><input type="radio" name="priced" value="rate" [(ngModel)]="draft.priced" /> {{ 'compensation.items.byRate' | t }}</label>
          <label class="checkbox"><input type="radio" name="priced" value="amount" [(ngModel)]="draft.priced" /> {{ 'compensation.items.byAmount' | t }}</label>
        </fieldset>
        @if (draft.priced === 'rate') {
          <div class="field">
            <label for="item-rate">{{ 'compensation.items.rate' | t }}</label>
            <select id="item-rate" name="rateId" [(ngModel)]="draft.rateId" aria-describedby="item-rate-errors">
              <option value="">{{ 'compensation.items.chooseRate' | t }}</option>
              @for (r of rates(); track r.id) {
                <option [value]="r.id">{{ r.name }} · {{ money(r.amount, r.currency) }} / {{ 'compensation.units.' + r.unit | t }}</option>
              }
            </select>
            <app-field-errors [problem]="saving.problem()" field="rateId" id="item-rate-errors" />
          </div>
          <div class="field">
            <label for="item-quantity">{{ 'compensation.items.quantity' | t }}</label>
            <input id="item-quantity" name="quantity" type="number" min="0" step="0.25" [(ngModel)]="draft.quantity" aria-describedby="item-quantity-errors" />
            <app-field-errors [problem]="saving.problem()" field="quantity" id="item-quantity-errors" />
          </div>
        } @else {
          <div class="field">
            <label for="item-amount">{{ 'compensation.items.amount' | t }}</label>
            <input id="item-amount" name="amount" type="number" step="0.01" [(ngModel)]="draft.amount" aria-describedby="item-amount-errors" />
            <app-field-errors [problem]="saving.problem()" field="amount" id="item-amount-errors" />
          </div>
          <div class="field">
            <label for="item-currency">{{ 'compensation.rates.currency' | t }}</label>
            <input id="item-currency" name="currency" [(ngModel)]="draft.currency" maxlength="3" aria-describedby="item-currency-errors" />
            <app-field-errors [problem]="saving.problem()" field="currency" id="item-currency-errors" />
          </div>
        }
        <app-problem [problem]="saving.problem()" />
        <div class="actions">
          <button type="submit" class="primary" [disabled]="saving.busy()">{{ 'compensation.save' | t }}</button>
          <button type="button" (click)="closeCreate()">{{ 'compensation.cancel' | t }}</button>
        </div>
      </form>
    }

    <form class="card filters" role="search" [attr.aria-label]="'compensation.items.filters' | t" (ngSubmit)="apply()">
      <div class="field">
        <label for="items-status">{{ 'compensation.items.status' | t }}</label>
        <select id="items-status" name="status" [(ngModel)]="status">
          <option value="">{{ 'compensation.items.anyStatus' | t }}</option>
          @for (s of statuses; track s) {
            <option [value]="s">{{ 'compensation.statuses.' + s | t }}</option>
          }
        </select>
      </div>
      @if (councils.councils().length) {
        <div class="field">
          <label for="items-council">{{ 'compensation.items.council' | t }}</label>
          <select id="items-council" name="council" [(ngModel)]="council">
            <option value="">{{ 'compensation.items.anyCouncil' | t }}</option>
            @for (c of councils.councils(); track c.id) {
              <option [value]="c.id">{{ c.name }}</option>
            }
          </select>
        </div>
      }
      <div class="actions">
        <button type="submit">{{ 'compensation.items.apply' | t }}</button>
      </div>
    </form>

    @if (canApprove) {
      <div class="actions batch" role="group" [attr.aria-label]="'compensation.items.batchLabel' | t">
        <span>{{ 'compensation.items.selected' | t: { count: selected().size } }}</span>
        <button type="button" class="primary" [disabled]="rows.acting.busy() || !approvable().length" (click)="approve()">
          {{ 'compensation.items.approveSelected' | t: { count: approvable().length } }}
        </button>
        <button type="button" [disabled]="rows.acting.busy() || !payable().length" (click)="openPay()">
          {{ 'compensation.items.paySelected' | t: { count: payable().length } }}
        </button>
      </div>
    }

    @if (declinedRefusal(); as refusal) {
      <p class="notice declined-help" id="declined-help">{{ 'compensation.items.declinedRefusal' | t: { payee: refusal.payee, description: refusal.description } }}</p>
    }

    @if (paying()) {
      <form class="card" (ngSubmit)="pay()" aria-labelledby="pay-form-title">
        <h2 id="pay-form-title">{{ 'compensation.items.payTitle' | t: { count: payable().length } }}</h2>
        <div class="field">
          <label for="pay-method">{{ 'compensation.items.method' | t }}</label>
          <select id="pay-method" name="method" [(ngModel)]="payment.method">
            @for (m of methods; track m) {
              <option [value]="m">{{ 'compensation.methods.' + m | t }}</option>
            }
          </select>
        </div>
        <div class="field">
          <label for="pay-reference">{{ 'compensation.items.reference' | t }}</label>
          <input id="pay-reference" name="reference" [(ngModel)]="payment.reference" maxlength="200" aria-describedby="pay-reference-hint pay-reference-errors" />
          <span id="pay-reference-hint" class="hint">{{ 'compensation.items.referenceHint' | t }}</span>
          <app-field-errors [problem]="rows.acting.problem()" field="reference" id="pay-reference-errors" />
        </div>
        <div class="field">
          <label for="pay-date">{{ 'compensation.items.paidOn' | t }}</label>
          <input id="pay-date" name="paidOn" type="date" [(ngModel)]="payment.paidOn" aria-describedby="pay-date-errors" />
          <app-field-errors [problem]="rows.acting.problem()" field="paidOn" id="pay-date-errors" />
        </div>
        <div class="actions">
          <button type="submit" class="primary" [disabled]="rows.acting.busy()">{{ 'compensation.items.confirmPay' | t: { count: payable().length } }}</button>
          <button type="button" (click)="closePay()">{{ 'compensation.cancel' | t }}</button>
        </div>
      </form>
    }

    @if (voiding(); as item) {
      <form class="card" (ngSubmit)="voidItem(item)" aria-labelledby="void-form-title">
        <h2 id="void-form-title">{{ 'compensation.items.voidTitle' | t: { description: item.description, payee: item.payee.name } }}</h2>
        <div class="field">
          <label for="void-reason">{{ 'compensation.items.voidReason' | t }}</label>
          <textarea id="void-reason" name="reason" [(ngModel)]="voidReason" required maxlength="1000" aria-describedby="void-reason-errors"></textarea>
          <app-field-errors [problem]="rows.acting.problem()" field="reason" id="void-reason-errors" />
        </div>
        <div class="actions">
          <button type="submit" class="danger" [disabled]="rows.acting.busy()">{{ 'compensation.items.confirmVoid' | t }}</button>
          <button type="button" (click)="closeVoid()">{{ 'compensation.cancel' | t }}</button>
        </div>
      </form>
    }

    @if (canApprove && items.items().length) {
      <label class="checkbox select-all">
        <input type="checkbox" [checked]="allSelected()" (change)="selectAll($any($event.target).checked)" />
        {{ 'compensation.items.selectAll' | t }}
      </label>
    }
    <app-list-page [list]="items" key="items" caption="compensation.items.caption" regionLabel="compensation.items.caption"
      [columns]="columns" empty="compensation.items.empty" [actions]="rows" [quietReload]="true">
      <ng-template [listRow]="items" let-i>
        @if (canApprove) {
          <td>
            <input type="checkbox" [id]="'select-' + i.id" [checked]="selected().has(i.id)" (change)="toggle(i.id, $any($event.target).checked)"
              [attr.aria-label]="'compensation.items.selectItem' | t: { description: i.description, payee: i.payee.name }" />
          </td>
        }
        <th scope="row">
          <a [routerLink]="['/compensation/payees', i.payee.id]">{{ i.payee.name }}</a>
          @if (i.payee.declined) {
            <div><span class="badge bad declined">{{ 'compensation.items.declined' | t }}</span></div>
          }
        </th>
        <td class="wrap">
          {{ i.description }}
          <div class="hint">{{ 'compensation.sources.' + i.source.kind | t }}{{ i.source.label ? ' · ' + i.source.label : '' }}</div>
        </td>
        <td class="number">{{ money(i.amount, i.currency) }}</td>
        <td><span class="badge" [class.ok]="i.status === 'Paid'" [class.bad]="i.status === 'Voided'">{{ 'compensation.statuses.' + i.status | t }}</span></td>
        <td>{{ i.paidOn ? date(i.paidOn) : dateTime(i.creationTime) }}</td>
        @if (canCreate) {
          <td>
            @if (i.status === 'Submitted' || i.status === 'Approved') {
              <button type="button" class="link-button" (click)="openVoid(i)">
                {{ 'compensation.items.void' | t }}<span class="visually-hidden"> {{ i.description }}, {{ i.payee.name }}</span>
              </button>
            }
          </td>
        }
      </ng-template>
    </app-list-page>
  `,
  styles: `
    .filters { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: end; }
    .batch { align-items: center; }
    .wrap { overflow-wrap: anywhere; max-width: 20rem; }
    .number { text-align: right; white-space: nowrap; }
    .select-all { display: block; margin: 0.5rem 0; }
  `,
})
export class PayableItems {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly config = inject(AppConfig);
  protected readonly councils = inject(CouncilNames);
  protected readonly canApprove = this.config.can(Permission.CompensationItemsApprove);
  protected readonly canCreate = this.config.can(Permission.CompensationItemsCreate);
  protected readonly statuses = ITEM_STATUSES;
  protected readonly methods = PAYMENT_METHODS;
  protected readonly kinds = ENTRY_KINDS;
  protected readonly columns: ListColumn[] = [
    ...(this.canApprove ? [{ label: 'compensation.items.select', hidden: true as const }] : []),
    'compensation.items.payee', 'compensation.items.description', 'compensation.items.amount', 'compensation.items.status', 'compensation.items.date',
    ...(this.canCreate ? [{ label: 'compensation.actions', hidden: true as const }] : []),
  ];

  protected status: PayableItemStatus | '' = 'Submitted';
  protected council = '';
  private readonly applied = signal<{ status: PayableItemStatus | ''; council: string }>({ status: 'Submitted', council: '' });
  protected readonly items = new ListSource<PayableItemSummaryDto>(
    (q) =>
      this.api.invoke(getPayableItems, {
        SkipCount: q.SkipCount,
        MaxResultCount: q.MaxResultCount,
        status: this.applied().status || undefined,
        councilId: this.applied().council || undefined,
      }),
    100,
  );
  protected readonly rows = new RowActions<PayableItemSummaryDto>('items', this.items);
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly approvable = computed(() => batchIds(this.items.items(), this.selected(), 'Submitted'));
  protected readonly payable = computed(() => batchIds(this.items.items(), this.selected(), 'Approved'));
  protected readonly allSelected = computed(() => this.items.items().length > 0 && this.items.items().every((i) => this.selected().has(i.id)));

  /** A batch refused because a payee declined payment (409 Compensation:PayeeDeclined): whose item, so staff can unselect it. */
  protected readonly declinedRefusal = computed(() => declinedRefusal(this.rows.acting.problem(), this.items.items()));

  protected readonly paying = signal(false);
  protected payment = { method: 'Check' as PaymentMethod, reference: '', paidOn: '' };
  protected readonly voiding = signal<PayableItemSummaryDto | null>(null);
  protected voidReason = '';

  protected readonly creating = signal(false);
  protected readonly saving = new Submission();
  protected readonly payees = signal<PayeeDto[]>([]);
  protected readonly rates = signal<RateDto[]>([]);
  protected draft: ItemDraft = this.emptyDraft();

  constructor() {
    void this.items.reload();
    void this.councils.load();
  }

  protected money(amount: number | string, currency: string): string {
    return formatMoney(this.i18n.language(), amount, currency);
  }

  protected date(value: string): string {
    return this.i18n.formatDate(value, 'date');
  }

  protected dateTime(value: string): string {
    return this.i18n.formatDate(value, 'dateTime', this.config.timeZone());
  }

  protected apply(): void {
    this.applied.set({ status: this.status, council: this.council });
    this.selected.set(new Set());
    this.rows.say('');
    void this.items.search();
  }

  protected toggle(id: string, on: boolean): void {
    const next = new Set(this.selected());
    if (on) {
      next.add(id);
    } else {
      next.delete(id);
    }
    this.selected.set(next);
  }

  protected selectAll(on: boolean): void {
    this.selected.set(on ? new Set(this.items.items().map((i) => i.id)) : new Set());
  }

  protected async approve(): Promise<void> {
    const ids = this.approvable();
    const done = await this.rows.run(
      () => this.api.invoke(approvePayableItems, { body: { itemIds: ids } }),
      () => this.i18n.t('compensation.items.approved', { count: ids.length }),
    );
    if (done) {
      this.selected.set(new Set());
    }
  }

  protected openPay(): void {
    this.voiding.set(null);
    this.payment = { method: 'Check', reference: '', paidOn: todayIn(this.config.timeZone()) };
    this.paying.set(true);
    focusSoon('pay-method');
  }

  protected closePay(): void {
    this.paying.set(false);
    focusSoon('items-title');
  }

  protected async pay(): Promise<void> {
    const ids = this.payable();
    const p = this.payment;
    const done = await this.rows.run(
      () => this.api.invoke(payPayableItems, { body: { itemIds: ids, method: p.method, reference: p.reference.trim() || null, paidOn: p.paidOn || null } }),
      () => this.i18n.t('compensation.items.paid', { count: ids.length }),
    );
    if (done) {
      this.selected.set(new Set());
      this.closePay();
    }
  }

  protected openVoid(item: PayableItemSummaryDto): void {
    this.paying.set(false);
    this.voidReason = '';
    this.voiding.set(item);
    focusSoon('void-reason');
  }

  protected closeVoid(): void {
    this.voiding.set(null);
    focusSoon('items-title');
  }

  protected async voidItem(item: PayableItemSummaryDto): Promise<void> {
    const done = await this.rows.run(
      () => this.api.invoke(voidPayableItem, { id: item.id, body: { reason: this.voidReason.trim() } }),
      () => this.i18n.t('compensation.items.voided', { description: item.description }),
    );
    if (done) {
      this.closeVoid();
    }
  }

  protected async openCreate(): Promise<void> {
    this.draft = this.emptyDraft();
    this.saving.reset();
    this.creating.set(true);
    focusSoon('item-payee');
    await this.saving.run(async () => {
      const [payees, rates] = await Promise.all([
        this.api.invoke(getPayees, { MaxResultCount: 1000 }),
        this.api.invoke(getRates, { MaxResultCount: 1000, effectiveOn: todayIn(this.config.timeZone()) }),
      ]);
      this.payees.set(payees.items);
      this.rates.set(rates.items);
    });
  }

  protected closeCreate(): void {
    this.creating.set(false);
    focusSoon('items-title');
  }

  protected async create(): Promise<void> {
    const body = itemRequest(this.draft, this.payees());
    const created = await this.saving.run(() => this.api.invoke(createPayableItem, { body }));
    if (created) {
      this.rows.say(this.i18n.t('compensation.items.createdMessage', { description: body.description }));
      this.closeCreate();
      await this.items.reload();
    }
  }

  private emptyDraft(): ItemDraft {
    return { payee: '', description: '', kind: 'Time', priced: 'rate', rateId: '', quantity: 1, amount: null, currency: 'USD' };
  }
}
