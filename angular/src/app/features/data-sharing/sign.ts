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
import { AgreementDto, SignatureRequestDto, VersionDto, versionToSign } from './model';
import { VersionView } from './version-view';

interface Reading {
  agreement: AgreementDto;
  version: VersionDto | null;
}

/** What the result says after signing: all signed (active, or signed and waiting for its date), or still waiting for others. */
export function signedMessageKey(agreement: AgreementDto, versionNumber: number): string {
  const version = versionToSign(agreement, versionNumber);
  if (version?.state === 'Active') {
    return 'dataSharing.sign.doneActive';
  }
  if (version?.state === 'Signed') {
    return 'dataSharing.sign.doneSigned';
  }
  return 'dataSharing.sign.doneWaiting';
}

/**
 * Where a party's signatory signs: the version in review in full, its content hash (what exactly is signed), then
 * the typed full name and an attestation. The API refuses the signature if the version changed since it was read.
 */
@Component({
  selector: 'app-sign-agreement',
  imports: [FormsModule, RouterLink, TranslatePipe, Loading, ProblemAlert, VersionView],
  template: `
    <div class="page-header">
      <h1 id="sign-title" tabindex="-1">{{ 'dataSharing.sign.title' | t }}</h1>
      <a [routerLink]="['/data-sharing/agreements', id()]">{{ 'dataSharing.sign.toAgreement' | t }}</a>
    </div>
    @if (reading.loading() && !reading.data()) {
      <app-loading />
    }
    <app-problem [problem]="reading.problem()" />
    <div role="status" aria-live="polite">
      @if (result()) {
        <p class="notice" id="sign-result">{{ result() }}</p>
      }
    </div>
    @if (reading.data(); as r) {
      <p class="lead">{{ r.agreement.title }}</p>
      @if (request(); as req) {
        @if (r.version; as v) {
          <app-version-view [version]="v" heading="dataSharing.sign.versionTitle" key="sign-version" />
          <form class="card" (ngSubmit)="sign(req, v)" aria-labelledby="sign-form-title">
            <h2 id="sign-form-title">{{ 'dataSharing.sign.formTitle' | t: { party: req.partyName } }}</h2>
            @if (requests().length > 1) {
              <div class="field">
                <label for="sign-party">{{ 'dataSharing.sign.party' | t }}</label>
                <select id="sign-party" name="party" [ngModel]="partyId()" (ngModelChange)="partyId.set($event)">
                  @for (q of requests(); track q.partyId) {
                    <option [value]="q.partyId">{{ q.partyName }}</option>
                  }
                </select>
              </div>
            }
            <p>{{ 'dataSharing.sign.hashIntro' | t: { version: v.number } }}</p>
            <p class="hash"><code id="sign-hash">{{ req.contentHash }}</code></p>
            <div class="field">
              <label for="sign-name">{{ 'dataSharing.sign.typedName' | t }}</label>
              <input id="sign-name" name="typedName" [(ngModel)]="typedName" required maxlength="200" autocomplete="name"
                aria-describedby="sign-name-hint sign-name-errors" />
              <span id="sign-name-hint" class="hint">{{ 'dataSharing.sign.typedNameHint' | t }}</span>
              <div id="sign-name-errors">
                @if (missingName()) {
                  <p class="field-error">{{ 'dataSharing.sign.nameRequired' | t }}</p>
                }
              </div>
            </div>
            <label class="checkbox">
              <input type="checkbox" id="sign-attest" name="attest" [(ngModel)]="attest" aria-describedby="sign-attest-errors" />
              {{ 'dataSharing.sign.attest' | t: { party: req.partyName, version: v.number } }}
            </label>
            <div id="sign-attest-errors">
              @if (missingAttest()) {
                <p class="field-error">{{ 'dataSharing.sign.attestRequired' | t }}</p>
              }
            </div>
            <app-problem [problem]="signing.problem()" />
            <div class="actions">
              <button type="submit" class="primary" [disabled]="signing.busy()">{{ 'dataSharing.sign.submit' | t }}</button>
            </div>
          </form>
        } @else {
          <app-loading />
        }
      } @else if (!result()) {
        <p class="notice" id="sign-nothing">{{ 'dataSharing.sign.nothing' | t }}</p>
      }
    }
  `,
  styles: `
    .hash code { overflow-wrap: anywhere; word-break: break-all; font-size: 0.95rem; }
    .lead { font-size: 1.15rem; font-weight: 600; }
  `,
})
export class SignAgreement {
  private readonly api = inject(DataSharingApi);
  private readonly i18n = inject(I18n);
  private readonly config = inject(AppConfig);
  private readonly signatures = inject(MySignatureRequests);
  readonly id = input.required<string>();
  protected readonly reading = new Loadable<Reading>();
  protected readonly signing = new Submission();
  protected readonly result = signal('');
  protected readonly partyId = signal('');
  protected readonly missingName = signal(false);
  protected readonly missingAttest = signal(false);
  protected typedName = this.config.user()?.name ?? '';
  protected attest = false;
  protected readonly requests = computed(() => this.reading.data()?.agreement.mySignatureRequests ?? []);
  protected readonly request = computed<SignatureRequestDto | null>(() => {
    const all = this.requests();
    return all.find((r) => r.partyId === this.partyId()) ?? all[0] ?? null;
  });

  constructor() {
    queueMicrotask(() => void this.read());
  }

  protected async sign(request: SignatureRequestDto, version: VersionDto): Promise<void> {
    this.result.set('');
    this.missingName.set(!this.typedName.trim());
    this.missingAttest.set(!this.attest);
    if (this.missingName() || this.missingAttest()) {
      focusSoon(this.missingName() ? 'sign-name' : 'sign-attest');
      return;
    }
    const done = await this.signing.run(() =>
      this.api.sign(this.id(), { versionNumber: version.number, partyId: request.partyId, contentHash: request.contentHash, typedName: this.typedName.trim() }),
    );
    if (done === undefined) {
      if (this.signing.problem()?.code === 'DataSharing:VersionChanged') {
        // The agreement changed while it was open: show what it says now before anyone signs.
        await this.read();
      }
      return;
    }
    const agreement = await this.read();
    this.attest = false;
    if (agreement) {
      this.result.set(this.i18n.t(signedMessageKey(agreement, version.number), { party: request.partyName, version: version.number }));
    }
    void this.signatures.refresh();
    focusSoon('sign-title');
  }

  private async read(): Promise<AgreementDto | undefined> {
    const reading = await this.reading.load(async () => {
      const agreement = await this.api.get(this.id());
      const first = agreement.mySignatureRequests[0];
      const version = first ? (versionToSign(agreement, first.versionNumber) ?? (await this.api.version(agreement.id, first.versionNumber))) : null;
      return { agreement, version };
    });
    return reading?.agreement;
  }
}
