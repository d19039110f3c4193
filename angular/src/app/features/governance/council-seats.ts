import { Component, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api } from '../../api/api';
import { addSeat } from '../../api/fn/governance/add-seat';
import { assignSeat } from '../../api/fn/governance/assign-seat';
import { endCurrentTerm } from '../../api/fn/governance/end-current-term';
import { getSeatHistory } from '../../api/fn/governance/get-seat-history';
import { updateSeat } from '../../api/fn/governance/update-seat';
import { getUsers } from '../../api/fn/identity/get-users';
import { AssignmentDto } from '../../api/models/assignment-dto';
import { CouncilDto } from '../../api/models/council-dto';
import { SeatCategory } from '../../api/models/seat-category';
import { SeatDto } from '../../api/models/seat-dto';
import { SeatRole } from '../../api/models/seat-role';
import { UserDto } from '../../api/models/user-dto';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { Empty, FieldErrors, Loading, ProblemAlert } from '../../shared/state';
import { CATEGORIES, ROLES } from './governance-util';
import { Permission } from '../../shared/permissions';
import { focusSoon } from '../../shared/focus';
import { todayIn } from '../../shared/time';
import { ListSource } from '../../shared/list';
import { ListPage, ListRow } from '../../shared/list-page';

/** The seats table with add/edit, assigning a holder for a term, vacating a seat and each seat's history. */
@Component({
  selector: 'app-council-seats',
  imports: [FormsModule, TranslatePipe, Loading, ProblemAlert, FieldErrors, ListPage, ListRow],
  template: `
    <div class="page-header">
      <h2 id="seats-title" tabindex="-1">{{ 'governance.seats.title' | t }}</h2>
      @if (canManage && mode() === null) {
        <button type="button" class="primary" (click)="openSeat(null)">{{ 'governance.seats.add' | t }}</button>
      }
    </div>
    @if (message()) {
      <p class="notice" role="status">{{ message() | t }}</p>
    }
    <app-problem [problem]="acting.problem()" />

    @if (mode() === 'seat') {
      <form class="card" (ngSubmit)="saveSeat()" aria-labelledby="seat-form-title">
        <h3 id="seat-form-title">{{ (editingSeat() ? 'governance.seats.editTitle' : 'governance.seats.addTitle') | t }}</h3>
        <div class="field">
          <label for="seat-title">{{ 'governance.seats.seatTitle' | t }}</label>
          <input id="seat-title" name="title" [(ngModel)]="seatTitle" maxlength="200" aria-describedby="seat-title-errors" />
          <app-field-errors [problem]="saving.problem()" field="title" id="seat-title-errors" />
        </div>
        <div class="field">
          <label for="seat-category">{{ 'governance.seats.category' | t }}</label>
          <select id="seat-category" name="category" [(ngModel)]="seatCategory" aria-describedby="seat-category-errors">
            @for (c of categories; track c) {
              <option [value]="c">{{ 'governance.categories.' + c | t }}</option>
            }
          </select>
          <app-field-errors [problem]="saving.problem()" field="category" id="seat-category-errors" />
        </div>
        <div class="field">
          <label for="seat-voting">{{ 'governance.seats.voting' | t }}</label>
          <select id="seat-voting" name="voting" [(ngModel)]="seatVoting">
            <option [ngValue]="true">{{ 'governance.seats.votingSeat' | t }}</option>
            <option [ngValue]="false">{{ 'governance.seats.nonVotingSeat' | t }}</option>
          </select>
        </div>
        <div class="field">
          <label for="seat-role">{{ 'governance.seats.role' | t }}</label>
          <select id="seat-role" name="role" [(ngModel)]="seatRole">
            @for (r of roles; track r) {
              <option [value]="r">{{ 'governance.roles.' + r | t }}</option>
            }
          </select>
        </div>
        <app-problem [problem]="saving.problem()" />
        <div class="actions">
          <button type="submit" class="primary" [disabled]="saving.busy()">{{ 'governance.save' | t }}</button>
          <button type="button" (click)="close()">{{ 'governance.cancel' | t }}</button>
        </div>
      </form>
    }

    @if (mode() === 'assign' && editingSeat(); as seat) {
      <form class="card" (ngSubmit)="assign()" aria-labelledby="assign-form-title">
        <h3 id="assign-form-title">{{ 'governance.seats.assignTitle' | t: { seat: seat.title } }}</h3>
        @if (users.loading()) {
          <app-loading />
        }
        <app-problem [problem]="users.problem()" />
        <div class="field">
          <label for="assign-user">{{ 'governance.seats.person' | t }}</label>
          <select id="assign-user" name="userId" [(ngModel)]="assignUser" aria-describedby="assign-user-errors">
            <option value="">{{ 'governance.seats.choosePerson' | t }}</option>
            @for (u of users.data() ?? []; track u.id) {
              <option [value]="u.id">{{ u.name || u.userName }} ({{ u.userName }})</option>
            }
          </select>
          <app-field-errors [problem]="saving.problem()" field="userId" id="assign-user-errors" />
        </div>
        <div class="field">
          <label for="assign-start">{{ 'governance.seats.termStart' | t }}</label>
          <input id="assign-start" name="termStart" type="date" [(ngModel)]="termStart" aria-describedby="assign-start-errors" />
          <app-field-errors [problem]="saving.problem()" field="termStart" id="assign-start-errors" />
        </div>
        <div class="field">
          <label for="assign-end">{{ 'governance.seats.termEnd' | t }}</label>
          <span class="hint" id="assign-end-hint">{{ 'governance.seats.termEndHint' | t }}</span>
          <input id="assign-end" name="termEnd" type="date" [(ngModel)]="termEnd" aria-describedby="assign-end-hint assign-end-errors" />
          <app-field-errors [problem]="saving.problem()" field="termEnd" id="assign-end-errors" />
        </div>
        <app-problem [problem]="saving.problem()" />
        <div class="actions">
          <button type="submit" class="primary" [disabled]="saving.busy() || !assignUser">{{ 'governance.seats.assign' | t }}</button>
          <button type="button" (click)="close()">{{ 'governance.cancel' | t }}</button>
        </div>
      </form>
    }

    <app-list-page [list]="seats" key="seats" caption="governance.seats.title" empty="governance.seats.empty"
      [columns]="['governance.seats.seatTitle', 'governance.seats.category', 'governance.seats.voting', 'governance.seats.role', 'governance.seats.holder', 'governance.actions']">
      <ng-template [listRow]="seats" let-s>
        <th scope="row">{{ s.title }}</th>
        <td>{{ 'governance.categories.' + s.category | t }}</td>
        <td>{{ (s.isVoting ? 'governance.seats.votingSeat' : 'governance.seats.nonVotingSeat') | t }}</td>
        <td>{{ 'governance.roles.' + s.role | t }}</td>
        <td>
          @if (s.holder; as h) {
            <strong>{{ h.name }}</strong>
            <div class="term">{{ term(h.termStart, h.termEnd) }}</div>
          } @else {
            <span class="badge bad">{{ 'governance.seats.vacant' | t }}</span>
          }
        </td>
        <td>
          <div class="row-actions">
            @if (canManage) {
              <button type="button" class="link-button" (click)="openSeat(s)">
                {{ 'governance.edit' | t }}<span class="visually-hidden"> {{ s.title }}</span>
              </button>
              @if (s.holder) {
                <button type="button" class="link-button" [disabled]="acting.busy()" (click)="vacate(s)">
                  {{ 'governance.seats.endTerm' | t }}<span class="visually-hidden"> {{ s.title }}</span>
                </button>
              } @else {
                <button type="button" class="link-button" (click)="openAssign(s)">
                  {{ 'governance.seats.assign' | t }}<span class="visually-hidden"> {{ s.title }}</span>
                </button>
              }
            }
            <button type="button" class="link-button" [attr.aria-expanded]="historySeat()?.id === s.id" (click)="toggleHistory(s)">
              {{ 'governance.seats.history' | t }}<span class="visually-hidden"> {{ s.title }}</span>
            </button>
          </div>
        </td>
      </ng-template>
    </app-list-page>

    @if (historySeat(); as seat) {
      <section class="card" aria-labelledby="history-title">
        <h3 id="history-title" tabindex="-1">{{ 'governance.seats.historyTitle' | t: { seat: seat.title } }}</h3>
        <app-list-page [list]="history" key="history" empty="governance.seats.historyEmpty">
          <ul listBody>
            @for (a of history.items(); track a.id) {
              <li>
                <strong>{{ a.name }}</strong>: {{ term(a.termStart, a.termEnd) }}
                @if (a.endedEarly) {
                  <span class="badge">{{ 'governance.seats.endedEarly' | t }}</span>
                }
              </li>
            }
          </ul>
        </app-list-page>
        <button type="button" (click)="historySeat.set(null)">{{ 'governance.close' | t }}</button>
      </section>
    }
  `,
  styles: `
    .term { color: var(--ep-muted); font-size: 0.9rem; }
    .row-actions { display: flex; flex-wrap: wrap; gap: 0.25rem; }
    h2 { margin: 0; }
  `,
})
export class CouncilSeats {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly config = inject(AppConfig);
  readonly council = input.required<CouncilDto>();
  readonly changed = output<void>();
  protected readonly canManage = this.config.can(Permission.GovernanceCouncilsManage);
  protected readonly categories = CATEGORIES;
  protected readonly roles = ROLES;
  protected readonly mode = signal<'seat' | 'assign' | null>(null);
  protected readonly editingSeat = signal<SeatDto | null>(null);
  protected readonly historySeat = signal<SeatDto | null>(null);
  protected readonly message = signal('');
  protected readonly saving = new Submission();
  protected readonly acting = new Submission();
  protected readonly users = new Loadable<UserDto[]>();
  protected readonly history = new ListSource<AssignmentDto>(() => {
    const seat = this.historySeat();
    return seat ? this.api.invoke(getSeatHistory, { id: this.council().id, seatId: seat.id }) : Promise.resolve([]);
  });
  protected readonly seats = new ListSource<SeatDto>(async () => this.council().seats);
  protected seatTitle = '';
  protected seatCategory: SeatCategory = 'CommunityMember';
  protected seatVoting = true;
  protected seatRole: SeatRole = 'Member';
  protected assignUser = '';
  protected termStart = '';
  protected termEnd = '';

