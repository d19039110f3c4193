using System.Globalization;
using EngagementPlatform.Framework.Exceptions;

namespace EngagementPlatform.Compensation.Domain;

/// <summary>
/// An amount of one currency: a decimal (never a float) and its ISO 4217 code. Arithmetic never mixes currencies: a
/// sum of two currencies is refused with <see cref="CompensationErrorCodes.CurrencyMismatch"/>.
/// <para>
/// Rounding (docs/adr/0014-money-rounding.md): an amount is rounded to the currency's minor unit (cents for USD) ONCE,
/// when an item's total is computed from its quantity and unit amount (<see cref="Times"/>), half away from zero
/// (<see cref="MidpointRounding.AwayFromZero"/>: 0.125 becomes 0.13, -0.125 becomes -0.13), the rule people check a
/// payment against with a calculator. Totals add rounded amounts, so they are exact to the cent and never rounded
/// again. Splitting an amount (<see cref="Split"/>) rounds each share the same way and gives the last share the
/// remainder, so the shares always add up to the amount.
/// </para>
/// </summary>
public readonly record struct Money
{
    /// <summary>The rule every rounding of money uses (see the type's remarks and ADR 0014).</summary>
    public const MidpointRounding Rounding = MidpointRounding.AwayFromZero;

    public Money(decimal amount, string currency)
    {
        Currency = Currencies.Normalize(currency) ?? throw new RuleBrokenException(CompensationErrorCodes.UnknownCurrency).WithData("currency", currency);
        Amount = amount;
    }

    public decimal Amount { get; }

    public string Currency { get; }

    /// <summary>The amount rounded to the currency's minor unit, half away from zero.</summary>
    public Money Rounded() => new(Math.Round(Amount, Currencies.MinorUnits(Currency), Rounding), Currency);

    /// <summary>True when the amount has no more decimals than the currency's minor unit (e.g. cents).</summary>
    public bool IsWholeMinorUnits => Math.Round(Amount, Currencies.MinorUnits(Currency)) == Amount;

    /// <summary>An item's total: <paramref name="quantity"/> times this unit amount, rounded once to the minor unit.</summary>
    public Money Times(decimal quantity) => new Money(Amount * quantity, Currency).Rounded();

    public static Money operator +(Money left, Money right) => new(left.Amount + SameCurrency(left, right).Amount, left.Currency);

    public static Money operator -(Money left, Money right) => new(left.Amount - SameCurrency(left, right).Amount, left.Currency);

    public static Money operator -(Money value) => new(-value.Amount, value.Currency);

    /// <summary>The sum of <paramref name="amounts"/>, all in <paramref name="currency"/>; another currency among them is refused.</summary>
    public static Money Total(IEnumerable<Money> amounts, string currency)
        => amounts.Aggregate(new Money(0m, currency), (sum, next) => sum + next);

    /// <summary>
    /// Splits this amount into <paramref name="parts"/> shares: each share is amount / parts rounded to the minor unit
    /// (half away from zero), and the last share takes what is left, so the shares add up to the amount exactly
    /// ($100.00 in three: $33.33, $33.33, $33.34).
    /// </summary>
    public IReadOnlyList<Money> Split(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        var share = new Money(Amount / parts, Currency).Rounded();
        var shares = Enumerable.Repeat(share, parts - 1).ToList();
        shares.Add(this - Total(shares, Currency));
        return shares;
    }

    private static Money SameCurrency(Money left, Money right)
        => left.Currency == right.Currency
            ? right
            : throw new RuleBrokenException(CompensationErrorCodes.CurrencyMismatch).WithData("currency", left.Currency).WithData("other", right.Currency);

    public override string ToString() => $"{Amount.ToString("0.############", CultureInfo.InvariantCulture)} {Currency}";

    /// <summary>The amount as a reader expects it: grouped, with exactly the currency's decimals, then the code ("1,234.50 USD").</summary>
    public string Format(CultureInfo culture)
        => $"{Amount.ToString("N" + Currencies.MinorUnits(Currency), culture)} {Currency}";
}

/// <summary>The ISO 4217 currencies the module accepts, with their minor units (decimals).</summary>
public static class Currencies
{
    private static readonly Dictionary<string, int> MinorUnitsByCode = new(StringComparer.Ordinal)
    {
        ["USD"] = 2, ["CAD"] = 2, ["MXN"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["AUD"] = 2, ["NZD"] = 2, ["CHF"] = 2,
        ["DKK"] = 2, ["NOK"] = 2, ["SEK"] = 2, ["BRL"] = 2, ["COP"] = 2, ["PEN"] = 2, ["GTQ"] = 2, ["DOP"] = 2,
        ["PHP"] = 2, ["INR"] = 2, ["ZAR"] = 2, ["CNY"] = 2, ["HKD"] = 2, ["SGD"] = 2,
        ["JPY"] = 0, ["KRW"] = 0, ["CLP"] = 0, ["ISK"] = 0, ["VND"] = 0,
        ["KWD"] = 3, ["BHD"] = 3, ["JOD"] = 3, ["OMR"] = 3, ["TND"] = 3,
    };

    public const int MaxUnitAmountDecimals = 4;

    public static IEnumerable<string> Codes => MinorUnitsByCode.Keys;

    /// <summary>The upper-case code when it is a currency the module knows, else null.</summary>
    public static string? Normalize(string? code)
    {
        var upper = code?.Trim().ToUpperInvariant();
        return upper is not null && MinorUnitsByCode.ContainsKey(upper) ? upper : null;
    }

    public static bool IsKnown(string? code) => Normalize(code) is not null;

    /// <summary>The currency's decimals: 2 for USD, 0 for JPY, 3 for KWD.</summary>
    public static int MinorUnits(string code) => MinorUnitsByCode[code];

    /// <summary>
    /// An amount as the API shows it: at least the currency's decimals and no trailing zeros beyond them (the column
    /// keeps four decimals, so 37.5000 is shown 37.50 and a unit amount of 10.0050 is shown 10.005). The value is unchanged.
    /// </summary>
    public static decimal Display(decimal amount, string currency)
        => Trimmed(amount) + (MinorUnitsByCode.TryGetValue(currency.Trim(), out var minor) ? MinorZero[minor] : 0m);

    /// <summary>A quantity without trailing zeros (1.5000 is 1.5).</summary>
    public static decimal Trimmed(decimal value) => value / 1.000000000000000000000000000000000m;

    private static readonly decimal[] MinorZero = [0m, 0.0m, 0.00m, 0.000m];
}
