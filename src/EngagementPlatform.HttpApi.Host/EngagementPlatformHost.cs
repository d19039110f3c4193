using EngagementPlatform.AuditLogging;
using EngagementPlatform.Compensation;
using EngagementPlatform.DataSharing;
using EngagementPlatform.EntityFrameworkCore;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Http;
using EngagementPlatform.Framework.Jobs;
using EngagementPlatform.Framework.Modularity;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.UnitOfWork;
using EngagementPlatform.Framework.Validation;
using EngagementPlatform.Governance;
using EngagementPlatform.Identity;
using EngagementPlatform.Identity.Keys;
using EngagementPlatform.Identity.Tokens;
using EngagementPlatform.Notifications;
using EngagementPlatform.SaaS;
using FluentValidation;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.FileProviders;
using Scalar.AspNetCore;

namespace EngagementPlatform.HttpApi.Host;

/// <summary>
/// The composition root: the modules the product is made of, and the pipeline that serves them. Shared by the
/// web host, the DbMigrator and the tests, so all three run the same application.
/// </summary>
public static class EngagementPlatformHost
{
    /// <summary>True when the build runs the host only to write its OpenAPI document: no jobs, no database.</summary>
    public static bool GeneratingOpenApiDocument { get; } =
        System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    public static IReadOnlyList<IModule> Modules { get; } =
    [
        new FrameworkModule(),
        new IdentityModule(),
        new SaasModule(),
        new GovernanceModule(),
        new NotificationsModule(),
        new AuditLoggingModule(),
        new CompensationModule(),
        new DataSharingModule(),
    ];

