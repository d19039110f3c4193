import { Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { focusSoon } from '../../shared/focus';
import { FieldErrors, Loading, ProblemAlert } from '../../shared/state';
import { todayIn } from '../../shared/time';
import { DataSharingApi } from './data-sharing-api';
import { AgreementDto, PartyDto } from './model';

/** The parties a person may attest for: their own (they are its signatory), or any when they manage agreements. */
export function attestableParties(agreement: AgreementDto, userId: string | null | undefined): PartyDto[] {
  const attested = new Set(agreement.destructionAttestations.map((d) => d.partyId));
  return agreement.current.parties.filter((p) => !attested.has(p.id) && (agreement.canManage || (!!userId && p.signatoryUserId === userId)));
}

/**
 * A party attests that it destroyed the data the agreement covered: which party, the typed name of who attests, the
 * method and the date, with an optional note. Its signatory attests, or someone who manages agreements on its behalf.
 */
@Component({
  selector: 'app-attest-destruction',
  imports: [FormsModule, RouterLink, TranslatePipe, Loading, ProblemAlert, FieldErrors],
  template: `
    <div class="page-header">
      <h1 id="destruction-page-title" tabindex="-1">{{ 'dataSharing.destruction.title' | t }}</h1>
      <a [routerLink]="['/data-sharing/agreements', id()]">{{ 'dataSharing.sign.toAgreement' | t }}</a>
    </div>
    @if (agreement.loading() && !agreement.data()) {
      <app-loading />
    }
    <app-problem [problem]="agreement.problem()" />
    <div role="status" aria-live="polite">
      @if (message()) {
        <p class="notice">{{ message() }}</p>
      }
    </div>
    @if (agreement.data(); as a) {
      <p class="lead">{{ a.title }}</p>
      @if (a.current.destructionDate) {
        <p>{{ 'dataSharing.destruction.due' | t: { date: date(a.current.destructionDate), method: a.current.destructionMethod || '' } }}</p>
      }
      @if (parties().length === 0) {
        <p class="notice">{{ 'dataSharing.destruction.nothing' | t }}</p>
      } @else {
        <form class="card" (ngSubmit)="attest()" aria-labelledby="destruction-form-title">
          <h2 id="destruction-form-title">{{ 'dataSharing.destruction.formTitle' | t }}</h2>
          <div class="field">
            <label for="destruction-party">{{ 'dataSharing.destruction.party' | t }}</label>
            <select id="destruction-party" name="partyId" [(ngModel)]="partyId" required aria-describedby="destruction-party-errors">
              @for (p of parties(); track p.id) {
                <option [value]="p.id">{{ p.name }}</option>
              }
            </select>
            <app-field-errors [problem]="saving.problem()" field="partyId" id="destruction-party-errors" />
          </div>
          <div class="field">
            <label for="destruction-method">{{ 'dataSharing.destruction.method' | t }}</label>
            <input id="destruction-method" name="method" [(ngModel)]="method" required maxlength="1000" aria-describedby="destruction-method-errors" />
            <app-field-errors [problem]="saving.problem()" field="method" id="destruction-method-errors" />
          </div>
          <div class="field">
            <label for="destruction-date">{{ 'dataSharing.destruction.destroyedOn' | t }}</label>
            <input id="destruction-date" name="destroyedOn" type="date" [(ngModel)]="destroyedOn" required aria-describedby="destruction-date-errors" />
            <app-field-errors [problem]="saving.problem()" field="destroyedOn" id="destruction-date-errors" />
          </div>
          <div class="field">
            <label for="destruction-note">{{ 'dataSharing.destruction.note' | t }}</label>
            <textarea id="destruction-note" name="note" [(ngModel)]="note" maxlength="2000" rows="3" aria-describedby="destruction-note-errors"></textarea>
            <app-field-errors [problem]="saving.problem()" field="note" id="destruction-note-errors" />
          </div>
          <div class="field">
            <label for="destruction-name">{{ 'dataSharing.sign.typedName' | t }}</label>
            <input id="destruction-name" name="typedName" [(ngModel)]="typedName" required maxlength="200" autocomplete="name"
              aria-describedby="destruction-name-hint destruction-name-errors" />
            <span id="destruction-name-hint" class="hint">{{ 'dataSharing.destruction.typedNameHint' | t }}</span>
            <app-field-errors [problem]="saving.problem()" field="typedName" id="destruction-name-errors" />
          </div>
          <app-problem [problem]="saving.problem()" />
          <div class="actions">
            <button type="submit" class="primary" [disabled]="saving.busy()">{{ 'dataSharing.destruction.submit' | t }}</button>
          </div>
        </form>
      }
    }
  `,
  styles: `.lead { font-size: 1.15rem; font-weight: 600; }`,
})
export class AttestDestruction {
  private readonly api = inject(DataSharingApi);
  private readonly i18n = inject(I18n);
  private readonly config = inject(AppConfig);
  readonly id = input.required<string>();
  protected readonly agreement = new Loadable<AgreementDto>();
  protected readonly saving = new Submission();
  protected readonly message = signal('');
  protected readonly parties = computed(() => {
    const a = this.agreement.data();
    return a ? attestableParties(a, this.config.user()?.id) : [];
  });
  protected partyId = '';
  protected method = '';
  protected destroyedOn = todayIn(this.config.timeZone());
  protected note = '';
  protected typedName = this.config.user()?.name ?? '';

  constructor() {
    queueMicrotask(() => void this.reload());
  }

  protected date(value: string): string {
    return this.i18n.formatDate(value, 'date');
  }

  protected async attest(): Promise<void> {
    this.message.set('');
    const party = this.parties().find((p) => p.id === this.partyId);
    const done = await this.saving.run(() =>
      this.api.attestDestruction(this.id(), {
        partyId: this.partyId,
        typedName: this.typedName.trim(),
        method: this.method.trim(),
        destroyedOn: this.destroyedOn,
        note: this.note.trim() || null,
      }),
    );
    if (done !== undefined) {
      this.message.set(this.i18n.t('dataSharing.destruction.done', { party: party?.name ?? '' }));
      this.note = '';
      await this.reload();
      focusSoon('destruction-page-title');
    }
  }

  private async reload(): Promise<void> {
    const a = await this.agreement.load(() => this.api.get(this.id()));
    if (a) {
      const method = a.current.destructionMethod ?? '';
      this.method = this.method || method;
      this.partyId = this.parties()[0]?.id ?? '';
    }
  }
}
