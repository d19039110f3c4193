using System.Reflection;
using NetArchTest.Rules;

namespace EngagementPlatform.HttpApi.Host.Tests;

/// <summary>
/// Modules depend on the framework and on each other's contracts only; the framework names no module; Domain/ code is
/// free of ASP.NET Core and Domain/Application code of HTTP statuses. Each rule's checker is shown to catch a violation.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly string[] Infrastructure =
    [
        "EngagementPlatform.Framework",
        "EngagementPlatform.EntityFrameworkCore",
        "EngagementPlatform.HttpApi.Host",
        "EngagementPlatform.DbMigrator",
    ];

    /// <summary>Every module the host composes: found from the host's references, so new modules are covered.</summary>
    public static TheoryData<string> Modules()
    {
        var data = new TheoryData<string>();
        foreach (var name in ModuleAssemblies().Select(a => a.GetName().Name!))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_references_other_modules_only_through_their_contracts(string module)
    {
        var references = Assembly.Load(module).GetReferencedAssemblies().Select(a => a.Name!);
        ForbiddenReferences(module, references).ShouldBeEmpty();
    }

    [Fact]
    public void The_reference_rule_catches_an_implementation_reference_and_allows_contracts()
    {
        ForbiddenReferences("EngagementPlatform.Notifications", ["EngagementPlatform.Framework", "EngagementPlatform.Governance.Contracts", "EngagementPlatform.Notifications.Contracts", "System.Runtime"])
            .ShouldBeEmpty();
        ForbiddenReferences("EngagementPlatform.Notifications", ["EngagementPlatform.Framework", "EngagementPlatform.Governance"])
            .ShouldBe(["EngagementPlatform.Governance"]);
        ForbiddenReferences("EngagementPlatform.Governance.Contracts", ["EngagementPlatform.Identity.Contracts", "EngagementPlatform.EntityFrameworkCore"])
            .ShouldBe(["EngagementPlatform.EntityFrameworkCore"]);
    }

    [Fact]
    public void Framework_references_no_module_assembly_and_its_source_names_no_module()
    {
        typeof(Framework.Modularity.IModule).Assembly.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("EngagementPlatform.", StringComparison.Ordinal)).ShouldBeEmpty();
        var framework = Path.Combine(Sources.Root, "src", "EngagementPlatform.Framework");
        Sources.Files(framework).SelectMany(f => ModuleNames(File.ReadAllText(f)).Select(n => $"{Sources.Relative(f)}: {n}")).ShouldBeEmpty();
        typeof(Framework.Modularity.IModule).Assembly.GetTypes().Select(t => t.FullName!)
            .Where(n => ModuleNames(n).Any()).ShouldBeEmpty();
    }

    [Fact]
    public void The_framework_rule_catches_a_module_name()
    {
        ModuleNames("using EngagementPlatform.Governance.Contracts;").ShouldNotBeEmpty();
        ModuleNames("var x = new SaasFeatureChecker();").ShouldNotBeEmpty();
        ModuleNames("class IdentityUserStore {}").ShouldNotBeEmpty();
        ModuleNames("NotificationsOutbox.Send()").ShouldNotBeEmpty();
        ModuleNames("public const string FeatureNotEnabled = \"Saas:FeatureNotEnabled\"; // a code other modules raise").ShouldBeEmpty();
        ModuleNames("using Microsoft.AspNetCore.Identity;").ShouldBeEmpty();
        ModuleNames("if (context.User.Identity?.IsAuthenticated == true) { }").ShouldBeEmpty();
    }

    [Fact]
    public void No_file_under_a_Domain_folder_uses_AspNetCore()
    {
        var domain = Sources.Files(Path.Combine(Sources.Root, "src")).Where(f => Sources.InFolder(f, "Domain")).ToList();
        domain.ShouldNotBeEmpty();
        domain.Where(f => UsesAspNetCore(File.ReadAllText(f))).Select(Sources.Relative).ShouldBeEmpty();
    }

    [Fact]
    public void The_Domain_rule_catches_AspNetCore()
    {
        UsesAspNetCore("using Microsoft.AspNetCore.Identity;\npublic sealed class User : IdentityUser<Guid>;").ShouldBeTrue();
        UsesAspNetCore("public int Status => Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound;").ShouldBeTrue();
        UsesAspNetCore("using EngagementPlatform.Framework.Exceptions;\n// talks about ASP.NET Core in prose only").ShouldBeFalse();
    }

    [Fact]
    public void No_status_code_in_Domain_or_Application_source()
    {
        var files = Sources.Files(Path.Combine(Sources.Root, "src")).Where(f => Sources.InFolder(f, "Domain") || Sources.InFolder(f, "Application")).ToList();
        files.ShouldNotBeEmpty();
        files.SelectMany(f => StatusCodeUses(File.ReadAllText(f)).Select(u => $"{Sources.Relative(f)}: {u}")).ShouldBeEmpty();
    }

    [Fact]
    public void The_status_code_rule_catches_literals_and_StatusCodes()
    {
        StatusCodeUses("return Results.StatusCode(StatusCodes.Status409Conflict);").ShouldNotBeEmpty();
        StatusCodeUses("throw new BusinessException(code) { Status = 422 };").ShouldNotBeEmpty();
        StatusCodeUses("return Results.StatusCode(422);").ShouldNotBeEmpty();
        StatusCodeUses("var status = HttpStatusCode.NotFound;").ShouldNotBeEmpty();
        StatusCodeUses("context.Response.StatusCode = 404;").ShouldNotBeEmpty();
        StatusCodeUses("throw new StateConflictException(GovernanceErrorCodes.DecisionClosed);").ShouldBeEmpty();
        StatusCodeUses("var quorum = 404 / 2; // a number that is not a status").ShouldBeEmpty();
    }

    /// <summary>References to EngagementPlatform projects other than the framework and other modules' contracts.</summary>
    internal static string[] ForbiddenReferences(string module, IEnumerable<string> references)
        => references.Where(r => r.StartsWith("EngagementPlatform.", StringComparison.Ordinal))
            .Where(r => r != "EngagementPlatform.Framework" && !r.EndsWith(".Contracts", StringComparison.Ordinal))
            .Where(r => r != module)
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static readonly System.Text.RegularExpressions.Regex ModuleName = new(
        @"\bEngagementPlatform\.(?:Governance|Notifications|SaaS|Identity)\b|(?<![\w.])(?:Governance|Notifications|SaaS|Saas|Identity)[A-Z]\w*",
        System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>
    /// Module names used as code (a namespace, a type, a member) outside comments and string literals; a refusal code
    /// such as <c>"Saas:FeatureNotEnabled"</c> is data every module may raise, and ASP.NET Core Identity is not ours.
    /// </summary>
    internal static string[] ModuleNames(string source)
    {
        var code = Sources.WithoutCommentsAndStrings(source).Replace("Microsoft.AspNetCore.Identity", string.Empty, StringComparison.Ordinal);
        return ModuleName.Matches(code).Select(m => m.Value).Distinct().ToArray();
    }

    internal static bool UsesAspNetCore(string source)
        => Sources.WithoutCommentsAndStrings(source).Contains("Microsoft.AspNetCore", StringComparison.Ordinal);

    private static readonly System.Text.RegularExpressions.Regex StatusCode = new(
        @"\bStatusCodes\.|\bHttpStatusCode\.|\bStatus(?:Code)?\s*=\s*[1-5]\d\d\b|\bStatusCode\(\s*[1-5]\d\d\s*\)",
        System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>HTTP status codes in source: the StatusCodes or HttpStatusCode names, or a number assigned as a status.</summary>
    internal static string[] StatusCodeUses(string source)
        => StatusCode.Matches(Sources.WithoutCommentsAndStrings(source)).Select(m => m.Value).ToArray();

    [Fact]
    public void Framework_depends_on_no_module()
    {
        var modules = ModuleAssemblies().Select(a => a.GetName().Name!).ToArray();
        modules.Length.ShouldBeGreaterThanOrEqualTo(2);
        var result = Types.InAssembly(typeof(Framework.Modularity.IModule).Assembly).ShouldNot().HaveDependencyOnAny(modules).GetResult();
        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Domain_code_does_not_depend_on_http_or_persistence(string module)
    {
        var result = Types.InAssembly(Assembly.Load(module))
            .That().ResideInNamespace($"{module}.Domain")
            .ShouldNot().HaveDependencyOnAny($"{module}.Http", $"{module}.Persistence", "Microsoft.AspNetCore.Http", "Microsoft.EntityFrameworkCore")
            .GetResult();
        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    private static IEnumerable<Assembly> ModuleAssemblies()
        => typeof(Program).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("EngagementPlatform.", StringComparison.Ordinal) && !Infrastructure.Contains(a.Name))
            .Select(Assembly.Load)
            .OrderBy(a => a.GetName().Name, StringComparer.Ordinal);
}
