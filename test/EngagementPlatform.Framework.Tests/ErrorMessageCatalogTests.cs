using System.Globalization;
using EngagementPlatform.Framework.Localization;

namespace EngagementPlatform.Framework.Tests;

public sealed class ErrorMessageCatalogTests
{
    private readonly ErrorMessageCatalog _catalog = new(
    [
        FrameworkErrorMessages.Create(),
        new ErrorMessageResource
        {
            ["Test:Seats"] = ("{council} has {count} open seats.", "{council} tiene {count} puestos vacantes."),
            ["Test:Amount"] = ("Pay {amount}.", "Pague {amount}."),
        },
    ]);

    [Fact]
    public void English_for_an_English_culture()
        => _catalog.Localize("Saas:TenantInactive", culture: CultureInfo.GetCultureInfo("en-US"))
            .ShouldBe("This partnership is suspended. Contact the platform operator.");

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("de")]
    [InlineData("")]
    public void English_for_a_culture_without_messages(string culture)
        => _catalog.Localize("Saas:TenantInactive", culture: CultureInfo.GetCultureInfo(culture))
            .ShouldBe("This partnership is suspended. Contact the platform operator.");

    [Theory]
    [InlineData("es")]
    [InlineData("es-MX")]
    [InlineData("es-ES")]
    public void Spanish_for_any_Spanish_culture(string culture)
        => _catalog.Localize("Saas:TenantInactive", culture: CultureInfo.GetCultureInfo(culture))
            .ShouldBe("Esta alianza está suspendida. Contacte al operador de la plataforma.");

    [Fact]
    public void Without_a_culture_the_current_UI_culture_decides()
    {
        using (new UICulture("es-MX"))
        {
            _catalog.Localize("Framework:RouteNotFound").ShouldBe("Esa dirección no existe.");
        }

        using (new UICulture("en-GB"))
        {
            _catalog.Localize("Framework:RouteNotFound").ShouldBe("There is no such address.");
        }
    }

    [Fact]
    public void Placeholders_are_filled_from_the_values()
    {
        var values = new Dictionary<string, object?> { ["council"] = "Youth Council", ["count"] = 3 };

        _catalog.Localize("Test:Seats", values, CultureInfo.GetCultureInfo("en")).ShouldBe("Youth Council has 3 open seats.");
        _catalog.Localize("Test:Seats", values, CultureInfo.GetCultureInfo("es")).ShouldBe("Youth Council tiene 3 puestos vacantes.");
    }

    [Fact]
    public void Values_are_formatted_in_the_culture_of_the_message()
    {
        var values = new Dictionary<string, object?> { ["amount"] = 1234.5m };

        _catalog.Localize("Test:Amount", values, CultureInfo.GetCultureInfo("en-US")).ShouldBe("Pay 1234.5.");
        _catalog.Localize("Test:Amount", values, CultureInfo.GetCultureInfo("es-ES")).ShouldBe("Pague 1234,5.");
    }

    [Fact]
    public void A_framework_message_names_the_tenant()
        => _catalog.Localize("Saas:TenantNotFound", new Dictionary<string, object?> { ["tenant"] = "zeta" }, CultureInfo.GetCultureInfo("en"))
            .ShouldBe("There is no partnership named 'zeta'.");

    [Fact]
    public void A_placeholder_without_a_value_is_left_as_is()
        => _catalog.Localize("Test:Seats", new Dictionary<string, object?> { ["count"] = 2 }, CultureInfo.GetCultureInfo("en"))
            .ShouldBe("{council} has 2 open seats.");

    [Fact]
    public void A_null_value_fills_the_placeholder_with_nothing()
        => _catalog.Localize("Test:Seats", new Dictionary<string, object?> { ["council"] = null, ["count"] = 2 }, CultureInfo.GetCultureInfo("en"))
            .ShouldBe(" has 2 open seats.");

    [Fact]
    public void Without_values_the_template_is_returned_unchanged()
    {
        _catalog.Localize("Test:Seats", culture: CultureInfo.GetCultureInfo("en")).ShouldBe("{council} has {count} open seats.");
        _catalog.Localize("Test:Seats", new Dictionary<string, object?>(), CultureInfo.GetCultureInfo("en")).ShouldBe("{council} has {count} open seats.");
    }

    [Fact]
    public void An_unknown_code_is_returned_as_the_message()
        => _catalog.Localize("Nope:Unknown", new Dictionary<string, object?> { ["x"] = 1 }, CultureInfo.GetCultureInfo("es"))
            .ShouldBe("Nope:Unknown");

    [Fact]
    public void Codes_are_case_sensitive()
    {
        _catalog.Contains("Saas:TenantInactive").ShouldBeTrue();
        _catalog.Contains("saas:tenantinactive").ShouldBeFalse();
    }

    [Fact]
    public void Every_framework_message_has_English_and_Spanish_text_with_the_same_placeholders()
    {
        foreach (var (code, (en, es)) in FrameworkErrorMessages.Create())
        {
            en.ShouldNotBeNullOrWhiteSpace(code);
            es.ShouldNotBeNullOrWhiteSpace(code);
            es.ShouldNotBe(en, code);
            Placeholders(es).ShouldBe(Placeholders(en), code);
        }

        static string[] Placeholders(string text)
            => System.Text.RegularExpressions.Regex.Matches(text, @"\{(\w+)\}").Select(m => m.Value).Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void Every_framework_error_code_has_a_message()
    {
        var codes = typeof(Exceptions.FrameworkErrorCodes)
            .GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();

        codes.Length.ShouldBe(12);
        codes.Where(c => !_catalog.Contains(c)).ShouldBeEmpty();
    }
}
