using System.Text.Json.Nodes;

namespace EngagementPlatform.HttpApi.Host.Tests.Sweeps;

/// <summary>The operations of the live OpenAPI document, as the sweeps need them.</summary>
internal sealed record ApiOperation(string Method, string Path, bool RequiresToken, JsonElement? BodySchema)
{
    public string Key => $"{Method} {Path}";

    public IReadOnlyList<string> PathParameters { get; } = Path.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}')).ToList();

    public static async Task<(IReadOnlyList<ApiOperation> Operations, JsonElement Document)> LoadAsync(HttpClient client)
    {
        var document = (await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync()).Clone();
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                var op = method.Value;
                JsonElement? body = op.TryGetProperty("requestBody", out var rb)
                                    && rb.GetProperty("content").TryGetProperty("application/json", out var json)
                    ? json.GetProperty("schema")
                    : null;
                var secured = op.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
                operations.Add(new ApiOperation(method.Name.ToUpperInvariant(), path.Name, secured, body));
            }
        }

        return (operations, document);
    }

    /// <summary>Fills the path's parameters from seeded ids; names the missing key if one is not seeded.</summary>
    public string? Fill(IReadOnlyDictionary<string, SeededId> ids, out string? missing, out bool hostOwned)
        => Fill(ids, out missing, out hostOwned, out _);

    /// <summary>As <see cref="Fill(IReadOnlyDictionary{string, SeededId}, out string?, out bool)"/>; <paramref name="valuesOnly"/> when no parameter is an entity id.</summary>
    public string? Fill(IReadOnlyDictionary<string, SeededId> ids, out string? missing, out bool hostOwned, out bool valuesOnly)
    {
        valuesOnly = true;
        var segments = Path.Split('/');
        var prefix = new List<string>();
        hostOwned = false;
        missing = null;
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{'))
            {
                prefix.Add(segments[i]);
                continue;
            }

            var key = string.Join('/', prefix);
            if (!ids.TryGetValue(key, out var id))
            {
                missing = key;
                return null;
            }

            hostOwned |= id.IsHostOwned;
            valuesOnly &= id.IsValue;
            segments[i] = id.Value;
            prefix.Add("{}");
        }

        return string.Join('/', segments);
    }
}

/// <summary>Makes request bodies from the document's schemas: plausible ones, and deliberately broken ones.</summary>
internal sealed class BodySampler(JsonElement document)
{
    public const int HugeLength = 200_000;

    public JsonNode? Valid(JsonElement schema) => Sample(schema, null, 0, Mode.Valid);

    public JsonNode? Huge(JsonElement schema) => Sample(schema, null, 0, Mode.Huge);

    /// <summary>Whether the body has a free-text string anywhere (not an enum, id, date or number).</summary>
    public bool HasFreeText(JsonElement schema, int depth = 0)
    {
        var resolved = Resolve(schema);
        if (depth > 4 || resolved.TryGetProperty("enum", out _))
        {
            return false;
        }

        var types = Types(resolved);
        if (types.Contains("object"))
        {
            return resolved.TryGetProperty("properties", out var properties) && properties.EnumerateObject().Any(p => HasFreeText(p.Value, depth + 1));
        }

        if (types.Contains("array"))
        {
            return resolved.TryGetProperty("items", out var items) && HasFreeText(items, depth + 1);
        }

        var format = resolved.TryGetProperty("format", out var f) ? f.GetString() : null;
        return types.Contains("string") && !types.Contains("integer") && !types.Contains("number") && format is not ("uuid" or "date" or "date-time");
    }

