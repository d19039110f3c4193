import { Component, computed, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { Api } from '../../api/api';
import { getDecisions } from '../../api/fn/governance/get-decisions';
import { getCouncil } from '../../api/fn/governance/get-council';
import { getMeeting } from '../../api/fn/governance/get-meeting';
import { recordAttendance } from '../../api/fn/governance/record-attendance';
import { requestAccessSupport } from '../../api/fn/governance/request-access-support';
import { setAccessSupportStatus } from '../../api/fn/governance/set-access-support-status';
import { updateAgenda } from '../../api/fn/governance/update-agenda';
import { AccessSupportDto } from '../../api/models/access-support-dto';
import { AccessSupportKind } from '../../api/models/access-support-kind';
import { AccessSupportStatus } from '../../api/models/access-support-status';
import { CouncilDto } from '../../api/models/council-dto';
import { DecisionSummaryDto } from '../../api/models/decision-summary-dto';
import { MeetingDto } from '../../api/models/meeting-dto';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { Empty, FieldErrors, Loading, ProblemAlert } from '../../shared/state';
import { SUPPORT_KINDS } from './governance-util';
import { Permission } from '../../shared/permissions';
import { focusSoon } from '../../shared/focus';
import { num } from '../../shared/numbers';
import { ListSource } from '../../shared/list';
import { ListColumn, ListPage, ListRow } from '../../shared/list-page';

interface AgendaDraft {
  title: string;
  notes: string;
  decisionId: string;
}

interface Person {
  userId: string;
  name: string;
  seat: string;
}

/** A meeting: its agenda (optionally linking decisions), attendance per seat holder, and access supports. */
@Component({
  selector: 'app-meeting-page',
  imports: [FormsModule, RouterLink, TranslatePipe, Loading, Empty, ProblemAlert, FieldErrors, ListPage, ListRow],
  templateUrl: './meeting.html',
  styleUrl: './meeting.css',
})
export class MeetingPage {
  private readonly api = inject(Api);
  protected readonly i18n = inject(I18n);
  protected readonly config = inject(AppConfig);
  private readonly params = inject(ActivatedRoute).snapshot.paramMap;
  protected readonly councilId = this.params.get('id') ?? '';
  private readonly meetingId = this.params.get('meetingId') ?? '';
  protected readonly canManage = this.config.can(Permission.GovernanceMeetingsManage);
  protected readonly kinds = SUPPORT_KINDS;
  protected readonly num = num;

  protected readonly meeting = new Loadable<MeetingDto>();
  protected readonly council = new Loadable<CouncilDto>();
  protected readonly decisions = new Loadable<DecisionSummaryDto[]>();
  /** The meeting's access supports (they come with the meeting). */
  protected readonly supports = new ListSource<AccessSupportDto>(async () => this.meeting.data()?.accessSupports ?? []);
  protected readonly supportColumns: ListColumn[] = [
    'governance.supports.person',
    'governance.supports.kind',
    'governance.supports.details',
    'governance.supports.status',
    ...(this.canManage ? ['governance.actions'] : []),
  ];
  protected readonly agendaSaving = new Submission();
  protected readonly attendanceSaving = new Submission();
  protected readonly supportSaving = new Submission();
  protected readonly statusSaving = new Submission();
  protected readonly agendaMessage = signal('');
  protected readonly attendanceMessage = signal('');
  protected readonly supportMessage = signal('');
  protected readonly editingAgenda = signal(false);
  protected agenda: AgendaDraft[] = [];
  protected present: Record<string, boolean> = {};
  protected supportKind: AccessSupportKind = 'Interpreter';
  protected supportLanguage = '';
  protected supportDetails = '';
  protected supportFor = '';

  /** Current seat holders, plus anyone already in the attendance record who no longer holds a seat. */
  protected readonly people = computed<Person[]>(() => {
    const seats = this.council.data()?.seats ?? [];
    const list: Person[] = seats.filter((s) => s.holder).map((s) => ({ userId: s.holder!.userId, name: s.holder!.name, seat: s.title }));
    for (const a of this.meeting.data()?.attendance ?? []) {
      if (!list.some((p) => p.userId === a.userId)) {
        list.push({ userId: a.userId, name: a.name, seat: '' });
      }
    }
    return list;
  });

  protected readonly decisionTitles = computed(() => new Map((this.decisions.data() ?? []).map((d) => [d.id, d.title])));

  constructor() {
    effect(() => {
      const meeting = this.meeting.data();
      if (meeting) {
        this.supports.show(meeting.accessSupports);
      }
    });
    void this.loadMeeting();
    void this.council.load(() => this.api.invoke(getCouncil, { id: this.councilId }));
    if (this.config.can(Permission.GovernanceDecisions)) {
      void this.decisions.load(async () => (await this.api.invoke(getDecisions, { councilId: this.councilId, MaxResultCount: 200 })).items);
    }
  }

  private async loadMeeting(): Promise<void> {
    const meeting = await this.meeting.load(() => this.api.invoke(getMeeting, { id: this.councilId, meetingId: this.meetingId }));
    if (meeting) {
      this.syncAttendance(meeting);
    }
  }

  private syncAttendance(meeting: MeetingDto): void {
    this.present = Object.fromEntries(meeting.attendance.map((a) => [a.userId, a.attended]));
  }

  protected when(value: string): string {
    return this.i18n.formatDate(value, 'dateTime', this.config.timeZone());
  }

  protected personName(userId: string | null): string {
    if (!userId || userId === this.config.user()?.id) {
      return this.i18n.t('governance.supports.you');
    }
    return this.people().find((p) => p.userId === userId)?.name || this.i18n.t('governance.supports.someone');
  }

  // Agenda

  protected editAgenda(meeting: MeetingDto): void {
    this.agendaSaving.reset();
    this.agendaMessage.set('');
    this.agenda = meeting.agenda.map((i) => ({ title: i.title, notes: i.notes ?? '', decisionId: i.decisionId ?? '' }));
    if (this.agenda.length === 0) {
      this.agenda.push({ title: '', notes: '', decisionId: '' });
    }
    this.editingAgenda.set(true);
    focusSoon('agenda-title-0');
  }

  protected addItem(): void {
    this.agenda.push({ title: '', notes: '', decisionId: '' });
    focusSoon('agenda-title-' + (this.agenda.length - 1));
  }

  protected removeItem(index: number): void {
    this.agenda.splice(index, 1);
    focusSoon('agenda-add');
  }

  protected moveItem(index: number, by: number): void {
    const target = index + by;
    if (target < 0 || target >= this.agenda.length) {
      return;
    }
    [this.agenda[index], this.agenda[target]] = [this.agenda[target], this.agenda[index]];
    focusSoon(`agenda-${by < 0 ? 'up' : 'down'}-${target}`);
  }

  protected async saveAgenda(): Promise<void> {
    const body = this.agenda.map((i) => ({ title: i.title, notes: i.notes.trim() || null, decisionId: i.decisionId || null }));
    const meeting = await this.agendaSaving.run(() => this.api.invoke(updateAgenda, { id: this.councilId, meetingId: this.meetingId, body }));
    if (meeting) {
      this.meeting.data.set(meeting);
      this.editingAgenda.set(false);
      this.agendaMessage.set('governance.agenda.saved');
    }
  }

  // Attendance

  protected async saveAttendance(): Promise<void> {
    this.attendanceMessage.set('');
    const body = this.people().map((p) => ({ userId: p.userId, attended: this.present[p.userId] === true }));
    const meeting = await this.attendanceSaving.run(() => this.api.invoke(recordAttendance, { id: this.councilId, meetingId: this.meetingId, body }));
    if (meeting) {
      this.meeting.data.set(meeting);
      this.syncAttendance(meeting);
      this.attendanceMessage.set('governance.attendance.saved');
    }
  }

  protected attendedCount(meeting: MeetingDto): number {
    return meeting.attendance.filter((a) => a.attended).length;
  }

  // Access supports

  protected async requestSupport(): Promise<void> {
    this.supportMessage.set('');
    const done = await this.supportSaving.run(async () => {
      await this.api.invoke(requestAccessSupport, {
        id: this.councilId,
        meetingId: this.meetingId,
        body: {
          kind: this.supportKind,
          language: this.supportLanguage.trim() || null,
          details: this.supportDetails.trim() || null,
          userId: this.supportFor || null,
        },
      });
      return true;
    });
    if (done) {
      this.supportLanguage = '';
      this.supportDetails = '';
      this.supportMessage.set('governance.supports.requested');
      await this.meeting.load(() => this.api.invoke(getMeeting, { id: this.councilId, meetingId: this.meetingId }));
    }
  }

  protected async setStatus(support: AccessSupportDto, status: AccessSupportStatus): Promise<void> {
    this.supportMessage.set('');
    const updated = await this.statusSaving.run(() =>
      this.api.invoke(setAccessSupportStatus, { id: this.councilId, meetingId: this.meetingId, supportId: support.id, body: { status } }),
    );
    const meeting = this.meeting.data();
    if (updated && meeting) {
      this.meeting.data.set({ ...meeting, accessSupports: meeting.accessSupports.map((s) => (s.id === updated.id ? updated : s)) });
      this.supportMessage.set('governance.supports.statusSaved');
    }
  }
}
