import { Component, computed, effect, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Api } from '../api/api';
import { getMyWork } from '../api/fn/governance/get-my-work';
import { MyWorkDto } from '../api/models/my-work-dto';
import { WaitingDecisionDto } from '../api/models/waiting-decision-dto';
import { AppConfig } from '../core/app-config';
import { Auth } from '../core/auth';
import { I18n, TranslatePipe } from '../core/i18n';
import { Loadable } from '../shared/async';
import { Empty, Loading, ProblemAlert } from '../shared/state';
import { NAVIGATION } from './nav';
import { Permission } from '../shared/permissions';

/**
 * The start page. Signed out: what the product is. Signed in to a partnership: what waits for this person (decisions
 * open for their input or vote, their next meetings and the supports they asked for, what came of their input) and,
 * for staff, what needs them; then every page they can use.
 */
@Component({
  selector: 'app-home',
  imports: [RouterLink, TranslatePipe, Loading, ProblemAlert, Empty],
  template: `
    @if (auth.isSignedIn()) {
      <h1>{{ 'shell.home.welcome' | t: { name: config.user()?.name || config.user()?.userName } }}</h1>
      @if (!showWork()) {
        <p>{{ 'shell.home.intro' | t }}</p>
      } @else {
        <p>{{ 'shell.home.workIntro' | t }}</p>
        @if (work.loading()) {
          <app-loading />
        }
        <app-problem [problem]="work.problem()" />
        @if (work.data(); as w) {
          @if (w.staff; as staff) {
            <section class="work" aria-labelledby="home-staff">
              <h2 id="home-staff">{{ 'shell.home.staff.title' | t }}</h2>
              @if (!(staff.overdueDecisions?.length || staff.nonCompliantCouncils?.length)) {
                <app-empty message="shell.home.staff.empty" />
              }
              <ul class="items">
                @for (d of staff.overdueDecisions ?? []; track d.decisionId) {
                  <li class="card">
                    <a class="title" [routerLink]="['/decisions', d.decisionId]">{{ d.title }}</a>
                    <p class="meta">{{ d.councilName }}</p>
                    <p>
                      <span class="badge bad">{{ 'shell.home.staff.overdue' | t }}</span>
                      {{ 'shell.home.staff.overdueDue' | t: { date: date(d.closeTheLoopDueAt, 'date') } }}
                    </p>
                  </li>
                }
                @for (c of staff.nonCompliantCouncils ?? []; track c.councilId) {
                  <li class="card">
                    <a class="title" [routerLink]="['/governance/councils', c.councilId]">{{ c.name }}</a>
                    <p>
                      <span class="badge bad">{{ 'shell.home.staff.notCompliant' | t }}</span>
                      {{ 'shell.home.staff.shortfall' | t: { rules: c.rulesBroken, seats: c.shortfall } }}
                    </p>
                  </li>
                }
              </ul>
            </section>
          }

          <section class="work" aria-labelledby="home-decisions">
            <h2 id="home-decisions">{{ 'shell.home.decisions.title' | t }}</h2>
            @if (w.decisions.length === 0) {
              <app-empty message="shell.home.decisions.empty">
                @if (config.can(Permission.GovernanceDecisions)) {
                  <a routerLink="/decisions">{{ 'shell.home.decisions.browse' | t }}</a>
                }
              </app-empty>
            } @else {
              <ul class="items">
                @for (d of w.decisions; track d.decisionId) {
                  <li class="card">
                    <a class="title" [routerLink]="['/decisions', d.decisionId]">{{ d.title }}</a>
                    <p class="meta">{{ d.councilName }}</p>
                    <p>
                      <span class="badge" [class.ok]="done(d)">{{ 'shell.home.decisions.' + action(d) | t }}</span>
                      {{ detail(d) }}
                    </p>
                  </li>
                }
              </ul>
            }
          </section>

          <section class="work" aria-labelledby="home-meetings">
            <h2 id="home-meetings">{{ 'shell.home.meetings.title' | t }}</h2>
            @if (w.meetings.length === 0) {
              <app-empty message="shell.home.meetings.empty">
                @if (config.can(Permission.GovernanceCouncils)) {
                  <a routerLink="/governance/councils">{{ 'shell.home.meetings.councils' | t }}</a>
                }
              </app-empty>
            } @else {
              <ul class="items">
                @for (m of w.meetings; track m.meetingId) {
                  <li class="card">
                    <a class="title" [routerLink]="['/governance/councils', m.councilId, 'meetings', m.meetingId]">{{ m.title }}</a>
                    <p class="meta">{{ m.councilName }}</p>
                    <p>
                      <time [attr.datetime]="m.startsAt">{{ date(m.startsAt) }}</time>
                      @if (m.location) {
                        · {{ m.location }}
                      }
                    </p>
                    @if (m.mySupports.length) {
                      <p>{{ 'shell.home.meetings.yourSupports' | t }}</p>
                      <ul class="supports">
                        @for (s of m.mySupports; track $index) {
                          <li>
                            {{ 'governance.supports.kinds.' + s.kind | t }}{{ s.language ? ' (' + s.language + ')' : '' }}:
                            <span class="badge" [class.ok]="s.status === 'Provided'" [class.bad]="s.status === 'Declined'">{{
                              'governance.supports.statuses.' + s.status | t
                            }}</span>
                          </li>
                        }
                      </ul>
                    } @else {
                      <p class="hint">{{ 'shell.home.meetings.askSupport' | t }}</p>
                    }
                  </li>
                }
              </ul>
            }
          </section>

          <section class="work" aria-labelledby="home-outcomes">
            <h2 id="home-outcomes">{{ 'shell.home.outcomes.title' | t }}</h2>
            @if (w.outcomes.length === 0) {
              <app-empty message="shell.home.outcomes.empty" />
            } @else {
              <ul class="items">
                @for (o of w.outcomes; track o.decisionId) {
                  <li class="card">
                    <a class="title" [routerLink]="['/decisions', o.decisionId]">{{ o.title }}</a>
                    <p class="meta">{{ 'shell.home.outcomes.recorded' | t: { council: o.councilName, date: date(o.recordedAt, 'date') } }}</p>
                    @if (o.outcome) {
                      <p><strong>{{ 'shell.home.outcomes.outcome' | t }}</strong> {{ o.outcome }}</p>
                    }
                    <ul class="inputs">
                      @for (i of o.inputs; track i.inputId) {
                        <li>
                          <blockquote>{{ i.text }}</blockquote>
                          @if (i.use) {
                            <p>
                              <span class="badge" [class.ok]="i.use !== 'NotAdopted'">{{ 'decisions.use.' + i.use | t }}</span>
                              {{ i.explanation }}
                            </p>
                          }
                        </li>
                      }
                    </ul>
                  </li>
                }
              </ul>
              @if (config.can(Permission.GovernanceDecisionsParticipate)) {
                <p><a routerLink="/decisions/my-influence">{{ 'shell.home.outcomes.all' | t }}</a></p>
              }
            }
          </section>
        }
      }

      <h2>{{ 'shell.home.pages' | t }}</h2>
      <ul class="home-links">
        @for (item of links(); track item.route) {
          <li>
            @if (item.external) {
              <a class="card" [href]="item.route">{{ item.label | t }}</a>
            } @else {
              <a class="card" [routerLink]="item.route">{{ item.label | t }}</a>
            }
          </li>
        }
      </ul>
    } @else {
      <h1>{{ 'shell.home.title' | t }}</h1>
      <p>{{ 'shell.home.pitch' | t }}</p>
      <button type="button" class="primary" (click)="signIn()">{{ 'shell.signIn' | t }}</button>
    }
  `,
  styles: `
    .work { margin-bottom: 1.5rem; }
    .items, .inputs, .supports { list-style: none; padding: 0; margin: 0; }
    .items > li { margin-bottom: 0.75rem; }
    .supports li { margin: 0.2rem 0; }
    .title { font-weight: 600; font-size: 1.05rem; }
    .meta, .hint { color: var(--ep-muted); font-size: 0.9rem; }
    p { margin: 0.3rem 0; }
    blockquote { margin: 0.5rem 0 0.25rem; padding-left: 0.75rem; border-left: 3px solid var(--ep-border); white-space: pre-wrap; overflow-wrap: anywhere; }
    .home-links { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(min(14rem, 100%), 1fr)); gap: 0.75rem; }
    .home-links a { display: block; font-weight: 600; text-decoration: none; margin: 0; }
  `,
})
export class Home {
  protected readonly auth = inject(Auth);
  protected readonly config = inject(AppConfig);
  protected readonly Permission = Permission;
  private readonly i18n = inject(I18n);
  private readonly api = inject(Api);
  protected readonly work = new Loadable<MyWorkDto>();

