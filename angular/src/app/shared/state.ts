import { Component, computed, inject, input } from '@angular/core';
import { I18n, TranslatePipe } from '../core/i18n';
import { Problem, fieldErrors } from '../core/problem';

/** A spinner with a text for screen readers; `label` says what is loading. */
@Component({
  selector: 'app-loading',
  imports: [TranslatePipe],
  template: `<p class="loading" role="status" aria-live="polite"><span class="spinner" aria-hidden="true"></span>{{ (label() || 'shell.state.loading') | t }}</p>`,
})
export class Loading {
  readonly label = input<string>('');
}

/** What an empty list says, with an optional hint of what to do. */
@Component({
  selector: 'app-empty',
  imports: [TranslatePipe],
  template: `<div class="empty"><p>{{ message() | t }}</p><ng-content /></div>`,
})
export class Empty {
  readonly message = input.required<string>();
}

/**
 * A refused or failed request, said helpfully: the message for the problem's code when the UI has one
 * ("shell.errors.<code>", its {placeholders} filled from the problem's values, e.g. a plan's limit and count), else
 * the API's own (already localized) title and detail; field errors are listed
 * only when the form does not show them under its fields.
 */
@Component({
  selector: 'app-problem',
  imports: [TranslatePipe],
  template: `
    @if (problem(); as p) {
      <div class="problem" role="alert">
        <p class="problem-title">{{ message() }}</p>
        @if (p.detail && !codeMessage()) {
          <p>{{ p.detail }}</p>
        }
        @if (showFields() && p.errors) {
          <ul>
            @for (entry of fieldList(); track entry) {
              <li>{{ entry }}</li>
            }
          </ul>
        }
        @if (p.code) {
          <p class="problem-code">{{ 'shell.errors.codeLabel' | t }} {{ p.code }}</p>
        }
      </div>
    }
  `,
})
export class ProblemAlert {
  private readonly i18n = inject(I18n);
  readonly problem = input<Problem | null>(null);
  readonly showFields = input(false);

  protected readonly codeMessage = computed(() => {
    const problem = this.problem();
    const code = problem?.code;
    const key = code ? `shell.errors.${code.replace(/:/g, '.')}` : '';
    this.i18n.language();
    return key && this.i18n.has(key) ? this.i18n.t(key, problem?.params) : '';
  });

  protected readonly message = computed(() => {
    const p = this.problem();
    if (!p) {
      return '';
    }
    if (this.codeMessage()) {
      return this.codeMessage();
    }
    if (p.status === 0) {
      return this.i18n.t('shell.errors.offline');
    }
    if (p.status === 403) {
      return p.title || this.i18n.t('shell.errors.forbidden');
    }
    return p.title || this.i18n.t('shell.errors.unexpected');
  });

  protected readonly fieldList = computed(() => Object.values(this.problem()?.errors ?? {}).flat());
}

/** The messages for one form field, placed under it; give the input `aria-describedby` = this id. */
@Component({
  selector: 'app-field-errors',
  host: { '[attr.id]': 'id()' },
  template: `
    @for (message of messages(); track message) {
      <p class="field-error">{{ message }}</p>
    }
  `,
})
export class FieldErrors {
  readonly problem = input<Problem | null>(null);
  readonly field = input.required<string>();
  readonly id = input<string>('');
  protected readonly messages = computed(() => fieldErrors(this.problem(), this.field()));
}
