using System.Net.Sockets;
using EngagementPlatform.Framework.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.Web.Tests;

/// <summary>
/// The real host on a loopback port serving the built Angular app (angular/dist), its own database with the
/// tenants <c>alpha</c> and <c>beta</c>, and headless chromium. One per test class.
/// </summary>
public class BrowserFixture : ApiFixture
{
    private IPlaywright? _playwright;

    public BrowserFixture()
    {
        Port = FreePort();
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public IBrowser Browser { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["App:SelfUrl"] = BaseUrl,
        ["App:SpaPath"] = SpaPath(),
        // Deadlines, the outbox and the feedback loop run as they do in production.
        ["Hangfire:Server:Enabled"] = "true",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();

        // The web app's redirect address is this run's port: register it as the DbMigrator would for a real site.
        using (var scope = Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IDataSeeder>().SeedAsync(new DataSeedContext(null));
        }

        await CreateTenantAsync("alpha");
        await CreateTenantAsync("beta");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("EP_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    protected override void StartServer(ApiFactory factory)
    {
        factory.UseKestrel(Port);
        factory.ClientOptions.BaseAddress = new Uri(BaseUrl);
        factory.StartServer();
    }

    /// <summary>A fresh browser context (its own cookies and storage) with a page, at a desktop or a phone size.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The built web app; test.sh runs <c>ng build</c> before the .NET tests.</summary>
    private static string SpaPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EngagementPlatform.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? ".", "angular", "dist", "engagement-platform", "browser");
        if (!File.Exists(Path.Combine(path, "index.html")))
        {
            throw new InvalidOperationException($"The web app is not built ({path}). Run `npm run build` in angular/ (test.sh does).");
        }

        return path;
    }
}