  /** Only a partnership has councils and decisions; the platform operator's home is the list of pages. */
  protected readonly showWork = computed(() => this.auth.isSignedIn() && !!this.config.tenant() && !!this.config.user()?.isAuthenticated);

  protected readonly links = computed(() => {
    const isHost = this.config.isHost();
    return NAVIGATION.flatMap((s) => s.items).filter(
      (i) => this.config.can(i.permission) && this.config.hasFeature(i.feature) && (i.side === undefined || (i.side === 'host') === isHost),
    );
  });

  constructor() {
    let loadedFor: string | null = null;
    effect(() => {
      const user = this.showWork() ? (this.config.user()?.id ?? null) : null;
      if (user && user !== loadedFor) {
        loadedFor = user;
        void this.work.load(() => this.api.invoke(getMyWork));
      }
    });
  }

  protected signIn(): void {
    void this.auth.signIn('/');
  }

  /** A date (and time) in the partnership's time zone, in the page's language. */
  protected date(value: string | null | undefined, style: 'date' | 'dateTime' = 'dateTime'): string {
    return this.i18n.formatDate(value, style, this.config.timeZone());
  }

  protected action(d: WaitingDecisionDto): string {
    if (d.state === 'Voting') {
      return d.hasVoted ? 'voted' : 'vote';
    }
    return Number(d.myInputs) > 0 ? 'inputGiven' : 'giveInput';
  }

  protected done(d: WaitingDecisionDto): boolean {
    return d.state === 'Voting' ? d.hasVoted : Number(d.myInputs) > 0;
  }

  protected detail(d: WaitingDecisionDto): string {
    if (d.state === 'Voting') {
      if (!d.votingClosesAt) {
        return this.i18n.t(d.hasVoted ? 'shell.home.decisions.changeVote' : 'shell.home.decisions.voteOpen');
      }
      const date = this.date(d.votingClosesAt);
      return this.i18n.t(d.hasVoted ? 'shell.home.decisions.changeVoteUntil' : 'shell.home.decisions.voteBy', { date });
    }
    return Number(d.myInputs) > 0
      ? this.i18n.t('shell.home.decisions.inputCount', { count: d.myInputs })
      : this.i18n.t('shell.home.decisions.inputOpen');
  }
}
