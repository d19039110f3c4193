import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Api } from '../../api/api';
import { deleteMyDemographics } from '../../api/fn/governance/delete-my-demographics';
import { getMyDemographics } from '../../api/fn/governance/get-my-demographics';
import { saveMyDemographics } from '../../api/fn/governance/save-my-demographics';
import { DemographicsDto } from '../../api/models/demographics-dto';
import { TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { FieldErrors, Loading, ProblemAlert } from '../../shared/state';
import { AGE_BANDS, RACE_ETHNICITY } from './governance-util';

/** The person's optional, self-reported demographics: only ever counted in aggregates with small groups withheld. */
@Component({
  selector: 'app-my-demographics',
  imports: [FormsModule, RouterLink, TranslatePipe, Loading, ProblemAlert, FieldErrors],
  template: `
    <p><a routerLink="/profile">{{ 'governance.demographics.back' | t }}</a></p>
    <h1>{{ 'governance.demographics.title' | t }}</h1>
    <section class="card privacy" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{{ 'governance.demographics.privacyTitle' | t }}</h2>
      <ul>
        <li>{{ 'governance.demographics.privacyOptional' | t }}</li>
        <li>{{ 'governance.demographics.privacyAggregates' | t }}</li>
        <li>{{ 'governance.demographics.privacySmallGroups' | t }}</li>
        <li>{{ 'governance.demographics.privacyRemove' | t }}</li>
      </ul>
    </section>
    @if (answers.loading()) {
      <app-loading />
    }
    <app-problem [problem]="answers.problem()" />
    @if (message()) {
      <p class="notice" role="status">{{ message() | t }}</p>
    }
    @if (answers.data()) {
      <form class="card" (ngSubmit)="save()">
        <div class="field">
          <label for="demo-language">{{ 'governance.demographics.language' | t }}</label>
          <span class="hint" id="demo-language-hint">{{ 'governance.demographics.languageHint' | t }}</span>
          <input id="demo-language" name="language" [(ngModel)]="language" maxlength="64" autocomplete="language" aria-describedby="demo-language-hint demo-language-errors" />
          <app-field-errors [problem]="saving.problem()" field="language" id="demo-language-errors" />
        </div>
        <div class="field">
          <label for="demo-age">{{ 'governance.demographics.ageBand' | t }}</label>
          <select id="demo-age" name="ageBand" [(ngModel)]="ageBand" aria-describedby="demo-age-errors">
            <option value="">{{ 'governance.demographics.preferNotToSay' | t }}</option>
            @for (band of ageBands; track band) {
              <option [value]="band">{{ 'governance.ageBands.' + band | t }}</option>
            }
          </select>
          <app-field-errors [problem]="saving.problem()" field="ageBand" id="demo-age-errors" />
        </div>
        <fieldset class="field" aria-describedby="demo-race-hint demo-race-errors">
          <legend>{{ 'governance.demographics.raceEthnicity' | t }}</legend>
          <span class="hint" id="demo-race-hint">{{ 'governance.demographics.raceHint' | t }}</span>
          @for (option of raceOptions; track option) {
            <label class="checkbox">
              <input type="checkbox" [name]="'race-' + option" [ngModel]="race.has(option)" (ngModelChange)="toggleRace(option, $event)" />
              {{ 'governance.race.' + option | t }}
            </label>
          }
          <app-field-errors [problem]="saving.problem()" field="raceEthnicity" id="demo-race-errors" />
        </fieldset>
        <div class="field">
          <label for="demo-neighborhood">{{ 'governance.demographics.neighborhood' | t }}</label>
          <input id="demo-neighborhood" name="neighborhood" [(ngModel)]="neighborhood" maxlength="100" aria-describedby="demo-neighborhood-errors" />
          <app-field-errors [problem]="saving.problem()" field="neighborhood" id="demo-neighborhood-errors" />
        </div>
        <app-problem [problem]="saving.problem()" />
        <div class="actions">
          <button type="submit" class="primary" [disabled]="saving.busy()">{{ 'governance.demographics.save' | t }}</button>
          <button type="button" class="danger" [disabled]="saving.busy()" (click)="remove()">{{ 'governance.demographics.remove' | t }}</button>
        </div>
      </form>
    }
  `,
  styles: `
    fieldset { border: 1px solid var(--ep-border); border-radius: 4px; }
    legend { font-weight: 600; }
    .privacy h2 { margin-top: 0; }
  `,
})
export class MyDemographics {
  private readonly api = inject(Api);
  protected readonly answers = new Loadable<DemographicsDto>();
  protected readonly saving = new Submission();
  protected readonly message = signal('');
  protected readonly ageBands = AGE_BANDS;
  protected readonly raceOptions = RACE_ETHNICITY;
  protected language = '';
  protected ageBand = '';
  protected race = new Set<string>();
  protected neighborhood = '';

  constructor() {
    void this.answers.load(() => this.api.invoke(getMyDemographics)).then((d) => d && this.fill(d));
  }

  private fill(d: DemographicsDto): void {
    this.language = d.language ?? '';
    this.ageBand = d.ageBand ?? '';
    this.race = new Set(d.raceEthnicity);
    this.neighborhood = d.neighborhood ?? '';
  }

  protected toggleRace(option: string, on: boolean): void {
    if (on) {
      this.race.add(option);
    } else {
      this.race.delete(option);
    }
  }

  protected async save(): Promise<void> {
    this.message.set('');
    const saved = await this.saving.run(() =>
      this.api.invoke(saveMyDemographics, {
        body: {
          language: this.language.trim() || null,
          ageBand: this.ageBand || null,
          raceEthnicity: RACE_ETHNICITY.filter((r) => this.race.has(r)),
          neighborhood: this.neighborhood.trim() || null,
        },
      }),
    );
    if (saved) {
      this.fill(saved);
      this.message.set('governance.demographics.saved');
    }
  }

  protected async remove(): Promise<void> {
    this.message.set('');
    const done = await this.saving.run(async () => {
      await this.api.invoke(deleteMyDemographics);
      return true;
    });
    if (done) {
      this.fill({ language: null, ageBand: null, raceEthnicity: [], neighborhood: null });
      this.message.set('governance.demographics.removed');
    }
  }
}
