using System.Security.Cryptography;
using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Domain;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.MultiTenancy;

namespace EngagementPlatform.Governance.Domain.Decisions;

public sealed record DecisionOption(Guid Id, string Title);

public sealed record Recusal(Guid UserId, string Reason, DateTimeOffset RecordedAt);

/// <summary>
/// A shared decision of a council: Draft → OpenForInput → Voting → Decided → Implemented → Closed, or Withdrawn.
/// Every other move is refused with <see cref="GovernanceErrorCodes.IllegalTransition"/> and changes nothing.
/// </summary>
[Audited(KeepValues = true)]
public sealed class Decision : FullAuditedAggregateRoot<Guid>, IMultiTenant
{
    private readonly List<DecisionInput> _inputs = [];
    private readonly List<EligibleVoter> _voters = [];

    private Decision()
    {
    }

    public Decision(Guid id, Guid councilId, string title, VotingMethod method, IEnumerable<string> options)
    {
        Id = id;
        CouncilId = councilId;
        Title = title;
        Method = method;
        Options = options.Select(o => new DecisionOption(Guid.CreateVersion7(), o.Trim())).ToList();
    }

    public Guid? TenantId { get; private set; }

    public Guid CouncilId { get; private set; }

    public string Title { get; set; } = string.Empty;

    public string? Description { get; set; }

    public VotingMethod Method { get; private set; }

    public List<DecisionOption> Options { get; private set; } = [];

    public decimal Quorum { get; set; }

    public Threshold Threshold { get; set; }

    public bool SecretBallot { get; set; }

    /// <summary>The measure must also pass among community-side voters alone.</summary>
    public bool ConcurrentMajority { get; set; }

    /// <summary>At least this many community-side voters must vote.</summary>
    public int? CommunityQuorum { get; set; }

    public bool AllowPublicInput { get; private set; }

    /// <summary>The unguessable part of the public input link.</summary>
    [NotAudited]
    public string? PublicInputToken { get; private set; }

    public DateTimeOffset? VotingClosesAt { get; set; }

    public DecisionState State { get; private set; } = DecisionState.Draft;

    public DateTimeOffset? VotingOpenedAt { get; private set; }

    public DateTimeOffset? VotingClosedAt { get; private set; }

    public string? CloseVotingJobId { get; set; }

    /// <summary>By when the decision should be recorded and the loop closed with everyone who took part.</summary>
    public DateTimeOffset? CloseTheLoopDueAt { get; private set; }

    /// <summary>
    /// Key that turns a voter into their secret ballot's key while voting is open, so they can change their vote.
    /// Destroyed when voting closes: from then on nothing links a voter to a ballot.
    /// </summary>
    [NotAudited]
    public byte[]? BallotSecret { get; private set; }

    /// <summary>The tally frozen at close (JSON), never recomputed in place.</summary>
    [NotAudited]
    public string? TallyJson { get; private set; }

    public string? Outcome { get; private set; }

    public string? Rationale { get; private set; }

    public DateTimeOffset? RecordedAt { get; private set; }

    public DateOnly? ImplementedOn { get; private set; }

