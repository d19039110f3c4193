import { Component, ElementRef, computed, effect, inject, input, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Api } from '../../api/api';
import { addDecisionInput } from '../../api/fn/governance/add-decision-input';
import { closeDecision } from '../../api/fn/governance/close-decision';
import { closeVoting } from '../../api/fn/governance/close-voting';
import { getCouncil } from '../../api/fn/governance/get-council';
import { getDecision } from '../../api/fn/governance/get-decision';
import { getDecisionInputs } from '../../api/fn/governance/get-decision-inputs';
import { implementDecision } from '../../api/fn/governance/implement-decision';
import { openDecisionInput } from '../../api/fn/governance/open-decision-input';
import { openVoting } from '../../api/fn/governance/open-voting';
import { recordRecusal } from '../../api/fn/governance/record-recusal';
import { withdrawDecision } from '../../api/fn/governance/withdraw-decision';
import { markDecisionInputSpam } from '../../api/fn/governance/mark-decision-input-spam';
import { publicInputLink } from '../public/public-api';
import { CouncilDto } from '../../api/models/council-dto';
import { DecisionDto } from '../../api/models/decision-dto';
import { InputDto } from '../../api/models/input-dto';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { Empty, FieldErrors, Loading, ProblemAlert } from '../../shared/state';
import { Ballot } from './ballot';
import { stateClass } from './common';
import { RecordForm } from './record-form';
import { TallyView } from './tally';
import { Permission } from '../../shared/permissions';
import { num } from '../../shared/numbers';
import { ListSource } from '../../shared/list';
import { ListPage } from '../../shared/list-page';

type Confirmable = 'openVoting' | 'closeVoting' | 'close' | 'withdraw' | 'implement' | 'record';

/**
 * One decision through its life: the settings, the lifecycle actions the state and the user's permissions allow,
 * input, the ballot, the tally, the record form and, once recorded, how every piece of input was used.
 */
@Component({
  selector: 'app-decision-page',
  imports: [FormsModule, RouterLink, TranslatePipe, Loading, ProblemAlert, FieldErrors, Ballot, TallyView, RecordForm, ListPage],
  templateUrl: './decision-page.html',
  styleUrl: './decision-page.css',
})
export class DecisionPage {
  private readonly api = inject(Api);
  protected readonly i18n = inject(I18n);
  protected readonly config = inject(AppConfig);
  readonly id = input.required<string>();

  protected readonly decision = new Loadable<DecisionDto>();
  protected readonly inputs = new ListSource<InputDto>(() => this.api.invoke(getDecisionInputs, { id: this.id() }));
  protected readonly council = new Loadable<CouncilDto>();
  protected readonly action = new Submission();
  protected readonly giving = new Submission();
  protected readonly spamming = new Submission();
  protected readonly shareStatus = signal('');
  /** The signed-out link to the public input page; it names the partnership so it works for anyone. */
  protected readonly shareLink = computed(() => {
    const token = this.decision.data()?.publicInputToken;
    return token ? publicInputLink(location.origin, token, this.config.tenant()?.name) : '';
  });
  protected readonly stateClass = stateClass;
  protected readonly num = num;
  protected readonly notice = signal('');

  protected readonly canManage = computed(() => this.config.can(Permission.GovernanceDecisionsManage));
  protected readonly canTakePart = computed(() => this.config.can(Permission.GovernanceDecisionsParticipate));
  protected readonly votingClosed = computed(() => !!this.decision.data()?.votingClosedAt);
  protected readonly recorded = computed(() => !!this.decision.data()?.recordedAt);
  protected readonly myInputs = computed(() => {
    const me = this.config.user()?.id;
    return this.inputs.items().filter((i) => i.authorUserId === me);
  });
  protected readonly holders = computed(() =>
    (this.council.data()?.seats ?? []).filter((s) => s.isVoting && s.holder).map((s) => ({ userId: s.holder!.userId, name: s.holder!.name, seat: s.title })),
  );
  protected inputText = '';
  protected withdrawReason = '';
  protected implementNote = '';
  protected implementedOn = '';
  protected recusalUserId = '';
  protected recusalReason = '';
  protected readonly panel = signal<'' | 'withdraw' | 'implement' | 'recusal'>('');

  private readonly dialog = viewChild<ElementRef<HTMLDialogElement>>('confirmDialog');
  protected readonly confirming = signal<Confirmable | null>(null);
  private pending: (() => Promise<void>) | null = null;
  private returnFocus: HTMLElement | null = null;
  protected readonly confirmRecord = (run: () => Promise<void>) => this.ask('record', run);

