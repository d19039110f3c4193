import { Component, OnInit, inject, input } from '@angular/core';
import { Api } from '../../api/api';
import { getCouncilInfluence } from '../../api/fn/governance/get-council-influence';
import { InfluenceDto } from '../../api/models/influence-dto';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable } from '../../shared/async';
import { Empty, Loading, ProblemAlert } from '../../shared/state';
import { num } from '../../shared/numbers';

/** The share of this council's decided decisions in which community input was adopted or adapted. */
@Component({
  selector: 'app-council-influence',
  imports: [TranslatePipe, Loading, Empty, ProblemAlert],
  template: `
    <h2>{{ 'governance.influence.title' | t }}</h2>
    <p>{{ 'governance.influence.intro' | t }}</p>
    @if (influence.loading()) {
      <app-loading />
    }
    <app-problem [problem]="influence.problem()" />
    @if (influence.data(); as i) {
      @if (num(i.decided) === 0) {
        <app-empty message="governance.influence.empty" />
      } @else {
        <div class="card">
          <p class="share">{{ i18n.formatPercent(num(i.share)) }}</p>
          <p>{{ 'governance.influence.detail' | t: { influenced: num(i.influenced), decided: num(i.decided) } }}</p>
          <div class="meter" aria-hidden="true"><span [style.width.%]="num(i.share) * 100"></span></div>
        </div>
      }
    }
  `,
  styles: `
    .share { font-size: 2rem; font-weight: 700; margin: 0; color: var(--ep-brand); }
    .meter { height: 0.8rem; background: var(--ep-bg); border: 1px solid var(--ep-border); border-radius: 4px; overflow: hidden; }
    .meter span { display: block; height: 100%; background: var(--ep-brand); }
  `,
})
export class CouncilInfluence implements OnInit {
  private readonly api = inject(Api);
  protected readonly i18n = inject(I18n);
  readonly councilId = input.required<string>();
  protected readonly influence = new Loadable<InfluenceDto>();
  protected readonly num = num;

  ngOnInit(): void {
    void this.influence.load(() => this.api.invoke(getCouncilInfluence, { id: this.councilId() }));
  }
}
