using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Modularity;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Identity.Domain;
using EngagementPlatform.Identity.Http;
using EngagementPlatform.Identity.Keys;
using EngagementPlatform.Identity.Seeding;
using EngagementPlatform.Identity.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Validation.AspNetCore;

namespace EngagementPlatform.Identity;

/// <summary>
/// Users, roles and permission grants per tenant (ASP.NET Core Identity), and the OpenIddict server that signs
/// people in. Expects the host to register <see cref="DbContext"/> as the application's one DbContext.
/// </summary>
public sealed class IdentityModule : IModule
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(IdentityErrorCodes.Messages());
        services.AddSingleton(IdentityTexts.Create());
        services.AddSingleton<IPermissionDefinitionProvider, IdentityPermissionDefinitionProvider>();
        services.AddScoped<IPermissionChecker, PermissionChecker>();
        services.AddSingleton<UserAccessCache>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, AccessChangeInterceptor>();
        services.AddScoped<PrincipalFactory>();
        services.AddScoped<CredentialChecker>();
        services.Configure<PasswordChangeOptions>(configuration.GetSection(PasswordChangeOptions.Section));
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(options => SignInRateLimits.Configure(options, configuration));
        services.AddScoped<Framework.Configuration.IApplicationConfigurationContributor, IdentityConfigurationContributor>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<Application.Users.ActiveMemberLimit>();
        // Order matters: roles and the admin exist before other modules seed data that refers to them.
        services.AddScoped<IDataSeedContributor, OpenIddictDataSeedContributor>();
        services.AddScoped<IDataSeedContributor, IdentityDataSeedContributor>();

        services.AddIdentityCore<User>(options =>
            {
                options.Password.RequiredLength = 6;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Identity:Lockout:MaxFailedAccessAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Identity:Lockout:Minutes", 5));
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
                options.ClaimsIdentity.UserIdClaimType = OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject;
                options.ClaimsIdentity.UserNameClaimType = OpenIddict.Abstractions.OpenIddictConstants.Claims.Name;
                options.ClaimsIdentity.RoleClaimType = OpenIddict.Abstractions.OpenIddictConstants.Claims.Role;
            })
            .AddRoles<Role>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddSignInManager()
            .AddEntityFrameworkStores<DbContext>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
                options.DefaultAuthenticateScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
                options.DefaultForbidScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
            })
            .AddCookie(IdentityConstants.ApplicationScheme, options =>
            {
                options.LoginPath = LoginPage.Path;
                options.Cookie.Name = "EngagementPlatform.Identity";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
            });
        services.AddAuthorization();

        var requireHttps = configuration.GetValue("App:RequireHttps", true);
        services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<DbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(options =>
            {
                options.SetTokenEndpointUris("connect/token")
                    .SetAuthorizationEndpointUris("connect/authorize")
                    .SetUserInfoEndpointUris(TokenEndpoints.UserInfoPath.TrimStart('/'))
                    .SetEndSessionEndpointUris("connect/logout");
                options.AllowPasswordFlow().AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().RequireProofKeyForCodeExchange();
                // OAuth 2.1: only S256. "plain" sends the verifier itself as the challenge, so it protects nothing
                // against anyone who can read the authorization request.
                options.Configure(o => o.CodeChallengeMethods.Remove(OpenIddict.Abstractions.OpenIddictConstants.CodeChallengeMethods.Plain));
                options.RegisterScopes("openid", "profile", "email", "roles", "offline_access", PrincipalFactory.ApiResource);
                options.SetAccessTokenLifetime(TimeSpan.FromHours(1));
                // Access tokens are signed JWTs, not encrypted ones: this API is their only audience, they travel over
                // TLS and hold nothing the identity token does not already show the user; decrypting each with RSA-OAEP
                // cost ~10 ms of CPU per request (docs/adr/0013-signed-not-encrypted-access-tokens.md). Codes and
                // refresh tokens stay encrypted (OpenIddict encrypts them with the encryption key below).
                options.DisableAccessTokenEncryption();
                if (configuration["App:SelfUrl"] is { Length: > 0 } issuer)
                {
                    options.SetIssuer(new Uri(issuer.TrimEnd('/') + "/"));
                }

                // Production keys come from configuration (SigningKeys checks at start-up that they are there
                // outside Development); ephemeral keys for tests, development certificates for a developer's machine.
                var signing = ConfiguredCertificate.Load(configuration, SigningKeys.SigningCertificate);
                var encryption = ConfiguredCertificate.Load(configuration, SigningKeys.EncryptionCertificate);
                if (signing is not null && encryption is not null)
                {
                    options.AddSigningCertificate(signing).AddEncryptionCertificate(encryption);
                }
                else if (configuration.GetValue("OpenIddict:UseEphemeralKeys", false))
                {
                    options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                }
                else
                {
                    options.AddDevelopmentEncryptionCertificate().AddDevelopmentSigningCertificate();
                }

                var aspNetCore = options.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!requireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(options =>
            {
                options.AddEventHandler(ActiveUserValidationHandler.Descriptor);
                options.UseLocalServer();
                options.UseAspNetCore();
            });
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTokenEndpoints();
        endpoints.MapLoginPage();
        endpoints.MapChangePasswordPage();
        endpoints.MapIdentityEndpoints();
    }
}
