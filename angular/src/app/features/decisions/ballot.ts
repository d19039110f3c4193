import { Component, ElementRef, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api } from '../../api/api';
import { castVote } from '../../api/fn/governance/cast-vote';
import { getMyVote } from '../../api/fn/governance/get-my-vote';
import { DecisionDto } from '../../api/models/decision-dto';
import { MyVoteDto } from '../../api/models/my-vote-dto';
import { OptionDto } from '../../api/models/option-dto';
import { VoteRequest } from '../../api/models/vote-request';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { FieldErrors, Loading, ProblemAlert } from '../../shared/state';
import { move } from './common';

/**
 * The voter's ballot, made for a phone: yes/no as large radio buttons, approval as checkboxes, ranked choice by
 * dragging, by a rank select per option, or with move up/down buttons (a live region says the new position).
 */
@Component({
  selector: 'app-ballot',
  imports: [FormsModule, TranslatePipe, Loading, ProblemAlert, FieldErrors],
  template: `
    <section class="card" aria-labelledby="ballot-heading">
      <h2 id="ballot-heading">{{ 'decisions.ballot.title' | t }}</h2>
      @if (myVote.loading()) {
        <app-loading />
      }
      <app-problem [problem]="myVote.problem()" />
      @if (myVote.data(); as mine) {
        @if (!mine.eligible) {
          <p>{{ 'decisions.ballot.notEligible' | t }}</p>
        } @else {
          @if (mine.hasVoted) {
            <p class="notice" role="status">{{ (mine.isVotingOpen ? 'decisions.ballot.recorded' : 'decisions.ballot.recordedClosed') | t }}</p>
          }
          @if (decision().secretBallot) {
            <p class="hint">{{ 'decisions.ballot.secret' | t }}</p>
          }
          @if (mine.isVotingOpen) {
            <form (ngSubmit)="submit()">
              @switch (decision().method) {
                @case ('YesNo') {
                  <fieldset aria-describedby="ballot-errors">
                    <legend>{{ 'decisions.ballot.yesNoLegend' | t }}</legend>
                    @for (c of yesNo; track c) {
                      <label class="choice">
                        <input type="radio" name="choice" [value]="c" [(ngModel)]="choice" />
                        <span>{{ 'decisions.choice.' + c | t }}</span>
                      </label>
                    }
                  </fieldset>
                }
                @case ('Approval') {
                  <fieldset aria-describedby="ballot-approval-hint ballot-errors">
                    <legend>{{ 'decisions.ballot.approvalLegend' | t }}</legend>
                    <p class="hint" id="ballot-approval-hint">{{ 'decisions.ballot.approvalHint' | t }}</p>
                    @for (o of decision().options; track o.id) {
                      <label class="choice">
                        <input type="checkbox" [name]="'approve-' + o.id" [ngModel]="approved().has(o.id)" (ngModelChange)="toggle(o.id, $event)" />
                        <span>{{ o.title }}</span>
                      </label>
                    }
                  </fieldset>
                }
                @default {
                  <fieldset aria-describedby="ballot-rank-hint ballot-errors">
                    <legend>{{ 'decisions.ballot.rankLegend' | t }}</legend>
                    <p class="hint" id="ballot-rank-hint">{{ 'decisions.ballot.rankHint' | t }}</p>
                    <ol class="ranking" (pointermove)="dragMove($event)" (pointerup)="dragEnd()" (pointercancel)="dragEnd()">
                      @for (o of ranked(); track o.id; let i = $index; let first = $first; let last = $last) {
                        <li class="rank-row" [attr.data-index]="i" [class.dragging]="dragged() === i">
                          <span class="grip" aria-hidden="true" [attr.data-grip]="o.title" (pointerdown)="dragStart(i, $event)">⋮⋮</span>
                          <span class="rank-title">{{ o.title }}</span>
                          <span class="rank-controls">
                            <label class="visually-hidden" [for]="'rank-' + o.id">{{ 'decisions.ballot.rankOf' | t: { option: o.title } }}</label>
                            <select [id]="'rank-' + o.id" [name]="'rank-' + o.id" [ngModel]="i + 1" (ngModelChange)="setRank(i, $event)">
                              @for (n of positions(); track n) {
                                <option [ngValue]="n">{{ n }}</option>
                              }
                            </select>
                            <button type="button" [id]="'up-' + o.id" [disabled]="first" (click)="step(i, -1)" [attr.aria-label]="'decisions.ballot.moveUp' | t: { option: o.title }">↑</button>
                            <button type="button" [id]="'down-' + o.id" [disabled]="last" (click)="step(i, 1)" [attr.aria-label]="'decisions.ballot.moveDown' | t: { option: o.title }">↓</button>
                          </span>
                        </li>
                      }
                    </ol>
                    <p class="visually-hidden" role="status" aria-live="polite">{{ announcement() }}</p>
                  </fieldset>
                }
              }
              <div id="ballot-errors">
                <app-field-errors [problem]="voting.problem()" field="choice" />
                <app-field-errors [problem]="voting.problem()" field="choices" />
                <app-field-errors [problem]="voting.problem()" field="ranking" />
              </div>
              <app-problem [problem]="voting.problem()" />
              <div class="actions">
                <button type="submit" class="primary big" [disabled]="voting.busy() || !ready()">
                  {{ (mine.hasVoted ? 'decisions.ballot.change' : 'decisions.ballot.cast') | t }}
                </button>
              </div>
            </form>
          } @else if (!mine.hasVoted) {
            <p>{{ 'decisions.ballot.closed' | t }}</p>
          }
        }
      }
    </section>
  `,
  styles: `
    .hint { color: var(--ep-muted); font-size: 0.9rem; }
    fieldset { border: 0; padding: 0; margin: 0; }
    legend { font-weight: 600; margin-bottom: 0.5rem; }
    .choice { display: flex; align-items: center; gap: 0.75rem; padding: 0.85rem 1rem; margin-bottom: 0.5rem;
      border: 2px solid var(--ep-border); border-radius: 8px; font-size: 1.1rem; cursor: pointer; background: #fff; }
    .choice:has(input:checked) { border-color: var(--ep-primary); background: var(--ep-brand-light); }
    .choice input { width: 1.5rem; height: 1.5rem; margin: 0; flex: none; }
    .ranking { list-style: none; padding: 0; margin: 0; }
    .rank-row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; padding: 0.6rem; margin-bottom: 0.5rem;
      border: 2px solid var(--ep-border); border-radius: 8px; background: #fff; }
    .rank-row.dragging { border-style: dashed; border-color: var(--ep-primary); }
    .grip { cursor: grab; color: var(--ep-muted); touch-action: none; user-select: none; padding: 0.5rem; font-size: 1.2rem; }
    .rank-title { flex: 1 1 8rem; font-weight: 600; }
    .rank-controls { display: flex; gap: 0.35rem; }
    .rank-controls button { min-width: 2.75rem; justify-content: center; }
    .big { min-height: 3rem; padding: 0.6rem 1.5rem; font-size: 1.05rem; }
  `,
})
export class Ballot {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly host = inject(ElementRef<HTMLElement>);
  readonly decision = input.required<DecisionDto>();

