using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using FluentValidation.Results;

namespace EngagementPlatform.Framework.Validation;

/// <summary>
/// What the C# types already say: a member declared non-nullable (a string, a list, a nested request) must be
/// there. JSON binding fills a missing or <c>null</c> member with null whatever the declaration, so without this
/// check a body like <c>{}</c> reaches a handler that dereferences it and answers 500. Walks the message and the
/// requests and list items inside it (our own types only), and names each missing member as the client wrote it.
/// </summary>
internal static class RequiredMembers
{
    private const int MaxDepth = 4;

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<(PropertyInfo Property, bool Required)>> Members = new();

    public static List<ValidationFailure> Check(object message)
    {
        var failures = new List<ValidationFailure>();
        Walk(message, string.Empty, 0, failures);
        return failures;
    }

    private static void Walk(object value, string path, int depth, List<ValidationFailure> failures)
    {
        if (depth > MaxDepth || !IsOurs(value.GetType()))
        {
            return;
        }

        foreach (var (property, required) in MembersOf(value.GetType()))
        {
            var name = path.Length == 0 ? JsonNamingPolicy.CamelCase.ConvertName(property.Name) : $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}";
            var member = property.GetValue(value);
            if (member is null)
            {
                if (required)
                {
                    failures.Add(new ValidationFailure(name, Message()));
                }

                continue;
            }

            if (member is IEnumerable items and not string)
            {
                var index = 0;
                var itemType = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[^1] : typeof(object);
                foreach (var item in items)
                {
                    if (item is not null)
                    {
                        Walk(item, $"{name}[{index}]", depth + 1, failures);
                    }
                    else if (IsOurs(itemType))
                    {
                        // [null] where a list of requests is expected: the item is missing, not empty.
                        failures.Add(new ValidationFailure($"{name}[{index}]", Message()));
                    }

                    index++;
                }
            }
            else
            {
                // A command that wraps the request body (CreateMeetingCommand.Meeting) names its members as the body does.
                Walk(member, depth == 0 ? string.Empty : name, depth + 1, failures);
            }
        }
    }

    private static IReadOnlyList<(PropertyInfo Property, bool Required)> MembersOf(Type type) => Members.GetOrAdd(type, t =>
    {
        var nullability = new NullabilityInfoContext();
        return t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && !p.PropertyType.IsValueType)
            .Select(p => (p, nullability.Create(p).ReadState == NullabilityState.NotNull))
            .ToList();
    });

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("EngagementPlatform.", StringComparison.Ordinal) == true && !type.IsEnum;

    private static string Message() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es"
        ? "Este campo es obligatorio."
        : "This field is required.";
}
