using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Persistence;

/// <summary>Storage steps for ballots that go beyond what the change tracker does.</summary>
public static class BallotBox
{
    /// <summary>
    /// Stores (or replaces) one voter's ballot and records that they voted, in one statement, if and only if the
    /// decision is open for voting at the moment the statement takes the decision's row lock; answers whether it did.
    /// <para>
    /// No vote waits for another: the statement takes the weakest row lock, <c>FOR KEY SHARE</c>, which any number of
    /// votes hold together (it conflicts only with <c>FOR UPDATE</c>, which closing and withdrawal take), and the
    /// unique keys on (decision, voter) for open ballots, (decision, ballot key) for secret ones and (decision, user)
    /// for participations make a second or concurrent vote of the same voter replace the first
    /// (<c>ON CONFLICT DO UPDATE</c>) instead of adding one; the participation is written once
    /// (<c>ON CONFLICT DO NOTHING</c>).
    /// </para>
    /// <para>
    /// No vote is stored after the close (docs/adr/0012-votes-without-a-row-lock.md). The open-for-voting condition is
    /// part of the locking read, so under READ COMMITTED it holds for the row version the lock was granted on: if a
    /// close (or withdrawal) holds <c>FOR UPDATE</c>, this statement waits for it and, once it has committed,
    /// re-checks the condition on the closed row and writes nothing. If this statement got its lock first, the close's
    /// <c>FOR UPDATE</c> waits until this vote's transaction has committed (or rolled back), so the close counts the
    /// ballots in statements that come after it and sees this one. Either way a vote is counted by the close or not
    /// stored; the caller refuses it when nothing was written.
    /// </para>
    /// <para>
    /// Raw SQL bypasses the global query filters, so the tenant and soft-delete conditions are written out: a request
    /// of one tenant can never write to another's decision. The ballot and the participation take the decision's
    /// tenant. The ballot is written first and the participation from its result, so concurrent votes of one voter
    /// always meet the unique keys in the same order (no deadlock).
    /// </para>
    /// </summary>
    /// <param name="ballotKey">For a secret ballot, the voter's key (then <paramref name="voterUserId"/> is not stored); null for an open ballot.</param>
    public static async Task<bool> CastAsync(
        this IGovernanceDbContext db,
        Guid decisionId,
        Guid voterUserId,
        byte[]? ballotKey,
        bool isCommunity,
        string contentJson,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var ballotId = Guid.NewGuid();
        var written = ballotKey is null
            ? db.Database.SqlQuery<int>(
                $"""
                WITH open_decision AS (
                    SELECT d.id, d.tenant_id FROM governance.decisions d
                    WHERE d.id = {decisionId} AND d.tenant_id IS NOT DISTINCT FROM {db.CurrentTenantId} AND NOT d.is_deleted
                      AND d.state = 'Voting' AND d.voting_closed_at IS NULL AND (d.voting_closes_at IS NULL OR d.voting_closes_at > {now})
                    FOR KEY SHARE),
                ballot AS (
                    INSERT INTO governance.ballots (id, tenant_id, decision_id, voter_user_id, ballot_key, is_community, content_json)
                    SELECT {ballotId}, tenant_id, id, {voterUserId}, NULL, {isCommunity}, CAST({contentJson} AS jsonb) FROM open_decision
                    ON CONFLICT (decision_id, voter_user_id) WHERE voter_user_id IS NOT NULL DO UPDATE SET content_json = EXCLUDED.content_json
                    RETURNING tenant_id, decision_id),
                participation AS (
                    INSERT INTO governance.ballot_participations (tenant_id, decision_id, user_id)
                    SELECT tenant_id, decision_id, {voterUserId} FROM ballot
                    ON CONFLICT (decision_id, user_id) DO NOTHING)
                SELECT count(*)::int AS "Value" FROM ballot
                """)
            : db.Database.SqlQuery<int>(
                $"""
                WITH open_decision AS (
                    SELECT d.id, d.tenant_id FROM governance.decisions d
                    WHERE d.id = {decisionId} AND d.tenant_id IS NOT DISTINCT FROM {db.CurrentTenantId} AND NOT d.is_deleted
                      AND d.state = 'Voting' AND d.voting_closed_at IS NULL AND (d.voting_closes_at IS NULL OR d.voting_closes_at > {now})
                    FOR KEY SHARE),
                ballot AS (
                    INSERT INTO governance.ballots (id, tenant_id, decision_id, voter_user_id, ballot_key, is_community, content_json)
                    SELECT {ballotId}, tenant_id, id, NULL, {ballotKey}, {isCommunity}, CAST({contentJson} AS jsonb) FROM open_decision
                    ON CONFLICT (decision_id, ballot_key) WHERE ballot_key IS NOT NULL DO UPDATE SET content_json = EXCLUDED.content_json
                    RETURNING tenant_id, decision_id),
                participation AS (
                    INSERT INTO governance.ballot_participations (tenant_id, decision_id, user_id)
                    SELECT tenant_id, decision_id, {voterUserId} FROM ballot
                    ON CONFLICT (decision_id, user_id) DO NOTHING)
                SELECT count(*)::int AS "Value" FROM ballot
                """);
        return (await written.ToListAsync(cancellationToken)).Single() == 1;
    }

    /// <summary>
    /// Re-writes every ballot of a secret-ballot decision in the current transaction, so nothing the database keeps
    /// about a row can pair it with the voter who cast it: each ballot gets a fresh random id, loses its key, and is
    /// inserted in random order (gen_random_uuid is drawn from the server's strong random source). All of them then
    /// share this transaction's xmin, their physical order (ctid) and id order are random, and they carry no
    /// timestamps. Contents and the community flag are kept exactly, so a recount gives the same tally.
    /// Runs while the decision's row lock is held (close and withdrawal both take it).
    /// </summary>
    public static Task<int> SealAsync(this IGovernanceDbContext db, Guid decisionId, CancellationToken cancellationToken)
        => db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            WITH cast_ballots AS (
                DELETE FROM governance.ballots WHERE decision_id = {decisionId}
                RETURNING tenant_id, decision_id, is_community, content_json)
            INSERT INTO governance.ballots (id, tenant_id, decision_id, voter_user_id, ballot_key, is_community, content_json)
            SELECT gen_random_uuid(), tenant_id, decision_id, NULL, NULL, is_community, content_json
            FROM cast_ballots
            ORDER BY gen_random_uuid()
            """,
            cancellationToken);
}
