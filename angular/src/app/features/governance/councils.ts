import { Component, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { Api } from '../../api/api';
import { getCouncil } from '../../api/fn/governance/get-council';
import { getCouncils } from '../../api/fn/governance/get-councils';
import { CouncilDto } from '../../api/models/council-dto';
import { PagedResultOfCouncilSummaryDto } from '../../api/models/paged-result-of-council-summary-dto';
import { AppConfig } from '../../core/app-config';
import { TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { Empty, Loading, ProblemAlert } from '../../shared/state';
import { CouncilForm } from './council-form';
import { PERMISSIONS, focusSoon, num } from './governance-util';

/** Every council of the partnership with its size, vacancies and whether its make-up meets its rules today. */
@Component({
  selector: 'app-councils',
  imports: [RouterLink, TranslatePipe, Loading, Empty, ProblemAlert, CouncilForm],
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
    @if (councils.loading()) {
      <app-loading />
    }
    <app-problem [problem]="councils.problem()" />
    @if (councils.data(); as page) {
      @if (page.items.length === 0) {
        <app-empty message="governance.councils.empty" />
      } @else {
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{{ 'governance.councils.title' | t }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'governance.councils.name' | t }}</th>
                <th scope="col">{{ 'governance.councils.seats' | t }}</th>
                <th scope="col">{{ 'governance.councils.votingSeats' | t }}</th>
                <th scope="col">{{ 'governance.councils.vacantSeats' | t }}</th>
                <th scope="col">{{ 'governance.councils.composition' | t }}</th>
                @if (canManage) {
                  <th scope="col"><span class="visually-hidden">{{ 'governance.actions' | t }}</span></th>
                }
              </tr>
            </thead>
            <tbody>
              @for (c of page.items; track c.id) {
                <tr>
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
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    }
  `,
  styles: `.hint { color: var(--ep-muted); font-size: 0.9rem; } .table-wrap { position: relative; }`,
})
export class Councils {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  protected readonly canManage = inject(AppConfig).can(PERMISSIONS.manage);
  protected readonly councils = new Loadable<PagedResultOfCouncilSummaryDto>();
  protected readonly opening = new Submission();
  protected readonly formOpen = signal(false);
  protected readonly editing = signal<CouncilDto | null>(null);
  protected readonly num = num;

  constructor() {
    void this.reload();
  }

  protected reload() {
    return this.councils.load(() => this.api.invoke(getCouncils, { MaxResultCount: 1000 }));
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
      await this.reload();
    }
  }
}
