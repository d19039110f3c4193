import { Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Api } from '../../api/api';
import { getMyInfluence } from '../../api/fn/governance/get-my-influence';
import { MyDecisionInfluenceDto } from '../../api/models/my-decision-influence-dto';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable } from '../../shared/async';
import { Empty, Loading, ProblemAlert } from '../../shared/state';
import { stateClass } from './common';

/** The decisions where the member's input was adopted or adapted, each with how it was used and a link to the decision. */
@Component({
  selector: 'app-my-influence',
  imports: [RouterLink, TranslatePipe, Loading, ProblemAlert, Empty],
  template: `
    <h1>{{ 'decisions.influence.title' | t }}</h1>
    <p>{{ 'decisions.influence.intro' | t }}</p>
    @if (influence.loading()) {
      <app-loading />
    }
    <app-problem [problem]="influence.problem()" />
    @if (influence.data()) {
      @if (influenced().length === 0) {
        <app-empty message="decisions.influence.empty">
          <a routerLink="/decisions">{{ 'decisions.influence.toDecisions' | t }}</a>
        </app-empty>
      } @else {
        <p role="status">{{ 'decisions.influence.count' | t: { count: influenced().length } }}</p>
        <ul class="list">
          @for (d of influenced(); track d.decisionId) {
            <li class="card">
              <h2><a [routerLink]="['/decisions', d.decisionId]">{{ d.title }}</a></h2>
              <p><span [class]="stateClass(d.state)">{{ 'decisions.state.' + d.state | t }}</span></p>
              @if (d.outcome) {
                <p><strong>{{ 'decisions.influence.outcome' | t }}</strong> {{ d.outcome }}</p>
              }
              <ul class="inputs">
                @for (i of used(d); track i.inputId) {
                  <li>
                    <blockquote>{{ i.text }}</blockquote>
                    <p>
                      <span class="badge ok">{{ 'decisions.use.' + i.use | t }}</span>
                      {{ i.explanation }}
                    </p>
                    <p class="hint">{{ 'decisions.influence.given' | t: { date: i18n.formatDate(i.createdAt, 'date', config.timeZone()) } }}</p>
                  </li>
                }
              </ul>
            </li>
          }
        </ul>
      }
    }
  `,
  styles: `
    .hint { color: var(--ep-muted); font-size: 0.9rem; }
    .list, .inputs { list-style: none; padding: 0; margin: 0; }
    h2 { font-size: 1.1rem; margin: 0 0 0.4rem; }
    p { margin: 0.3rem 0; }
    blockquote { margin: 0.5rem 0 0.25rem; padding-left: 0.75rem; border-left: 3px solid var(--ep-border); white-space: pre-wrap; overflow-wrap: anywhere; }
  `,
})
export class MyInfluence {
  private readonly api = inject(Api);
  protected readonly i18n = inject(I18n);
  protected readonly config = inject(AppConfig);
  protected readonly stateClass = stateClass;
  protected readonly influence = new Loadable<MyDecisionInfluenceDto[]>();
  protected readonly influenced = computed(() => (this.influence.data() ?? []).filter((d) => d.influenced));

  constructor() {
    // The page shows every decision the person took part in, newest first; the API pages at 20 by default.
    void this.influence.load(() => this.api.invoke(getMyInfluence, { MaxResultCount: 1000, Sorting: 'creationTime desc' }).then((page) => page.items));
  }

  protected used(d: MyDecisionInfluenceDto) {
    return d.inputs.filter((i) => i.use === 'Adopted' || i.use === 'Adapted');
  }
}
