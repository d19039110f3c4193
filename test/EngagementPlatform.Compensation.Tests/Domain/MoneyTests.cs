using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Framework.Exceptions;

namespace EngagementPlatform.Compensation.Tests.Domain;

/// <summary>Money: decimal with a currency, rounded once, half away from zero (docs/adr/0014-money-rounding.md).</summary>
public sealed class MoneyTests
{
    private static Money Usd(decimal amount) => new(amount, "USD");

    [Fact]
    public void A_third_of_100_dollars_split_three_ways_adds_back_to_100_dollars()
    {
        var shares = Usd(100.00m).Split(3);

        // Each share is 100 / 3 rounded to the cent (33.33); the last share takes the remainder (33.34).
        shares.Select(s => s.Amount).ShouldBe([33.33m, 33.33m, 33.34m]);
        Money.Total(shares, "USD").ShouldBe(Usd(100.00m));
    }

    [Theory]
    [InlineData(100.00, 7)]
    [InlineData(0.05, 3)]
    [InlineData(1234.56, 9)]
    [InlineData(-100.00, 3)]
    public void Any_split_adds_back_to_the_amount(double amount, int parts)
    {
        var money = Usd((decimal)amount);
        var shares = money.Split(parts);
        shares.Count.ShouldBe(parts);
        shares.ShouldAllBe(s => s.IsWholeMinorUnits);
        Money.Total(shares, "USD").ShouldBe(money);
    }

    [Theory]
    [InlineData(1.5, 25.00, 37.50)] // 90 minutes at $25/hour
    [InlineData(0.8333, 25.00, 20.83)] // 50 minutes: 20.8325 rounds down
    [InlineData(1.6667, 25.00, 41.67)] // 100 minutes: 41.6675 rounds up
    [InlineData(1, 0.125, 0.13)] // a half cent goes away from zero (banker's rounding would give 0.12)
    [InlineData(1, 0.135, 0.14)] // and also when the cent below is odd
    [InlineData(3, 33.3333, 100.00)] // 99.9999 rounds to the dollar
    [InlineData(0.3333, 100.00, 33.33)]
    public void Quantity_times_unit_amount_is_rounded_once_to_the_cent_half_away_from_zero(double quantity, double unit, double expected)
    {
        var total = Usd((decimal)unit).Times((decimal)quantity);
        total.Amount.ShouldBe((decimal)expected);
        total.Currency.ShouldBe("USD");
    }

    [Fact]
    public void A_negative_half_cent_rounds_away_from_zero_too()
        => Usd(-0.125m).Rounded().Amount.ShouldBe(-0.13m);

    [Fact]
    public void Rounding_follows_the_currencys_minor_unit()
    {
        new Money(1234.5m, "JPY").Times(1).Amount.ShouldBe(1235m);
        new Money(1.0005m, "KWD").Times(1).Amount.ShouldBe(1.001m);
    }

    [Fact]
    public void Currencies_are_never_mixed_in_a_total()
    {
        var refused = Should.Throw<RuleBrokenException>(() => Money.Total([Usd(1m), new Money(1m, "EUR")], "USD"));
        refused.Code.ShouldBe(CompensationErrorCodes.CurrencyMismatch);
        Should.Throw<RuleBrokenException>(() => Usd(1m) + new Money(1m, "MXN")).Code.ShouldBe(CompensationErrorCodes.CurrencyMismatch);
    }

    [Theory]
    [InlineData("usd", "USD")]
    [InlineData(" EUR ", "EUR")]
    public void Currency_codes_are_normalized(string given, string expected) => new Money(1m, given).Currency.ShouldBe(expected);

    [Theory]
    [InlineData("XYZ")]
    [InlineData("")]
    [InlineData("US")]
    [InlineData("DOLLARS")]
    public void An_unknown_currency_is_refused(string code)
        => Should.Throw<RuleBrokenException>(() => new Money(1m, code)).Code.ShouldBe(CompensationErrorCodes.UnknownCurrency);

    [Fact]
    public void Amounts_are_shown_with_the_currencys_decimals()
    {
        Currencies.Display(37.5000m, "USD").ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("37.50");
        Currencies.Display(10.0050m, "USD").ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("10.005");
        Currencies.Display(1500.0000m, "JPY").ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("1500");
        Currencies.Trimmed(1.5000m).ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("1.5");
    }
}
