using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EngagementPlatform.Framework.Data;

public static class JsonColumns
{
    /// <summary>
    /// Stores a small value list or record as jsonb (web casing), compared by content so an edit that replaces the value
    /// with an equal one is not a change and an edit inside it is.
    /// </summary>
    public static PropertyBuilder<T> HasJson<T>(this PropertyBuilder<T> property)
    {
        var options = JsonSerializerOptions.Web;
        return property
            .HasColumnType("jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v, options),
                v => JsonSerializer.Deserialize<T>(v, options)!,
                new ValueComparer<T>(
                    (a, b) => JsonSerializer.Serialize(a, options) == JsonSerializer.Serialize(b, options),
                    v => JsonSerializer.Serialize(v, options).GetHashCode(StringComparison.Ordinal),
                    v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, options), options)!));
    }
}
