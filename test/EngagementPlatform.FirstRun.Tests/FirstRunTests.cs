using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace EngagementPlatform.FirstRun.Tests;

/// <summary>
/// A newcomer's first hour: a clean clone of the current commit (no bin, obj or node_modules from this checkout),
/// <c>etc/scripts/run.sh</c> as the README says, the printed address in a browser, "Sign in" with the printed
/// credentials, then stopping it. Nothing it prints may look like an error, everything it started must be gone
/// afterwards and the checkout must be exactly as cloned.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class FirstRunTests(ITestOutputHelper output)
{
    /// <summary>Restore, npm ci, the Angular and .NET builds on a busy 2-core machine; EP_FIRSTRUN_TIMEOUT_MINUTES overrides.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(
        double.TryParse(Environment.GetEnvironmentVariable("EP_FIRSTRUN_TIMEOUT_MINUTES"), out var minutes) ? minutes : 25);

    private const int SigTerm = 15;
    private const int SigKill = 9;

    private readonly ConcurrentQueue<string> _lines = new();
    private StreamWriter? _log;

    [Fact]
    public async Task A_newcomer_clones_runs_run_sh_signs_in_with_the_printed_credentials_and_stops_it_leaving_nothing_behind()
    {
        var source = RepositoryRoot();
        var commit = Git(source, "rev-parse", "HEAD").Trim();
        var temp = Path.Combine(Path.GetTempPath(), "ep-firstrun-" + Guid.NewGuid().ToString("N")[..10]);
        // PostgreSQL runs as the postgres user when the tests run as root: it must be able to reach the clone.
        Directory.CreateDirectory(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var clone = Path.Combine(temp, "EngagementPlatform");
        OpenLog();
        Process? run = null;
        try
        {
            Git(temp, "clone", "--quiet", "--no-checkout", source, clone);
            Git(clone, "checkout", "--quiet", "--detach", commit);
            Say($"Cloned {commit[..12]} into {clone}");
            Git(clone, "status", "--porcelain").ShouldBeEmpty("a fresh clone is clean");

            var webPort = FreePort();
            var pgPort = FreePort();
            run = StartRunScript(clone, webPort, pgPort);

            // 1. run.sh says where it runs, in the line the README documents.
            var url = await WaitForAddressAsync(run);
            url.ShouldBe($"http://127.0.0.1:{webPort}");

            // 2. ... and how to sign in: partnership, user name and password, which the sign-in below uses as printed.
            var instructions = SignInInstructions().Match(string.Join(' ', _lines.Select(l => l.Trim())));
            instructions.Success.ShouldBeTrue("run.sh prints the partnership, user name and password to sign in with");
            var (tenant, userName, password) = (instructions.Groups[1].Value, instructions.Groups[2].Value, instructions.Groups[3].Value);
            Say($"Signing in as {userName} of {tenant}");

            await SignInAsync(url, tenant, userName, password);

            // 3. TERM stops run.sh, the host and the PostgreSQL it started.
            Say($"Sending TERM to run.sh (pid {run.Id})");
            Kill(run.Id, SigTerm).ShouldBe(0);
            (await ExitedAsync(run, TimeSpan.FromMinutes(2))).ShouldBeTrue("run.sh ends within 2 minutes of TERM");
            await Task.Delay(500); // the last lines of output
            Say($"run.sh exited with {run.ExitCode}");

            PortOpen(webPort).ShouldBeFalse($"nothing listens on the web port {webPort} any more");
            PortOpen(pgPort).ShouldBeFalse($"nothing listens on the PostgreSQL port {pgPort} any more");
            File.Exists(Path.Combine(clone, ".local", "pg", "postmaster.pid")).ShouldBeFalse("PostgreSQL shut down cleanly");
            ProcessesUsing(clone).ShouldBeEmpty("no process started from the clone is left running");

            // 4. Nothing printed looks like an error, and the checkout is exactly as cloned.
            _lines.Where(LooksLikeError).ToList().ShouldBeEmpty("a first run prints no error that is not one");
            Git(clone, "status", "--porcelain").ShouldBeEmpty("a run leaves the checkout as it was (git status is clean)");
        }
        finally
        {
            if (run is not null)
            {
                await StopEverythingAsync(run, clone);
            }

            _log?.Dispose();
            TryDelete(temp);
        }
    }

    private Process StartRunScript(string clone, int webPort, int pgPort)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine("etc", "scripts", "run.sh")])
        {
            WorkingDirectory = clone,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // What `dotnet test` sets for its own build would steer the clone's builds; a newcomer's shell has none of it,
        // nor this test run's database and mail settings.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("EP_", StringComparison.Ordinal) || key.StartsWith("App__", StringComparison.Ordinal)
                || key.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || key.StartsWith("Smtp__", StringComparison.Ordinal)
                || key.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || key.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)
                || key is "DOTNET_HOST_PATH" or "RUNTIME_ID")
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["EP_PORT"] = webPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["EP_PG_PORT"] = pgPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Say($"Starting etc/scripts/run.sh with EP_PORT={webPort} EP_PG_PORT={pgPort}");

        var process = Process.Start(start)!;
        process.StandardInput.Close();
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<string> WaitForAddressAsync(Process run)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var ready = _lines.Select(l => RunningAt().Match(l)).FirstOrDefault(m => m.Success);
            if (ready is not null)
            {
                return ready.Groups[1].Value;
            }

            if (run.HasExited)
            {
                await Task.Delay(500);
                throw new InvalidOperationException($"run.sh exited with {run.ExitCode} before saying where it runs; its last lines:\n{Tail(60)}");
            }

            await Task.Delay(1000);
        }

        throw new TimeoutException($"run.sh did not say where it runs within {StartTimeout.TotalMinutes} minutes; its last lines:\n{Tail(60)}");
    }

    private async Task SignInAsync(string url, string tenant, string userName, string password)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("EP_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(url);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).First.ClickAsync();
            await page.WaitForURLAsync(u => u.Contains("/account/login", StringComparison.Ordinal));
            await page.Locator("#tenant").FillAsync(tenant);
            await page.Locator("#userName").FillAsync(userName);
            await page.Locator("#password").FillAsync(password);
            await page.Locator("form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal) && !u.Contains("/auth/callback", StringComparison.Ordinal));
            await page.Locator("a.account").WaitForAsync();
            new Uri(page.Url).AbsolutePath.ShouldBe("/", "the sign-in lands on the home page");
            (await page.Locator("a.account").InnerTextAsync()).Trim().ShouldNotBeEmpty("the header names who is signed in");
            Say($"Signed in: {page.Url}");
        }
        catch
        {
            Say($"Browser at {page.Url}:\n{await page.Locator("body").InnerTextAsync()}");
            throw;
        }
    }

    /// <summary>Whatever the test did not get to stop: run.sh first (its cleanup stops the rest), then stragglers.</summary>
    private async Task StopEverythingAsync(Process run, string clone)
    {
        if (!run.HasExited)
        {
            Say("Stopping run.sh");
            Kill(run.Id, SigTerm);
            if (!await ExitedAsync(run, TimeSpan.FromMinutes(2)))
            {
                Kill(run.Id, SigKill);
            }
        }

        foreach (var pid in ProcessesUsing(clone))
        {
            Say($"Killing {pid}, left from the clone");
            Kill(pid, SigKill);
        }
    }

    private static async Task<bool> ExitedAsync(Process process, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!process.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        return process.HasExited;
    }

    /// <summary>Processes whose command line names the clone (the host's dll, postgres -D …/.local/pg, …).</summary>
    private static List<int> ProcessesUsing(string clone)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(clone, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // ended meanwhile
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    private static bool LooksLikeError(string line)
        => line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal)
           || line.Contains("[ERR]", StringComparison.Ordinal) || line.Contains("[FTL]", StringComparison.Ordinal)
           || line.StartsWith("==> ERROR", StringComparison.Ordinal) || line.StartsWith("npm error", StringComparison.Ordinal)
           || line.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase);

    private static bool PortOpen(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EngagementPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EngagementPlatform.sln not found above " + AppContext.BaseDirectory);
    }

    private static string Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var git = Process.Start(start)!;
        var stdout = git.StandardOutput.ReadToEndAsync();
        var stderr = git.StandardError.ReadToEndAsync();
        git.WaitForExit();
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed ({git.ExitCode}): {stderr.Result}");
        }

        return stdout.Result;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a leftover temp folder is no reason to fail the run
        }
    }

    /// <summary>run.sh's output goes to the test output and, while it runs, to artifacts/firstrun/run.log (tail -f it).</summary>
    private void OpenLog()
    {
        var artifacts = Environment.GetEnvironmentVariable("EP_ARTIFACTS") ?? Path.Combine(RepositoryRoot(), "artifacts");
        var directory = Path.Combine(artifacts, "firstrun");
        Directory.CreateDirectory(directory);
        _log = new StreamWriter(Path.Combine(directory, "run.log"), append: false) { AutoFlush = true };
    }

    private void Line(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        Write("run.sh | " + line);
    }

    private void Say(string message) => Write("firstrun | " + message);

    private void Write(string text)
    {
        lock (_lines)
        {
            _log?.WriteLine(text);
            Console.Error.WriteLine(text);
            try
            {
                output.WriteLine(text);
            }
            catch (InvalidOperationException)
            {
                // the test has finished; the log file has the line
            }
        }
    }

    private string Tail(int count) => string.Join('\n', _lines.TakeLast(count));

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"^==> EngagementPlatform is running at (http://\S+)$")]
    private static partial Regex RunningAt();

    [GeneratedRegex(@"type the partnership (\S+?), the user name (\S+) and the password (\S+)")]
    private static partial Regex SignInInstructions();
}