    public string? ImplementationNote { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? WithdrawnReason { get; private set; }

    public List<Recusal> Recusals { get; private set; } = [];

    public IReadOnlyList<DecisionInput> Inputs => _inputs;

    public IReadOnlyList<EligibleVoter> Voters => _voters;

    public bool IsVotingOpen(DateTimeOffset now) => VotingOpen(State, VotingClosedAt, VotingClosesAt, now);

    /// <summary>The rule of <see cref="IsVotingOpen"/> on bare values, for lists that read columns rather than aggregates.</summary>
    public static bool VotingOpen(DecisionState state, DateTimeOffset? votingClosedAt, DateTimeOffset? votingClosesAt, DateTimeOffset now)
        => state == DecisionState.Voting && votingClosedAt is null && (votingClosesAt is null || now < votingClosesAt);

    public void AllowPublic(bool allow)
    {
        AllowPublicInput = allow;
        PublicInputToken = allow ? PublicInputToken ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant() : null;
    }

    public void OpenInput() => Move(DecisionState.OpenForInput, GovernanceTexts.Actions.OpenInput, DecisionState.Draft);

    /// <summary>
    /// A new input for this decision. The caller adds it to the inputs set itself, so taking input never needs the
    /// decision's earlier inputs in memory.
    /// </summary>
    public DecisionInput NewInput(Guid? authorUserId, string? publicName, string? publicEmail, string text, bool isCommunity, DateTimeOffset now)
    {
        if (State != DecisionState.OpenForInput)
        {
            throw new StateConflictException(GovernanceErrorCodes.InputClosed);
        }

        return new DecisionInput(Guid.CreateVersion7(), Id, authorUserId, publicName, publicEmail, text, isCommunity, now);
    }

    /// <summary>Marks (or unmarks) public input as spam until the decision is recorded; spam needs no answer in the record.</summary>
    public DecisionInput MarkSpam(Guid inputId, bool spam, DateTimeOffset now)
    {
        var input = _inputs.FirstOrDefault(i => i.Id == inputId) ?? throw new EntityNotFoundException(nameof(DecisionInput), inputId);
        if (RecordedAt is not null || State is DecisionState.Withdrawn)
        {
            throw Illegal("changed");
        }

        if (input.AuthorUserId is not null)
        {
            // A member's input is always answered: staff cannot silence members by calling them spam.
            throw new RuleBrokenException(GovernanceErrorCodes.OnlyPublicInputIsSpam);
        }

        input.MarkSpam(spam, now);
        return input;
    }

    public void Recuse(Guid userId, string reason, DateTimeOffset now)
    {
        if (State is not (DecisionState.Draft or DecisionState.OpenForInput))
        {
            throw new StateConflictException(GovernanceErrorCodes.RecusalTooLate);
        }

        Recusals.RemoveAll(r => r.UserId == userId);
        Recusals = [.. Recusals, new Recusal(userId, reason, now)];
    }

    /// <summary>Freezes the electorate: today's voting seat holders, less recusals.</summary>
    public void OpenVoting(DateTimeOffset now, IReadOnlyList<(Guid UserId, SeatCategory Category)> holders)
    {
        EnsureIn(GovernanceTexts.Actions.OpenVoting, DecisionState.Draft, DecisionState.OpenForInput);
        if (VotingClosesAt is { } closes && closes <= now)
        {
            throw new FieldValidationException(Framework.Exceptions.FrameworkErrorCodes.Validation, new Dictionary<string, string[]>
            {
                ["votingClosesAt"] = [GovernanceTexts.DeadlinePassed],
            });
        }

        var recused = Recusals.Select(r => r.UserId).ToHashSet();
        var electorate = holders.Where(h => !recused.Contains(h.UserId)).DistinctBy(h => h.UserId).ToList();
        if (electorate.Count == 0)
        {
            throw new RuleBrokenException(GovernanceErrorCodes.NoEligibleVoters);
        }

        foreach (var (userId, category) in electorate)
        {
            _voters.Add(new EligibleVoter(Id, userId, category));
        }

        State = DecisionState.Voting;
        VotingOpenedAt = now;
        BallotSecret = SecretBallot ? RandomNumberGenerator.GetBytes(32) : null;
        AddDomainEvent(new VotingOpened(TenantId, Id, Title, VotingClosesAt, electorate.Select(e => e.UserId).ToList()));
    }

    /// <summary>Tells eligible voters who have not voted that the deadline is near (raises <see cref="VotingClosingSoon"/>).</summary>
    public void RemindNonVoters(IReadOnlyCollection<Guid> votedUserIds, DateTimeOffset now)
    {
        if (!IsVotingOpen(now) || VotingClosesAt is not { } closesAt)
        {
            return;
        }

        var pending = _voters.Select(v => v.UserId).Where(id => !votedUserIds.Contains(id)).ToList();
        if (pending.Count > 0)
        {
            AddDomainEvent(new VotingClosingSoon(TenantId, Id, Title, closesAt, pending));
        }
    }

    /// <summary>Refuses a vote unless voting is open and the voter is in the frozen electorate.</summary>
    public EligibleVoter EnsureCanVote(Guid userId, DateTimeOffset now)
    {
        var voter = _voters.FirstOrDefault(v => v.UserId == userId);
        EnsureCanVote(State, VotingClosedAt, VotingClosesAt, voter?.Category, now);
        return voter!;
    }

    /// <summary>
    /// The rule of <see cref="EnsureCanVote(Guid, DateTimeOffset)"/> on bare values (the voter's seat category, null
    /// when they are not in the electorate), for casting a vote from a few columns rather than the aggregate.
    /// Returns the voter's category.
    /// </summary>
    public static SeatCategory EnsureCanVote(DecisionState state, DateTimeOffset? votingClosedAt, DateTimeOffset? votingClosesAt, SeatCategory? voterCategory, DateTimeOffset now)
    {
        if (state != DecisionState.Voting)
        {
            throw new StateConflictException(
                state is DecisionState.Draft or DecisionState.OpenForInput ? GovernanceErrorCodes.VotingNotOpen : GovernanceErrorCodes.VotingClosed);
        }

        if (!VotingOpen(state, votingClosedAt, votingClosesAt, now))
        {
            throw new StateConflictException(GovernanceErrorCodes.VotingClosed);
        }

        return voterCategory ?? throw new NotPermittedException(GovernanceErrorCodes.NotEligible);
    }

    /// <summary>The key a secret ballot is stored under while voting is open.</summary>
    public byte[] BallotKeyFor(Guid userId) => BallotKey(BallotSecret, userId);

    /// <summary>The rule of <see cref="BallotKeyFor"/> on the decision's ballot secret.</summary>
    public static byte[] BallotKey(byte[]? ballotSecret, Guid userId)
        => HMACSHA256.HashData(ballotSecret ?? throw new InvalidOperationException("No ballot secret."), userId.ToByteArray());

    /// <summary>Freezes the tally and forgets the ballot secret; the close-the-loop clock starts.</summary>
    public bool CloseVoting(DateTimeOffset now, string tallyJson, int closeTheLoopDays)
    {
        if (State == DecisionState.Voting && VotingClosedAt is not null)
        {
            return false; // already closed: closing twice (the job and a person) is harmless
        }

        EnsureIn(GovernanceTexts.Actions.CloseVoting, DecisionState.Voting);
        VotingClosedAt = VotingClosesAt is { } deadline && deadline < now ? deadline : now;
        TallyJson = tallyJson;
        BallotSecret = null;
        CloseTheLoopDueAt = VotingClosedAt.Value.AddDays(closeTheLoopDays);
        return true;
    }

    /// <summary>Records the outcome; every input must say how it was used. Raises <see cref="DecisionDecided"/>.</summary>
    public void Record(
        DateTimeOffset now,
        string outcome,
        string rationale,
        IReadOnlyDictionary<Guid, (InputUse Use, string Explanation)> uses,
        IReadOnlyList<Guid> voterUserIds,
        bool? passed,
        string? winner)
    {
        if (State != DecisionState.Voting || VotingClosedAt is null)
        {
            throw Illegal(GovernanceTexts.Actions.Record);
        }

        var counted = _inputs.Where(i => !i.IsSpam).ToList();
        var unanswered = counted.Where(i => !uses.ContainsKey(i.Id)).Select(i => i.Id.ToString()).ToArray();
        if (unanswered.Length > 0)
        {
            throw new FieldValidationException(
                GovernanceErrorCodes.InputsNotAnswered,
                new Dictionary<string, string[]> { ["inputUses"] = [GovernanceTexts.InputsWithoutAnswer] }, RefusalKind.RuleBroken).WithData("inputs", string.Join(", ", unanswered));
        }

        foreach (var input in counted)
        {
            var (use, explanation) = uses[input.Id];
            input.Answer(use, explanation);
        }

        Outcome = outcome;
        Rationale = rationale;
        RecordedAt = now;
        State = DecisionState.Decided;
        // Only a confirmed address hears back: an unconfirmed one may belong to someone who never wrote to us.
        var contributors = counted
            .GroupBy(i => i.AuthorUserId?.ToString() ?? $"public:{i.ConfirmedEmail?.ToLowerInvariant() ?? i.Id.ToString()}")
            .Select(g => new DecisionContributor(
                g.First().AuthorUserId,
                g.First().PublicName,
                g.First().ConfirmedEmail,
                g.Select(i => new ContributedInput(i.Id, i.Text, i.Use!.Value.ToString(), i.UseExplanation!)).ToList()))
            .ToList();
        AddDomainEvent(new DecisionDecided(TenantId, Id, CouncilId, Title, outcome, rationale, SecretBallot, passed, winner, contributors, voterUserIds));
    }

    public void Implement(DateOnly implementedOn, string note)
    {
        EnsureIn(GovernanceTexts.Actions.Implement, DecisionState.Decided);
        ImplementedOn = implementedOn;
        ImplementationNote = note;
        State = DecisionState.Implemented;
    }

    public void Close(DateTimeOffset now)
    {
        EnsureIn(GovernanceTexts.Actions.Close, DecisionState.Decided, DecisionState.Implemented);
        ClosedAt = now;
        State = DecisionState.Closed;
    }

    public void Withdraw(string reason)
    {
        if (State == DecisionState.Voting && VotingClosedAt is not null)
        {
            throw Illegal(GovernanceTexts.Actions.Withdraw);
        }

        EnsureIn(GovernanceTexts.Actions.Withdraw, DecisionState.Draft, DecisionState.OpenForInput, DecisionState.Voting);
        WithdrawnReason = reason;
        BallotSecret = null;
        State = DecisionState.Withdrawn;
    }

    /// <summary>Overdue: voting closed, the due date passed, and the loop is still not closed.</summary>
    public bool IsOverdue(DateTimeOffset now) => Overdue(State, RecordedAt, CloseTheLoopDueAt, now);

    /// <summary>The rule of <see cref="IsOverdue"/> on bare values, for lists that read columns rather than aggregates.</summary>
    public static bool Overdue(DecisionState state, DateTimeOffset? recordedAt, DateTimeOffset? closeTheLoopDueAt, DateTimeOffset now)
        => recordedAt is null && closeTheLoopDueAt is { } due && now > due && state == DecisionState.Voting;

    private void Move(DecisionState to, string action, params DecisionState[] from)
    {
        EnsureIn(action, from);
        State = to;
    }

    private void EnsureIn(string action, params DecisionState[] allowed)
    {
        if (!allowed.Contains(State))
        {
            throw Illegal(action);
        }
    }

    /// <summary>Refuses a lifecycle action; the state and the action are words, so the message reads in one language.</summary>
    internal BusinessException Illegal(string action)
        => new StateConflictException(GovernanceErrorCodes.IllegalTransition)
            .WithData("state", StateWord)
            .WithData("action", LocalizableWord.Action(action));

    /// <summary>The state as people see it: a decision whose voting has closed but is not yet recorded reads "Voting closed".</summary>
    private LocalizableWord StateWord => State == DecisionState.Voting && VotingClosedAt is not null
        ? new LocalizableWord(GovernanceTexts.VotingClosedState)
        : LocalizableWord.Of(State);
}

/// <summary>A comment or suggestion on a decision, and, once recorded, how it was used.</summary>
public sealed class DecisionInput : Entity<Guid>, IMultiTenant
{
    private DecisionInput()
    {
    }