  constructor() {
    // The seats come with the council: show them whenever the page hands over a newer council.
    effect(() => this.seats.show(this.council().seats));
  }

  protected term(start: string, end: string | null): string {
    const from = this.i18n.formatDate(start, 'date');
    return end
      ? this.i18n.t('governance.seats.termRange', { start: from, end: this.i18n.formatDate(end, 'date') })
      : this.i18n.t('governance.seats.termOpen', { start: from });
  }

  protected openSeat(seat: SeatDto | null): void {
    this.saving.reset();
    this.message.set('');
    this.editingSeat.set(seat);
    this.seatTitle = seat?.title ?? '';
    this.seatCategory = seat?.category ?? 'CommunityMember';
    this.seatVoting = seat?.isVoting ?? true;
    this.seatRole = seat?.role ?? 'Member';
    this.mode.set('seat');
    focusSoon('seat-title');
  }

  protected openAssign(seat: SeatDto): void {
    this.saving.reset();
    this.message.set('');
    this.editingSeat.set(seat);
    this.assignUser = '';
    this.termStart = todayIn(this.config.timeZone());
    this.termEnd = '';
    this.mode.set('assign');
    if (!this.users.data()) {
      void this.users.load(async () => {
        const page = await this.api.invoke(getUsers, { MaxResultCount: 1000, Sorting: 'name' });
        return page.items.filter((u) => u.isActive);
      });
    }
    focusSoon('assign-user');
  }

