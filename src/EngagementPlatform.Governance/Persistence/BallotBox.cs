using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Persistence;

/// <summary>Storage steps for ballots that go beyond what the change tracker does.</summary>
public static class BallotBox
{
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
