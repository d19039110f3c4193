namespace EngagementPlatform.Framework.Localization;

/// <summary>
/// A module's texts in English and Spanish, keyed. Keys follow the error-code style: <c>Module:Name</c> for messages
/// and page texts, <c>Enum:Type.Value</c> for enum values shown to people, <c>Action:Name</c> for what someone tried
/// to do. A module registers its resources as singletons; <see cref="TextLocalizer"/> merges them at start-up.
/// </summary>
public class LocalizationResource : Dictionary<string, (string En, string Es)>
{
    public LocalizationResource()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Adds the words for every value of an enum: <c>Enum:Type.Value</c>. Each value needs both languages.</summary>
    public LocalizationResource AddEnum<TEnum>(IReadOnlyDictionary<TEnum, (string En, string Es)> words)
        where TEnum : struct, Enum
    {
        var missing = Enum.GetValues<TEnum>().Where(v => !words.ContainsKey(v)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"{typeof(TEnum).Name} has no words for {string.Join(", ", missing)}.");
        }

        foreach (var (value, word) in words)
        {
            Add(LocalizableWord.KeyOf(value), word);
        }

        return this;
    }
}

/// <summary>A module's error messages, keyed by error code (<c>Module:Reason</c>).</summary>
public sealed class ErrorMessageResource : LocalizationResource;