  /** Closes the open form; focus goes back to the section heading so keyboard users keep their place. */
  protected close(): void {
    this.mode.set(null);
    this.editingSeat.set(null);
    focusSoon('seats-title');
  }

  protected async saveSeat(): Promise<void> {
    const body = { title: this.seatTitle, category: this.seatCategory, isVoting: this.seatVoting, role: this.seatRole };
    const seat = this.editingSeat();
    const done = await this.saving.run(async () => {
      if (seat) {
        await this.api.invoke(updateSeat, { id: this.council().id, seatId: seat.id, body });
      } else {
        await this.api.invoke(addSeat, { id: this.council().id, body });
      }
      return true;
    });
    if (done) {
      this.close();
      this.message.set(seat ? 'governance.seats.saved' : 'governance.seats.added');
      this.changed.emit();
    }
  }

  protected async assign(): Promise<void> {
    const seat = this.editingSeat();
    if (!seat) {
      return;
    }
    const done = await this.saving.run(async () => {
      await this.api.invoke(assignSeat, {
        id: this.council().id,
        seatId: seat.id,
        body: { userId: this.assignUser, termStart: this.termStart, termEnd: this.termEnd || null },
      });
      return true;
    });
    if (done) {
      this.close();
      this.message.set('governance.seats.assigned');
      this.changed.emit();
    }
  }

  protected async vacate(seat: SeatDto): Promise<void> {
    this.message.set('');
    const done = await this.acting.run(async () => {
      await this.api.invoke(endCurrentTerm, { id: this.council().id, seatId: seat.id });
      return true;
    });
    if (done) {
      this.message.set('governance.seats.vacated');
      if (this.historySeat()?.id === seat.id) {
        this.historySeat.set(null);
      }
      this.changed.emit();
    }
  }

  protected toggleHistory(seat: SeatDto): void {
    if (this.historySeat()?.id === seat.id) {
      this.historySeat.set(null);
      return;
    }
    this.historySeat.set(seat);
    void this.history.reload();
    focusSoon('history-title');
  }
}
