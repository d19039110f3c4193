import { computed, signal } from '@angular/core';
import { Submission } from './async';
import { Deletion } from './confirm';
import { ListSource } from './list';

/**
 * What a list page does to its rows: an action runs busy (buttons disable) and, when it goes through, says what it
 * did in the list's status region and reloads the list; a refusal shows above the list. Deleting asks first
 * (`deletion`). `<app-list-page [actions]="rows">` shows the message and the refusal.
 */
export class RowActions<T> {
  readonly acting = new Submission();
  readonly message = signal('');
  readonly deletion: Deletion<T>;
  /** The last action's refusal, unless the delete question is open (it shows the refusal itself). */
  readonly problem = computed(() => (this.deletion.target() ? null : this.acting.problem()));

  /** key: the prefix of the delete question's ids ("<key>-delete-confirm"). */
  constructor(
    key: string,
    private readonly list: ListSource<T>,
  ) {
    this.deletion = new Deletion<T>(key, this.acting);
  }

  say(message: string): void {
    this.message.set(message);
  }

  /** Runs an action on a row; when it goes through, says `notice` and reloads the list. */
  async run(action: () => Promise<unknown>, notice: () => string): Promise<boolean> {
    const done = await this.acting.run(async () => {
      await action();
      return true;
    });
    if (done) {
      this.message.set(notice());
      await this.list.reload();
    }
    return done === true;
  }

  /** The delete the question asked about, once confirmed: says `notice` and reloads the list. */
  async remove(action: () => Promise<unknown>, notice: () => string): Promise<void> {
    if (await this.deletion.confirm(action)) {
      this.message.set(notice());
      await this.list.reload();
    }
  }
}
