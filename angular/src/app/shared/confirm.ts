import { Component, input, output, signal } from '@angular/core';
import { TranslatePipe } from '../core/i18n';
import { Submission } from './async';
import { focusSoon } from './focus';
import { ProblemAlert } from './state';

/**
 * The delete flow of a list: which row is being asked about, asking (focus moves to the confirm button), cancelling,
 * and running the delete through the page's action submission (busy, refusal).
 */
export class Deletion<T> {
  readonly target = signal<T | null>(null);

  /** key: the confirm button's id is "<key>-delete-confirm". */
  constructor(
    readonly key: string,
    readonly acting: Submission,
  ) {}

  ask(row: T): void {
    this.acting.reset();
    this.target.set(row);
    focusSoon(`${this.key}-delete-confirm`);
  }

  cancel(): void {
    this.target.set(null);
  }

  /** Runs the delete; true when it went through (the question closes), false when refused (the refusal shows). */
  async confirm(remove: () => Promise<unknown>): Promise<boolean> {
    const done = await this.acting.run(async () => {
      await remove();
      return true;
    });
    if (done) {
      this.target.set(null);
    }
    return done === true;
  }
}

/**
 * Asks before an irreversible action (a delete): a titled group with the warning, the refusal if any, and the
 * confirm and cancel buttons. Texts come translated; the confirm button's id is "<key>-delete-confirm" so focus can
 * move to it when the question opens.
 */
@Component({
  selector: 'app-confirm-delete',
  imports: [ProblemAlert, TranslatePipe],
  template: `
    <div class="card" role="group" [attr.aria-labelledby]="deletion().key + '-delete-title'">
      <h2 [id]="deletion().key + '-delete-title'">{{ title() }}</h2>
      <p>{{ warning() }}</p>
      <app-problem [problem]="deletion().acting.problem()" />
      <div class="actions">
        <button type="button" class="danger" [id]="deletion().key + '-delete-confirm'" [disabled]="deletion().acting.busy()" (click)="confirmed.emit()">
          {{ confirmLabel() }}
        </button>
        <button type="button" (click)="deletion().cancel()">{{ 'shell.cancel' | t }}</button>
      </div>
    </div>
  `,
})
export class ConfirmDelete {
  readonly deletion = input.required<Deletion<unknown>>();
  readonly title = input.required<string>();
  readonly warning = input.required<string>();
  readonly confirmLabel = input.required<string>();
  readonly confirmed = output();
}