  constructor() {
    effect(() => {
      const id = this.id();
      void this.reload(id);
    });
  }

  protected async reload(id = this.id()): Promise<void> {
    const decision = await this.decision.load(() => this.api.invoke(getDecision, { id }));
    if (decision) {
      void this.inputs.reload();
      if (this.config.can(Permission.GovernanceCouncils) && this.council.data()?.id !== decision.councilId) {
        void this.council.load(() => this.api.invoke(getCouncil, { id: decision.councilId }));
      }
    }
  }

  /**
   * Input marked as spam needs no answer in the record. A computed signal, not a method: the record form keeps its
   * answers per input list, so it must get the same array until the inputs really change.
   */
  protected readonly answerable = computed(() => this.inputs.items().filter((i) => !i.isSpam));

  protected async copyShareLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.shareLink());
      this.shareStatus.set(this.i18n.t('decisions.share.copied'));
    } catch {
      this.shareStatus.set(this.i18n.t('decisions.share.copyFailed'));
    }
  }

  protected async markSpam(item: InputDto, spam: boolean): Promise<void> {
    const updated = await this.spamming.run(() => this.api.invoke(markDecisionInputSpam, { id: this.id(), inputId: item.id, body: { spam } }));
    if (updated) {
      this.inputs.replace((i) => i.id === updated.id, updated);
      this.notice.set(this.i18n.t(spam ? 'decisions.spam.marked' : 'decisions.spam.unmarked'));
    }
  }

  protected holderName(userId: string): string {
    return this.holders().find((h) => h.userId === userId)?.name ?? userId;
  }

  /** Lifecycle actions that need no more than a click. */
  protected run(kind: 'openInput' | Confirmable): void {
    const id = this.id();
    const calls: Record<string, () => Promise<unknown>> = {
      openInput: () => this.api.invoke(openDecisionInput, { id }),
      openVoting: () => this.api.invoke(openVoting, { id }),
      closeVoting: () => this.api.invoke(closeVoting, { id }),
      close: () => this.api.invoke(closeDecision, { id }),
      withdraw: () => this.api.invoke(withdrawDecision, { id, body: { reason: this.withdrawReason.trim() } }),
      implement: () =>
        this.api.invoke(implementDecision, { id, body: { note: this.implementNote.trim(), implementedOn: this.implementedOn || null } }),
    };
    const go = async () => {
      this.notice.set('');
      const done = await this.action.run(async () => {
        await calls[kind]();
        return true;
      });
      if (done) {
        this.panel.set('');
        this.notice.set(this.i18n.t('decisions.done.' + kind));
        await this.reload();
      }
    };
    if (kind === 'openInput') {
      void go();
    } else {
      this.ask(kind, go);
    }
  }

  protected async recuse(): Promise<void> {
    const id = this.id();
    this.notice.set('');
    const done = await this.action.run(() => this.api.invoke(recordRecusal, { id, body: { userId: this.recusalUserId, reason: this.recusalReason.trim() } }));
    if (done) {
      this.panel.set('');
      this.recusalReason = '';
      this.recusalUserId = '';
      this.decision.data.set(done);
      this.notice.set(this.i18n.t('decisions.done.recusal'));
    }
  }

  protected async giveInput(): Promise<void> {
    const id = this.id();
    const added = await this.giving.run(async () => {
      await this.api.invoke(addDecisionInput, { id, body: { text: this.inputText.trim() } });
      return true;
    });
    if (added) {
      this.inputText = '';
      this.notice.set(this.i18n.t('decisions.inputs.thanks'));
      await this.reload();
    }
  }

  protected async onRecorded(decision: DecisionDto): Promise<void> {
    this.decision.data.set(decision);
    this.notice.set(this.i18n.t('decisions.done.record'));
    await this.reload();
  }

  protected togglePanel(which: 'withdraw' | 'implement' | 'recusal'): void {
    this.action.reset();
    this.panel.set(this.panel() === which ? '' : which);
  }

  private ask(kind: Confirmable, run: () => Promise<void>): void {
    this.pending = run;
    this.returnFocus = document.activeElement as HTMLElement | null;
    this.confirming.set(kind);
    this.dialog()?.nativeElement.showModal();
  }

  protected async answer(yes: boolean): Promise<void> {
    const run = this.pending;
    this.pending = null;
    this.dialog()?.nativeElement.close();
    this.confirming.set(null);
    if (yes && run) {
      await run();
    }
    this.returnFocus?.focus();
  }
}