    internal DecisionInput(Guid id, Guid decisionId, Guid? authorUserId, string? publicName, string? publicEmail, string text, bool isCommunity, DateTimeOffset createdAt)
    {
        Id = id;
        DecisionId = decisionId;
        AuthorUserId = authorUserId;
        PublicName = publicName;
        PublicEmail = publicEmail;
        Text = text;
        IsCommunityInput = isCommunity;
        CreatedAt = createdAt;
    }

    public Guid? TenantId { get; private set; }

    public Guid DecisionId { get; private set; }

    /// <summary>The member who gave it; null for input from the public link.</summary>
    public Guid? AuthorUserId { get; private set; }

    public string? PublicName { get; private set; }

    public string? PublicEmail { get; private set; }

    public string Text { get; private set; } = string.Empty;

    /// <summary>Came from the community side (public, a community seat, or a member without an institutional role).</summary>
    public bool IsCommunityInput { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public InputUse? Use { get; private set; }

    public string? UseExplanation { get; private set; }

    /// <summary>Staff judged it spam: it needs no answer and nobody is written to about it.</summary>
    public bool IsSpam { get; private set; }

    public DateTimeOffset? MarkedSpamAt { get; private set; }

    /// <summary>When the person confirmed <see cref="PublicEmail"/> through the link mailed to it.</summary>
    public DateTimeOffset? EmailConfirmedAt { get; private set; }

    /// <summary>SHA-256 (hex) of the single-use confirmation link's token while one is outstanding.</summary>
    public string? EmailConfirmationHash { get; private set; }

    /// <summary>The address the close-the-loop mail may go to: only a confirmed one.</summary>
    public string? ConfirmedEmail => EmailConfirmedAt is null ? null : PublicEmail;

    internal void MarkSpam(bool spam, DateTimeOffset now)
    {
        IsSpam = spam;
        MarkedSpamAt = spam ? now : null;
    }

    public void AwaitEmailConfirmation(string tokenHash) => EmailConfirmationHash = tokenHash;

    public void ConfirmEmail(DateTimeOffset now)
    {
        EmailConfirmedAt ??= now;
        EmailConfirmationHash = null;
    }

    internal void Answer(InputUse use, string explanation)
    {
        Use = use;
        UseExplanation = explanation;
    }
}

/// <summary>A member of the electorate frozen when voting opened.</summary>
public sealed class EligibleVoter : IMultiTenant
{
    private EligibleVoter()
    {
    }

