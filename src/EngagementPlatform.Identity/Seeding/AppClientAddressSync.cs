using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;

namespace EngagementPlatform.Identity.Seeding;

/// <summary>
/// When the web host starts, makes the app client's sign-in and sign-out addresses the ones this host's
/// configuration names (<see cref="AppClientAddresses"/>), so moving the host to another port or public URL keeps
/// sign-in working without re-running the DbMigrator. Idempotent: nothing is written when they already match.
/// Safe with several hosts on one database: a concurrent update is detected (OpenIddict's concurrency token) and
/// the addresses are read and compared again. A database that is not reachable or not migrated yet does not stop
/// the host: the update is retried in the background until it succeeds.
/// </summary>
public sealed class AppClientAddressSync(
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<AppClientAddressSync> logger) : IHostedService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);
    // Never disposed: it holds no timer, and the host may stop this service after the container disposed it.
    private readonly CancellationTokenSource _stopping = new();
    private Task? _retrying;
    private bool _reported; // say once that the update waits, not every retry

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first attempt runs before the server listens, so the first sign-in already finds the addresses.
        if (await TryUpdateAsync(cancellationToken))
        {
            return;
        }

        _retrying = Task.Run(() => RetryAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_retrying is not null)
        {
            await _retrying.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Brings the addresses up to date; false when the database cannot be used yet.</summary>
    public async Task<bool> TryUpdateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<DbContext>().Database;
            if (!await database.CanConnectAsync(cancellationToken) || (await database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                logger.Log(_reported ? LogLevel.Debug : LogLevel.Information, "The database is not reachable or not migrated yet; the app's sign-in addresses are set once it is");
                _reported = true;
                return false;
            }

            await UpdateAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.Log(_reported ? LogLevel.Debug : LogLevel.Warning, e, "Could not bring the app's sign-in addresses up to date; retrying every {Seconds} s", RetryInterval.TotalSeconds);
            _reported = true;
            return false;
        }
    }

    private async Task RetryAsync(CancellationToken stopping)
    {
        try
        {
            do
            {
                await Task.Delay(RetryInterval, stopping);
            }
            while (!await TryUpdateAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // the host is stopping
        }
    }

    private async Task UpdateAsync(IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var urls = AppClientAddresses.BaseUrls(configuration, environment);
        var redirects = AppClientAddresses.RedirectUris(urls);
        var postLogout = AppClientAddresses.PostLogoutRedirectUris(urls);
        for (var attempt = 1; ; attempt++)
        {
            var client = await applications.FindByClientIdAsync(OpenIddictDataSeedContributor.ClientId, cancellationToken);
            if (client is null)
            {
                logger.LogWarning("The app client {ClientId} is not registered: run the DbMigrator, which creates it", OpenIddictDataSeedContributor.ClientId);
                return;
            }

            var current = await applications.GetRedirectUrisAsync(client, cancellationToken);
            var currentPostLogout = await applications.GetPostLogoutRedirectUrisAsync(client, cancellationToken);
            if (redirects.SetEquals(current) && postLogout.SetEquals(currentPostLogout))
            {
                logger.LogDebug("The app's sign-in addresses are up to date: {RedirectUris}", redirects);
                return;
            }

            var descriptor = new OpenIddictApplicationDescriptor();
            await applications.PopulateAsync(descriptor, client, cancellationToken);
            AppClientAddresses.Apply(descriptor, urls);
            try
            {
                await applications.UpdateAsync(client, descriptor, cancellationToken);
                if (urls.Count == 0)
                {
                    logger.LogInformation("No sign-in address is configured (App:SelfUrl, App:ClientUrl): the web app cannot sign in through this host");
                }
                else
                {
                    logger.LogInformation("The app signs in through {RedirectUris}", string.Join(", ", redirects));
                }

                return;
            }
            catch (OpenIddictExceptions.ConcurrencyException) when (attempt < 5)
            {
                // Another host changed the client at the same moment: read it again and compare.
            }
        }
    }
}
