using EngagementPlatform.HttpApi.Host;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
builder.Host.UseSerilog((context, logger) => logger.ReadFrom.Configuration(context.Configuration).WriteTo.Console());
EngagementPlatformHost.ConfigureServices(builder.Services, builder.Configuration);

var app = builder.Build();
EngagementPlatformHost.ConfigurePipeline(app);
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
