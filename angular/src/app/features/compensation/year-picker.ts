import { Component, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '../../core/i18n';

/** The year a Compensation report shows: a labelled select of recent years. */
@Component({
  selector: 'app-year-picker',
  imports: [FormsModule, TranslatePipe],
  template: `
    <div class="field year">
      <label [for]="inputId()">{{ 'compensation.year' | t }}</label>
      <select [id]="inputId()" [name]="inputId()" [ngModel]="year()" (ngModelChange)="year.set(+$event)">
        @for (y of years(); track y) {
          <option [value]="y">{{ y }}</option>
        }
      </select>
    </div>
  `,
  styles: `.year { max-width: 10rem; }`,
})
export class YearPicker {
  readonly inputId = input('year');
  readonly years = input.required<number[]>();
  readonly year = model.required<number>();
}
