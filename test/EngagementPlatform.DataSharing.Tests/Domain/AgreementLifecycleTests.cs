using EngagementPlatform.DataSharing;
using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.Framework.Exceptions;

namespace EngagementPlatform.DataSharing.Tests.Domain;

/// <summary>The agreement's state machine without HTTP or a database.</summary>
public sealed class AgreementLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 1);
    private static readonly Guid AgencySigner = Guid.NewGuid();
    private static readonly Guid CommunitySigner = Guid.NewGuid();
    private static readonly Guid UniversitySigner = Guid.NewGuid();

    internal static AgreementContent ThreeParties(DateOnly? from = null, DataSensitivity sensitivity = DataSensitivity.LimitedDataSet) => new(
        "Community health survey data",
        "Share survey answers so the council can see what changed.",
        sensitivity,
        [
            new AgreementParty(Guid.NewGuid(), "County Health Department", PartyKind.Agency, PartyRole.DataProvider, AgencySigner, null),
            new AgreementParty(Guid.NewGuid(), "Eastside Neighbors", PartyKind.CommunityOrganization, PartyRole.CommunityOwner, CommunitySigner, null),
            new AgreementParty(Guid.NewGuid(), "State University", PartyKind.ResearchPartner, PartyRole.Recipient, UniversitySigner, null),
        ],
        [new DataElement("ZIP code", "Five digits", DataSensitivity.LimitedDataSet)],
        new GovernanceTerms("Eastside Neighbors", "Eastside Neighbors, or others with its written consent", true, "A community meeting each spring"),
        ["Program evaluation"],
        "Three years after the end date",
        new DateOnly(2029, 12, 31),
        "Secure deletion with a certificate",
        null,
        from ?? Today,
        new DateOnly(2027, 12, 31));

    private static Agreement Submitted(AgreementContent? content = null)
    {
        var agreement = new Agreement(Guid.NewGuid(), content ?? ThreeParties(), Now);
        agreement.Submit(communityOwnerRequired: true, Guid.NewGuid(), Now);
        return agreement;
    }

    private static void SignAll(Agreement agreement, int skip = 0)
    {
        var version = agreement.Latest;
        foreach (var party in version.Parties.Skip(skip))
        {
            agreement.Sign(version.Number, version.ContentHash!, party.Id, party.SignatoryUserId!.Value, party.Name + " signer", "203.0.113.9", Now, Today);
        }
    }

    [Fact]
    public void Three_parties_make_it_active_only_with_the_third_signature()
    {
        var agreement = Submitted();
        var version = agreement.Latest;
        version.State.ShouldBe(AgreementState.InReview);
        version.ContentHash.ShouldNotBeNull().Length.ShouldBe(64);

        var parties = version.Parties;
        agreement.Sign(1, version.ContentHash!, parties[0].Id, AgencySigner, "Ana Ruiz", "203.0.113.9", Now, Today);
        agreement.Sign(1, version.ContentHash!, parties[1].Id, CommunitySigner, "Bo Lee", null, Now, Today);
        agreement.State.ShouldBe(AgreementState.InReview);

        agreement.Sign(1, version.ContentHash!, parties[2].Id, UniversitySigner, "Cy Diaz", null, Now, Today);
        agreement.State.ShouldBe(AgreementState.Active);
        version.Signatures.Count.ShouldBe(3);
        version.Signatures.ShouldAllBe(s => s.ContentHash == version.ContentHash);
    }

    [Fact]
    public void A_future_effective_date_waits_signed_until_the_daily_step_reaches_it()
    {
        var agreement = Submitted(ThreeParties(from: Today.AddDays(10)));
        SignAll(agreement);
        agreement.State.ShouldBe(AgreementState.Signed);

        agreement.Advance(Now, Today.AddDays(9)).ShouldBeFalse();
        agreement.Advance(Now, Today.AddDays(10)).ShouldBeTrue();
        agreement.State.ShouldBe(AgreementState.Active);
        agreement.Advance(Now, Today.AddDays(10)).ShouldBeFalse();
    }

    [Fact]
    public void Past_its_end_date_it_expires_once()
    {
        var agreement = Submitted();
        SignAll(agreement);

        agreement.Advance(Now, new DateOnly(2027, 12, 31)).ShouldBeFalse();
        agreement.Advance(Now, new DateOnly(2028, 1, 1)).ShouldBeTrue();
        agreement.State.ShouldBe(AgreementState.Expired);
        agreement.Advance(Now, new DateOnly(2028, 1, 2)).ShouldBeFalse();
    }

    [Fact]
    public void An_active_agreement_cannot_be_edited_only_amended_and_version_1_keeps_its_signatures()
    {
        var agreement = Submitted();
        SignAll(agreement);
        var v1Hash = agreement.Current.ContentHash;

        Should.Throw<StateConflictException>(() => agreement.EditDraft(ThreeParties()))
            .Code.ShouldBe(DataSharingErrorCodes.AgreementNotEditable);

        var amendment = agreement.Amend(Now);
        amendment.Number.ShouldBe(2);
        agreement.State.ShouldBe(AgreementState.Active);
        agreement.AmendmentState.ShouldBe(AgreementState.Draft);
        agreement.EditDraft(amendment.Content with { Purpose = "Also share visit counts." });
        agreement.Submit(true, null, Now);
        SignAll(agreement);

        agreement.CurrentVersionNumber.ShouldBe(2);
        agreement.Version(1).State.ShouldBe(AgreementState.Superseded);
        agreement.Version(1).Signatures.Count.ShouldBe(3);
        agreement.Version(1).ContentHash.ShouldBe(v1Hash);
        agreement.Version(1).Purpose.ShouldBe("Share survey answers so the council can see what changed.");
        agreement.Version(2).ContentHash.ShouldNotBe(v1Hash);
    }

    [Fact]
    public void Only_the_named_signatory_signs_once_and_only_what_they_read()
    {
        var agreement = Submitted();
        var version = agreement.Latest;
        var party = version.Parties[0];

        Should.Throw<NotPermittedException>(() => agreement.Sign(1, version.ContentHash!, party.Id, CommunitySigner, "x", null, Now, Today))
            .Code.ShouldBe(DataSharingErrorCodes.NotTheSignatory);
        Should.Throw<StateConflictException>(() => agreement.Sign(1, new string('0', 64), party.Id, AgencySigner, "x", null, Now, Today))
            .Code.ShouldBe(DataSharingErrorCodes.VersionChanged);
        agreement.Sign(1, version.ContentHash!, party.Id, AgencySigner, "Ana", null, Now, Today);
        Should.Throw<StateConflictException>(() => agreement.Sign(1, version.ContentHash!, party.Id, AgencySigner, "Ana", null, Now, Today))
            .Code.ShouldBe(DataSharingErrorCodes.AlreadySigned);
        version.Signatures.Count.ShouldBe(1);
    }

    [Fact]
    public void Phi_needs_a_breach_window_and_a_destruction_date_and_the_tenant_may_require_a_community_owner()
    {
        var phi = ThreeParties(sensitivity: DataSensitivity.PHI);
        Should.Throw<RuleBrokenException>(() => Agreement.CheckReadyForSignature(phi, false)).Code.ShouldBe(DataSharingErrorCodes.PhiNeedsBreachWindow);
        Should.Throw<RuleBrokenException>(() => Agreement.CheckReadyForSignature(phi with { BreachNotificationDays = 30, DestructionDate = null }, false))
            .Code.ShouldBe(DataSharingErrorCodes.PhiNeedsDestructionDate);
        Agreement.CheckReadyForSignature(phi with { BreachNotificationDays = 30 }, false);

        var noOwner = ThreeParties() with { Parties = [.. ThreeParties().Parties.Where(p => p.Role != PartyRole.CommunityOwner)] };
        Agreement.CheckReadyForSignature(noOwner, false);
        Should.Throw<RuleBrokenException>(() => Agreement.CheckReadyForSignature(noOwner, true)).Code.ShouldBe(DataSharingErrorCodes.CommunityOwnerRequired);
    }

    [Fact]
    public void Terminating_ends_the_agreement_and_its_open_amendment_but_the_register_shows_what_was_in_force()
    {
        var agreement = Submitted();
        SignAll(agreement);
        agreement.Amend(Now);

        agreement.Terminate("The study ended early.", Now);

        agreement.State.ShouldBe(AgreementState.Terminated);
        agreement.CurrentVersionNumber.ShouldBe(1);
        agreement.AmendmentState.ShouldBeNull();
        agreement.Version(2).State.ShouldBe(AgreementState.Terminated);
        Should.Throw<StateConflictException>(() => agreement.Amend(Now)).Code.ShouldBe(DataSharingErrorCodes.IllegalTransition);
    }
}
