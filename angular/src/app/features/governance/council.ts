import { Component, computed, inject, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Api } from '../../api/api';
import { getCouncil } from '../../api/fn/governance/get-council';
import { CouncilDto } from '../../api/models/council-dto';
import { AppConfig } from '../../core/app-config';
import { TranslatePipe } from '../../core/i18n';
import { Loadable } from '../../shared/async';
import { Loading, ProblemAlert } from '../../shared/state';
import { CouncilComposition } from './council-composition';
import { CouncilForm } from './council-form';
import { CouncilInfluence } from './council-influence';
import { CouncilMeetings } from './council-meetings';
import { CouncilSeats } from './council-seats';
import { Permission } from '../../shared/permissions';
import { focusSoon } from '../../shared/focus';

type Tab = 'seats' | 'composition' | 'meetings' | 'influence';
const TABS: readonly Tab[] = ['seats', 'composition', 'meetings', 'influence'];

/** One council: its seats and terms, its make-up against its rules, its meetings and the community's influence. */
@Component({
  selector: 'app-council-page',
  imports: [RouterLink, TranslatePipe, Loading, ProblemAlert, CouncilForm, CouncilSeats, CouncilComposition, CouncilMeetings, CouncilInfluence],
  template: `
    <p><a routerLink="/governance/councils">{{ 'governance.council.back' | t }}</a></p>
    @if (council.loading() && !council.data()) {
      <app-loading />
    }
    <app-problem [problem]="council.problem()" />
    @if (council.data(); as c) {
      <div class="page-header">
        <h1 id="council-title" tabindex="-1">{{ c.name }}</h1>
        @if (canManage && !editing()) {
          <button type="button" (click)="editing.set(true)">{{ 'governance.council.editDetails' | t }}</button>
        }
      </div>
      @if (editing()) {
        <app-council-form [council]="c" (saved)="detailsSaved()" (cancelled)="closeDetails()" />
      } @else {
        @if (c.description) {
          <p>{{ c.description }}</p>
        }
        @if (c.charter) {
          <details class="charter">
            <summary>{{ 'governance.council.charter' | t }}</summary>
            <p>{{ c.charter }}</p>
          </details>
        }
      }
      <div class="tabs" role="tablist" [attr.aria-label]="'governance.council.sections' | t" (keydown)="onTabKey($event)">
        @for (tab of tabs(); track tab) {
          <button
            type="button"
            role="tab"
            [id]="'tab-' + tab"
            [attr.aria-selected]="active() === tab"
            [attr.aria-controls]="'panel-' + tab"
            [tabindex]="active() === tab ? 0 : -1"
            (click)="select(tab)"
          >
            {{ 'governance.council.tabs.' + tab | t }}
          </button>
        }
      </div>
      <div class="panel" role="tabpanel" [id]="'panel-' + active()" [attr.aria-labelledby]="'tab-' + active()" tabindex="0">
        @switch (active()) {
          @case ('seats') {
            <app-council-seats [council]="c" (changed)="reload()" />
          }
          @case ('composition') {
            <app-council-composition [council]="c" (changed)="reload()" />
          }
          @case ('meetings') {
            <app-council-meetings [councilId]="c.id" />
          }
          @case ('influence') {
            <app-council-influence [councilId]="c.id" />
          }
        }
      </div>
    }
  `,
  styles: `
    .tabs { display: flex; flex-wrap: wrap; gap: 0.25rem; border-bottom: 2px solid var(--ep-border); margin-top: 1rem; }
    .tabs [role='tab'] { border: 1px solid var(--ep-border); border-bottom: 0; border-radius: 6px 6px 0 0; color: var(--ep-text); }
    .tabs [role='tab'][aria-selected='true'] { background: var(--ep-primary); color: #fff; border-color: var(--ep-primary); font-weight: 600; }
    .panel { padding-top: 0.5rem; }
    .charter p { white-space: pre-wrap; }
  `,
})
export class CouncilPage {
  private readonly api = inject(Api);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly id = this.route.snapshot.paramMap.get('id') ?? '';
  private readonly config = inject(AppConfig);
  protected readonly canManage = this.config.can(Permission.GovernanceCouncilsManage);
  protected readonly council = new Loadable<CouncilDto>();
  protected readonly editing = signal(false);
  protected readonly active = signal<Tab>(this.initialTab());
  protected readonly tabs = computed<Tab[]>(() =>
    this.config.can(Permission.GovernanceDecisions) ? ['seats', 'composition', 'meetings', 'influence'] : ['seats', 'composition', 'meetings'],
  );

  constructor() {
    void this.reload();
  }

  protected reload() {
    return this.council.load(() => this.api.invoke(getCouncil, { id: this.id }));
  }

  private initialTab(): Tab {
    const requested = TABS.find((t) => t === this.route.snapshot.queryParamMap.get('tab'));
    return requested && (requested !== 'influence' || this.config.can(Permission.GovernanceDecisions)) ? requested : 'seats';
  }

  /** Shows a section and keeps it in the address (?tab=), so reloading or coming back opens the same section. */
  protected select(tab: Tab): void {
    this.active.set(tab);
    void this.router.navigate([], { relativeTo: this.route, queryParams: { tab }, replaceUrl: true });
  }

  protected closeDetails(): void {
    this.editing.set(false);
    focusSoon('council-title');
  }

  protected async detailsSaved(): Promise<void> {
    await this.reload();
    this.closeDetails();
  }

  /** Arrow keys, Home and End move between tabs (the WAI-ARIA tabs pattern, activating on focus). */
  protected onTabKey(event: KeyboardEvent): void {
    const tabs = this.tabs();
    const index = tabs.indexOf(this.active());
    let next = index;
    if (event.key === 'ArrowRight') {
      next = (index + 1) % tabs.length;
    } else if (event.key === 'ArrowLeft') {
      next = (index - 1 + tabs.length) % tabs.length;
    } else if (event.key === 'Home') {
      next = 0;
    } else if (event.key === 'End') {
      next = tabs.length - 1;
    } else {
      return;
    }
    event.preventDefault();
    this.select(tabs[next]);
    focusSoon('tab-' + tabs[next]);
  }
}
