import { Component, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Submission } from '../../shared/async';
import { ProblemAlert } from '../../shared/state';
import { EmailConfirmed, PublicApi } from './public-api';
import { useLinkLanguage } from './public-language';

/**
 * Where the confirmation mail's link lands, signed out. Confirming takes a click: mail scanners that open links on
 * their own must not confirm an address for its owner.
 */
@Component({
  selector: 'app-confirm-email',
  imports: [RouterLink, TranslatePipe, ProblemAlert],
  template: `
    <div class="public">
      <h1>{{ 'public.confirm.title' | t }}</h1>
      @if (confirmed(); as c) {
        <section class="card thanks" role="status" aria-labelledby="confirmed-heading">
          <h2 id="confirmed-heading">{{ 'public.confirm.done' | t }}</h2>
          <p>{{ 'public.confirm.doneText' | t: { title: c.decisionTitle } }}</p>
          @if (c.publicInputToken) {
            <p>
              <a [routerLink]="['/public/decisions', c.publicInputToken]" [queryParams]="{ __tenant: __tenant() }">{{ 'public.confirm.back' | t }}</a>
            </p>
          }
        </section>
      } @else {
        <p>{{ 'public.confirm.intro' | t }}</p>
        <app-problem [problem]="confirming.problem()" />
        <button type="button" class="primary" [disabled]="confirming.busy() || !token()" (click)="confirm()">{{ 'public.confirm.button' | t }}</button>
      }
    </div>
  `,
  styleUrl: './public.css',
})
export class ConfirmEmailPage {
  private readonly api = inject(PublicApi);
  private readonly i18n = inject(I18n);
  readonly token = input<string | undefined>(undefined);
  readonly __tenant = input<string | undefined>(undefined);
  readonly lang = input<string | undefined>(undefined);
  protected readonly confirming = new Submission();
  protected readonly confirmed = signal<EmailConfirmed | null>(null);

  constructor() {
    effect(() => void useLinkLanguage(this.i18n, this.lang()));
  }

  protected async confirm(): Promise<void> {
    const done = await this.confirming.run(() => this.api.confirmEmail(this.token() ?? '', this.__tenant() ?? null));
    if (done) {
      this.confirmed.set(done);
    }
  }
}
