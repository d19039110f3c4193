/**
 * Data sharing's shapes and the pure helpers the pages share (the request an editor sends, which actions a state
 * allows, how a diff's values read). The API's own types come from the generated client; these are the names the
 * pages use for them.
 */

export type AgreementState = 'Draft' | 'InReview' | 'Signed' | 'Active' | 'Expired' | 'Terminated' | 'Superseded';
export type DataSensitivity = 'Public' | 'Deidentified' | 'LimitedDataSet' | 'PHI';
export type PartyKind = 'Agency' | 'CommunityOrganization' | 'ResearchPartner' | 'Other';
export type PartyRole = 'DataProvider' | 'Recipient' | 'Steward' | 'CommunityOwner';
export type ChangeKind = 'Added' | 'Removed' | 'Changed';

export const STATES: readonly AgreementState[] = ['Draft', 'InReview', 'Signed', 'Active', 'Expired', 'Terminated', 'Superseded'];
export const SENSITIVITIES: readonly DataSensitivity[] = ['Public', 'Deidentified', 'LimitedDataSet', 'PHI'];
export const PARTY_KINDS: readonly PartyKind[] = ['Agency', 'CommunityOrganization', 'ResearchPartner', 'Other'];
export const PARTY_ROLES: readonly PartyRole[] = ['DataProvider', 'Recipient', 'Steward', 'CommunityOwner'];

export interface PartyInput {
  id: string | null;
  name: string;
  kind: PartyKind;
  role: PartyRole;
  signatoryUserId: string | null;
  contactEmail: string | null;
  signatureRequired: boolean;
}

export interface DataElementDto {
  name: string;
  description?: string | null;
  sensitivity: DataSensitivity;
}

export interface GovernanceTermsDto {
  dataOwner: string;
  whoMayPublish: string;
  communityReviewBeforePublication: boolean;
  returnOfResults?: string | null;
}

