namespace EngagementPlatform.DataSharing.Domain;

/// <summary>
/// Where a version of an agreement stands. Draft → InReview (submitted) → Signed (every required signatory signed) →
/// Active (on its effective date, in the partnership's time zone) → Expired (after its end date) or Terminated (with a
/// reason); an amendment that becomes active leaves the version it replaces Superseded. An agreement's own state is
/// the state of its governing version (<see cref="Agreement.State"/>).
/// </summary>
public enum AgreementState
{
    Draft,
    InReview,
    Signed,
    Active,
    Expired,
    Terminated,
    Superseded,
}

/// <summary>How sensitive the data is, from least to most: the order matters (an agreement is as sensitive as its most sensitive element).</summary>
public enum DataSensitivity
{
    Public,
    Deidentified,
    LimitedDataSet,
    PHI,
}

public enum PartyKind
{
    Agency,
    CommunityOrganization,
    ResearchPartner,
    Other,
}

public enum PartyRole
{
    DataProvider,
    Recipient,
    Steward,
    CommunityOwner,
}
