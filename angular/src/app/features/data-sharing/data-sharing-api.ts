import { HttpClient, HttpParams, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { Api } from '../../api/api';
import { StrictHttpResponse } from '../../api/strict-http-response';
import { Paged } from '../../shared/list';
import {
  AgreementDiffDto,
  AgreementDto,
  AgreementInput,
  AgreementSummaryDto,
  DataSharingSettingsDto,
  MySignatureRequestDto,
  RegisterQuery,
  VersionDto,
  VersionSummaryDto,
} from './model';

/** Data sharing's HTTP API (/api/data-sharing), one method per endpoint, through the app's client and interceptor. */
@Injectable({ providedIn: 'root' })
export class DataSharingApi {
  private readonly http = inject(HttpClient);
  private readonly root = `${inject(Api).rootUrl}/api/data-sharing`;

  register(query: RegisterQuery): Promise<Paged<AgreementSummaryDto>> {
    return firstValueFrom(this.http.get<Paged<AgreementSummaryDto>>(`${this.root}/agreements`, { params: params(query) }));
  }

  async registerCsv(query: RegisterQuery): Promise<StrictHttpResponse<Blob>> {
    const response = await firstValueFrom(
      this.http.get(`${this.root}/agreements/register.csv`, { params: params(query), responseType: 'blob', observe: 'response' }),
    );
    return response as HttpResponse<Blob> as StrictHttpResponse<Blob>;
  }

  async create(body: AgreementInput): Promise<string> {
    const created = await firstValueFrom(this.http.post<{ id: string }>(`${this.root}/agreements`, body));
    return created.id;
  }

  get(id: string): Promise<AgreementDto> {
    return firstValueFrom(this.http.get<AgreementDto>(`${this.root}/agreements/${enc(id)}`));
  }

  editDraft(id: string, body: AgreementInput): Promise<unknown> {
    return firstValueFrom(this.http.put(`${this.root}/agreements/${enc(id)}/draft`, body, { responseType: 'text' }));
  }

  submit(id: string): Promise<unknown> {
    return firstValueFrom(this.http.post(`${this.root}/agreements/${enc(id)}/submit`, null, { responseType: 'text' }));
  }

  returnToDraft(id: string): Promise<unknown> {
    return firstValueFrom(this.http.post(`${this.root}/agreements/${enc(id)}/return-to-draft`, null, { responseType: 'text' }));
  }

  sign(id: string, body: { versionNumber: number; partyId: string; contentHash: string; typedName: string }): Promise<unknown> {
    return firstValueFrom(this.http.post(`${this.root}/agreements/${enc(id)}/signatures`, body, { responseType: 'text' }));
  }

  terminate(id: string, reason: string): Promise<unknown> {
    return firstValueFrom(this.http.post(`${this.root}/agreements/${enc(id)}/terminate`, { reason }, { responseType: 'text' }));
  }

  amend(id: string): Promise<{ versionNumber: number }> {
    return firstValueFrom(this.http.post<{ versionNumber: number }>(`${this.root}/agreements/${enc(id)}/amendments`, null));
  }

  versions(id: string): Promise<VersionSummaryDto[]> {
    return firstValueFrom(this.http.get<VersionSummaryDto[]>(`${this.root}/agreements/${enc(id)}/versions`));
  }

  version(id: string, number: number): Promise<VersionDto> {
    return firstValueFrom(this.http.get<VersionDto>(`${this.root}/agreements/${enc(id)}/versions/${number}`));
  }

  diff(id: string, from: number, to: number): Promise<AgreementDiffDto> {
    return firstValueFrom(this.http.get<AgreementDiffDto>(`${this.root}/agreements/${enc(id)}/diff`, { params: { from, to } }));
  }

  attestDestruction(id: string, body: { partyId: string; typedName: string; method: string; destroyedOn: string; note: string | null }): Promise<unknown> {
    return firstValueFrom(this.http.post(`${this.root}/agreements/${enc(id)}/destruction-attestations`, body));
  }

  mySignatureRequests(): Promise<MySignatureRequestDto[]> {
    return firstValueFrom(this.http.get<MySignatureRequestDto[]>(`${this.root}/me/signature-requests`));
  }

  settings(): Promise<DataSharingSettingsDto> {
    return firstValueFrom(this.http.get<DataSharingSettingsDto>(`${this.root}/settings`));
  }

  saveSettings(body: DataSharingSettingsDto): Promise<unknown> {
    return firstValueFrom(this.http.put(`${this.root}/settings`, body, { responseType: 'text' }));
  }
}

function enc(value: string): string {
  return encodeURIComponent(value);
}

function params(query: RegisterQuery): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      result = result.set(key, String(value));
    }
  }
  return result;
}
