using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EngagementPlatform.Framework.Payments;

public static class StripeServices
{
    /// <summary>
    /// Registers <see cref="StripeOptions"/> (section <c>Stripe</c>, validated at start), the named HttpClient,
    /// <see cref="StripeClientProvider"/> and <see cref="StripeWebhookVerifier"/>. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddStripe(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StripeOptions>().Bind(configuration.GetSection(StripeOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StripeOptions>, StripeOptionsValidator>());
        services.AddHttpClient(StripeClientProvider.HttpClientName);
        services.TryAddSingleton<StripeClientProvider>();
        services.TryAddSingleton<StripeWebhookVerifier>();
        return services;
    }
}
