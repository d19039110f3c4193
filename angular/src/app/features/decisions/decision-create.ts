import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { Api } from '../../api/api';
import { createDecision } from '../../api/fn/governance/create-decision';
import { getCouncils } from '../../api/fn/governance/get-councils';
import { CouncilSummaryDto } from '../../api/models/council-summary-dto';
import { Threshold } from '../../api/models/threshold';
import { VotingMethod } from '../../api/models/voting-method';
import { AppConfig } from '../../core/app-config';
import { TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { Empty, FieldErrors, Loading, ProblemAlert } from '../../shared/state';
import { zonedToIso } from '../../shared/time';
import { Creator } from '../../shared/created';

interface OptionRow {
  key: number;
  title: string;
}

/** Staff set up a decision: its council, question, voting method and options, and the rules that decide it. */
@Component({
  selector: 'app-decision-create',
  imports: [FormsModule, RouterLink, TranslatePipe, Loading, ProblemAlert, FieldErrors, Empty],
  template: `
    <h1>{{ 'decisions.create.title' | t }}</h1>
    @if (councils.loading()) {
      <app-loading />
    }
    <app-problem [problem]="councils.problem()" />
    @if (councils.data(); as list) {
      @if (list.length === 0) {
        <app-empty message="decisions.create.noCouncils">
          <a routerLink="/governance/councils">{{ 'decisions.create.toCouncils' | t }}</a>
        </app-empty>
      } @else {
        <form class="card" (ngSubmit)="save()" novalidate>
          <div class="field">
            <label for="d-council">{{ 'decisions.create.council' | t }}</label>
            <select id="d-council" name="councilId" [(ngModel)]="councilId" required aria-describedby="d-council-errors">
              <option value="">{{ 'decisions.create.chooseCouncil' | t }}</option>
              @for (c of list; track c.id) {
                <option [value]="c.id">{{ c.name }}</option>
              }
            </select>
            <div id="d-council-errors">
              @if (councilMissing()) {
                <p class="field-error">{{ 'decisions.create.councilRequired' | t }}</p>
              }
              <app-field-errors [problem]="saving.problem()" field="councilId" />
            </div>
          </div>
          <div class="field">
            <label for="d-title">{{ 'decisions.create.titleField' | t }}</label>
            <input id="d-title" name="title" [(ngModel)]="title" required maxlength="300" aria-describedby="d-title-errors" />
            <app-field-errors [problem]="saving.problem()" field="title" id="d-title-errors" />
          </div>
          <div class="field">
            <label for="d-description">{{ 'decisions.create.description' | t }}</label>
            <textarea id="d-description" name="description" [(ngModel)]="description" aria-describedby="d-description-errors"></textarea>
            <app-field-errors [problem]="saving.problem()" field="description" id="d-description-errors" />
          </div>
          <fieldset class="field">
            <legend>{{ 'decisions.create.method' | t }}</legend>
            @for (m of methods; track m) {
              <label class="checkbox">
                <input type="radio" name="method" [value]="m" [(ngModel)]="method" (ngModelChange)="methodChanged()" />
                {{ 'decisions.method.' + m | t }}
              </label>
            }
            <span class="hint">{{ 'decisions.create.methodHint.' + method | t }}</span>
            <app-field-errors [problem]="saving.problem()" field="method" id="d-method-errors" />
          </fieldset>
          @if (method !== 'YesNo') {
            <fieldset class="field">
              <legend>{{ 'decisions.create.options' | t }}</legend>
              <ol class="options">
                @for (o of options(); track o.key; let i = $index) {
                  <li>
                    <label class="visually-hidden" [for]="'d-option-' + o.key">{{ 'decisions.create.optionLabel' | t: { n: i + 1 } }}</label>
                    <input [id]="'d-option-' + o.key" [name]="'option' + o.key" [(ngModel)]="o.title" maxlength="300" aria-describedby="d-options-errors" />
                    <button type="button" class="link-button" (click)="removeOption(i)" [disabled]="options().length <= 2">
                      {{ 'decisions.create.removeOption' | t: { n: i + 1 } }}
                    </button>
                  </li>
                }
              </ol>
              <div>
                <button type="button" (click)="addOption()">{{ 'decisions.create.addOption' | t }}</button>
              </div>
              <app-field-errors [problem]="saving.problem()" field="options" id="d-options-errors" />
            </fieldset>
          }
          <div class="field">
            <label for="d-quorum">{{ 'decisions.create.quorum' | t }}</label>
            <input id="d-quorum" name="quorum" type="number" min="0" max="100" step="1" [(ngModel)]="quorumPercent" aria-describedby="d-quorum-hint d-quorum-errors" />
            <span class="hint" id="d-quorum-hint">{{ 'decisions.create.quorumHint' | t }}</span>
            <app-field-errors [problem]="saving.problem()" field="quorum" id="d-quorum-errors" />
          </div>
          <div class="field">
            <label for="d-threshold">{{ 'decisions.create.threshold' | t }}</label>
            <select id="d-threshold" name="threshold" [(ngModel)]="threshold" aria-describedby="d-threshold-errors">
              @for (t of thresholds; track t) {
                <option [value]="t" [disabled]="method === 'RankedChoice' && t !== 'SimpleMajority'">{{ 'decisions.threshold.' + t | t }}</option>
              }
            </select>
            <app-field-errors [problem]="saving.problem()" field="threshold" id="d-threshold-errors" />
          </div>
          <label class="checkbox">
            <input type="checkbox" name="concurrentMajority" [(ngModel)]="concurrentMajority" aria-describedby="d-concurrent-hint" />
            {{ 'decisions.create.concurrentMajority' | t }}
          </label>
          <p class="hint" id="d-concurrent-hint">{{ 'decisions.create.concurrentMajorityHint' | t }}</p>
          <div class="field">
            <label for="d-community-quorum">{{ 'decisions.create.communityQuorum' | t }}</label>
            <input id="d-community-quorum" name="communityQuorum" type="number" min="1" step="1" [(ngModel)]="communityQuorum" aria-describedby="d-cq-hint d-cq-errors" />
            <span class="hint" id="d-cq-hint">{{ 'decisions.create.communityQuorumHint' | t }}</span>
            <app-field-errors [problem]="saving.problem()" field="communityQuorum" id="d-cq-errors" />
          </div>
          <label class="checkbox">
            <input type="checkbox" name="secretBallot" [(ngModel)]="secretBallot" aria-describedby="d-secret-hint" />
            {{ 'decisions.create.secretBallot' | t }}
          </label>
          <p class="hint" id="d-secret-hint">{{ 'decisions.create.secretBallotHint' | t }}</p>
          <div class="field">
            <label for="d-deadline">{{ 'decisions.create.deadline' | t }}</label>
            <input id="d-deadline" name="votingClosesAt" type="datetime-local" [(ngModel)]="deadline" aria-describedby="d-deadline-hint d-deadline-errors" />
            <span class="hint" id="d-deadline-hint">{{ 'decisions.create.deadlineHint' | t: { zone: config.timeZone() } }}</span>
            <app-field-errors [problem]="saving.problem()" field="votingClosesAt" id="d-deadline-errors" />
          </div>
          <label class="checkbox">
            <input type="checkbox" name="allowPublicInput" [(ngModel)]="allowPublicInput" aria-describedby="d-public-hint" />
            {{ 'decisions.create.allowPublicInput' | t }}
          </label>
          <p class="hint" id="d-public-hint">{{ 'decisions.create.allowPublicInputHint' | t }}</p>
          <app-problem [problem]="saving.problem()" />
          <div class="actions">
            <button type="submit" class="primary" [disabled]="saving.busy()">{{ 'decisions.create.submit' | t }}</button>
            <a class="button" routerLink="/decisions">{{ 'decisions.cancel' | t }}</a>
          </div>
        </form>
      }
    }
  `,
  styles: `
    .hint { color: var(--ep-muted); font-size: 0.9rem; }
    fieldset { border: 0; padding: 0; margin: 0 0 0.9rem; }
    legend { font-weight: 600; margin-bottom: 0.3rem; }
    .options { padding-left: 1.5rem; margin: 0 0 0.5rem; }
    .options li { margin-bottom: 0.4rem; }
    .options input { width: min(22rem, 100%); }
    p.hint { margin: 0 0 0.9rem 1.6rem; }
  `,
})
export class DecisionCreate {
  private readonly api = inject(Api);
  private readonly creator = inject(Creator);
  private readonly router = inject(Router);
  protected readonly config = inject(AppConfig);
  protected readonly councils = new Loadable<CouncilSummaryDto[]>();
  protected readonly saving = new Submission();
  protected readonly councilMissing = signal(false);
  protected readonly methods: VotingMethod[] = ['YesNo', 'Approval', 'RankedChoice'];
  protected readonly thresholds: Threshold[] = ['SimpleMajority', 'TwoThirds', 'Consensus'];
  protected readonly options = signal<OptionRow[]>([]);
  private nextKey = 0;

  protected councilId = '';
  protected title = '';
  protected description = '';
  protected method: VotingMethod = 'YesNo';
  protected quorumPercent: number | null = 50;
  protected threshold: Threshold = 'SimpleMajority';
  protected concurrentMajority = false;
  protected communityQuorum: number | null = null;
  protected secretBallot = false;
  protected deadline = '';
  protected allowPublicInput = false;

  constructor() {
    void this.councils.load(async () => (await this.api.invoke(getCouncils, { MaxResultCount: 1000 })).items);
  }

  protected methodChanged(): void {
    if (this.method !== 'YesNo' && this.options().length === 0) {
      this.options.set([this.row(), this.row()]);
    }
    if (this.method === 'RankedChoice') {
      this.threshold = 'SimpleMajority';
    }
  }

  protected addOption(): void {
    this.options.update((list) => [...list, this.row()]);
  }

  protected removeOption(index: number): void {
    this.options.update((list) => list.filter((_, i) => i !== index));
  }

  protected async save(): Promise<void> {
    this.councilMissing.set(!this.councilId);
    if (!this.councilId) {
      document.getElementById('d-council')?.focus();
      return;
    }
    const deadline = this.deadline ? zonedToIso(this.deadline, this.config.timeZone()) : null;
    const created = await this.saving.run(() =>
      this.creator.create(createDecision, {
        body: {
          councilId: this.councilId,
          title: this.title.trim(),
          description: this.description.trim() || null,
          method: this.method,
          options: this.method === 'YesNo' ? null : this.options().map((o) => o.title.trim()),
          quorum: (this.quorumPercent ?? 0) / 100,
          threshold: this.threshold,
          concurrentMajority: this.concurrentMajority,
          communityQuorum: this.communityQuorum || null,
          secretBallot: this.secretBallot,
          votingClosesAt: deadline || null,
          allowPublicInput: this.allowPublicInput,
        },
      }),
    );
    if (created === undefined) {
      return;
    }
    // 201 Created with { id }: open the new decision.
    const id = created;
    await this.router.navigate(id ? ['/decisions', id] : ['/decisions']);
  }

  private row(): OptionRow {
    return { key: this.nextKey++, title: '' };
  }
}
