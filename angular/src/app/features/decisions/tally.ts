import { Component, computed, effect, inject, input } from '@angular/core';
import { Api } from '../../api/api';
import { getTally } from '../../api/fn/governance/get-tally';
import { DecisionDto } from '../../api/models/decision-dto';
import { Tally } from '../../api/models/tally';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable } from '../../shared/async';
import { Loading, ProblemAlert } from '../../shared/state';
import { num } from '../../shared/numbers';

/** The frozen result once voting has closed: turnout, quorum, the result, the counts and ranked-choice rounds. */
@Component({
  selector: 'app-tally',
  imports: [TranslatePipe, Loading, ProblemAlert],
  template: `
    <section class="card" aria-labelledby="tally-heading">
      <h2 id="tally-heading">{{ 'decisions.tally.title' | t }}</h2>
      @if (tally.loading()) {
        <app-loading />
      }
      <app-problem [problem]="tally.problem()" />
      @if (tally.data(); as t) {
        <dl class="facts">
          <div><dt>{{ 'decisions.tally.eligible' | t }}</dt><dd>{{ i18n.formatNumber(num(t.eligible)) }}</dd></div>
          <div><dt>{{ 'decisions.tally.cast' | t }}</dt><dd>{{ i18n.formatNumber(num(t.cast)) }}</dd></div>
          <div><dt>{{ 'decisions.tally.abstained' | t }}</dt><dd>{{ i18n.formatNumber(num(t.abstained)) }}</dd></div>
          <div>
            <dt>{{ 'decisions.tally.quorum' | t }}</dt>
            <dd><span [class]="t.quorumReached ? 'badge ok' : 'badge bad'">{{ (t.quorumReached ? 'decisions.tally.reached' : 'decisions.tally.notReached') | t }}</span></dd>
          </div>
          <div>
            <dt>{{ 'decisions.tally.result' | t }}</dt>
            <dd>
              @if (decision().method === 'YesNo') {
                <span [class]="t.passed ? 'badge ok' : 'badge bad'">{{ (t.passed ? 'decisions.tally.passed' : 'decisions.tally.failed') | t }}</span>
              } @else if (t.winner && t.passed) {
                <span class="badge ok">{{ 'decisions.tally.winner' | t: { option: t.winner } }}</span>
              } @else {
                <span class="badge bad">{{ 'decisions.tally.noWinner' | t }}</span>
              }
            </dd>
          </div>
        </dl>
        @if (decision().concurrentMajority || decision().communityQuorum) {
          <h3>{{ 'decisions.tally.community' | t }}</h3>
          <p>
            {{ 'decisions.tally.communityTurnout' | t: { cast: num(t.community.cast), eligible: num(t.community.eligible) } }} ·
            {{ (t.community.quorumReached ? 'decisions.tally.communityQuorumReached' : 'decisions.tally.communityQuorumNotReached') | t }}
            @if (t.community.passed !== null) {
              · {{ (t.community.passed ? 'decisions.tally.communityAgreed' : 'decisions.tally.communityDisagreed') | t }}
            }
          </p>
        }
        <h3>{{ 'decisions.tally.counts' | t }}</h3>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{{ 'decisions.tally.option' | t }}</th>
                <th scope="col">{{ 'decisions.tally.votes' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of counts(); track row.key) {
                <tr>
                  <th scope="row">{{ label(row.key) }}</th>
                  <td>{{ i18n.formatNumber(row.value) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        @for (round of t.rounds; track round.round) {
          <h3>{{ 'decisions.tally.round' | t: { n: num(round.round) } }}</h3>
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{{ 'decisions.tally.round' | t: { n: num(round.round) } }}</caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'decisions.tally.option' | t }}</th>
                  <th scope="col">{{ 'decisions.tally.votes' | t }}</th>
                </tr>
              </thead>
              <tbody>
                @for (row of entries(round.counts); track row.key) {
                  <tr>
                    <th scope="row">
                      {{ row.key }}
                      @if (row.key === round.eliminated) {
                        <span class="badge bad">{{ 'decisions.tally.eliminated' | t }}</span>
                      }
                    </th>
                    <td>{{ i18n.formatNumber(row.value) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          <p class="hint">
            @if (round.eliminated) {
              {{ 'decisions.tally.eliminatedNote' | t: { option: round.eliminated } }}
            }
            {{ 'decisions.tally.exhausted' | t: { count: num(round.exhausted) } }}
          </p>
        }
      }
    </section>
  `,
  styles: `
    .hint { color: var(--ep-muted); font-size: 0.9rem; }
    .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: 0.75rem; margin: 0 0 1rem; }
    .facts dt { color: var(--ep-muted); font-size: 0.9rem; }
    .facts dd { margin: 0; font-size: 1.15rem; font-weight: 600; }
    h3 { font-size: 1rem; margin: 1rem 0 0.4rem; }
  `,
})
export class TallyView {
  private readonly api = inject(Api);
  protected readonly i18n = inject(I18n);
  readonly decision = input.required<DecisionDto>();
  protected readonly tally = new Loadable<Tally>();
  protected readonly num = num;
  protected readonly counts = computed(() => this.entries(this.tally.data()?.counts ?? {}));

  constructor() {
    effect(() => {
      const id = this.decision().id;
      void this.tally.load(() => this.api.invoke(getTally, { id }));
    });
  }

  protected entries(counts: Record<string, number | string>): { key: string; value: number }[] {
    return Object.entries(counts).map(([key, value]) => ({ key, value: num(value) }));
  }

  protected label(key: string): string {
    return this.decision().method === 'YesNo' ? this.i18n.t('decisions.choice.' + key) : key;
  }
}
