import { Injectable, inject } from '@angular/core';
import { Api } from '../../api/api';
import { amendAgreement } from '../../api/fn/data-sharing/amend-agreement';
import { attestDataDestruction } from '../../api/fn/data-sharing/attest-data-destruction';
import { createAgreement } from '../../api/fn/data-sharing/create-agreement';
import { editAgreementDraft } from '../../api/fn/data-sharing/edit-agreement-draft';
import { exportAgreementsCsv } from '../../api/fn/data-sharing/export-agreements-csv';
import { getAgreement } from '../../api/fn/data-sharing/get-agreement';
import { getAgreementDiff } from '../../api/fn/data-sharing/get-agreement-diff';
import { getAgreementVersion } from '../../api/fn/data-sharing/get-agreement-version';
import { getAgreementVersions } from '../../api/fn/data-sharing/get-agreement-versions';
import { getAgreements } from '../../api/fn/data-sharing/get-agreements';
import { getDataSharingSettings } from '../../api/fn/data-sharing/get-data-sharing-settings';
import { getMySignatureRequests } from '../../api/fn/data-sharing/get-my-signature-requests';
import { returnAgreementToDraft } from '../../api/fn/data-sharing/return-agreement-to-draft';
import { signAgreement } from '../../api/fn/data-sharing/sign-agreement';
import { submitAgreement } from '../../api/fn/data-sharing/submit-agreement';
import { terminateAgreement } from '../../api/fn/data-sharing/terminate-agreement';
import { updateDataSharingSettings } from '../../api/fn/data-sharing/update-data-sharing-settings';
import { StrictHttpResponse } from '../../api/strict-http-response';
import { readBlobError } from '../../shared/download';
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

/**
 * Data sharing's HTTP API (/api/data-sharing) through the generated client, one method per endpoint. The pages work
 * with the shapes in model.ts: the same as the generated ones, with the int32 counts and version numbers as numbers
 * (the generator types every integer as number | string).
 */
@Injectable({ providedIn: 'root' })
export class DataSharingApi {
  private readonly api = inject(Api);

  async register(query: RegisterQuery): Promise<Paged<AgreementSummaryDto>> {
    return (await this.api.invoke(getAgreements, registerParams(query))) as Paged<AgreementSummaryDto>;
  }

  async registerCsv(query: RegisterQuery): Promise<StrictHttpResponse<Blob>> {
    const { SkipCount: _skip, MaxResultCount: _max, Sorting, ...filters } = registerParams(query);
    try {
      return (await this.api.invoke$Response(exportAgreementsCsv, { ...filters, sorting: Sorting })) as unknown as StrictHttpResponse<Blob>;
    } catch (error) {
      throw await readBlobError(error);
    }
  }

  async create(body: AgreementInput): Promise<string> {
    return (await this.api.invoke(createAgreement, { body })).id;
  }

  async get(id: string): Promise<AgreementDto> {
    return (await this.api.invoke(getAgreement, { id })) as AgreementDto;
  }

  editDraft(id: string, body: AgreementInput): Promise<unknown> {
    return this.api.invoke(editAgreementDraft, { id, body });
  }

  submit(id: string): Promise<unknown> {
    return this.api.invoke(submitAgreement, { id });
  }

  returnToDraft(id: string): Promise<unknown> {
    return this.api.invoke(returnAgreementToDraft, { id });
  }

  sign(id: string, body: { versionNumber: number; partyId: string; contentHash: string; typedName: string }): Promise<unknown> {
    return this.api.invoke(signAgreement, { id, body });
  }

  terminate(id: string, reason: string): Promise<unknown> {
    return this.api.invoke(terminateAgreement, { id, body: { reason } });
  }

  async amend(id: string): Promise<{ versionNumber: number }> {
    const created = await this.api.invoke(amendAgreement, { id });
    return { versionNumber: Number(created.versionNumber) };
  }

  async versions(id: string): Promise<VersionSummaryDto[]> {
    return (await this.api.invoke(getAgreementVersions, { id })) as VersionSummaryDto[];
  }

  async version(id: string, number: number): Promise<VersionDto> {
    return (await this.api.invoke(getAgreementVersion, { id, number })) as VersionDto;
  }

  async diff(id: string, from: number, to: number): Promise<AgreementDiffDto> {
    return (await this.api.invoke(getAgreementDiff, { id, from, to })) as AgreementDiffDto;
  }

  attestDestruction(id: string, body: { partyId: string; typedName: string; method: string; destroyedOn: string; note: string | null }): Promise<unknown> {
    return this.api.invoke(attestDataDestruction, { id, body });
  }

  async mySignatureRequests(): Promise<MySignatureRequestDto[]> {
    return (await this.api.invoke(getMySignatureRequests)) as MySignatureRequestDto[];
  }

  async settings(): Promise<DataSharingSettingsDto> {
    return (await this.api.invoke(getDataSharingSettings)) as DataSharingSettingsDto;
  }

  saveSettings(body: DataSharingSettingsDto): Promise<unknown> {
    return this.api.invoke(updateDataSharingSettings, { body });
  }
}

/** The register's query in the generated client's parameter names (the API reads them in any case). */
function registerParams(query: RegisterQuery) {
  return {
    State: query.state,
    Sensitivity: query.sensitivity,
    Party: query.party,
    Filter: query.filter,
    ExpiringWithinDays: query.expiringWithinDays,
    SkipCount: query.SkipCount,
    MaxResultCount: query.MaxResultCount,
    Sorting: query.Sorting,
  };
}
