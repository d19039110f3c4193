using System.Reflection;
using NetArchTest.Rules;

namespace EngagementPlatform.HttpApi.Host.Tests;

/// <summary>Modules depend on Framework only; never on each other, never on the host or persistence.</summary>
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
    public void A_module_references_no_other_project_than_Framework(string module)
    {
        var assembly = Assembly.Load(module);
        var references = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("EngagementPlatform.", StringComparison.Ordinal))
            .ToList();
        references.ShouldBe(["EngagementPlatform.Framework"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_uses_no_other_module_types(string module)
    {
        var others = ModuleAssemblies().Select(a => a.GetName().Name!).Where(n => n != module)
            .Concat(Infrastructure.Where(n => n != "EngagementPlatform.Framework"))
            .ToArray();
        var result = Types.InAssembly(Assembly.Load(module)).ShouldNot().HaveDependencyOnAny(others).GetResult();
        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

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
