import { Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Api } from '../../api/api';
import { getCouncils } from '../../api/fn/governance/get-councils';
import { getDecisions } from '../../api/fn/governance/get-decisions';
import { CouncilSummaryDto } from '../../api/models/council-summary-dto';
import { DecisionState } from '../../api/models/decision-state';
import { DecisionSummaryDto } from '../../api/models/decision-summary-dto';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable } from '../../shared/async';
import { ProblemAlert } from '../../shared/state';
import { ListSource, listItems } from '../../shared/list';
import { ListPage } from '../../shared/list-page';
import { DECISION_STATES, stateClass } from './common';
import { Permission } from '../../shared/permissions';
import { num } from '../../shared/numbers';

/** Every decision of the partnership, newest first, filtered by state and council. */
@Component({
  selector: 'app-decision-list',
  imports: [FormsModule, RouterLink, TranslatePipe, ProblemAlert, ListPage],
  template: `
    <div class="page-header">
      <h1>{{ 'decisions.list.title' | t }}</h1>
      @if (config.can(Permission.GovernanceDecisionsManage)) {
        <a class="button primary" routerLink="/decisions/new">{{ 'decisions.list.create' | t }}</a>
      }
    </div>
    <form class="card filters" (ngSubmit)="reload()" [attr.aria-label]="'decisions.list.filters' | t">
      <div class="field">
        <label for="filter-state">{{ 'decisions.list.state' | t }}</label>
        <select id="filter-state" name="state" [(ngModel)]="state" (ngModelChange)="reload()">
          <option value="">{{ 'decisions.list.allStates' | t }}</option>
          @for (s of states; track s) {
            <option [value]="s">{{ 'decisions.state.' + s | t }}</option>
          }
        </select>
      </div>
      <div class="field">
        <label for="filter-council">{{ 'decisions.list.council' | t }}</label>
        <select id="filter-council" name="council" [(ngModel)]="councilId" (ngModelChange)="reload()">
          <option value="">{{ 'decisions.list.allCouncils' | t }}</option>
          @for (c of councils.data() ?? []; track c.id) {
            <option [value]="c.id">{{ c.name }}</option>
          }
        </select>
      </div>
    </form>
    <app-problem [problem]="councils.problem()" />
    <app-list-page [list]="decisions" key="decisions" empty="decisions.list.empty">
      <div listBody>
      <p role="status">{{ 'decisions.list.count' | t: { count: decisions.total() } }}</p>
      <ul class="decision-list">
        @for (d of decisions.items(); track d.id) {
          <li class="card">
            <h2><a [routerLink]="['/decisions', d.id]">{{ d.title }}</a></h2>
            <p>
              <span [class]="stateClass(d.state)">{{ 'decisions.state.' + d.state | t }}</span>
              @if (d.isOverdue) {
                <span class="badge bad">{{ 'decisions.list.overdue' | t }}</span>
              }
            </p>
            <p class="meta">
              {{ councilName(d.councilId) }} · {{ 'decisions.method.' + d.method | t }} ·
              {{ 'decisions.list.inputs' | t: { count: d.inputCount } }}
              @if (d.votingClosesAt) {
                · {{ 'decisions.list.closes' | t: { date: i18n.formatDate(d.votingClosesAt, 'dateTime', config.timeZone()) } }}
              }
            </p>
          </li>
        }
      </ul>
      @if (decisions.total() > decisions.items().length) {
        <div class="actions">
          <button type="button" (click)="more()" [disabled]="decisions.loading()">{{ 'decisions.list.more' | t }}</button>
        </div>
      }
      </div>
    </app-list-page>
  `,
  styles: `
    .filters { display: flex; flex-wrap: wrap; gap: 0 1rem; }
    .filters .field { margin-bottom: 0; }
    .decision-list { list-style: none; padding: 0; margin: 0; }
    .decision-list h2 { margin: 0 0 0.4rem; font-size: 1.1rem; }
    .decision-list p { margin: 0.25rem 0; }
    .meta { color: var(--ep-muted); }
  `,
})
export class DecisionList {
  private readonly api = inject(Api);
  protected readonly i18n = inject(I18n);
  protected readonly config = inject(AppConfig);
  protected readonly Permission = Permission;
  protected readonly states = DECISION_STATES;
  protected readonly stateClass = stateClass;
  protected readonly num = num;
  protected readonly decisions = new ListSource<DecisionSummaryDto>(() =>
    this.api.invoke(getDecisions, {
      MaxResultCount: this.size(),
      state: (this.state || undefined) as DecisionState | undefined,
      councilId: this.councilId || undefined,
    }),
  );
  protected readonly councils = new Loadable<CouncilSummaryDto[]>();
  protected state = '';
  protected councilId = '';
  private readonly size = signal(20);
  private readonly names = computed(() => new Map((this.councils.data() ?? []).map((c) => [c.id, c.name])));

  constructor() {
    void this.councils.load(async () => listItems(await this.api.invoke(getCouncils, { MaxResultCount: 1000 })));
    void this.reload();
  }

  protected councilName(id: string): string {
    return this.names().get(id) ?? '';
  }

  protected reload(): Promise<unknown> {
    return this.decisions.reload();
  }

  protected more(): void {
    this.size.update((s) => s + 20);
    void this.reload();
  }
}
