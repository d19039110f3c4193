import { Component, OnInit, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { Api } from '../../api/api';
import { createMeeting } from '../../api/fn/governance/create-meeting';
import { getMeetings } from '../../api/fn/governance/get-meetings';
import { MeetingDto } from '../../api/models/meeting-dto';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Submission } from '../../shared/async';
import { FieldErrors, ProblemAlert } from '../../shared/state';
import { ListSource } from '../../shared/list';
import { ListPage, ListRow } from '../../shared/list-page';
import { Permission } from '../../shared/permissions';
import { focusSoon } from '../../shared/focus';
import { num } from '../../shared/numbers';
import { zonedToIso } from '../../shared/time';
import { Creator } from '../../shared/created';

/** The council's meetings, newest first, and scheduling a new one in the partnership's time zone. */
@Component({
  selector: 'app-council-meetings',
  imports: [FormsModule, RouterLink, TranslatePipe, ProblemAlert, FieldErrors, ListPage, ListRow],
  template: `
    <div class="page-header">
      <h2 id="meetings-title" tabindex="-1">{{ 'governance.meetings.title' | t }}</h2>
      @if (canManage && !formOpen()) {
        <button type="button" class="primary" (click)="openForm()">{{ 'governance.meetings.schedule' | t }}</button>
      }
    </div>
    @if (message()) {
      <p class="notice" role="status">{{ message() | t }}</p>
    }
    @if (formOpen()) {
      <form class="card" (ngSubmit)="create()" aria-labelledby="meeting-form-title">
        <h3 id="meeting-form-title">{{ 'governance.meetings.scheduleTitle' | t }}</h3>
        <div class="field">
          <label for="meeting-title">{{ 'governance.meetings.meetingTitle' | t }}</label>
          <input id="meeting-title" name="title" [(ngModel)]="title" maxlength="300" aria-describedby="meeting-title-errors" />
          <app-field-errors [problem]="saving.problem()" field="title" id="meeting-title-errors" />
        </div>
        <div class="field">
          <label for="meeting-start">{{ 'governance.meetings.startsAt' | t }}</label>
          <span class="hint" id="meeting-start-hint">{{ 'governance.meetings.timeZoneHint' | t: { zone: config.timeZone() } }}</span>
          <input id="meeting-start" name="startsAt" type="datetime-local" [(ngModel)]="startsAt" aria-describedby="meeting-start-hint meeting-start-errors" />
          <app-field-errors [problem]="saving.problem()" field="startsAt" id="meeting-start-errors" />
        </div>
        <div class="field">
          <label for="meeting-duration">{{ 'governance.meetings.duration' | t }}</label>
          <input id="meeting-duration" name="duration" type="number" min="1" max="1440" [(ngModel)]="duration" aria-describedby="meeting-duration-errors" />
          <app-field-errors [problem]="saving.problem()" field="durationMinutes" id="meeting-duration-errors" />
        </div>
        <div class="field">
          <label for="meeting-location">{{ 'governance.meetings.location' | t }}</label>
          <input id="meeting-location" name="location" [(ngModel)]="location" maxlength="500" aria-describedby="meeting-location-errors" />
          <app-field-errors [problem]="saving.problem()" field="location" id="meeting-location-errors" />
        </div>
        <app-problem [problem]="saving.problem()" />
        <div class="actions">
          <button type="submit" class="primary" [disabled]="saving.busy()">{{ 'governance.meetings.create' | t }}</button>
          <button type="button" (click)="closeForm()">{{ 'governance.cancel' | t }}</button>
        </div>
      </form>
    }
    <app-list-page [list]="meetings" key="meetings" caption="governance.meetings.title"
      [columns]="['governance.meetings.meetingTitle', 'governance.meetings.when', 'governance.meetings.duration', 'governance.meetings.attended']" empty="governance.meetings.empty">
      <ng-template [listRow]="meetings" let-m>
        <td><a [routerLink]="['/governance/councils', councilId(), 'meetings', m.id]">{{ m.title }}</a></td>
        <td>{{ when(m.startsAt) }}</td>
        <td>{{ 'governance.meetings.minutes' | t: { count: num(m.durationMinutes) } }}</td>
        <td>{{ attended(m.attendance) }}</td>
      </ng-template>
    </app-list-page>
  `,
  styles: `h2 { margin: 0; }`,
})
export class CouncilMeetings implements OnInit {
  private readonly api = inject(Api);
  private readonly creator = inject(Creator);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  protected readonly config = inject(AppConfig);
  readonly councilId = input.required<string>();
  protected readonly canManage = this.config.can(Permission.GovernanceMeetingsManage);
  protected readonly meetings = new ListSource<MeetingDto>(() => this.api.invoke(getMeetings, { id: this.councilId(), MaxResultCount: 200 }));
  protected readonly saving = new Submission();
  protected readonly formOpen = signal(false);
  protected readonly message = signal('');
  protected readonly num = num;
  protected title = '';
  protected startsAt = '';
  protected duration: number | null = 90;
  protected location = '';

  ngOnInit(): void {
    void this.meetings.reload();
  }


  protected when(value: string): string {
    return this.i18n.formatDate(value, 'dateTime', this.config.timeZone());
  }

  protected attended(list: { attended: boolean }[]): string {
    return list.length ? String(list.filter((a) => a.attended).length) : this.i18n.t('governance.meetings.notRecorded');
  }

  protected openForm(): void {
    this.saving.reset();
    this.message.set('');
    this.title = '';
    this.startsAt = '';
    this.duration = 90;
    this.location = '';
    this.formOpen.set(true);
    focusSoon('meeting-title');
  }

  protected closeForm(): void {
    this.formOpen.set(false);
    focusSoon('meetings-title');
  }

  protected async create(): Promise<void> {
    this.message.set('');
    const created = await this.saving.run(() =>
      this.creator.create(createMeeting, {
        id: this.councilId(),
        body: {
          title: this.title,
          startsAt: this.startsAt ? zonedToIso(this.startsAt, this.config.timeZone()) : (null as unknown as string),
          durationMinutes: this.duration ?? 0,
          location: this.location.trim() || null,
          agenda: null,
        },
      }),
    );
    if (created !== undefined) {
      this.closeForm();
      const id = created;
      if (id) {
        await this.router.navigate(['/governance/councils', this.councilId(), 'meetings', id]);
      } else {
        this.message.set('governance.meetings.created');
        await this.meetings.reload();
      }
    }
  }
}
