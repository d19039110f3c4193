import { signal } from '@angular/core';
import { Problem, toProblem } from '../core/problem';

/** Data a page loads: loading, failed (with the problem) or there. Pages show the three states with app-state. */
export class Loadable<T> {
  readonly data = signal<T | undefined>(undefined);
  readonly loading = signal(false);
  readonly problem = signal<Problem | null>(null);

  async load(fetch: () => Promise<T>): Promise<T | undefined> {
    this.loading.set(true);
    this.problem.set(null);
    try {
      const value = await fetch();
      this.data.set(value);
      return value;
    } catch (error) {
      this.problem.set(toProblem(error));
      return undefined;
    } finally {
      this.loading.set(false);
    }
  }
}

/** A form submission or an action: busy while it runs (buttons disable, a spinner shows), the problem if refused. */
export class Submission {
  readonly busy = signal(false);
  readonly problem = signal<Problem | null>(null);

  async run<T>(action: () => Promise<T>): Promise<T | undefined> {
    if (this.busy()) {
      return undefined;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      return await action();
    } catch (error) {
      this.problem.set(toProblem(error));
      return undefined;
    } finally {
      this.busy.set(false);
    }
  }

  reset(): void {
    this.problem.set(null);
  }
}