export interface AgreementInput {
  title: string;
  purpose: string;
  sensitivity: DataSensitivity;
  parties: PartyInput[];
  dataElements: { name: string; description: string | null; sensitivity: DataSensitivity }[];
  governance: { dataOwner: string; whoMayPublish: string; communityReviewBeforePublication: boolean; returnOfResults: string | null };
  permittedUses: string[];
  retentionPeriod: string | null;
  destructionDate: string | null;
  destructionMethod: string | null;
  breachNotificationDays: number | null;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface SignatureDto {
  signerUserId: string;
  typedName: string;
  signedAt: string;
  ipAddress?: string | null;
  contentHash: string;
}

export interface PartyDto {
  id: string;
  name: string;
  kind: PartyKind;
  role: PartyRole;
  signatoryUserId?: string | null;
  signatoryName?: string | null;
  contactEmail?: string | null;
  signatureRequired: boolean;
  signature?: SignatureDto | null;
}

export interface VersionDto {
  number: number;
  state: AgreementState;
  contentHash?: string | null;
  title: string;
  purpose: string;
  sensitivity: DataSensitivity;
  parties: PartyDto[];
  dataElements: DataElementDto[];
  governance: GovernanceTermsDto;
  permittedUses: string[];
  retentionPeriod?: string | null;
  destructionDate?: string | null;
  destructionMethod?: string | null;
  breachNotificationDays?: number | null;
  effectiveFrom: string;
  effectiveTo?: string | null;
  submittedAt?: string | null;
  signedAt?: string | null;
  activatedAt?: string | null;
  endedAt?: string | null;
  terminationReason?: string | null;
}

export interface VersionSummaryDto {
  number: number;
  state: AgreementState;
  title: string;
  submittedAt?: string | null;
  signedAt?: string | null;
  activatedAt?: string | null;
  endedAt?: string | null;
  signatureCount: number;
  requiredSignatureCount: number;
}

export interface DestructionAttestationDto {
  id: string;
  partyId: string;
  partyName: string;
  attestedBy: string;
  typedName: string;
  method: string;
  destroyedOn: string;
  note?: string | null;
  attestedAt: string;
}

export interface SignatureRequestDto {
  versionNumber: number;
  partyId: string;
  partyName: string;
  contentHash: string;
}

export interface AgreementDto {
  id: string;
  state: AgreementState;
  title: string;
  sensitivity: DataSensitivity;
  partyNames: string;
  effectiveFrom: string;
  effectiveTo?: string | null;
  destructionDate?: string | null;
  currentVersionNumber: number;
  latestVersionNumber: number;
  amendmentState?: AgreementState | null;
  concurrencyStamp: string;
  creationTime: string;
  canManage: boolean;
  current: VersionDto;
  amendment?: VersionDto | null;
  versions: VersionSummaryDto[];
  destructionAttestations: DestructionAttestationDto[];
  mySignatureRequests: SignatureRequestDto[];
}

export interface AgreementSummaryDto {
  id: string;
  title: string;
  state: AgreementState;
  amendmentState?: AgreementState | null;
  sensitivity: DataSensitivity;
  partyNames: string;
  effectiveFrom: string;
  effectiveTo?: string | null;
  destructionDate?: string | null;
  currentVersionNumber: number;
  daysUntilEnd?: number | null;
}

export interface MySignatureRequestDto {
  agreementId: string;
  title: string;
  versionNumber: number;
  partyId: string;
  partyName: string;
  submittedAt?: string | null;
}

export interface AgreementChangeDto {
  path: string;
  kind: ChangeKind;
  before?: unknown;
  after?: unknown;
}

export interface AgreementDiffDto {
  from: number;
  to: number;
  changes: AgreementChangeDto[];
}

export interface DataSharingSettingsDto {
  requireCommunityOwner: boolean;
  expiryReminderDays: number[];
  destructionReminderDays: number[];
}

export interface RegisterQuery {
  state?: AgreementState;
  sensitivity?: DataSensitivity;
  party?: string;
  filter?: string;
  expiringWithinDays?: number;
  SkipCount?: number;
  MaxResultCount?: number;
  Sorting?: string;
}

/** What the editor holds: the request, with the permitted uses as editable rows. */
export interface AgreementDraft {
  title: string;
  purpose: string;
  sensitivity: DataSensitivity;
  parties: PartyDraft[];
  dataElements: { name: string; description: string; sensitivity: DataSensitivity }[];
  dataOwner: string;
  whoMayPublish: string;
  communityReviewBeforePublication: boolean;
  returnOfResults: string;
  permittedUses: { text: string }[];
  retentionPeriod: string;
  destructionDate: string;
  destructionMethod: string;
  breachNotificationDays: number | null;
  effectiveFrom: string;
  effectiveTo: string;
}

export interface PartyDraft {
  /** Kept across edits so the party (and what it signed or attested) stays the same party. */
  id: string | null;
  /** The row's key in the form (ids of its inputs), stable while rows are added and removed. */
  key: number;
  name: string;
  kind: PartyKind;
  role: PartyRole;
  signatoryUserId: string;
  contactEmail: string;
  signatureRequired: boolean;
}

let nextKey = 1;

export function emptyParty(): PartyDraft {
  return { id: null, key: nextKey++, name: '', kind: 'CommunityOrganization', role: 'CommunityOwner', signatoryUserId: '', contactEmail: '', signatureRequired: true };
}

export function emptyDraft(today: string): AgreementDraft {
  return {
    title: '',
    purpose: '',
    sensitivity: 'Deidentified',
    parties: [{ ...emptyParty(), kind: 'Agency', role: 'DataProvider' }, emptyParty()],
    dataElements: [{ name: '', description: '', sensitivity: 'Deidentified' }],
    dataOwner: '',
    whoMayPublish: '',
    communityReviewBeforePublication: true,
    returnOfResults: '',
    permittedUses: [{ text: '' }],
    retentionPeriod: '',
    destructionDate: '',
    destructionMethod: '',
    breachNotificationDays: null,
    effectiveFrom: today,
    effectiveTo: '',
  };
}

/** The editor's content for a version being edited (the open draft). */
export function draftOf(version: VersionDto): AgreementDraft {
  return {
    title: version.title,
    purpose: version.purpose,
    sensitivity: version.sensitivity,
    parties: version.parties.map((p) => ({
      id: p.id,
      key: nextKey++,
      name: p.name,
      kind: p.kind,
      role: p.role,
      signatoryUserId: p.signatoryUserId ?? '',
      contactEmail: p.contactEmail ?? '',
      signatureRequired: p.signatureRequired,
    })),
    dataElements: version.dataElements.map((e) => ({ name: e.name, description: e.description ?? '', sensitivity: e.sensitivity })),
    dataOwner: version.governance.dataOwner,
    whoMayPublish: version.governance.whoMayPublish,
    communityReviewBeforePublication: version.governance.communityReviewBeforePublication,
    returnOfResults: version.governance.returnOfResults ?? '',
    permittedUses: version.permittedUses.map((text) => ({ text })),
    retentionPeriod: version.retentionPeriod ?? '',
    destructionDate: version.destructionDate ?? '',
    destructionMethod: version.destructionMethod ?? '',
    breachNotificationDays: version.breachNotificationDays ?? null,
    effectiveFrom: version.effectiveFrom,
    effectiveTo: version.effectiveTo ?? '',
  };
}

const orNull = (value: string) => value.trim() || null;

/** The create / edit-draft request: blank optional texts are left out (null), empty rows are dropped. */
export function agreementInput(draft: AgreementDraft): AgreementInput {
  return {
    title: draft.title.trim(),
    purpose: draft.purpose.trim(),
    sensitivity: draft.sensitivity,
    parties: draft.parties.map((p) => ({
      id: p.id,
      name: p.name.trim(),
      kind: p.kind,
      role: p.role,
      signatoryUserId: p.signatoryUserId || null,
      contactEmail: orNull(p.contactEmail),
      signatureRequired: p.signatureRequired,
    })),
    dataElements: draft.dataElements
      .filter((e) => e.name.trim() || e.description.trim())
      .map((e) => ({ name: e.name.trim(), description: orNull(e.description), sensitivity: e.sensitivity })),
    governance: {
      dataOwner: draft.dataOwner.trim(),
      whoMayPublish: draft.whoMayPublish.trim(),
      communityReviewBeforePublication: draft.communityReviewBeforePublication,
      returnOfResults: orNull(draft.returnOfResults),
    },
    permittedUses: draft.permittedUses.map((u) => u.text.trim()).filter((u) => u),
    retentionPeriod: orNull(draft.retentionPeriod),
    destructionDate: draft.destructionDate || null,
    destructionMethod: orNull(draft.destructionMethod),
    breachNotificationDays: draft.breachNotificationDays ?? null,
    effectiveFrom: draft.effectiveFrom,
    effectiveTo: draft.effectiveTo || null,
  };
}

/**
 * What the editor checks before sending (the API checks the same and more): a PHI agreement needs a
 * breach-notification window and a destruction date. Answers field → translation key.
 */
export function localErrors(draft: AgreementDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.sensitivity === 'PHI') {
    if (draft.breachNotificationDays === null || draft.breachNotificationDays === undefined || String(draft.breachNotificationDays) === '') {
      errors['breachNotificationDays'] = 'dataSharing.editor.phiNeedsBreachWindow';
    }
    if (!draft.destructionDate) {
      errors['destructionDate'] = 'dataSharing.editor.phiNeedsDestructionDate';
    }
  }
  return errors;
}

