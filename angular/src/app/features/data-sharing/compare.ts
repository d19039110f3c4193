import { Component, computed, inject, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable } from '../../shared/async';
import { Loading, ProblemAlert } from '../../shared/state';
import { DataSharingApi } from './data-sharing-api';
import { AgreementChangeDto, AgreementDiffDto, VersionDto, VersionSummaryDto, changeTouches, diffValue } from './model';

interface Comparison {
  versions: VersionSummaryDto[];
  from: VersionDto;
  to: VersionDto;
  diff: AgreementDiffDto;
}

/** One line of the side-by-side view: a field of the agreement as each version has it, and the changes under it. */
export interface CompareRow {
  field: string;
  label: string;
  before: string;
  after: string;
  changes: AgreementChangeDto[];
}

const TERM_FIELDS: readonly { field: string; label: string; value: (v: VersionDto) => unknown }[] = [
  { field: 'title', label: 'dataSharing.editor.title', value: (v) => v.title },
  { field: 'purpose', label: 'dataSharing.editor.purpose', value: (v) => v.purpose },
  { field: 'sensitivity', label: 'dataSharing.editor.sensitivity', value: (v) => v.sensitivity },
  { field: 'parties', label: 'dataSharing.editor.parties', value: (v) => v.parties.map((p) => `${p.name} (${p.role})`) },
  { field: 'dataElements', label: 'dataSharing.editor.dataElements', value: (v) => v.dataElements.map((e) => `${e.name} (${e.sensitivity})`) },
  { field: 'governance', label: 'dataSharing.editor.governance', value: (v) => [v.governance.dataOwner, v.governance.whoMayPublish, v.governance.returnOfResults ?? ''].filter((x) => x) },
  { field: 'permittedUses', label: 'dataSharing.editor.permittedUses', value: (v) => v.permittedUses },
  { field: 'retentionPeriod', label: 'dataSharing.editor.retentionPeriod', value: (v) => v.retentionPeriod },
  { field: 'destructionDate', label: 'dataSharing.editor.destructionDate', value: (v) => v.destructionDate },
  { field: 'destructionMethod', label: 'dataSharing.editor.destructionMethod', value: (v) => v.destructionMethod },
  { field: 'breachNotificationDays', label: 'dataSharing.editor.breachNotificationDays', value: (v) => v.breachNotificationDays },
  { field: 'effectiveFrom', label: 'dataSharing.editor.effectiveFrom', value: (v) => v.effectiveFrom },
  { field: 'effectiveTo', label: 'dataSharing.editor.effectiveTo', value: (v) => v.effectiveTo },
];

/** The side-by-side rows of two versions, each with the diff's changes that fall under its field. */
export function compareRows(from: VersionDto, to: VersionDto, changes: readonly AgreementChangeDto[]): CompareRow[] {
  return TERM_FIELDS.map((f) => ({
    field: f.field,
    label: f.label,
    before: diffValue(f.value(from)),
    after: diffValue(f.value(to)),
    changes: changes.filter((c) => changeTouches(c.path, f.field)),
  }));
}

/**
 * Two versions of an agreement side by side with what changed between them (from the API's diff): each changed
 * field is marked with a word ("Changed", "Added", "Removed") and an icon-free outline, never by colour alone, and
 * the list of changes names each path with its before and after.
 */
