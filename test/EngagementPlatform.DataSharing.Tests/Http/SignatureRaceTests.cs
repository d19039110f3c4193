using EngagementPlatform.DataSharing.Http;
using EngagementPlatform.DataSharing.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EngagementPlatform.DataSharing.Tests.Http;

/// <summary>
/// The last line of defence behind the agreement's row lock: the database's unique key on (version, party) refusing a
/// second signature is answered as the domain's 409 AlreadySigned, and nothing else is mistaken for it.
/// </summary>
public sealed class SignatureRaceTests
{
    private static DbUpdateException Failure(string sqlState, string? constraint)
        => new("save failed", new PostgresException("duplicate key value", "ERROR", "ERROR", sqlState, constraintName: constraint));

    [Fact]
    public void The_signature_keys_unique_violation_is_a_second_signature()
        => AgreementEndpoints.IsSecondSignature(Failure(PostgresErrorCodes.UniqueViolation, DataSharingModelBuilderExtensions.SignaturePerVersionAndParty)).ShouldBeTrue();

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation, DataSharingModelBuilderExtensions.AttestationPerAgreementAndParty)]
    [InlineData(PostgresErrorCodes.UniqueViolation, null)]
    [InlineData(PostgresErrorCodes.SerializationFailure, DataSharingModelBuilderExtensions.SignaturePerVersionAndParty)]
    [InlineData(PostgresErrorCodes.ForeignKeyViolation, DataSharingModelBuilderExtensions.SignaturePerVersionAndParty)]
    public void Other_failures_are_not(string sqlState, string? constraint)
        => AgreementEndpoints.IsSecondSignature(Failure(sqlState, constraint)).ShouldBeFalse();

    [Fact]
    public void A_failure_without_a_database_error_is_not()
        => AgreementEndpoints.IsSecondSignature(new DbUpdateException("save failed", new InvalidOperationException())).ShouldBeFalse();
}
