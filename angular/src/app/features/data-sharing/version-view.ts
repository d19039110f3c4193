import { Component, inject, input } from '@angular/core';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { VersionDto, stateBadge } from './model';

/**
 * One version of an agreement in full, as a signatory reads it: purpose, parties with their signatory and signature
 * status (signed by whom and when, in words), data elements, governance terms, permitted uses, retention, destruction,
 * breach notification and dates. `key` prefixes its ids so two can be on one page.
 */
@Component({
  selector: 'app-version-view',
  imports: [TranslatePipe],
  template: `
    @let v = version();
    <section class="card version" [attr.aria-labelledby]="key() + '-title'">
      <h2 [id]="key() + '-title'">{{ heading() | t: { version: v.number } }}</h2>
      <p>
        <span [class]="badge(v.state)">{{ 'dataSharing.states.' + v.state | t }}</span>
        · {{ 'dataSharing.detail.versionNumber' | t: { version: v.number } }}
        · {{ 'dataSharing.sensitivities.' + v.sensitivity | t }}
      </p>
      @if (v.terminationReason) {
        <p class="notice">{{ 'dataSharing.detail.terminationReasonWas' | t: { reason: v.terminationReason } }}</p>
      }
      <h3>{{ 'dataSharing.editor.purpose' | t }}</h3>
      <p class="prose">{{ v.purpose }}</p>

      <h3>{{ 'dataSharing.editor.parties' | t }}</h3>
      <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="'dataSharing.editor.parties' | t">
        <table [id]="key() + '-parties'">
          <caption class="visually-hidden">{{ 'dataSharing.editor.parties' | t }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ 'dataSharing.editor.partyName' | t }}</th>
              <th scope="col">{{ 'dataSharing.editor.kind' | t }}</th>
              <th scope="col">{{ 'dataSharing.editor.role' | t }}</th>
              <th scope="col">{{ 'dataSharing.editor.signatory' | t }}</th>
              <th scope="col">{{ 'dataSharing.view.signature' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (p of v.parties; track p.id) {
              <tr>
                <th scope="row">{{ p.name }}</th>
                <td>{{ 'dataSharing.kinds.' + p.kind | t }}</td>
                <td>{{ 'dataSharing.roles.' + p.role | t }}</td>
                <td>
                  {{ p.signatoryName || ('dataSharing.view.noSignatory' | t) }}
                  @if (p.contactEmail) {
                    <div class="hint">{{ p.contactEmail }}</div>
                  }
                </td>
                <td>
                  @if (p.signature; as s) {
                    <span class="badge ok">{{ 'dataSharing.view.signed' | t }}</span>
                    <div>{{ 'dataSharing.view.signedBy' | t: { name: s.typedName, at: dateTime(s.signedAt) } }}</div>
                  } @else if (!p.signatureRequired) {
                    {{ 'dataSharing.view.notRequired' | t }}
                  } @else if (v.state === 'Draft') {
                    {{ 'dataSharing.view.notYetSubmitted' | t }}
                  } @else {
                    <span class="badge">{{ 'dataSharing.view.waiting' | t }}</span>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>

      <h3>{{ 'dataSharing.editor.dataElements' | t }}</h3>
      @if (v.dataElements.length) {
        <ul>
          @for (e of v.dataElements; track e.name) {
            <li><strong>{{ e.name }}</strong> ({{ 'dataSharing.sensitivities.' + e.sensitivity | t }}){{ e.description ? ': ' + e.description : '' }}</li>
          }
        </ul>
      } @else {
        <p>{{ 'dataSharing.view.none' | t }}</p>
      }

      <h3>{{ 'dataSharing.editor.governance' | t }}</h3>
      <dl class="terms">
        <dt>{{ 'dataSharing.editor.dataOwner' | t }}</dt>
        <dd>{{ v.governance.dataOwner }}</dd>
        <dt>{{ 'dataSharing.editor.whoMayPublish' | t }}</dt>
        <dd>{{ v.governance.whoMayPublish }}</dd>
        <dt>{{ 'dataSharing.view.communityReview' | t }}</dt>
        <dd>{{ (v.governance.communityReviewBeforePublication ? 'dataSharing.view.yes' : 'dataSharing.view.no') | t }}</dd>
        <dt>{{ 'dataSharing.editor.returnOfResults' | t }}</dt>
        <dd>{{ v.governance.returnOfResults || ('dataSharing.view.none' | t) }}</dd>
      </dl>

      <h3>{{ 'dataSharing.editor.permittedUses' | t }}</h3>
      @if (v.permittedUses.length) {
        <ul>
          @for (u of v.permittedUses; track $index) {
            <li>{{ u }}</li>
          }
        </ul>
      } @else {
        <p>{{ 'dataSharing.view.none' | t }}</p>
      }

      <h3>{{ 'dataSharing.editor.termsAndDates' | t }}</h3>
      <dl class="terms">
        <dt>{{ 'dataSharing.editor.effectiveFrom' | t }}</dt>
        <dd>{{ date(v.effectiveFrom) }}</dd>
        <dt>{{ 'dataSharing.editor.effectiveTo' | t }}</dt>
        <dd>{{ v.effectiveTo ? date(v.effectiveTo) : ('dataSharing.register.noEnd' | t) }}</dd>
        <dt>{{ 'dataSharing.editor.retentionPeriod' | t }}</dt>
        <dd>{{ v.retentionPeriod || ('dataSharing.view.none' | t) }}</dd>
        <dt>{{ 'dataSharing.editor.destructionDate' | t }}</dt>
        <dd>{{ v.destructionDate ? date(v.destructionDate) : ('dataSharing.view.none' | t) }}</dd>
        <dt>{{ 'dataSharing.editor.destructionMethod' | t }}</dt>
        <dd>{{ v.destructionMethod || ('dataSharing.view.none' | t) }}</dd>
        <dt>{{ 'dataSharing.editor.breachNotificationDays' | t }}</dt>
        <dd>{{ v.breachNotificationDays ?? ('dataSharing.view.none' | t) }}</dd>
      </dl>
      @if (v.contentHash) {
        <p class="hint hash">{{ 'dataSharing.view.contentHash' | t }} <code>{{ v.contentHash }}</code></p>
      }
    </section>
  `,
  styles: `
    .terms { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.25rem 1rem; }
    .terms dt { font-weight: 600; }
    .terms dd { margin: 0; overflow-wrap: anywhere; }
    .prose { white-space: pre-line; max-width: 45rem; }
    .hash code { overflow-wrap: anywhere; word-break: break-all; }
  `,
})
export class VersionView {
  private readonly i18n = inject(I18n);
  private readonly config = inject(AppConfig);
  readonly version = input.required<VersionDto>();
  /** Translation key of the heading; {version} is the version's number. */
  readonly heading = input('dataSharing.view.title');
  readonly key = input('version');
  protected readonly badge = stateBadge;

  protected date(value: string): string {
    return this.i18n.formatDate(value, 'date');
  }

  protected dateTime(value: string): string {
    return this.i18n.formatDate(value, 'dateTime', this.config.timeZone());
  }
}

