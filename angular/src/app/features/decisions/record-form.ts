import { Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api } from '../../api/api';
import { recordDecision } from '../../api/fn/governance/record-decision';
import { DecisionDto } from '../../api/models/decision-dto';
import { InputDto } from '../../api/models/input-dto';
import { InputUse } from '../../api/models/input-use';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Submission } from '../../shared/async';
import { FieldErrors, ProblemAlert } from '../../shared/state';

interface Answer {
  use: InputUse | '';
  explanation: string;
}

/** The decision record: the outcome, why, and for every piece of input how it was used. Submit waits for every answer. */
@Component({
  selector: 'app-record-form',
  imports: [FormsModule, TranslatePipe, ProblemAlert, FieldErrors],
  template: `
    <form class="card" (ngSubmit)="submit()" aria-labelledby="record-heading">
      <h2 id="record-heading">{{ 'decisions.record.title' | t }}</h2>
      <p class="hint">{{ 'decisions.record.intro' | t }}</p>
      <div class="field">
        <label for="r-outcome">{{ 'decisions.record.outcome' | t }}</label>
        <textarea id="r-outcome" name="outcome" [(ngModel)]="outcome" maxlength="4000" aria-describedby="r-outcome-errors"></textarea>
        <app-field-errors [problem]="saving.problem()" field="outcome" id="r-outcome-errors" />
      </div>
      <div class="field">
        <label for="r-rationale">{{ 'decisions.record.rationale' | t }}</label>
        <textarea id="r-rationale" name="rationale" [(ngModel)]="rationale" aria-describedby="r-rationale-errors"></textarea>
        <app-field-errors [problem]="saving.problem()" field="rationale" id="r-rationale-errors" />
      </div>
      @if (inputs().length > 0) {
        <h3>{{ 'decisions.record.inputsHeading' | t: { count: inputs().length } }}</h3>
        <ol class="answers">
          @for (item of inputs(); track item.id; let i = $index) {
            <li>
              <fieldset>
                <legend>{{ 'decisions.record.inputLegend' | t: { n: i + 1, author: item.authorName || ('decisions.inputs.anonymous' | t) } }}</legend>
                <blockquote>{{ item.text }}</blockquote>
                <div class="uses" role="radiogroup" [attr.aria-label]="'decisions.record.useLabel' | t: { n: i + 1 }">
                  @for (u of uses; track u) {
                    <label class="checkbox">
                      <input type="radio" [name]="'use-' + item.id" [value]="u" [(ngModel)]="answers()[item.id].use" (ngModelChange)="touch()" />
                      {{ 'decisions.use.' + u | t }}
                    </label>
                  }
                </div>
                <div class="field">
                  <label [for]="'r-explain-' + item.id">{{ 'decisions.record.explanation' | t: { n: i + 1 } }}</label>
                  <textarea [id]="'r-explain-' + item.id" [name]="'explain-' + item.id" [(ngModel)]="answers()[item.id].explanation" (ngModelChange)="touch()" maxlength="4000"></textarea>
                </div>
              </fieldset>
            </li>
          }
        </ol>
      }
      <app-field-errors [problem]="saving.problem()" field="inputUses" id="r-uses-errors" />
      @if (remaining() > 0) {
        <p class="hint" id="r-remaining">{{ 'decisions.record.remaining' | t: { count: remaining() } }}</p>
      }
      <app-problem [problem]="saving.problem()" />
      <div class="actions">
        <button type="submit" class="primary" [disabled]="saving.busy() || remaining() > 0" [attr.aria-describedby]="remaining() > 0 ? 'r-remaining' : null">
          {{ 'decisions.record.submit' | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .hint { color: var(--ep-muted); font-size: 0.9rem; }
    fieldset { border: 1px solid var(--ep-border); border-radius: 6px; padding: 0.75rem; margin: 0 0 0.75rem; min-width: 0; }
    legend { font-weight: 600; padding: 0 0.25rem; }
    blockquote { margin: 0.25rem 0 0.75rem; padding-left: 0.75rem; border-left: 3px solid var(--ep-border); white-space: pre-wrap; overflow-wrap: anywhere; }
    .answers { padding-left: 0; list-style: none; }
    .uses { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin-bottom: 0.5rem; }
    h3 { font-size: 1rem; }
  `,
})
export class RecordForm {
  private readonly api = inject(Api);
  protected readonly i18n = inject(I18n);
  protected readonly config = inject(AppConfig);
  readonly decision = input.required<DecisionDto>();
  readonly inputs = input.required<InputDto[]>();
  readonly recorded = output<DecisionDto>();
  /** Asks the page to confirm before the record goes out (it is final and emails everyone who gave input). */
  readonly confirm = input.required<(run: () => Promise<void>) => void>();

  protected readonly saving = new Submission();
  protected readonly uses: InputUse[] = ['Adopted', 'Adapted', 'NotAdopted'];
  protected outcome = '';
  protected rationale = '';
  private readonly version = signal(0);
  protected readonly answers = computed(() => {
    const map: Record<string, Answer> = {};
    for (const item of this.inputs()) {
      map[item.id] = { use: '', explanation: '' };
    }
    return map;
  });
  protected readonly remaining = computed(() => {
    this.version();
    const answers = this.answers();
    return this.inputs().filter((i) => !answers[i.id]?.use || !answers[i.id]?.explanation.trim()).length;
  });

  protected touch(): void {
    this.version.update((v) => v + 1);
  }

  protected submit(): void {
    if (this.remaining() > 0) {
      return;
    }
    this.confirm()(async () => {
      const answers = this.answers();
      const result = await this.saving.run(() =>
        this.api.invoke(recordDecision, {
          id: this.decision().id,
          body: {
            outcome: this.outcome.trim(),
            rationale: this.rationale.trim(),
            inputUses: this.inputs().map((i) => ({ inputId: i.id, use: answers[i.id].use as InputUse, explanation: answers[i.id].explanation.trim() })),
          },
        }),
      );
      if (result) {
        this.recorded.emit(result);
      }
    });
  }
}
