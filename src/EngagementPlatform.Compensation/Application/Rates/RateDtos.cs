using EngagementPlatform.Compensation.Domain;

namespace EngagementPlatform.Compensation.Application.Rates;

/// <summary>A rate version as lists and details show it; <c>councilId</c> null means the whole partnership.</summary>
public sealed record RateDto(
    Guid Id,
    string Name,
    RateUnit Unit,
    decimal Amount,
    string Currency,
    Guid? CouncilId,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    Guid? PreviousVersionId,
    DateTimeOffset CreationTime);

public sealed record RateRequest(string Name, RateUnit Unit, decimal Amount, string Currency, Guid? CouncilId, DateOnly? EffectiveFrom);

public sealed record RateVersionRequest(decimal Amount, string? Currency, DateOnly EffectiveFrom);

internal static class RateRules
{
    /// <summary>A positive unit amount with at most four decimals (an item's total is rounded to the minor unit).</summary>
    public static bool IsValidUnitAmount(decimal amount) => amount > 0 && amount < 100_000_000m && decimal.Round(amount, Currencies.MaxUnitAmountDecimals) == amount;
}