    public static void ConfigureServices(IServiceCollection services, IConfiguration configuration, bool web = true)
    {
        var connectionString = configuration.GetConnectionString("Default")
                               ?? throw new InvalidOperationException("ConnectionStrings:Default is not configured.");
        if (!GeneratingOpenApiDocument)
        {
            StartupSafetyChecks.Verify(configuration, web);
        }

        foreach (var module in Modules)
        {
            module.ConfigureServices(services, configuration);
            services.AddSingleton(module); // for RecurringJobsRegistration (a test may add its own module)
        }

        services.AddEngagementPlatformPersistence(connectionString);
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.GenerateTypesAsInternal = true;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(UnitOfWorkBehavior<,>)];
        });
        services.AddValidatorsFromAssemblies(Modules.Select(m => m.GetType().Assembly).Distinct(), ServiceLifetime.Scoped, includeInternalTypes: true);
        var dataProtection = services.AddDataProtection().SetApplicationName("EngagementPlatform").PersistKeysToDbContext<EngagementPlatformDbContext>();
        // Keys in the database encrypt the sign-in cookie and tickets: without a certificate, anyone who reads the
        // database or a backup could forge them (required outside Development, see StartupSafetyChecks).
        if (ConfiguredCertificate.Load(configuration, SigningKeys.DataProtectionCertificate) is { } keyCertificate)
        {
            dataProtection.ProtectKeysWithCertificate(keyCertificate);
        }

        // Hangfire keeps process-wide statics (JobStorage.Current, JobActivator.Current, GlobalJobFilters, the log
        // provider), and AddHangfire registers this host's JobStorage, job activator and filter provider as "whatever
        // the static holds when first asked". Several hosts share a process in the tests, so each host registers its
        // own first (AddHangfire only adds what is missing): its storage, its filter provider and, above all, its job
        // activator. Without the last, a job server took JobActivator.Current, which the most recently configured
        // host had set to its own container, and ran this host's jobs with another host's services and database
        // (docs/adr/0008-hangfire-per-host-services.md).
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromSeconds(configuration.GetValue("Hangfire:QueuePollIntervalSeconds", 1.0)),
        };
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IJobFilterProvider>(sp => new JobFilterProviderCollection(
            JobFilterProviders.Providers,
            new JobFilterCollection { new TenantJobFilter(sp.GetRequiredService<ICurrentTenant>()) }));
        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (web && !GeneratingOpenApiDocument && configuration.GetValue("Hangfire:Server:Enabled", true))
        {
            services.AddHangfireServer((sp, o) =>
            {
                o.SchedulePollingInterval = TimeSpan.FromSeconds(configuration.GetValue("Hangfire:QueuePollIntervalSeconds", 1.0));
                o.Activator = sp.GetRequiredService<JobActivator>();
                o.FilterProvider = sp.GetRequiredService<IJobFilterProvider>();
            });
            services.AddHostedService<RecurringJobsRegistration>();
        }

        if (!web)
        {
            return;
        }

        if (!GeneratingOpenApiDocument)
        {
            // The sign-in addresses follow the URL this host runs at (App:SelfUrl), whatever the DbMigrator saw.
            services.AddHostedService<EngagementPlatform.Identity.Seeding.AppClientAddressSync>();
        }

        services.AddOpenApi(options => options.AddDocumentTransformer<OpenApiConventions>().AddDocumentTransformer<PermissionNameSchema>().AddOperationTransformer<OpenApiConventions>());
        services.AddSingleton<DatabaseHealthCheck>(); // one cached answer for every caller (HealthEndpoints)
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddRequestLocalization(options =>
        {
            string[] cultures = ["en", "es"];
            options.SetDefaultCulture("en").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        services.Configure<ForwardedHeadersOptions>(o => ConfigureForwardedHeaders(o, configuration));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteTooManyRequestsAsync;
        });
        services.AddSingleton(new Framework.Localization.ErrorMessageResource
        {
            [TooManyRequestsCode] = ("Too many requests. Wait a moment and try again.", "Demasiadas solicitudes. Espere un momento y vuelva a intentarlo."),
        });
        services.AddAntiforgery();
    }

    public static void ConfigurePipeline(WebApplication app)
    {
        var configuration = app.Configuration;
        if (configuration.GetValue("App:TrustForwardedHeaders", false))
        {
            app.UseForwardedHeaders();
        }

        // Localization first, so problem details written by the outer error handlers are in the caller's language.
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages(async context =>
        {
            var handler = context.HttpContext.RequestServices.GetRequiredService<ProblemDetailsExceptionHandler>();
            var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context.HttpContext,
                ProblemDetails = handler.ForStatus(context.HttpContext.Response.StatusCode),
            });
        });
        app.UseMiddleware<RequestBodyLimitMiddleware>(configuration.GetValue("App:MaxRequestBodyBytes", 1024L * 1024));
        if (configuration.GetValue("App:RequireHttps", true))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        var spa = SpaFiles(configuration);
        if (spa is not null)
        {
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = spa });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = spa });
        }

        app.UseRouting();
        // After routing (policies are per endpoint), before authentication and tenant resolution, so a refused
        // attempt costs no token validation and no tenant lookup.
        app.UseMiddleware<SignInAccountKeyMiddleware>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseAuthorization();
        // After authorization: a plan question is asked only of a caller who may use the endpoint at all.
        app.UseMiddleware<EngagementPlatform.Framework.Features.FeatureMiddleware>();
        app.UseAntiforgery();

        foreach (var module in Modules)
        {
            module.MapEndpoints(app);
        }

        foreach (var contributor in app.Services.GetServices<IEndpointContributor>())
        {
            contributor.MapEndpoints(app);
        }

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/scalar", o => o.WithTitle("EngagementPlatform API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        HealthEndpoints.Map(app);
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new HostAdminDashboardFilter()],
            DisplayStorageConnectionString = false,
            AppPath = "/",
        });

        // Unknown API addresses answer 404 problem details; every other path belongs to the Angular router.
        app.Map("/api/{**rest}", () => Results.NotFound()).ExcludeFromDescription();
        if (spa is not null)
        {
            app.MapFallbackToFile("index.html", new StaticFileOptions { FileProvider = spa });
        }
    }

    /// <summary>
    /// Starts building the EF Core model on another thread. Building it is the largest single item of start-up (about
    /// 2.5 s of CPU, docs/benchmarks.md) and would otherwise begin only when a hosted service first opens a context;
    /// a compiled model is not an option while the tenant and soft-delete filters are named query filters. EF Core
    /// builds a model once and makes a first use that comes meanwhile wait for it, so this only moves the work onto
    /// the second core while the pipeline is configured and the key ring loads. A failure here is left to the first
    /// real use, which builds again and reports it.
    /// </summary>
    public static void StartBuildingDataModel(IServiceProvider services) => _ = Task.Run(() =>
    {
        try
        {
            using var scope = services.CreateScope();
            _ = scope.ServiceProvider.GetService<EngagementPlatform.EntityFrameworkCore.EngagementPlatformDbContext>()?.Model;
        }
        catch (Exception)
        {
            // Reported by the first real use of a context.
        }
    });

    public const string TooManyRequestsCode = "Host:TooManyRequests";

    /// <summary>
    /// Forwarded headers count only from the proxies (<c>App:ForwardedHeaders:KnownProxies</c>, addresses) and
    /// networks (<c>App:ForwardedHeaders:KnownNetworks</c>, CIDR) configured; with neither, only from loopback (a
    /// proxy on the same machine). Anyone else's <c>X-Forwarded-For</c> is ignored, so a client cannot pick the
    /// address the rate limits and logs see.
    /// </summary>
    internal static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        var proxies = configuration.GetSection("App:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("App:ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return; // ASP.NET Core's default: loopback only
        }

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            options.KnownProxies.Add(System.Net.IPAddress.TryParse(proxy.Trim(), out var address)
                ? address
                : throw new InvalidOperationException($"App:ForwardedHeaders:KnownProxies has '{proxy}', which is not an IP address."));
        }

        foreach (var network in networks.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var parsed)
                ? parsed
                : throw new InvalidOperationException($"App:ForwardedHeaders:KnownNetworks has '{network}', which is not a network in CIDR form (10.0.0.0/8)."));
        }
    }

    /// <summary>429 as problem details with a code, and Retry-After when the limiter knows when to come back.</summary>
    private static async ValueTask WriteTooManyRequestsAsync(Microsoft.AspNetCore.RateLimiting.OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var path = context.Request.Path;
        var code = path.StartsWithSegments("/connect") || path.StartsWithSegments("/account")
            ? IdentityErrorCodes.TooManySignInAttempts
            : TooManyRequestsCode;
        var handler = context.RequestServices.GetRequiredService<ProblemDetailsExceptionHandler>();
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var problem = handler.Problem(StatusCodes.Status429TooManyRequests, code);
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    private static PhysicalFileProvider? SpaFiles(IConfiguration configuration)
    {
        var path = configuration["App:SpaPath"];
        return !string.IsNullOrWhiteSpace(path) && File.Exists(Path.Combine(path, "index.html"))
            ? new PhysicalFileProvider(Path.GetFullPath(path))
            : null;
    }
}

/// <summary>
/// Registers every module's recurring jobs when the host starts (not while it is merely built, as the build-time
/// OpenAPI generation does), through <see cref="IModule.RegisterRecurringJobs"/>.
/// </summary>
internal sealed class RecurringJobsRegistration(IEnumerable<IModule> modules, IRecurringJobs jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var module in modules)
        {
            module.RegisterRecurringJobs(jobs);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
