using System.Reflection;
using System.Text.RegularExpressions;
using EngagementPlatform.Framework.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.HttpApi.Host.Tests;

/// <summary>
/// The texts of every module, as the host composes them: each error code has an English and a Spanish message,
/// and each text's placeholders are the same in both languages, so no message can fall back to a code or lose a value.
/// </summary>
public sealed class LocalizationCatalogueTests(LocalizationCatalogueTests.Host host) : IClassFixture<LocalizationCatalogueTests.Host>
{
    private readonly ITextLocalizer _texts = host.Texts;

    /// <summary>Every <c>*ErrorCodes</c> constant of the framework and the modules the host references.</summary>
    public static TheoryData<string> ErrorCodes()
    {
        var data = new TheoryData<string>();
        foreach (var code in AllErrorCodes())
        {
            data.Add(code);
        }

        return data;
    }

    private static IEnumerable<string> AllErrorCodes()
        => typeof(Program).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("EngagementPlatform.", StringComparison.Ordinal))
            .Select(Assembly.Load)
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("ErrorCodes", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Distinct()
            .Order(StringComparer.Ordinal);

    [Fact]
    public void The_error_codes_of_every_module_are_found()
    {
        var codes = AllErrorCodes().ToList();
        foreach (var module in new[] { "Framework:", "Saas:", "Identity:", "Governance:", "Notifications:" })
        {
            codes.ShouldContain(c => c.StartsWith(module, StringComparison.Ordinal), module);
        }
    }

    [Theory]
    [MemberData(nameof(ErrorCodes))]
    public void An_error_code_has_an_English_and_a_Spanish_message_with_the_same_placeholders(string code)
    {
        _texts.Contains(code).ShouldBeTrue($"{code} has no message");
        var (en, es) = _texts.Texts(code);
        en.ShouldNotBeNullOrWhiteSpace(code);
        es.ShouldNotBeNullOrWhiteSpace(code);
        es.ShouldNotBe(en, code);
        Placeholders(es).ShouldBe(Placeholders(en), code);
    }

    [Fact]
    public void Every_text_has_both_languages_with_the_same_placeholders()
    {
        _texts.Keys.Count().ShouldBeGreaterThan(100);
        foreach (var key in _texts.Keys)
        {
            var (en, es) = _texts.Texts(key);
            en.ShouldNotBeNullOrWhiteSpace(key);
            es.ShouldNotBeNullOrWhiteSpace(key);
            Placeholders(es).ShouldBe(Placeholders(en), key);
        }
    }

    /// <summary>An identifier such as <c>OpenForInput</c> in a Spanish text is an enum name that was not translated.</summary>
    [Fact]
    public void No_Spanish_text_carries_a_code_identifier()
    {
        var identifier = new Regex(@"\b[A-Z][a-z]+[A-Z][A-Za-z]*\b");
        _texts.Keys.Select(k => (Key: k, _texts.Texts(k).Es))
            .Where(t => identifier.IsMatch(t.Es))
            .Select(t => $"{t.Key}: {t.Es}")
            .ShouldBeEmpty();
    }

    private static string[] Placeholders(string text) => TextLocalizer.Placeholders(text).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>The real host's services; no database is needed to compose them.</summary>
    public sealed class Host : IDisposable
    {
        private readonly ApiFactory _factory = new("Host=127.0.0.1;Port=1;Username=postgres;Database=nothing;Timeout=2");

        public ITextLocalizer Texts => _factory.Services.GetRequiredService<ITextLocalizer>();

        public void Dispose() => _factory.Dispose();
    }
}
