import { Component, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { AppConfig } from '../core/app-config';
import { Auth, safeReturnUrl } from '../core/auth';
import { I18n, Language, LANGUAGES, TranslatePipe } from '../core/i18n';
import { Loading } from '../shared/state';

/** Where the sign-in page sends the browser back: trades the code for tokens, then opens the page asked for. */
@Component({
  selector: 'app-auth-callback',
  imports: [TranslatePipe, Loading],
  template: `
    @if (failed()) {
      <div class="problem" role="alert">
        <p class="problem-title">{{ 'shell.auth.failed' | t }}</p>
      </div>
      <button type="button" class="primary" (click)="retry()">{{ 'shell.signIn' | t }}</button>
    } @else {
      <app-loading label="shell.auth.signingIn" />
    }
  `,
})
export class AuthCallback {
  private readonly auth = inject(Auth);
  private readonly config = inject(AppConfig);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  protected readonly failed = signal(false);

  constructor() {
    void this.complete();
  }

  private async complete(): Promise<void> {
    try {
      const returnUrl = await this.auth.completeSignIn(new URLSearchParams(location.search));
      const configuration = await this.config.load();
      // The person's own language (kept in their profile) wins over this browser's last choice.
      const language = configuration.currentUser?.language as Language | undefined;
      if (language && LANGUAGES.includes(language)) {
        await this.i18n.use(language);
        localStorage.setItem('ep.language', language);
      }
      // completeSignIn only returns paths inside this app; land on the page the link asked for.
      await this.router.navigateByUrl(safeReturnUrl(returnUrl), { replaceUrl: true });
    } catch {
      this.failed.set(true);
    }
  }

  protected retry(): void {
    void this.auth.retrySignIn();
  }
}