    /// <summary>One body per top-level property, with only that property of a wrong JSON type.</summary>
    public IEnumerable<(string Property, JsonNode Body)> WrongTypes(JsonElement schema)
    {
        var resolved = Resolve(schema);
        if (!resolved.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        foreach (var property in properties.EnumerateObject())
        {
            if (Valid(schema) is not JsonObject body)
            {
                yield break;
            }

            body[property.Name] = WrongType(property.Value);
            yield return (property.Name, body);
        }
    }

    /// <summary>One body per enum-typed top-level property, with a value the enum does not have.</summary>
    public IEnumerable<(string Property, JsonNode Body)> UnknownEnums(JsonElement schema)
    {
        var resolved = Resolve(schema);
        if (!resolved.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        foreach (var property in properties.EnumerateObject().Where(p => Resolve(p.Value).TryGetProperty("enum", out _)))
        {
            if (Valid(schema) is JsonObject body)
            {
                body[property.Name] = "NotARealValue";
                yield return (property.Name, body);
            }
        }
    }

    /// <summary>
    /// Bodies that are well-formed JSON but leave out what the types require: <c>{}</c>, each required member
    /// missing, each required member <c>null</c>, numbers out of range, and for list bodies <c>[null]</c> and <c>[{}]</c>.
    /// "Required" here is what binding cannot fill in: a non-nullable string, list or object (value types bind a
    /// default, which the validators judge).
    /// </summary>
    public IEnumerable<(string Kind, string Case, JsonNode? Body)> Structural(JsonElement schema)
    {
        var resolved = Resolve(schema);
        var types = Types(resolved);
        if (types.Contains("array"))
        {
            if (resolved.TryGetProperty("items", out var items) && Types(Resolve(items)).Contains("object"))
            {
                yield return ("list item", "[null]", new JsonArray((JsonNode?)null));
                yield return ("list item", "[{}]", new JsonArray(new JsonObject()));
            }

            yield break;
        }

        if (!resolved.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        var required = properties.EnumerateObject().Where(p => MustBePresent(p.Value)).Select(p => p.Name).ToList();
        if (required.Count > 0)
        {
            yield return ("{}", "{}", new JsonObject());
        }

        foreach (var name in required)
        {
            if (Valid(schema) is JsonObject missing)
            {
                missing.Remove(name);
                yield return ("missing field", $"{name} missing", missing);
            }

            if (Valid(schema) is JsonObject nulled)
            {
                nulled[name] = null;
                yield return ("null field", $"{name} null", nulled);
            }
        }

        foreach (var property in properties.EnumerateObject())
        {
            var propertyTypes = Types(Resolve(property.Value));
            if (!propertyTypes.Contains("integer") && !propertyTypes.Contains("number"))
            {
                continue;
            }

            foreach (var (label, value) in new (string, JsonNode)[] { ("-1", JsonValue.Create(-1)), ("1e30", JsonNode.Parse("1e30")!), ("2^32", JsonValue.Create(4_294_967_296L)) })
            {
                if (Valid(schema) is JsonObject body)
                {
                    body[property.Name] = value;
                    yield return ("out of range", $"{property.Name} = {label}", body);
                }
            }
        }
    }

    /// <summary>A member binding cannot default: a non-nullable string (not a number, date or id), list or object.</summary>
    private bool MustBePresent(JsonElement schema)
    {
        if (schema.TryGetProperty("oneOf", out var options) || schema.TryGetProperty("anyOf", out options))
        {
            if (options.EnumerateArray().Any(o => Types(o).Contains("null")))
            {
                return false;
            }
        }

        var resolved = Resolve(schema);
        var types = Types(resolved);
        if (types.Contains("null") || resolved.TryGetProperty("enum", out _) || types.Contains("integer") || types.Contains("number") || types.Contains("boolean"))
        {
            return false;
        }

        var format = resolved.TryGetProperty("format", out var f) ? f.GetString() : null;
        return types.Contains("array") || types.Contains("object") || (types.Contains("string") && format is not ("uuid" or "date" or "date-time" or "time" or "duration"));
    }

    private enum Mode
    {
        Valid,
        Huge,
    }

    private JsonElement Resolve(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/').Last();
            return Resolve(document.GetProperty("components").GetProperty("schemas").GetProperty(name));
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                foreach (var option in options.EnumerateArray())
                {
                    var resolved = Resolve(option);
                    // An enum schema may carry no "type" at all (string enums are emitted that way).
                    if (Types(resolved).Any(t => t != "null") || resolved.TryGetProperty("enum", out _))
                    {
                        return resolved;
                    }
                }
            }
        }

        return schema;
    }

    private static IReadOnlyList<string> Types(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? ["object"] : [];
        }

        return type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
    }

    private JsonNode? Sample(JsonElement schema, string? name, int depth, Mode mode)
    {
        var resolved = Resolve(schema);
        if (resolved.TryGetProperty("enum", out var values))
        {
            return JsonValue.Create(values.EnumerateArray().First(v => v.ValueKind == JsonValueKind.String).GetString());
        }

        var types = Types(resolved);
        var nullable = types.Contains("null");
        var format = resolved.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (types.Contains("object") && depth < 4)
        {
            var obj = new JsonObject();
            if (resolved.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject())
                {
                    obj[property.Name] = Sample(property.Value, property.Name, depth + 1, mode);
                }
            }

            return obj;
        }

        if (types.Contains("array"))
        {
            return mode == Mode.Huge && resolved.TryGetProperty("items", out var items) && HasFreeText(items, depth + 1)
                ? new JsonArray(Sample(items, name, depth + 1, mode))
                : new JsonArray();
        }

        if (types.Contains("boolean"))
        {
            return JsonValue.Create(false);
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            return JsonValue.Create(1);
        }

        if (types.Contains("string"))
        {
            if (format == "uuid")
            {
                return nullable ? null : JsonValue.Create(Guid.NewGuid());
            }

            if (format == "date")
            {
                return JsonValue.Create("2026-12-01");
            }

            if (format == "date-time")
            {
                return JsonValue.Create(DateTimeOffset.UtcNow.AddDays(7));
            }

            if (mode == Mode.Huge)
            {
                return JsonValue.Create(new string('x', HugeLength));
            }

            var lower = name?.ToLowerInvariant() ?? string.Empty;
            return JsonValue.Create(lower switch
            {
                _ when lower.Contains("email") => "sweep@example.org",
                _ when lower.Contains("password") => "Sweep-123!",
                _ when lower.Contains("language") || lower.Contains("culture") => "en",
                _ when lower.Contains("url") || lower.Contains("uri") => "https://example.org/sweep",
                _ when lower.Contains("currency") => "USD",
                _ => "sweep",
            });
        }

        return null;
    }

    private JsonNode WrongType(JsonElement schema)
    {
        var types = Types(Resolve(schema));
        if (types.Contains("object"))
        {
            return new JsonArray(1, 2);
        }

        if (types.Contains("array"))
        {
            return new JsonObject { ["not"] = "an array" };
        }

        if (types.Contains("boolean"))
        {
            return JsonValue.Create("not-a-boolean");
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            return JsonValue.Create(true);
        }

        return JsonValue.Create(12345);
    }
}
