using EngagementPlatform.HttpApi.Host;
using Serilog;

var timeline = new StartupTimeline();
timeline.Mark("runtime started, Main entered");
var builder = WebApplication.CreateBuilder(args);
// Serilog writes the logs; other registered providers (none by default, a capture in tests) receive them too.
builder.Logging.ClearProviders();
builder.Host.UseSerilog(
    (context, logger) => logger.ReadFrom.Configuration(context.Configuration).WriteTo.Console(),
    preserveStaticLogger: true, // each host its own logger: several hosts share a process in the tests
    writeToProviders: true);
timeline.Mark("builder created (configuration, logging)");
EngagementPlatformHost.ConfigureServices(builder.Services, builder.Configuration);
timeline.Mark("services configured (modules, OpenIddict keys, Hangfire)");

var app = builder.Build();
timeline.Mark("host built (service provider)");
EngagementPlatformHost.StartBuildingDataModel(app.Services);
EngagementPlatformHost.ConfigurePipeline(app);
timeline.Mark("pipeline configured (endpoints mapped)");
app.Lifetime.ApplicationStarted.Register(() =>
{
    timeline.Mark("started: hosted services run, server listening");
    timeline.Log(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupTimeline).FullName!));
});
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
