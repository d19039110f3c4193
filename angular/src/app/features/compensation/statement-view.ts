import { Component, computed, inject, input } from '@angular/core';
import { StatementDto } from '../../api/models/statement-dto';
import { StatementItemDto } from '../../api/models/statement-item-dto';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { formatMoney } from './money';

/** What a statement line says about how it was paid: the method in the reader's language and the reference, if any. */
export function paymentWay(item: Pick<StatementItemDto, 'paidMethod' | 'paidReference'>, t: (key: string) => string): string {
  if (!item.paidMethod) {
    return '';
  }
  const method = t(`compensation.methods.${item.paidMethod}`);
  return item.paidReference ? `${method} (${item.paidReference})` : method;
}

/**
 * One payee's statement for a year: the paid and pending totals per currency, then every line (paid first, then
 * pending) with what it was for, its amount, its status and when and how it was paid. Used by "My payments" and by
 * staff's payee statements.
 */
@Component({
  selector: 'app-statement-view',
  imports: [TranslatePipe],
  template: `
    @let s = statement();
    <h2 id="statement-totals">{{ 'compensation.statement.totalsTitle' | t: { year: s.year } }}</h2>
    @if (s.totals.length) {
      <dl class="totals" aria-labelledby="statement-totals">
        @for (total of s.totals; track total.currency) {
          <div>
            <dt>{{ 'compensation.statement.paid' | t }} ({{ total.currency }})</dt>
            <dd>{{ money(total.paid, total.currency) }}</dd>
          </div>
          <div>
            <dt>{{ 'compensation.statement.pending' | t }} ({{ total.currency }})</dt>
            <dd>{{ money(total.pending, total.currency) }}</dd>
          </div>
        }
      </dl>
    }
    @if (s.items.length === 0) {
      <p class="notice">{{ 'compensation.statement.empty' | t: { year: s.year } }}</p>
    } @else {
      <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="caption()">
        <table>
          <caption class="visually-hidden">{{ caption() }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ 'compensation.statement.for' | t }}</th>
              <th scope="col">{{ 'compensation.items.description' | t }}</th>
              <th scope="col">{{ 'compensation.items.amount' | t }}</th>
              <th scope="col">{{ 'compensation.items.status' | t }}</th>
              <th scope="col">{{ 'compensation.items.paidOn' | t }}</th>
              <th scope="col">{{ 'compensation.statement.how' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (item of s.items; track item.id) {
              <tr>
                <th scope="row" class="wrap">{{ item.source.label || ('compensation.sources.' + item.source.kind | t) }}</th>
                <td class="wrap">{{ item.description }}</td>
                <td class="number">{{ money(item.amount, item.currency) }}</td>
                <td><span class="badge" [class.ok]="item.status === 'Paid'">{{ 'compensation.statuses.' + item.status | t }}</span></td>
                <td>{{ item.paidOn ? date(item.paidOn) : '' }}</td>
                <td>{{ way(item) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .totals { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; margin: 0 0 1rem; }
    .totals dt { font-weight: 600; }
    .totals dd { margin: 0; font-size: 1.2rem; }
    .wrap { overflow-wrap: anywhere; max-width: 18rem; text-align: left; font-weight: normal; }
    .number { text-align: right; white-space: nowrap; }
  `,
})
export class StatementView {
  private readonly i18n = inject(I18n);
  private readonly config = inject(AppConfig);
  readonly statement = input.required<StatementDto>();
  protected readonly caption = computed(() => this.i18n.t('compensation.statement.caption', { name: this.statement().payee.name, year: this.statement().year }));

  protected money(amount: number | string, currency: string): string {
    return formatMoney(this.i18n.language(), amount, currency);
  }

  protected date(value: string): string {
    return this.i18n.formatDate(value, 'date');
  }

  protected way(item: StatementItemDto): string {
    return paymentWay(item, (key) => this.i18n.t(key));
  }
}
