using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace EngagementPlatform.TestBase.Payments;

/// <summary>
/// A loopback stand-in for Stripe's API on WireMock.Net, for Stripe.net pointed at it through <c>Stripe:ApiBase</c>.
/// It answers the calls the product makes with objects shaped like Stripe's (written from Stripe's API reference):
/// <c>POST /v1/transfers</c>, <c>GET /v1/transfers/{id}</c>, <c>POST /v1/accounts</c>, <c>GET /v1/accounts/{id}</c>,
/// <c>POST /v1/account_links</c>, <c>POST /v1/checkout/sessions</c>,
/// <c>POST /v1/billing_portal/sessions</c>; anything else gets Stripe's 404 "unrecognized request URL".
/// Like Stripe it checks the secret key (401 otherwise), checks required parameters (400 <c>parameter_missing</c>),
/// stores the first answer per <c>Idempotency-Key</c> and replays it (header <c>Idempotent-Replayed: true</c>), and
/// refuses a key reused with other parameters (400 <c>idempotency_error</c>). <see cref="FailNext"/> makes the next
/// matching call fail with a chosen Stripe error; <see cref="LoseNextAnswer"/> lets the next matching call run but loses
/// its answer on the way back (a gateway timeout). Every request is recorded in <see cref="Requests"/>.
/// </summary>
public sealed partial class StripeFake : IDisposable
{
    /// <summary>The secret key the fake accepts unless another is given; put it in <c>Stripe:SecretKey</c>.</summary>
    public const string DefaultSecretKey = "sk_test_fake_EngagementPlatform";

    /// <summary>A webhook signing secret for tests; put it in <c>Stripe:WebhookSecret</c> and sign with <see cref="StripeWebhookSigner"/>.</summary>
    public const string DefaultWebhookSecret = "whsec_fake_EngagementPlatform";

    private readonly WireMockServer _server;
    private readonly string _secretKey;
    private readonly Lock _lock = new();
    private readonly List<StripeFakeRequest> _requests = [];
    private readonly Dictionary<string, StoredAnswer> _idempotency = new(StringComparer.Ordinal);
    private readonly List<(string Method, Regex Path, StripeFakeFailure Failure)> _failures = [];
    private readonly List<(string Method, Regex Path)> _lostAnswers = [];
    private readonly Dictionary<string, JsonObject> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _transfers = new(StringComparer.Ordinal);
    private long _balance = long.MaxValue;

    private sealed record StoredAnswer(string Method, string Path, IReadOnlyDictionary<string, string> Form, int StatusCode, string Body);

