namespace EngagementPlatform.Framework.Localization;

/// <summary>
/// A word inside a message that is translated too when the message is rendered: a state, an action, a category.
/// Put it in a <see cref="Exceptions.BusinessException"/>'s data (<c>WithData("action", LocalizableWord.Action("OpenVoting"))</c>)
/// and the problem's title reads in one language from start to end. Enum values in the data are words already.
/// </summary>
public readonly record struct LocalizableWord(string Key)
{
    /// <summary>The word for an enum value: <c>Enum:DecisionState.Voting</c>.</summary>
    public static LocalizableWord Of(Enum value) => new(KeyOf(value));

    /// <summary>The word for what someone tried to do: <c>Action:OpenVoting</c>.</summary>
    public static LocalizableWord Action(string name) => new($"Action:{name}");

    public static string KeyOf(Enum value) => $"Enum:{value.GetType().Name}.{value}";

    public override string ToString() => Key;
}
