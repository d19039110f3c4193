using System.Globalization;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.Permissions;

namespace EngagementPlatform.Framework.Tests;

public sealed class TextLocalizerTests
{
    private enum Light
    {
        Green,
        Red,
        Blinking,
    }

    private readonly TextLocalizer _texts = new(
        FrameworkErrorMessages.Create(),
        new ErrorMessageResource
        {
            ["Test:Seats"] = ("{council} has {count} open seats.", "{council} tiene {count} puestos vacantes."),
            ["Test:Amount"] = ("Pay {amount}.", "Pague {amount}."),
            ["Test:Refused"] = ("A light that is {state} cannot be {action}.", "No se puede {action} una luz en estado {state}."),
        },
        new LocalizationResource
        {
            ["Enum:Light.Green"] = ("green", "verde"),
            ["Enum:Light.Red"] = ("red", "roja"),
            ["Action:SwitchOff"] = ("switched off", "apagar"),
        });

    [Fact]
    public void English_for_an_English_culture()
        => _texts.Get("Saas:TenantInactive", CultureInfo.GetCultureInfo("en-US"))
            .ShouldBe("This partnership is suspended. Contact the platform operator.");

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("de")]
    [InlineData("")]
    public void English_for_a_culture_without_texts(string culture)
        => _texts.Get("Saas:TenantInactive", CultureInfo.GetCultureInfo(culture))
            .ShouldBe("This partnership is suspended. Contact the platform operator.");

    [Theory]
    [InlineData("es")]
    [InlineData("es-MX")]
    [InlineData("es-ES")]
    public void Spanish_for_any_Spanish_culture(string culture)
        => _texts.Get("Saas:TenantInactive", CultureInfo.GetCultureInfo(culture))
            .ShouldBe("Esta alianza está suspendida. Contacte al operador de la plataforma.");

    [Theory]
    [InlineData("es-AR", "es")]
    [InlineData("en-GB", "en")]
    [InlineData("fr", "en")]
    public void The_language_of_a_culture_is_Spanish_or_else_English(string culture, string language)
        => TextLocalizer.LanguageOf(CultureInfo.GetCultureInfo(culture)).ShouldBe(language);

    [Fact]
    public void Without_a_culture_the_current_UI_culture_decides()
    {
        using (new UICulture("es-MX"))
        {
            _texts["Framework:RouteNotFound"].ShouldBe("Esa dirección no existe.");
            TextLocalizer.LanguageOf().ShouldBe("es");
        }

        using (new UICulture("en-GB"))
        {
            _texts["Framework:RouteNotFound"].ShouldBe("There is no such address.");
        }
    }

    [Fact]
    public void Placeholders_are_filled_from_the_values()
    {
        var values = new Dictionary<string, object?> { ["council"] = "Youth Council", ["count"] = 3 };

        _texts.Format("Test:Seats", values, CultureInfo.GetCultureInfo("en")).ShouldBe("Youth Council has 3 open seats.");
        _texts.Format("Test:Seats", values, CultureInfo.GetCultureInfo("es")).ShouldBe("Youth Council tiene 3 puestos vacantes.");
    }

    [Fact]
    public void Values_are_formatted_in_the_culture_of_the_message()
    {
        var values = new Dictionary<string, object?> { ["amount"] = 1234.5m };

        _texts.Format("Test:Amount", values, CultureInfo.GetCultureInfo("en-US")).ShouldBe("Pay 1234.5.");
        _texts.Format("Test:Amount", values, CultureInfo.GetCultureInfo("es-ES")).ShouldBe("Pague 1234,5.");
    }

    [Fact]
    public void Words_in_the_values_are_translated_so_the_message_reads_in_one_language()
    {
        var values = new Dictionary<string, object?> { ["state"] = Light.Red, ["action"] = LocalizableWord.Action("SwitchOff") };

        _texts.Format("Test:Refused", values, CultureInfo.GetCultureInfo("en")).ShouldBe("A light that is red cannot be switched off.");
        _texts.Format("Test:Refused", values, CultureInfo.GetCultureInfo("es")).ShouldBe("No se puede apagar una luz en estado roja.");
    }

    [Fact]
    public void A_word_can_name_an_enum_value_explicitly()
    {
        LocalizableWord.Of(Light.Green).Key.ShouldBe("Enum:Light.Green");
        _texts.Word(LocalizableWord.Of(Light.Green), CultureInfo.GetCultureInfo("es")).ShouldBe("verde");
        _texts.Word(Light.Green, CultureInfo.GetCultureInfo("en")).ShouldBe("green");
    }

    [Fact]
    public void An_enum_value_without_a_word_reads_as_its_name()
        => _texts.Word(Light.Blinking, CultureInfo.GetCultureInfo("es")).ShouldBe("Blinking");

    [Fact]
    public void A_framework_message_names_the_tenant()
        => _texts.Format("Saas:TenantNotFound", new Dictionary<string, object?> { ["tenant"] = "zeta" }, CultureInfo.GetCultureInfo("en"))
            .ShouldBe("There is no partnership named 'zeta'.");

    [Fact]
    public void A_placeholder_without_a_value_is_left_as_is()
        => _texts.Format("Test:Seats", new Dictionary<string, object?> { ["count"] = 2 }, CultureInfo.GetCultureInfo("en"))
            .ShouldBe("{council} has 2 open seats.");

    [Fact]
    public void A_null_value_fills_the_placeholder_with_nothing()
        => _texts.Format("Test:Seats", new Dictionary<string, object?> { ["council"] = null, ["count"] = 2 }, CultureInfo.GetCultureInfo("en"))
            .ShouldBe(" has 2 open seats.");

    [Fact]
    public void Without_values_the_template_is_returned_unchanged()
    {
        _texts.Format("Test:Seats", null, CultureInfo.GetCultureInfo("en")).ShouldBe("{council} has {count} open seats.");
        _texts.Format("Test:Seats", new Dictionary<string, object?>(), CultureInfo.GetCultureInfo("en")).ShouldBe("{council} has {count} open seats.");
    }

    [Fact]
    public void An_unknown_key_is_returned_as_the_text()
        => _texts.Format("Nope:Unknown", new Dictionary<string, object?> { ["x"] = 1 }, CultureInfo.GetCultureInfo("es"))
            .ShouldBe("Nope:Unknown");

    [Fact]
    public void Keys_are_case_sensitive()
    {
        _texts.Contains("Saas:TenantInactive").ShouldBeTrue();
        _texts.Contains("saas:tenantinactive").ShouldBeFalse();
    }

    [Fact]
    public void A_key_defined_twice_stops_the_start_up()
        => Should.Throw<InvalidOperationException>(() => new TextLocalizer(
                new LocalizationResource { ["Test:Twice"] = ("a", "b") },
                new LocalizationResource { ["Test:Twice"] = ("c", "d") }))
            .Message.ShouldContain("Test:Twice");

    [Fact]
    public void Enum_words_must_cover_every_value()
        => Should.Throw<InvalidOperationException>(() => new LocalizationResource().AddEnum(new Dictionary<Light, (string, string)>
            {
                [Light.Green] = ("green", "verde"),
                [Light.Red] = ("red", "roja"),
            }))
            .Message.ShouldContain("Blinking");

    [Fact]
    public void Permission_display_names_are_texts_of_the_same_path()
    {
        var definitions = new PermissionDefinitionManager([new TestPermissions()]);
        var texts = new TextLocalizer(definitions.Texts());

        texts.Get(PermissionDefinitionManager.DisplayNameKey("Test.Read"), CultureInfo.GetCultureInfo("en")).ShouldBe("Read things");
        texts.Get(PermissionDefinitionManager.DisplayNameKey("Test.Read"), CultureInfo.GetCultureInfo("es-CO")).ShouldBe("Leer cosas");
    }

    [Fact]
    public void Every_framework_message_has_English_and_Spanish_text_with_the_same_placeholders()
    {
        foreach (var (code, (en, es)) in FrameworkErrorMessages.Create())
        {
            en.ShouldNotBeNullOrWhiteSpace(code);
            es.ShouldNotBeNullOrWhiteSpace(code);
            es.ShouldNotBe(en, code);
            TextLocalizer.Placeholders(es).Order(StringComparer.Ordinal).ShouldBe(TextLocalizer.Placeholders(en).Order(StringComparer.Ordinal), code);
        }
    }

    [Fact]
    public void Every_framework_error_code_has_a_message()
    {
        var codes = typeof(Exceptions.FrameworkErrorCodes)
            .GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();

        codes.Length.ShouldBe(13);
        codes.Where(c => !_texts.Contains(c)).ShouldBeEmpty();
    }

    private sealed class TestPermissions : IPermissionDefinitionProvider
    {
        public void Define(PermissionDefinitionContext context) => context.Add("Test.Read", "Read things", "Leer cosas", MultiTenancySides.Both);
    }
}
