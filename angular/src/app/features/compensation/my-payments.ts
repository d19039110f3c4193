import { Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Api } from '../../api/api';
import { getPersonStatement } from '../../api/fn/compensation/get-person-statement';
import { StatementDto } from '../../api/models/statement-dto';
import { AppConfig } from '../../core/app-config';
import { TranslatePipe } from '../../core/i18n';
import { Loadable } from '../../shared/async';
import { Loading, ProblemAlert } from '../../shared/state';
import { offeredYears, parseYear, yearIn } from './money';
import { StatementView } from './statement-view';
import { YearPicker } from './year-picker';

/** Refusals that mean "nothing to show yet" rather than an error: a person who has never had a payable item. */
export const NO_STATEMENT = 'Compensation:StatementNotFound';

/**
 * A member's own payments for a year (`?year=`; the paid email links here): what was paid, how and when, and what is
 * still pending. Every signed-in member of a partnership with Compensation reaches it; the API answers only their own.
 */
@Component({
  selector: 'app-my-payments',
  imports: [RouterLink, TranslatePipe, Loading, ProblemAlert, StatementView, YearPicker],
  template: `
    <div class="page-header">
      <h1>{{ 'compensation.myPayments.title' | t }}</h1>
    </div>
    <p class="hint">{{ 'compensation.myPayments.intro' | t }}</p>
    <p><a id="my-payments-choice" routerLink="/compensation/my-payments/choice">{{ 'compensation.myPayments.choiceLink' | t }}</a></p>
    <app-year-picker inputId="my-payments-year" [years]="years()" [(year)]="year" />
    @if (statement.loading()) {
      <app-loading />
    }
    @if (none()) {
      <p class="notice">{{ 'compensation.myPayments.none' | t }}</p>
    } @else {
      <app-problem [problem]="statement.problem()" />
    }
    @if (statement.data(); as s) {
      <app-statement-view [statement]="s" />
    }
  `,
})
export class MyPayments {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly config = inject(AppConfig);
  private readonly thisYear = yearIn(this.config.timeZone());
  protected readonly year = signal(parseYear(this.route.snapshot.queryParamMap.get('year'), this.thisYear));
  protected readonly years = computed(() => offeredYears(this.thisYear, this.year()));
  protected readonly statement = new Loadable<StatementDto>();
  protected readonly none = computed(() => this.statement.problem()?.code === NO_STATEMENT);

  constructor() {
    effect(() => {
      const year = this.year();
      const userId = this.config.user()?.id;
      if (!userId) {
        return;
      }
      untracked(() => {
        void this.router.navigate([], { relativeTo: this.route, queryParams: { year }, replaceUrl: true });
        void this.statement.load(() => this.api.invoke(getPersonStatement, { userId, year }));
      });
    });
  }
}