  protected readonly myVote = new Loadable<MyVoteDto>();
  protected readonly voting = new Submission();
  protected readonly yesNo = ['Yes', 'No', 'Abstain'];
  protected choice = '';
  protected readonly approved = signal(new Set<string>());
  protected readonly ranked = signal<OptionDto[]>([]);
  protected readonly dragged = signal<number | null>(null);
  protected readonly announcement = signal('');
  protected readonly positions = computed(() => this.ranked().map((_, i) => i + 1));

  constructor() {
    effect(() => {
      const decision = this.decision();
      void this.myVote.load(() => this.api.invoke(getMyVote, { id: decision.id })).then((mine) => this.prefill(decision, mine));
    });
  }

  protected ready(): boolean {
    return this.decision().method !== 'YesNo' || !!this.choice;
  }

  protected toggle(id: string, on: boolean): void {
    this.approved.update((set) => {
      const next = new Set(set);
      if (on) {
        next.add(id);
      } else {
        next.delete(id);
      }
      return next;
    });
  }

  protected step(index: number, delta: number): void {
    const option = this.ranked()[index];
    this.reorder(index, index + delta);
    const to = index + delta;
    const sameStillWorks = delta < 0 ? to > 0 : to < this.ranked().length - 1;
    const focusId = (delta < 0) === sameStillWorks ? 'up-' : 'down-';
    setTimeout(() => (this.host.nativeElement.querySelector(`#${CSS.escape(focusId + option.id)}`) as HTMLElement | null)?.focus());
  }

  protected setRank(index: number, rank: number): void {
    this.reorder(index, Number(rank) - 1);
  }

  /** Dragging by the grip, with a mouse, a pen or a finger: the row under the pointer takes the dragged option's place. */
  protected dragStart(index: number, event: PointerEvent): void {
    event.preventDefault();
    this.dragged.set(index);
  }

  protected dragMove(event: PointerEvent): void {
    const from = this.dragged();
    if (from === null) {
      return;
    }
    const row = document.elementFromPoint(event.clientX, event.clientY)?.closest('li[data-index]');
    const to = row ? Number(row.getAttribute('data-index')) : NaN;
    if (!Number.isNaN(to) && to !== from) {
      this.reorder(from, to);
      this.dragged.set(to);
    }
  }

  protected dragEnd(): void {
    this.dragged.set(null);
  }

  protected async submit(): Promise<void> {
    const decision = this.decision();
    const body: VoteRequest =
      decision.method === 'YesNo'
        ? { choice: this.choice, choices: null, ranking: null }
        : decision.method === 'Approval'
          ? { choice: null, choices: decision.options.filter((o) => this.approved().has(o.id)).map((o) => o.id), ranking: null }
          : { choice: null, choices: null, ranking: this.ranked().map((o) => o.id) };
    const result = await this.voting.run(() => this.api.invoke(castVote, { id: decision.id, body }));
    if (result) {
      this.myVote.data.set(result);
    }
  }

  private reorder(from: number, to: number): void {
    const list = this.ranked();
    if (from === to || to < 0 || to >= list.length) {
      return;
    }
    const option = list[from];
    this.ranked.set(move(list, from, to));
    this.announcement.set(this.i18n.t('decisions.ballot.moved', { option: option.title, position: to + 1, count: list.length }));
  }

  private prefill(decision: DecisionDto, mine: MyVoteDto | undefined): void {
    this.choice = mine?.choice ?? '';
    const chosen = mine?.options ?? [];
    const byTitle = (title: string) => decision.options.find((o) => o.title === title);
    this.approved.set(new Set(chosen.map((t) => byTitle(t)?.id).filter((id): id is string => !!id)));
    const first = chosen.map(byTitle).filter((o): o is OptionDto => !!o);
    this.ranked.set([...first, ...decision.options.filter((o) => !first.includes(o))]);
  }
}
