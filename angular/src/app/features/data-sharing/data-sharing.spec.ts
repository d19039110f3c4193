import { describe, expect, it } from 'vitest';
import { Problem } from '../../core/problem';
import { compareRows } from './compare';
import { attestableParties } from './destruction';
import { editorMessages } from './agreement-editor';
import { AgreementDto, VersionDto, agreementInput, allowedActions, diffValue, draftOf, emptyDraft, localErrors } from './model';
import { registerQuery } from './register';
import { parseDays } from './settings';
import { signedMessageKey } from './sign';

function version(overrides: Partial<VersionDto> = {}): VersionDto {
  return {
    number: 1,
    state: 'Draft',
    contentHash: null,
    title: 'Survey data',
    purpose: 'Evaluation',
    sensitivity: 'Deidentified',
    parties: [
      { id: 'p1', name: 'County', kind: 'Agency', role: 'DataProvider', signatoryUserId: 'u1', signatoryName: 'Ann', contactEmail: null, signatureRequired: true, signature: null },
      { id: 'p2', name: 'Eastside', kind: 'CommunityOrganization', role: 'CommunityOwner', signatoryUserId: 'u2', signatoryName: 'Bo', contactEmail: 'e@x.org', signatureRequired: true, signature: null },
    ],
    dataElements: [{ name: 'ZIP code', description: null, sensitivity: 'Deidentified' }],
    governance: { dataOwner: 'Eastside', whoMayPublish: 'County', communityReviewBeforePublication: true, returnOfResults: null },
    permittedUses: ['Evaluation'],
    retentionPeriod: null,
    destructionDate: null,
    destructionMethod: null,
    breachNotificationDays: null,
    effectiveFrom: '2026-01-01',
    effectiveTo: '2027-12-31',
    ...overrides,
  };
}

function agreement(overrides: Partial<AgreementDto> = {}): AgreementDto {
  const current = overrides.current ?? version();
  return {
    id: 'a1',
    state: current.state,
    title: current.title,
    sensitivity: current.sensitivity,
    partyNames: 'County; Eastside',
    effectiveFrom: current.effectiveFrom,
    effectiveTo: current.effectiveTo,
    destructionDate: null,
    currentVersionNumber: 1,
    latestVersionNumber: 1,
    amendmentState: null,
    concurrencyStamp: 's',
    creationTime: '2026-01-01T00:00:00Z',
    canManage: true,
    current,
    amendment: null,
    versions: [],
    destructionAttestations: [],
    mySignatureRequests: [],
    ...overrides,
  };
}

