import { Component, ElementRef, effect, inject, input, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { FieldErrors, Loading, ProblemAlert } from '../../shared/state';
import { PublicApi, PublicDecision, PublicInputReceipt } from './public-api';
import { useLinkLanguage } from './public-language';

/**
 * The page a shared link opens, signed out: the question, a short form for input (name and email optional), and a
 * confirmation that says how the person will hear back. Built for a phone first; one column, large targets.
 */
@Component({
  selector: 'app-public-decision',
  imports: [FormsModule, TranslatePipe, Loading, ProblemAlert, FieldErrors],
  templateUrl: './public-decision.html',
  styleUrl: './public.css',
})
export class PublicDecisionPage {
  private readonly api = inject(PublicApi);
  protected readonly i18n = inject(I18n);
  readonly token = input.required<string>();
  readonly __tenant = input<string | undefined>(undefined);
  readonly lang = input<string | undefined>(undefined);

  protected readonly decision = new Loadable<PublicDecision>();
  protected readonly sending = new Submission();
  protected readonly receipt = signal<PublicInputReceipt | null>(null);
  protected readonly sentTo = signal('');
  protected text = '';
  protected name = '';
  protected email = '';
  private readonly thanks = viewChild<ElementRef<HTMLElement>>('thanks');

  constructor() {
    effect(() => {
      const token = this.token();
      const tenant = this.__tenant() ?? null;
      void useLinkLanguage(this.i18n, this.lang()).then(() => this.decision.load(() => this.api.decision(token, tenant)));
    });
  }

  protected async submit(): Promise<void> {
    const email = this.email.trim();
    const receipt = await this.sending.run(() =>
      this.api.giveInput(this.token(), this.__tenant() ?? null, {
        text: this.text.trim(),
        name: this.name.trim() || null,
        email: email || null,
      }),
    );
    if (receipt) {
      this.sentTo.set(email);
      this.receipt.set(receipt);
      this.text = '';
      // Move focus to the confirmation so screen readers announce it and nobody is left at an emptied form.
      setTimeout(() => this.thanks()?.nativeElement.focus());
    }
  }

  protected another(): void {
    this.receipt.set(null);
    this.sending.reset();
  }
}
