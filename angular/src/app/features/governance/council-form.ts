import { Component, OnInit, inject, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api } from '../../api/api';
import { createCouncil } from '../../api/fn/governance/create-council';
import { updateCouncil } from '../../api/fn/governance/update-council';
import { CouncilDto } from '../../api/models/council-dto';
import { TranslatePipe } from '../../core/i18n';
import { Submission } from '../../shared/async';
import { FieldErrors, ProblemAlert } from '../../shared/state';
import { focusSoon } from '../../shared/focus';
import { num } from '../../shared/numbers';
import { Creator } from '../../shared/created';

/** Creates a council, or edits one's name, description, charter and privacy threshold. Emits the council's id. */
@Component({
  selector: 'app-council-form',
  imports: [FormsModule, TranslatePipe, FieldErrors, ProblemAlert],
  template: `
    <form class="card" (ngSubmit)="save()" [attr.aria-labelledby]="'council-form-title'">
      <h2 id="council-form-title">{{ (council() ? 'governance.councilForm.editTitle' : 'governance.councilForm.createTitle') | t }}</h2>
      <div class="field">
        <label for="council-name">{{ 'governance.councilForm.name' | t }}</label>
        <input id="council-name" name="name" [(ngModel)]="name" required maxlength="200" aria-describedby="council-name-errors" />
        <app-field-errors [problem]="saving.problem()" field="name" id="council-name-errors" />
      </div>
      <div class="field">
        <label for="council-description">{{ 'governance.councilForm.description' | t }}</label>
        <textarea id="council-description" name="description" [(ngModel)]="description" maxlength="4000" aria-describedby="council-description-errors"></textarea>
        <app-field-errors [problem]="saving.problem()" field="description" id="council-description-errors" />
      </div>
      <div class="field">
        <label for="council-charter">{{ 'governance.councilForm.charter' | t }}</label>
        <span class="hint" id="council-charter-hint">{{ 'governance.councilForm.charterHint' | t }}</span>
        <textarea id="council-charter" name="charter" [(ngModel)]="charter" aria-describedby="council-charter-hint council-charter-errors"></textarea>
        <app-field-errors [problem]="saving.problem()" field="charter" id="council-charter-errors" />
      </div>
      <div class="field">
        <label for="council-cell">{{ 'governance.councilForm.minimumCellSize' | t }}</label>
        <span class="hint" id="council-cell-hint">{{ 'governance.councilForm.minimumCellSizeHint' | t }}</span>
        <input id="council-cell" name="minimumCellSize" type="number" min="2" max="100" [(ngModel)]="minimumCellSize" aria-describedby="council-cell-hint council-cell-errors" />
        <app-field-errors [problem]="saving.problem()" field="minimumCellSize" id="council-cell-errors" />
      </div>
      <label class="checkbox">
        <input type="checkbox" name="requireCompliance" [(ngModel)]="requireComplianceToVote" />
        {{ 'governance.councilForm.requireCompliance' | t }}
      </label>
      <app-problem [problem]="saving.problem()" />
      <div class="actions">
        <button type="submit" class="primary" [disabled]="saving.busy()">{{ 'governance.save' | t }}</button>
        <button type="button" (click)="cancelled.emit()">{{ 'governance.cancel' | t }}</button>
      </div>
    </form>
  `,
})
export class CouncilForm implements OnInit {
  private readonly api = inject(Api);
  private readonly creator = inject(Creator);
  readonly council = input<CouncilDto | null>(null);
  readonly saved = output<string>();
  readonly cancelled = output<void>();
  protected readonly saving = new Submission();
  protected name = '';
  protected description = '';
  protected charter = '';
  protected minimumCellSize: number | null = 5;
  protected requireComplianceToVote = false;

  ngOnInit(): void {
    const c = this.council();
    if (c) {
      this.name = c.name;
      this.description = c.description ?? '';
      this.charter = c.charter ?? '';
      this.minimumCellSize = num(c.minimumCellSize);
      this.requireComplianceToVote = c.requireComplianceToVote;
    }
    focusSoon('council-name');
  }

  protected async save(): Promise<void> {
    const body = {
      name: this.name,
      description: this.description,
      charter: this.charter,
      minimumCellSize: this.minimumCellSize,
      requireComplianceToVote: this.requireComplianceToVote,
    };
    const existing = this.council();
    const id = await this.saving.run(async () =>
      existing
        ? (await this.api.invoke(updateCouncil, { id: existing.id, body })).id
        : await this.creator.create(createCouncil, { body }),
    );
    if (id !== undefined) {
      this.saved.emit(id);
    }
  }
}