    internal EligibleVoter(Guid decisionId, Guid userId, SeatCategory category)
    {
        DecisionId = decisionId;
        UserId = userId;
        Category = category;
    }

    public Guid? TenantId { get; private set; }

    public Guid DecisionId { get; private set; }

    public Guid UserId { get; private set; }

    public SeatCategory Category { get; private set; }

    public bool IsCommunity => Category.IsCommunity();
}

/// <summary>
/// One stored ballot. An open ballot names its voter; a secret ballot carries, while voting is open, only a key
/// derived from the voter and a per-decision secret (so the voter can change it). At close or withdrawal the secret
/// is destroyed and every secret ballot is re-written in random order with a fresh random id and no key
/// (<see cref="Persistence.BallotBox.SealAsync"/>); it has no timestamps, so neither its id, its transaction, its
/// position nor a time can be matched with <see cref="BallotParticipation"/>. See docs/security.md, Votes.
/// </summary>
public sealed class Ballot : IMultiTenant
{
    private Ballot()
    {
    }

    public Ballot(Guid decisionId, Guid? voterUserId, byte[]? ballotKey, bool isCommunity, string contentJson)
    {
        Id = Guid.NewGuid();
        DecisionId = decisionId;
        VoterUserId = voterUserId;
        BallotKey = ballotKey;
        IsCommunity = isCommunity;
        ContentJson = contentJson;
    }

    public Guid Id { get; private set; }

    public Guid? TenantId { get; private set; }

    public Guid DecisionId { get; private set; }

    public Guid? VoterUserId { get; private set; }

    public byte[]? BallotKey { get; private set; }

    public bool IsCommunity { get; private set; }

    public string ContentJson { get; set; } = string.Empty;
}

/// <summary>Who has voted on a decision (for quorum and the feedback loop), never what they chose.</summary>
public sealed class BallotParticipation : IMultiTenant
{
    private BallotParticipation()
    {
    }

    public BallotParticipation(Guid decisionId, Guid userId)
    {
        DecisionId = decisionId;
        UserId = userId;
    }

    public Guid? TenantId { get; private set; }

    public Guid DecisionId { get; private set; }

    public Guid UserId { get; private set; }
}
