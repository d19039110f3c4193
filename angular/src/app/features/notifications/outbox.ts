import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api } from '../../api/api';
import { getOutbox } from '../../api/fn/notifications/get-outbox';
import { requeueOutboxMessage } from '../../api/fn/notifications/requeue-outbox-message';
import { OutboxMessageDto } from '../../api/models/outbox-message-dto';
import { OutboxStatus } from '../../api/models/outbox-status';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Submission } from '../../shared/async';
import { ListSource } from '../../shared/list';
import { ListPage, ListRow } from '../../shared/list-page';
import { RowActions } from '../../shared/row-actions';
import { num } from '../../shared/numbers';

const PAGE_SIZE = 25;

/** Staff: the emails waiting, sent or given up on, with the reason; a failed one can be queued again. */
@Component({
  selector: 'app-outbox',
  imports: [FormsModule, TranslatePipe, ListPage, ListRow],
  template: `
    <div class="page-header">
      <h1>{{ 'notifications.outbox.title' | t }}</h1>
      <button type="button" (click)="messages.reload()" [disabled]="messages.loading()">{{ 'notifications.outbox.refresh' | t }}</button>
    </div>
    <div class="field">
      <label for="outbox-status">{{ 'notifications.outbox.filter' | t }}</label>
      <select id="outbox-status" [ngModel]="status()" (ngModelChange)="filter($event)">
        <option value="">{{ 'notifications.outbox.all' | t }}</option>
        @for (s of statuses; track s) {
          <option [value]="s">{{ 'notifications.status.' + s | t }}</option>
        }
      </select>
    </div>
    <app-list-page [list]="messages" key="outbox" caption="notifications.outbox.title"
      [columns]="['notifications.outbox.recipient', 'notifications.outbox.template', 'notifications.outbox.status', 'notifications.outbox.attempts', 'notifications.outbox.lastError', 'notifications.outbox.times', 'notifications.outbox.actions']" [empty]="status() ? 'notifications.outbox.emptyFiltered' : 'notifications.outbox.empty'" [actions]="rows">
      <ng-template [listRow]="messages" let-m>
        <th scope="row" class="wrap">{{ m.toEmail }}</th>
        <td>
          <span class="template">{{ templateName(m.template) }}</span> ({{ cultureName(m.culture) }})
          <br /><small>{{ m.subject }}</small>
        </td>
        <td>
          <span class="badge" [class.ok]="m.status === 'Sent'" [class.bad]="m.status === 'Failed'">{{ 'notifications.status.' + m.status | t }}</span>
        </td>
        <td>{{ i18n.formatNumber(attempts(m)) }}</td>
        <td class="wrap">{{ m.lastError }}</td>
        <td>
          <small>{{ 'notifications.outbox.created' | t: { time: date(m.createdAt) } }}</small>
          @if (m.sentAt) {
            <br /><small>{{ 'notifications.outbox.sent' | t: { time: date(m.sentAt) } }}</small>
          } @else if (m.status === 'Pending') {
            <br /><small>{{ 'notifications.outbox.next' | t: { time: date(m.nextAttemptAt) } }}</small>
          }
        </td>
        <td>
          @if (m.status === 'Failed') {
            <button type="button" [disabled]="rows.acting.busy()" (click)="requeue(m)" [attr.aria-label]="'notifications.outbox.requeueFor' | t: { email: m.toEmail }">
              {{ 'notifications.outbox.requeue' | t }}
            </button>
          }
        </td>
      </ng-template>
    </app-list-page>
  `,
  styles: `
    .wrap { overflow-wrap: anywhere; max-width: 18rem; }
    .template { font-family: monospace; }
  `,
})
export class Outbox {
  private readonly api = inject(Api);
  protected readonly i18n = inject(I18n);
  private readonly config = inject(AppConfig);
  protected readonly statuses: OutboxStatus[] = ['Pending', 'Sent', 'Failed'];
  protected readonly messages = new ListSource<OutboxMessageDto>((query) => this.api.invoke(getOutbox, { ...query, status: this.status() || undefined }), PAGE_SIZE);
  protected readonly rows = new RowActions<OutboxMessageDto>('outbox', this.messages);
  protected readonly status = signal<OutboxStatus | ''>('');

  constructor() {
    void this.messages.reload();
  }

  protected filter(status: OutboxStatus | ''): void {
    this.status.set(status);
    this.rows.say('');
    void this.messages.search();
  }

  protected attempts(m: OutboxMessageDto): number {
    return num(m.attempts);
  }

  protected date(value: string): string {
    return this.i18n.formatDate(value, 'dateTime', this.config.timeZone());
  }

  /** The template and its language as the reader's words, not the API's identifiers. */
  protected templateName(name: string): string {
    return this.i18n.optional(`notifications.templateNames.${name}`, name);
  }

  protected cultureName(culture: string): string {
    return this.i18n.optional(`shell.languages.${culture}`, culture);
  }

  protected async requeue(m: OutboxMessageDto): Promise<void> {
    const updated = await this.rows.acting.run(() => this.api.invoke(requeueOutboxMessage, { id: m.id }));
    if (updated) {
      this.messages.replace((row) => row.id === updated.id, updated);
      this.rows.say(this.i18n.t('notifications.outbox.requeued', { email: m.toEmail }));
    }
  }
}
