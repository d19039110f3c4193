using EngagementPlatform.HttpApi.Host;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
// Serilog writes the logs; other registered providers (none by default, a capture in tests) receive them too.
builder.Logging.ClearProviders();
builder.Host.UseSerilog(
    (context, logger) => logger.ReadFrom.Configuration(context.Configuration).WriteTo.Console(),
    preserveStaticLogger: true, // each host its own logger: several hosts share a process in the tests
    writeToProviders: true);
EngagementPlatformHost.ConfigureServices(builder.Services, builder.Configuration);

var app = builder.Build();
EngagementPlatformHost.ConfigurePipeline(app);
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