/** The form field a rule's refusal is about, so its message shows under that field (the rest show above the buttons). */
export const CODE_FIELDS: Readonly<Record<string, string>> = {
  'DataSharing:PhiNeedsBreachWindow': 'breachNotificationDays',
  'DataSharing:PhiNeedsDestructionDate': 'destructionDate',
  'DataSharing:DestructionBeforeStart': 'destructionDate',
  'DataSharing:EndBeforeStart': 'effectiveTo',
  'DataSharing:SensitivityBelowElements': 'sensitivity',
  'DataSharing:TooFewParties': 'parties',
  'DataSharing:SignatoryRequired': 'parties',
  'DataSharing:CommunityOwnerRequired': 'parties',
};

/** The version a signatory is asked to sign, when the agreement read already holds it. */
export function versionToSign(agreement: AgreementDto, versionNumber: number): VersionDto | null {
  for (const version of [agreement.amendment, agreement.current]) {
    if (version && version.number === versionNumber) {
      return version;
    }
  }
  return null;
}

/** The lifecycle actions the latest version's state allows to someone who manages agreements. */
export function allowedActions(agreement: AgreementDto): { edit: boolean; submit: boolean; returnToDraft: boolean; amend: boolean; terminate: boolean } {
  const latest = agreement.amendment ?? agreement.current;
  const manage = agreement.canManage;
  const open = agreement.latestVersionNumber > agreement.currentVersionNumber;
  const inForce = agreement.state === 'Active' || agreement.state === 'Signed';
  return {
    edit: manage && latest.state === 'Draft',
    submit: manage && latest.state === 'Draft',
    returnToDraft: manage && latest.state === 'InReview',
    amend: manage && inForce && !open,
    terminate: manage && inForce,
  };
}

/** A diff value as text: strings as they are, lists joined, anything else as compact JSON; nothing as an empty string. */
export function diffValue(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value.join('; ');
  }
  return JSON.stringify(value);
}

/** Whether a change's path is about a field or under it (`parties[Eastside].role` is under `parties`). */
export function changeTouches(path: string, field: string): boolean {
  return path === field || path.startsWith(field + '.') || path.startsWith(field + '[');
}

/** The register's CSS class for a state: the word is always shown too (never colour alone). */
export function stateBadge(state: AgreementState): string {
  switch (state) {
    case 'Active':
    case 'Signed':
      return 'badge ok';
    case 'Expired':
    case 'Terminated':
      return 'badge bad';
    default:
      return 'badge';
  }
}