    private StripeFake(string secretKey)
    {
        _secretKey = secretKey;
        _server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{FreePort()}"],
            StartAdminInterface = false,
            ReadStaticMappings = false,
            DisableDeserializeFormUrlEncoded = true,
            DisableJsonBodyParsing = true,
        });
        Route("POST", "^/v1/transfers$", CreateTransfer);
        Route("GET", "^/v1/transfers/[^/]+$", RetrieveTransfer);
        Route("POST", "^/v1/accounts$", CreateAccount);
        Route("GET", "^/v1/accounts/[^/]+$", RetrieveAccount);
        Route("POST", "^/v1/account_links$", CreateAccountLink);
        Route("POST", "^/v1/checkout/sessions$", CreateCheckoutSession);
        Route("POST", "^/v1/billing_portal/sessions$", CreatePortalSession);
        _server.Given(Request.Create().UsingAnyMethod()).AtPriority(int.MaxValue)
            .RespondWith(Response.Create().WithCallback(request => Handle(request, (_, path) =>
                Error(404, "invalid_request_error", null, $"Unrecognized request URL ({request.Method}: {path}).", null))));
    }

    /// <summary>Starts a fake on a free loopback port.</summary>
    public static StripeFake Start(string secretKey = DefaultSecretKey) => new(secretKey);

    /// <summary>The base address for <c>Stripe:ApiBase</c>, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url => _server.Url!;

    public string SecretKey => _secretKey;

    /// <summary>
    /// The settings a host (<c>new ApiFactory(connectionString, fake.Configuration())</c>) or a service collection needs to
    /// talk to this fake and verify webhooks signed by <see cref="StripeWebhookSigner"/>; Stripe.net's retries are off.
    /// </summary>
    public Dictionary<string, string?> Configuration(string webhookSecret = DefaultWebhookSecret) => new()
    {
        ["Stripe:SecretKey"] = _secretKey,
        ["Stripe:ApiBase"] = Url,
        ["Stripe:WebhookSecret"] = webhookSecret,
        ["Stripe:MaxNetworkRetries"] = "0",
    };

    /// <summary>Every request so far, in arrival order, replays included.</summary>
    public IReadOnlyList<StripeFakeRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<StripeFakeRequest> RequestsTo(string method, string path)
        => [.. Requests.Where(r => r.Method == method && r.Path == path)];

    /// <summary>A connected account that transfers may go to and <c>GET /v1/accounts/{id}</c> returns.</summary>
    public string AddConnectedAccount(string? id = null, bool payoutsEnabled = true, string country = "US", string currency = "usd", string? email = null)
    {
        id ??= NewId("acct_");
        var account = new JsonObject
        {
            ["id"] = id,
            ["object"] = "account",
            ["business_type"] = "individual",
            ["capabilities"] = new JsonObject { ["transfers"] = payoutsEnabled ? "active" : "inactive" },
            ["charges_enabled"] = payoutsEnabled,
            ["country"] = country,
            ["created"] = Now(),
            ["default_currency"] = currency,
            ["details_submitted"] = payoutsEnabled,
            ["email"] = email,
            ["metadata"] = new JsonObject(),
            ["payouts_enabled"] = payoutsEnabled,
            ["requirements"] = new JsonObject
            {
                ["currently_due"] = payoutsEnabled ? new JsonArray() : new JsonArray("external_account"),
                ["disabled_reason"] = payoutsEnabled ? null : "requirements.past_due",
                ["eventually_due"] = new JsonArray(),
                ["past_due"] = payoutsEnabled ? new JsonArray() : new JsonArray("external_account"),
                ["pending_verification"] = new JsonArray(),
            },
            ["type"] = "express",
        };
        lock (_lock)
        {
            _accounts[id] = account;
        }

        return id;
    }

    /// <summary>The platform's available balance in the smallest currency unit; a transfer above it gets 400 <c>balance_insufficient</c>.</summary>
    public void SetAvailableBalance(long amount)
    {
        lock (_lock)
        {
            _balance = amount;
        }
    }

    /// <summary>The next call to <paramref name="method"/> <paramref name="path"/> (a regular expression over the path) fails once with <paramref name="failure"/>.</summary>
    public void FailNext(string method, string path, StripeFakeFailure failure)
    {
        lock (_lock)
        {
            _failures.Add((method, new Regex($"^{path}$"), failure));
        }
    }

    /// <summary>
    /// The next call to <paramref name="method"/> <paramref name="path"/> runs (its answer is stored under its idempotency
    /// key, as Stripe stores it) but the caller gets a 504 with no Stripe body instead, as when a proxy gives up waiting:
    /// the caller cannot know whether the object was made, and only a retry with the same key tells it.
    /// </summary>
    public void LoseNextAnswer(string method, string path)
    {
        lock (_lock)
        {
            _lostAnswers.Add((method, new Regex($"^{path}$")));
        }
    }

    /// <summary>A copy of a transfer as <c>GET /v1/transfers/{id}</c> returns it, e.g. for an event's <c>data.object</c>.</summary>
    public JsonObject Transfer(string id)
    {
        lock (_lock)
        {
            return (JsonObject)_transfers[id].DeepClone();
        }
    }

    /// <summary>Copies of every transfer made, in no particular order.</summary>
    public IReadOnlyList<JsonObject> Transfers()
    {
        lock (_lock)
        {
            return [.. _transfers.Values.Select(t => (JsonObject)t.DeepClone())];
        }
    }

    /// <summary>A copy of an account as <c>GET /v1/accounts/{id}</c> returns it.</summary>
    public JsonObject Account(string id)
    {
        lock (_lock)
        {
            return (JsonObject)_accounts[id].DeepClone();
        }
    }

    /// <summary>Finishes (or undoes) an account's onboarding: details submitted, charges, payouts and the transfers capability on (or off).</summary>
    public JsonObject CompleteOnboarding(string id, bool enabled = true)
    {
        lock (_lock)
        {
            var account = _accounts[id];
            account["details_submitted"] = true;
            account["charges_enabled"] = enabled;
            account["payouts_enabled"] = enabled;
            account["capabilities"] = new JsonObject { ["transfers"] = enabled ? "active" : "inactive" };
            account["requirements"]!["currently_due"] = enabled ? new JsonArray() : new JsonArray("external_account");
            account["requirements"]!["disabled_reason"] = enabled ? null : "requirements.past_due";
            return (JsonObject)account.DeepClone();
        }
    }

    /// <summary>
    /// Reverses <paramref name="amount"/> of a transfer (all of what is left when null), as <c>POST /v1/transfers/{id}/reversals</c>
    /// would: a reversal in <c>reversals.data</c> (with <c>metadata.reason</c> when given), <c>amount_reversed</c> raised,
    /// <c>reversed</c> true once all is back. Returns the transfer as it now is.
    /// </summary>
    public JsonObject ReverseTransfer(string id, long? amount = null, string? reason = null)
    {
        lock (_lock)
        {
            var transfer = _transfers[id];
            var total = long.Parse(transfer["amount"]!.ToJsonString(), CultureInfo.InvariantCulture);
            var already = long.Parse(transfer["amount_reversed"]!.ToJsonString(), CultureInfo.InvariantCulture);
            var back = amount ?? total - already;
            var reversal = new JsonObject
            {
                ["id"] = NewId("trr_"),
                ["object"] = "transfer_reversal",
                ["amount"] = back,
                ["balance_transaction"] = NewId("txn_"),
                ["created"] = Now(),
                ["currency"] = transfer["currency"]!.GetValue<string>(),
                ["metadata"] = reason is null ? new JsonObject() : new JsonObject { ["reason"] = reason },
                ["transfer"] = id,
            };
            var reversals = transfer["reversals"]!.AsObject();
            reversals["data"]!.AsArray().Insert(0, reversal);
            reversals["total_count"] = reversals["data"]!.AsArray().Count;
            transfer["amount_reversed"] = already + back;
            transfer["reversed"] = already + back >= total;
            _balance += back;
            return (JsonObject)transfer.DeepClone();
        }
    }

    /// <summary>Forgets requests, stored idempotent answers, pending failures and objects (accounts included).</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _requests.Clear();
            _idempotency.Clear();
            _failures.Clear();
            _lostAnswers.Clear();
            _accounts.Clear();
            _transfers.Clear();
            _balance = long.MaxValue;
        }
    }

    public void Dispose() => _server.Stop();

    // Routes --------------------------------------------------------------------------------------------------------

    private (int, string) CreateTransfer(IReadOnlyDictionary<string, string> form, string path)
    {
        if (Missing(form, "amount", "currency", "destination") is { } missing)
        {
            return missing;
        }

        if (!long.TryParse(form["amount"], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return Error(400, "invalid_request_error", "parameter_invalid_integer", "Invalid positive integer", "amount");
        }

        if (!CurrencyCode().IsMatch(form["currency"]))
        {
            return Error(400, "invalid_request_error", "parameter_invalid", $"Invalid currency: {form["currency"]}", "currency");
        }

        var destination = form["destination"];
        if (!_accounts.TryGetValue(destination, out var account))
        {
            return Error(400, "invalid_request_error", "resource_missing", $"No such destination: '{destination}'", "destination");
        }

        if (account["payouts_enabled"]?.GetValue<bool>() != true)
        {
            return Error(400, "invalid_request_error", "account_invalid", "The destination account cannot receive transfers yet: its onboarding is incomplete.", "destination");
        }

        if (amount > _balance)
        {
            return Error(400, "invalid_request_error", "balance_insufficient", "The available balance is too low for this transfer.", "amount");
        }

        _balance -= amount;
        var id = NewId("tr_");
        var transfer = new JsonObject
        {
            ["id"] = id,
            ["object"] = "transfer",
            ["amount"] = amount,
            ["amount_reversed"] = 0,
            ["balance_transaction"] = NewId("txn_"),
            ["created"] = Now(),
            ["currency"] = form["currency"],
            ["description"] = form.GetValueOrDefault("description"),
            ["destination"] = destination,
            ["destination_payment"] = NewId("py_"),
            ["livemode"] = false,
            ["metadata"] = Metadata(form),
            ["reversals"] = new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray(),
                ["has_more"] = false,
                ["total_count"] = 0,
                ["url"] = $"/v1/transfers/{id}/reversals",
            },
            ["reversed"] = false,
            ["source_transaction"] = form.GetValueOrDefault("source_transaction"),
            ["source_type"] = "card",
            ["transfer_group"] = form.GetValueOrDefault("transfer_group"),
        };
        _transfers[id] = transfer;
        return (200, transfer.ToJsonString());
    }

    private (int, string) RetrieveTransfer(IReadOnlyDictionary<string, string> form, string path)
    {
        var id = path[(path.LastIndexOf('/') + 1)..];
        return _transfers.TryGetValue(id, out var transfer)
            ? (200, transfer.ToJsonString())
            : Error(404, "invalid_request_error", "resource_missing", $"No such transfer: '{id}'", "id");
    }

    private (int, string) RetrieveAccount(IReadOnlyDictionary<string, string> form, string path)
    {
        var id = path[(path.LastIndexOf('/') + 1)..];
        return _accounts.TryGetValue(id, out var account)
            ? (200, account.ToJsonString())
            : Error(404, "invalid_request_error", "resource_missing", $"No such account: '{id}'", "account");
    }

    private (int, string) CreateAccount(IReadOnlyDictionary<string, string> form, string path)
    {
        var type = form.GetValueOrDefault("type");
        if (type is not (null or "express" or "standard" or "custom"))
        {
            return Error(400, "invalid_request_error", "parameter_invalid", $"Invalid type: must be one of custom, express, or standard", "type");
        }

        var id = NewId("acct_");
        var transfers = form.GetValueOrDefault("capabilities[transfers][requested]") == "true" ? "inactive" : null;
        var account = new JsonObject
        {
            ["id"] = id,
            ["object"] = "account",
            ["business_type"] = form.GetValueOrDefault("business_type"),
            ["capabilities"] = transfers is null ? new JsonObject() : new JsonObject { ["transfers"] = transfers },
            ["charges_enabled"] = false,
            ["country"] = form.GetValueOrDefault("country") ?? "US",
            ["created"] = Now(),
            ["default_currency"] = "usd",
            ["details_submitted"] = false,
            ["email"] = form.GetValueOrDefault("email"),
            ["metadata"] = Metadata(form),
            ["payouts_enabled"] = false,
            ["requirements"] = new JsonObject
            {
                ["currently_due"] = new JsonArray("business_type", "external_account", "tos_acceptance.date"),
                ["disabled_reason"] = "requirements.past_due",
                ["eventually_due"] = new JsonArray("business_type", "external_account", "tos_acceptance.date"),
                ["past_due"] = new JsonArray("business_type", "external_account", "tos_acceptance.date"),
                ["pending_verification"] = new JsonArray(),
            },
            ["type"] = type ?? "express",
        };
        _accounts[id] = account;
        return (200, account.ToJsonString());
    }

    private (int, string) CreateAccountLink(IReadOnlyDictionary<string, string> form, string path)
    {
        if (Missing(form, "account", "type") is { } missing)
        {
            return missing;
        }

        if (form["type"] is not ("account_onboarding" or "account_update"))
        {
            return Error(400, "invalid_request_error", "parameter_invalid", "Invalid type: must be one of account_onboarding or account_update", "type");
        }

        if (form["type"] == "account_onboarding" && Missing(form, "refresh_url", "return_url") is { } urls)
        {
            return urls;
        }

        if (!_accounts.ContainsKey(form["account"]))
        {
            return Error(400, "invalid_request_error", "resource_missing", $"No such account: '{form["account"]}'", "account");
        }

        var created = Now();
        var link = new JsonObject
        {
            ["object"] = "account_link",
            ["created"] = created,
            ["expires_at"] = created + 300,
            ["url"] = $"{Url}/setup/e/{form["account"]}/{NewId("")}",
        };
        return (200, link.ToJsonString());
    }

    private (int, string) CreateCheckoutSession(IReadOnlyDictionary<string, string> form, string path)
    {
        if (Missing(form, "mode") is { } missing)
        {
            return missing;
        }

        if (form["mode"] is not ("payment" or "subscription" or "setup"))
        {
            return Error(400, "invalid_request_error", "parameter_invalid", $"Invalid mode: must be one of payment, setup, or subscription", "mode");
        }

        if (form["mode"] != "setup" && !form.Keys.Any(k => k.StartsWith("line_items[", StringComparison.Ordinal)))
        {
            return Error(400, "invalid_request_error", "parameter_missing", "Missing required param: line_items.", "line_items");
        }

        var id = NewId("cs_test_");
        var created = Now();
        var session = new JsonObject
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["amount_subtotal"] = null,
            ["amount_total"] = null,
            ["cancel_url"] = form.GetValueOrDefault("cancel_url"),
            ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
            ["created"] = created,
            ["currency"] = form.GetValueOrDefault("currency"),
            ["customer"] = form.GetValueOrDefault("customer"),
            ["customer_email"] = form.GetValueOrDefault("customer_email"),
            ["expires_at"] = created + 24 * 3600,
            ["livemode"] = false,
            ["metadata"] = Metadata(form),
            ["mode"] = form["mode"],
            ["payment_intent"] = null,
            ["payment_status"] = form["mode"] == "setup" ? "no_payment_required" : "unpaid",
            ["status"] = "open",
            ["subscription"] = null,
            ["success_url"] = form.GetValueOrDefault("success_url"),
            ["ui_mode"] = "hosted",
            ["url"] = $"{Url}/c/pay/{id}",
        };
        return (200, session.ToJsonString());
    }

    private (int, string) CreatePortalSession(IReadOnlyDictionary<string, string> form, string path)
    {
        if (Missing(form, "customer") is { } missing)
        {
            return missing;
        }

        var id = NewId("bps_");
        var session = new JsonObject
        {
            ["id"] = id,
            ["object"] = "billing_portal.session",
            ["configuration"] = form.GetValueOrDefault("configuration") ?? "bpc_fake_default",
            ["created"] = Now(),
            ["customer"] = form["customer"],
            ["flow"] = null,
            ["livemode"] = false,
            ["locale"] = form.GetValueOrDefault("locale"),
            ["on_behalf_of"] = form.GetValueOrDefault("on_behalf_of"),
            ["return_url"] = form.GetValueOrDefault("return_url"),
            ["url"] = $"{Url}/p/session/{id}",
        };
        return (200, session.ToJsonString());
    }

    // The pipeline every route goes through ---------------------------------------------------------------------------

    private void Route(string method, string pathPattern, Func<IReadOnlyDictionary<string, string>, string, (int, string)> handler)
    {
        var path = new Regex(pathPattern);
        _server.Given(Request.Create().WithPath(p => path.IsMatch(p)).UsingMethod(method))
            .RespondWith(Response.Create().WithCallback(request => Handle(request, handler)));
    }

    private ResponseMessage Handle(IRequestMessage request, Func<IReadOnlyDictionary<string, string>, string, (int, string)> handler)
    {
        var method = request.Method.ToUpperInvariant();
        var path = request.Path;
        var form = Form(method == "GET" ? request.RawQuery?.TrimStart('?') : BodyOf(request));
        var key = Header(request, "Idempotency-Key");
        lock (_lock)
        {
            int status;
            string body;
            var replayed = false;
            if (!string.Equals(Header(request, "Authorization"), $"Bearer {_secretKey}", StringComparison.Ordinal))
            {
                (status, body) = Error(401, "invalid_request_error", null, "Invalid API Key provided.", null);
            }
            else if (key is not null && _idempotency.TryGetValue(key, out var stored))
            {
                if (stored.Method == method && stored.Path == path && SameForm(stored.Form, form))
                {
                    (status, body, replayed) = (stored.StatusCode, stored.Body, true);
                }
                else
                {
                    (status, body) = Error(400, "idempotency_error", null,
                        $"This idempotency key was first used with other parameters; a key can only be reused with the same request ({key}).", null);
                }
            }
            else
            {
                var failure = _failures.FirstOrDefault(f => f.Method == method && f.Path.IsMatch(path));
                if (failure.Failure is { } fail)
                {
                    _failures.Remove(failure);
                    (status, body) = Error(fail.StatusCode, fail.Type, fail.Code, fail.Message, fail.Param, fail.DeclineCode);
                }
                else
                {
                    (status, body) = handler(form, path);
                }

                // Stripe stores the answer once the endpoint ran: successes, declines and its own errors, not validation errors.
                if (key is not null && method == "POST" && (status is >= 200 and < 300 || failure.Failure?.Remembered == true))
                {
                    _idempotency[key] = new StoredAnswer(method, path, form, status, body);
                }

                var lost = _lostAnswers.FirstOrDefault(l => l.Method == method && l.Path.IsMatch(path));
                if (lost.Path is not null)
                {
                    _lostAnswers.Remove(lost);
                    (status, body) = (504, "<html><body>504 Gateway Time-out</body></html>");
                }
            }

            _requests.Add(new StripeFakeRequest(method, path, form, key, Header(request, "Stripe-Account"), Header(request, "Stripe-Version"),
                Header(request, "Authorization"), status, replayed));
            var response = new ResponseMessage
            {
                StatusCode = status,
                BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
            };
            response.AddHeader("Content-Type", "application/json");
            response.AddHeader("Request-Id", NewId("req_"));
            if (key is not null)
            {
                response.AddHeader("Idempotency-Key", key);
            }

            if (replayed)
            {
                response.AddHeader("Idempotent-Replayed", "true");
            }

            return response;
        }
    }

    private static string? BodyOf(IRequestMessage request)
        => request.BodyData?.BodyAsBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : request.Body;

    private static IReadOnlyDictionary<string, string> Form(string? encoded)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(encoded))
        {
            return fields;
        }

        foreach (var (name, values) in QueryHelpers.ParseQuery(encoded))
        {
            fields[name] = string.Join(",", values.ToArray());
        }

        return fields;
    }

    private static bool SameForm(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
        => a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static string? Header(IRequestMessage request, string name)
        => request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static (int, string)? Missing(IReadOnlyDictionary<string, string> form, params string[] names)
        => names.FirstOrDefault(n => !form.TryGetValue(n, out var v) || string.IsNullOrEmpty(v)) is { } name
            ? Error(400, "invalid_request_error", "parameter_missing", $"Missing required param: {name}.", name)
            : null;

    /// <summary>Stripe's error body: <c>{"error":{"type","code","message","param","decline_code","doc_url"}}</c>.</summary>
    private static (int, string) Error(int status, string type, string? code, string message, string? param, string? declineCode = null)
    {
        var error = new JsonObject { ["type"] = type, ["message"] = message };
        if (code is not null)
        {
            error["code"] = code;
            error["doc_url"] = $"https://docs.stripe.com/error-codes/{code.Replace('_', '-')}";
        }

        if (param is not null)
        {
            error["param"] = param;
        }

        if (declineCode is not null)
        {
            error["decline_code"] = declineCode;
        }

        return (status, new JsonObject { ["error"] = error }.ToJsonString());
    }

    private static JsonObject Metadata(IReadOnlyDictionary<string, string> form)
    {
        var metadata = new JsonObject();
        foreach (var (name, value) in form)
        {
            if (name.StartsWith("metadata[", StringComparison.Ordinal) && name.EndsWith(']'))
            {
                metadata[name["metadata[".Length..^1]] = value;
            }
        }

        return metadata;
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    internal static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..24];

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("^[a-z]{3}$")]
    private static partial Regex CurrencyCode();
}
