import { Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { focusSoon } from '../../shared/focus';
import { Loading, ProblemAlert } from '../../shared/state';
import { DataSharingApi } from './data-sharing-api';
import { MySignatureRequests } from './my-signature-requests';
import { AgreementDto, allowedActions, stateBadge } from './model';
import { VersionView } from './version-view';

type Action = 'submit' | 'returnToDraft' | 'amend';

/**
 * One agreement: its current terms and parties with their signatures, an open amendment, every version (each one
 * readable, any two compared), the destruction attestations, and the actions its state allows: edit the draft,
 * submit it for signature, take it back to draft, amend an agreement in force, terminate it with a reason. A
 * signatory asked to sign is sent to the signing page from here.
 */
@Component({
  selector: 'app-agreement-detail',
  imports: [FormsModule, RouterLink, TranslatePipe, Loading, ProblemAlert, VersionView],
  templateUrl: './agreement-detail.html',
  styles: `
    .meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
    .meta dt { font-weight: 600; }
    .meta dd { margin: 0; }
  `,
})
export class AgreementDetail {
  private readonly api = inject(DataSharingApi);
  private readonly config = inject(AppConfig);
  private readonly signatures = inject(MySignatureRequests);
  protected readonly i18n = inject(I18n);
  readonly id = input.required<string>();
  /** `?saved=created|edited` after the editor: the status says so. */
  readonly saved = input<string | undefined>();
  protected readonly agreement = new Loadable<AgreementDto>();
  protected readonly action = new Submission();
  protected readonly message = signal('');
  protected readonly terminating = signal(false);
  protected terminationReason = '';
  protected readonly badge = stateBadge;
  protected readonly actions = computed(() => {
    const a = this.agreement.data();
    return a ? allowedActions(a) : null;
  });
  protected readonly compareFrom = computed(() => {
    const a = this.agreement.data();
    return a && a.versions.length > 1 ? a.versions[a.versions.length - 2].number : null;
  });
  protected readonly compareTo = computed(() => {
    const a = this.agreement.data();
    return a && a.versions.length > 1 ? a.versions[a.versions.length - 1].number : null;
  });
  protected readonly canAttest = computed(() => {
    const a = this.agreement.data();
    return !!a && (a.state === 'Expired' || a.state === 'Terminated' || a.state === 'Active');
  });

  constructor() {
    queueMicrotask(() => {
      const saved = this.saved();
      if (saved === 'created' || saved === 'edited') {
        this.message.set(this.i18n.t(`dataSharing.detail.${saved}`));
      }
      void this.reload();
    });
  }

  protected date(value: string | null | undefined): string {
    return value ? this.i18n.formatDate(value, 'date') : '';
  }

  protected dateTime(value: string | null | undefined): string {
    return value ? this.i18n.formatDate(value, 'dateTime', this.config.timeZone()) : '';
  }

  protected async run(kind: Action): Promise<void> {
    this.message.set('');
    const id = this.id();
    const done = await this.action.run(async () => {
      switch (kind) {
        case 'submit':
          await this.api.submit(id);
          return this.i18n.t('dataSharing.detail.submitted');
        case 'returnToDraft':
          await this.api.returnToDraft(id);
          return this.i18n.t('dataSharing.detail.returned');
        case 'amend': {
          const created = await this.api.amend(id);
          return this.i18n.t('dataSharing.detail.amended', { version: created.versionNumber });
        }
      }
    });
    if (done) {
      this.message.set(done);
      await this.reload();
      void this.signatures.refresh();
    }
    focusSoon(done ? 'agreement-title' : 'detail-problem');
  }

  protected openTerminate(): void {
    this.terminationReason = '';
    this.action.reset();
    this.terminating.set(true);
    focusSoon('terminate-reason');
  }

  protected closeTerminate(): void {
    this.terminating.set(false);
    focusSoon('agreement-title');
  }

  protected async terminate(): Promise<void> {
    const done = await this.action.run(() => this.api.terminate(this.id(), this.terminationReason.trim()));
    if (done !== undefined) {
      this.terminating.set(false);
      this.message.set(this.i18n.t('dataSharing.detail.terminated'));
      await this.reload();
      focusSoon('agreement-title');
    }
  }

  private async reload(): Promise<void> {
    await this.agreement.load(() => this.api.get(this.id()));
  }
}
