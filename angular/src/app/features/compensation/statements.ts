import { Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { Api } from '../../api/api';
import { getOrganizationStatement } from '../../api/fn/compensation/get-organization-statement';
import { getPayees } from '../../api/fn/compensation/get-payees';
import { getPaymentsCsv } from '../../api/fn/compensation/get-payments-csv';
import { getPersonStatement } from '../../api/fn/compensation/get-person-statement';
import { PayeeDto } from '../../api/models/payee-dto';
import { StatementDto } from '../../api/models/statement-dto';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { saveDownload } from '../../shared/download';
import { Loading, ProblemAlert } from '../../shared/state';
import { offeredYears, yearIn } from './money';
import { StatementView } from './statement-view';
import { YearPicker } from './year-picker';

/** The statement request for a payee: a person by their user id, a partner organization by its payee id. */
export function statementRequest(payee: PayeeDto): { kind: 'person'; userId: string } | { kind: 'organization'; payeeId: string } {
  return payee.kind === 'Person' && payee.userId ? { kind: 'person', userId: payee.userId } : { kind: 'organization', payeeId: payee.id };
}

/**
 * Staff read any payee's statement for a year (the same page a member sees of their own) and download every payment
 * of the year as CSV for the books.
 */
@Component({
  selector: 'app-statements',
  imports: [FormsModule, RouterLink, TranslatePipe, Loading, ProblemAlert, StatementView, YearPicker],
  template: `
    <div class="page-header">
      <h1>{{ 'compensation.statements.title' | t }}</h1>
      <button type="button" (click)="downloadPayments()" [disabled]="exporting.busy()" [attr.aria-busy]="exporting.busy()">
        {{ 'compensation.statements.paymentsCsv' | t: { year: year() } }}
      </button>
    </div>
    <p class="hint">{{ 'compensation.statements.intro' | t }}</p>
    <div role="status" aria-live="polite">
      @if (downloaded()) {
        <p class="notice">{{ 'compensation.downloaded' | t: { file: downloaded() } }}</p>
      }
    </div>
    <app-problem [problem]="exporting.problem()" />
    <div class="pickers">
      <div class="field">
        <label for="statement-payee">{{ 'compensation.items.payee' | t }}</label>
        <select id="statement-payee" name="payee" [ngModel]="payeeId()" (ngModelChange)="payeeId.set($event)">
          <option value="">{{ 'compensation.items.choosePayee' | t }}</option>
          @for (p of payees.data() ?? []; track p.id) {
            <option [value]="p.id">{{ p.name }} ({{ 'compensation.payeeKinds.' + p.kind | t }})</option>
          }
        </select>
      </div>
      <app-year-picker inputId="statement-year" [years]="years()" [(year)]="year" />
    </div>
    @if (payeeId()) {
      <p><a id="statement-payee-link" [routerLink]="['/compensation/payees', payeeId()]">{{ 'compensation.statements.payeeDetails' | t }}</a></p>
    }
    <app-problem [problem]="payees.problem()" />
    @if (statement.loading() || payees.loading()) {
      <app-loading />
    }
    <app-problem [problem]="statement.problem()" />
    @if (payeeId() && statement.data(); as s) {
      <app-statement-view [statement]="s" />
    }
  `,
  styles: `.pickers { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: end; }`,
})
export class Statements {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly thisYear = yearIn(inject(AppConfig).timeZone());
  protected readonly year = signal(this.thisYear);
  protected readonly years = computed(() => offeredYears(this.thisYear, this.year()));
  /** `?payee=` (the payee page links here) picks the payee. */
  protected readonly payeeId = signal(inject(ActivatedRoute).snapshot.queryParamMap.get('payee') ?? '');
  protected readonly payees = new Loadable<PayeeDto[]>();
  protected readonly statement = new Loadable<StatementDto>();
  protected readonly exporting = new Submission();
  protected readonly downloaded = signal('');

  constructor() {
    void this.payees.load(async () => (await this.api.invoke(getPayees, { MaxResultCount: 1000 })).items);
    effect(() => {
      const year = this.year();
      const payee = (this.payees.data() ?? []).find((p) => p.id === this.payeeId());
      if (!payee) {
        this.statement.data.set(undefined);
        return;
      }
      const request = statementRequest(payee);
      untracked(() => void this.statement.load(() =>
        request.kind === 'person'
          ? this.api.invoke(getPersonStatement, { userId: request.userId, year })
          : this.api.invoke(getOrganizationStatement, { payeeId: request.payeeId, year }),
      ));
    });
  }

  protected async downloadPayments(): Promise<void> {
    this.downloaded.set('');
    const year = this.year();
    const name = await this.exporting.run(() => saveDownload(() => this.api.invoke$Response(getPaymentsCsv, { year }), `payments-${year}.csv`));
    if (name) {
      this.downloaded.set(name);
    }
  }
}