describe('the editor request', () => {
  it('keeps party ids across edits, drops empty rows and sends blank optional texts as null', () => {
    const draft = draftOf(version());
    draft.permittedUses.push({ text: '  ' });
    draft.dataElements.push({ name: '', description: '', sensitivity: 'Public' });
    draft.parties[1].contactEmail = '  ';
    const body = agreementInput(draft);
    expect(body.parties.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(body.parties[1].contactEmail).toBeNull();
    expect(body.permittedUses).toEqual(['Evaluation']);
    expect(body.dataElements).toHaveLength(1);
    expect(body.effectiveTo).toBe('2027-12-31');
    expect(body.destructionDate).toBeNull();
  });

  it('a new party has no id, so the API makes one', () => {
    const body = agreementInput(emptyDraft('2026-03-01'));
    expect(body.parties.every((p) => p.id === null)).toBe(true);
    expect(body.effectiveFrom).toBe('2026-03-01');
  });

  it('asks for a breach window and a destruction date only for PHI', () => {
    const draft = emptyDraft('2026-03-01');
    expect(localErrors(draft)).toEqual({});
    draft.sensitivity = 'PHI';
    expect(Object.keys(localErrors(draft)).sort()).toEqual(['breachNotificationDays', 'destructionDate']);
    draft.breachNotificationDays = 30;
    draft.destructionDate = '2028-01-01';
    expect(localErrors(draft)).toEqual({});
  });

  it('shows a broken rule and the validator field errors under their field', () => {
    const problem: Problem = { status: 422, title: 'Needs a destruction date', code: 'DataSharing:PhiNeedsDestructionDate', errors: { 'parties[0].Name': ['Name is required'] } };
    const t = (key: string) => `t:${key}`;
    expect(editorMessages(problem, 'destructionDate', undefined, t)).toEqual(['Needs a destruction date']);
    expect(editorMessages(problem, 'parties[0].name', undefined, t)).toEqual(['Name is required']);
    expect(editorMessages(problem, 'title', 'dataSharing.x', t)).toEqual(['t:dataSharing.x']);
    expect(editorMessages(null, 'title', undefined, t)).toEqual([]);
  });
});

describe('actions by state', () => {
  it('a draft is edited and submitted; one in review only returns to draft', () => {
    expect(allowedActions(agreement())).toEqual({ edit: true, submit: true, returnToDraft: false, amend: false, terminate: false });
    expect(allowedActions(agreement({ current: version({ state: 'InReview' }) }))).toEqual({ edit: false, submit: false, returnToDraft: true, amend: false, terminate: false });
  });

  it('an active agreement is amended or terminated, never edited; an open amendment is the draft', () => {
    const active = agreement({ current: version({ state: 'Active' }), state: 'Active' });
    expect(allowedActions(active)).toEqual({ edit: false, submit: false, returnToDraft: false, amend: true, terminate: true });
    const amending = agreement({ current: version({ state: 'Active' }), state: 'Active', amendment: version({ number: 2 }), latestVersionNumber: 2 });
    expect(allowedActions(amending)).toEqual({ edit: true, submit: true, returnToDraft: false, amend: false, terminate: true });
  });

  it('nothing for someone who does not manage agreements', () => {
    expect(Object.values(allowedActions(agreement({ canManage: false }))).some((x) => x)).toBe(false);
  });
});

describe('compare', () => {
  it('marks the fields the diff names and leaves the others alone', () => {
    const rows = compareRows(version(), version({ number: 2, effectiveTo: '2028-12-31' }), [
      { path: 'effectiveTo', kind: 'Changed', before: '2027-12-31', after: '2028-12-31' },
      { path: 'parties[Eastside].role', kind: 'Changed', before: 'CommunityOwner', after: 'Steward' },
    ]);
    const changed = rows.filter((r) => r.changes.length).map((r) => r.field);
    expect(changed).toEqual(['parties', 'effectiveTo']);
    expect(rows.find((r) => r.field === 'effectiveTo')).toMatchObject({ before: '2027-12-31', after: '2028-12-31' });
  });

  it('reads diff values as text', () => {
    expect(diffValue(null)).toBe('');
    expect(diffValue(['a', 'b'])).toBe('a; b');
    expect(diffValue(30)).toBe('30');
    expect(diffValue({ a: 1 })).toBe('{"a":1}');
  });
});

describe('register, settings, signing and destruction helpers', () => {
  it('the expiring-soon view asks for 60 days, sorted by end date', () => {
    expect(registerQuery({ state: '', sensitivity: 'PHI', party: ' East ', text: '' }, true)).toEqual({
      state: undefined, sensitivity: 'PHI', party: 'East', filter: undefined, expiringWithinDays: 60, Sorting: 'effectiveTo',
    });
    expect(registerQuery({ state: 'Active', sensitivity: '', party: '', text: 'survey' }, false).expiringWithinDays).toBeUndefined();
  });

  it('reads reminder days and flags what is not a whole number', () => {
    expect(parseDays('60, 30 7')).toEqual([60, 30, 7]);
    expect(parseDays('60, soon').some((d) => Number.isNaN(d))).toBe(true);
  });

  it('says active once the version is active, waiting while others must sign', () => {
    expect(signedMessageKey(agreement({ current: version({ state: 'Active' }) }), 1)).toBe('dataSharing.sign.doneActive');
    expect(signedMessageKey(agreement({ current: version({ state: 'InReview' }) }), 1)).toBe('dataSharing.sign.doneWaiting');
  });

  it('a signatory attests for their own party only; a manager for any party not yet attested', () => {
    const a = agreement({ canManage: false, destructionAttestations: [] });
    expect(attestableParties(a, 'u2').map((p) => p.id)).toEqual(['p2']);
    const managed = agreement({
      destructionAttestations: [{ id: 'd', partyId: 'p1', partyName: 'County', attestedBy: 'u1', typedName: 'Ann', method: 'x', destroyedOn: '2028-01-01', note: null, attestedAt: '2028-01-01T00:00:00Z' }],
    });
    expect(attestableParties(managed, 'u9').map((p) => p.id)).toEqual(['p2']);
  });
});
