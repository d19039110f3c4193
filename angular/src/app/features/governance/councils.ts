import { Component, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { Api } from '../../api/api';
import { getCouncil } from '../../api/fn/governance/get-council';
import { getCouncils } from '../../api/fn/governance/get-councils';
import { CouncilDto } from '../../api/models/council-dto';
import { CouncilSummaryDto } from '../../api/models/council-summary-dto';
import { AppConfig } from '../../core/app-config';
import { TranslatePipe } from '../../core/i18n';
import { Submission } from '../../shared/async';
import { ProblemAlert } from '../../shared/state';
import { ListSource } from '../../shared/list';
import { ListColumn, ListPage, ListRow } from '../../shared/list-page';
import { CouncilForm } from './council-form';
import { Permission } from '../../shared/permissions';
import { focusSoon } from '../../shared/focus';
import { num } from '../../shared/numbers';

/** Every council of the partnership with its size, vacancies and whether its make-up meets its rules today. */
@Component({
  selector: 'app-councils',
  imports: [RouterLink, TranslatePipe, ProblemAlert, CouncilForm, ListPage, ListRow],
  template: `
    <div class="page-header">
      <h1 id="councils-title" tabindex="-1">{{ 'governance.councils.title' | t }}</h1>
      @if (canManage && !formOpen()) {
        <button type="button" class="primary" (click)="openCreate()">{{ 'governance.councils.create' | t }}</button>
      }
    </div>
    <p>{{ 'governance.councils.intro' | t }}</p>
    @if (formOpen()) {
      <app-council-form [council]="editing()" (saved)="saved($event)" (cancelled)="closeForm()" />
    }
    <app-problem [problem]="opening.problem()" />
    <app-list-page [list]="councils" key="councils" caption="governance.councils.title"
      [columns]="columns" empty="governance.councils.empty">
      <ng-template [listRow]="councils" let-c>
        <td>
          <a [routerLink]="['/governance/councils', c.id]">{{ c.name }}</a>
          @if (c.description) {
            <div class="hint">{{ c.description }}</div>
          }
        </td>
        <td>{{ num(c.seats) }}</td>
        <td>{{ num(c.votingSeats) }}</td>
        <td>{{ num(c.vacantSeats) }}</td>
        <td>
          <span class="badge" [class.ok]="c.compliant" [class.bad]="!c.compliant">
            {{ (c.compliant ? 'governance.compliance.compliant' : 'governance.compliance.notCompliant') | t }}
          </span>
        </td>
        @if (canManage) {
          <td>
            <button type="button" class="link-button" [disabled]="opening.busy()" (click)="openEdit(c.id)">
              {{ 'governance.edit' | t }}<span class="visually-hidden"> {{ c.name }}</span>
            </button>
          </td>
        }
      </ng-template>
    </app-list-page>
  `,
  styles: `.hint { color: var(--ep-muted); font-size: 0.9rem; }`,
})
export class Councils {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  protected readonly canManage = inject(AppConfig).can(Permission.GovernanceCouncilsManage);
  protected readonly columns: ListColumn[] = [
    'governance.councils.name', 'governance.councils.seats', 'governance.councils.votingSeats', 'governance.councils.vacantSeats', 'governance.councils.composition',
    ...(this.canManage ? [{ label: 'governance.actions', hidden: true as const }] : []),
  ];
  protected readonly councils = new ListSource<CouncilSummaryDto>(() => this.api.invoke(getCouncils, { MaxResultCount: 1000 }));
  protected readonly opening = new Submission();
  protected readonly formOpen = signal(false);
  protected readonly editing = signal<CouncilDto | null>(null);
  protected readonly num = num;

  constructor() {
    void this.councils.reload();
  }


  protected openCreate(): void {
    this.editing.set(null);
    this.formOpen.set(true);
  }

  protected async openEdit(id: string): Promise<void> {
    this.formOpen.set(false);
    const council = await this.opening.run(() => this.api.invoke(getCouncil, { id }));
    if (council) {
      this.editing.set(council);
      this.formOpen.set(true);
    }
  }

  protected closeForm(): void {
    this.formOpen.set(false);
    this.editing.set(null);
    focusSoon('councils-title');
  }

  protected async saved(id: string): Promise<void> {
    const created = this.editing() === null;
    this.closeForm();
    if (created && id) {
      await this.router.navigate(['/governance/councils', id]);
    } else {
      await this.councils.reload();
    }
  }
}