@Component({
  selector: 'app-compare-versions',
  imports: [FormsModule, RouterLink, TranslatePipe, Loading, ProblemAlert],
  template: `
    <div class="page-header">
      <h1 id="compare-title" tabindex="-1">{{ 'dataSharing.compare.title' | t }}</h1>
      <a [routerLink]="['/data-sharing/agreements', id()]">{{ 'dataSharing.sign.toAgreement' | t }}</a>
    </div>
    @if (comparison.loading()) {
      <app-loading />
    }
    <app-problem [problem]="comparison.problem()" />
    @if (comparison.data(); as c) {
      <form class="card pick" (ngSubmit)="pick()" [attr.aria-label]="'dataSharing.compare.pick' | t">
        <div class="field">
          <label for="compare-from">{{ 'dataSharing.compare.from' | t }}</label>
          <select id="compare-from" name="from" [(ngModel)]="pickFrom">
            @for (v of c.versions; track v.number) {
              <option [ngValue]="v.number">{{ 'dataSharing.detail.versionNumber' | t: { version: v.number } }} · {{ 'dataSharing.states.' + v.state | t }}</option>
            }
          </select>
        </div>
        <div class="field">
          <label for="compare-to">{{ 'dataSharing.compare.to' | t }}</label>
          <select id="compare-to" name="to" [(ngModel)]="pickTo">
            @for (v of c.versions; track v.number) {
              <option [ngValue]="v.number">{{ 'dataSharing.detail.versionNumber' | t: { version: v.number } }} · {{ 'dataSharing.states.' + v.state | t }}</option>
            }
          </select>
        </div>
        <div class="actions"><button type="submit">{{ 'dataSharing.compare.show' | t }}</button></div>
      </form>

      <p id="compare-summary" role="status">{{ 'dataSharing.compare.summary' | t: { count: c.diff.changes.length, from: c.from.number, to: c.to.number } }}</p>

      <section class="card" aria-labelledby="side-title">
        <h2 id="side-title">{{ 'dataSharing.compare.sideBySide' | t }}</h2>
        <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="'dataSharing.compare.sideBySide' | t">
          <table class="side">
            <caption class="visually-hidden">{{ 'dataSharing.compare.sideCaption' | t: { from: c.from.number, to: c.to.number } }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'dataSharing.compare.field' | t }}</th>
                <th scope="col">{{ 'dataSharing.detail.versionNumber' | t: { version: c.from.number } }}</th>
                <th scope="col">{{ 'dataSharing.detail.versionNumber' | t: { version: c.to.number } }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track row.field) {
                <tr [class.changed]="row.changes.length > 0">
                  <th scope="row">
                    {{ row.label | t }}
                    @if (row.changes.length) {
                      <div><span class="badge change-mark">{{ 'dataSharing.compare.changedMark' | t }}</span></div>
                    }
                  </th>
                  <td>
                    @if (row.changes.length) {
                      <del>{{ row.before }}</del>
                    } @else {
                      {{ row.before }}
                    }
                  </td>
                  <td>
                    @if (row.changes.length) {
                      <ins>{{ row.after }}</ins>
                    } @else {
                      {{ row.after }}
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>

      <section class="card" aria-labelledby="changes-title">
        <h2 id="changes-title">{{ 'dataSharing.compare.changes' | t }}</h2>
        @if (c.diff.changes.length === 0) {
          <p>{{ 'dataSharing.compare.noChanges' | t }}</p>
        } @else {
          <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="'dataSharing.compare.changes' | t">
            <table id="changes">
              <caption class="visually-hidden">{{ 'dataSharing.compare.changes' | t }}</caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'dataSharing.compare.path' | t }}</th>
                  <th scope="col">{{ 'dataSharing.compare.kind' | t }}</th>
                  <th scope="col">{{ 'dataSharing.compare.before' | t }}</th>
                  <th scope="col">{{ 'dataSharing.compare.after' | t }}</th>
                </tr>
              </thead>
              <tbody>
                @for (change of c.diff.changes; track $index) {
                  <tr>
                    <th scope="row"><code>{{ change.path }}</code></th>
                    <td><span class="badge change-mark">{{ 'dataSharing.compare.kinds.' + change.kind | t }}</span></td>
                    <td>@if (value(change.before); as b) {<del>{{ b }}</del>}</td>
                    <td>@if (value(change.after); as a) {<ins>{{ a }}</ins>}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </section>
    }
  `,
  styles: `
    .pick { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: flex-end; }
    tr.changed > * { background: var(--ep-warning-bg); }
    tr.changed > th { border-left: 4px solid var(--ep-text); }
    del { text-decoration: line-through; }
    ins { text-decoration: underline; font-weight: 600; }
    .side td { white-space: pre-line; min-width: 10rem; }
  `,
})
export class CompareVersions {
  private readonly api = inject(DataSharingApi);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18n);
  readonly id = input.required<string>();
  readonly from = input<string | undefined>();
  readonly to = input<string | undefined>();
  protected readonly comparison = new Loadable<Comparison>();
  protected readonly rows = computed(() => {
    const c = this.comparison.data();
    return c ? compareRows(c.from, c.to, c.diff.changes) : [];
  });
  protected pickFrom = 1;
  protected pickTo = 1;
  protected readonly value = diffValue;

  constructor() {
    queueMicrotask(() => void this.load());
  }

  protected async pick(): Promise<void> {
    await this.router.navigate([], { queryParams: { from: this.pickFrom, to: this.pickTo }, replaceUrl: true });
    await this.load(this.pickFrom, this.pickTo);
  }

  private async load(from?: number, to?: number): Promise<void> {
    await this.comparison.load(async () => {
      const versions = await this.api.versions(this.id());
      const last = versions[versions.length - 1]?.number ?? 1;
      const toNumber = to ?? (Number(this.to()) || last);
      const fromNumber = from ?? (Number(this.from()) || Math.max(1, toNumber - 1));
      const [a, b, diff] = await Promise.all([
        this.api.version(this.id(), fromNumber),
        this.api.version(this.id(), toNumber),
        this.api.diff(this.id(), fromNumber, toNumber),
      ]);
      this.pickFrom = fromNumber;
      this.pickTo = toNumber;
      return { versions, from: a, to: b, diff };
    });
  }
}
