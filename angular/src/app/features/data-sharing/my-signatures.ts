import { Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AppConfig } from '../../core/app-config';
import { I18n, TranslatePipe } from '../../core/i18n';
import { ListSource } from '../../shared/list';
import { ListColumn, ListPage, ListRow } from '../../shared/list-page';
import { MySignatureRequests } from './my-signature-requests';
import { MySignatureRequestDto } from './model';

/** The agreements waiting for the signed-in person's signature, each with a link to read and sign it. */
@Component({
  selector: 'app-my-signatures',
  imports: [RouterLink, TranslatePipe, ListPage, ListRow],
  template: `
    <h1 id="my-signatures-title" tabindex="-1">{{ 'dataSharing.mySignatures.title' | t }}</h1>
    <p class="hint">{{ 'dataSharing.mySignatures.intro' | t }}</p>
    <app-list-page [list]="requests" key="my-signatures" caption="dataSharing.mySignatures.caption" [columns]="columns" empty="dataSharing.mySignatures.empty">
      <ng-template [listRow]="requests" let-r>
        <th scope="row">{{ r.title }}</th>
        <td>{{ r.partyName }}</td>
        <td>{{ 'dataSharing.detail.versionNumber' | t: { version: r.versionNumber } }}</td>
        <td>{{ dateTime(r.submittedAt) }}</td>
        <td>
          <a [routerLink]="['/data-sharing/agreements', r.agreementId, 'sign']">
            {{ 'dataSharing.mySignatures.sign' | t }}<span class="visually-hidden"> {{ r.title }}</span>
          </a>
        </td>
      </ng-template>
    </app-list-page>
  `,
})
export class MySignatures {
  private readonly service = inject(MySignatureRequests);
  private readonly i18n = inject(I18n);
  private readonly config = inject(AppConfig);
  protected readonly columns: ListColumn[] = [
    'dataSharing.mySignatures.agreement', 'dataSharing.mySignatures.party', 'dataSharing.detail.version', 'dataSharing.detail.submittedAt',
    { label: 'dataSharing.actions', hidden: true },
  ];
  protected readonly requests = new ListSource<MySignatureRequestDto>(() => this.service.refresh());

  constructor() {
    void this.requests.reload();
  }

  protected dateTime(value: string | null | undefined): string {
    return value ? this.i18n.formatDate(value, 'dateTime', this.config.timeZone()) : '';
  }
}
