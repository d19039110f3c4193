import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api } from '../../api/api';
import { getOutbox } from '../../api/fn/notifications/get-outbox';
import { requeueOutboxMessage } from '../../api/fn/notifications/requeue-outbox-message';
import { OutboxMessageDto } from '../../api/models/outbox-message-dto';
import { OutboxStatus } from '../../api/models/outbox-status';
import { PagedResultOfOutboxMessageDto } from '../../api/models/paged-result-of-outbox-message-dto';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { Loadable, Submission } from '../../shared/async';
import { Empty, Loading, ProblemAlert } from '../../shared/state';
import { Pager, count } from '../admin/pager';

const PAGE_SIZE = 25;

/** Staff: the emails waiting, sent or given up on, with the reason; a failed one can be queued again. */
@Component({
  selector: 'app-outbox',
  imports: [FormsModule, TranslatePipe, Loading, Empty, ProblemAlert, Pager],
  template: `
    <div class="page-header">
      <h1>{{ 'notifications.outbox.title' | t }}</h1>
      <button type="button" (click)="load()" [disabled]="messages.loading()">{{ 'notifications.outbox.refresh' | t }}</button>
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
    <div role="status">
      @if (message()) {
        <p class="notice">{{ message() }}</p>
      }
    </div>
    <app-problem [problem]="acting.problem()" />
    @if (messages.loading()) {
      <app-loading />
    }
    <app-problem [problem]="messages.problem()" />
    @if (messages.data(); as page) {
      @if (page.items.length === 0) {
        <app-empty [message]="status() ? 'notifications.outbox.emptyFiltered' : 'notifications.outbox.empty'" />
      } @else {
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{{ 'notifications.outbox.title' | t }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'notifications.outbox.recipient' | t }}</th>
                <th scope="col">{{ 'notifications.outbox.template' | t }}</th>
                <th scope="col">{{ 'notifications.outbox.status' | t }}</th>
                <th scope="col">{{ 'notifications.outbox.attempts' | t }}</th>
                <th scope="col">{{ 'notifications.outbox.lastError' | t }}</th>
                <th scope="col">{{ 'notifications.outbox.times' | t }}</th>
                <th scope="col">{{ 'notifications.outbox.actions' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (m of page.items; track m.id) {
                <tr>
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
                      <button type="button" [disabled]="acting.busy()" (click)="requeue(m)" [attr.aria-label]="'notifications.outbox.requeueFor' | t: { email: m.toEmail }">
                        {{ 'notifications.outbox.requeue' | t }}
                      </button>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        <app-pager [total]="total(page)" [skip]="skip()" [size]="pageSize" (skipChange)="goTo($event)" />
      }
    }
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
  protected readonly messages = new Loadable<PagedResultOfOutboxMessageDto>();
  protected readonly acting = new Submission();
  protected readonly status = signal<OutboxStatus | ''>('');
  protected readonly skip = signal(0);
  protected readonly message = signal('');
  protected readonly pageSize = PAGE_SIZE;

  constructor() {
    void this.load();
  }

  protected load(): Promise<unknown> {
    return this.messages.load(() =>
      this.api.invoke(getOutbox, { SkipCount: this.skip(), MaxResultCount: PAGE_SIZE, status: this.status() || undefined }),
    );
  }

  protected filter(status: OutboxStatus | ''): void {
    this.status.set(status);
    this.skip.set(0);
    this.message.set('');
    void this.load();
  }

  protected goTo(skip: number): void {
    this.skip.set(skip);
    void this.load();
  }

  protected total(page: PagedResultOfOutboxMessageDto): number {
    return count(page.totalCount);
  }

  protected attempts(m: OutboxMessageDto): number {
    return count(m.attempts);
  }

  protected date(value: string): string {
    return this.i18n.formatDate(value, 'dateTime', this.config.timeZone());
  }

  /** The template and its language as the reader's words, not the API's identifiers. */
  protected templateName(name: string): string {
    const key = `notifications.templateNames.${name}`;
    return this.i18n.has(key) ? this.i18n.t(key) : name;
  }

  protected cultureName(culture: string): string {
    const key = `shell.languages.${culture}`;
    return this.i18n.has(key) ? this.i18n.t(key) : culture;
  }

  protected async requeue(m: OutboxMessageDto): Promise<void> {
    const updated = await this.acting.run(() => this.api.invoke(requeueOutboxMessage, { id: m.id }));
    if (updated) {
      this.messages.data.update((page) => page && { ...page, items: page.items.map((row) => (row.id === updated.id ? updated : row)) });
      this.message.set(this.i18n.t('notifications.outbox.requeued', { email: m.toEmail }));
    }
  }
}
