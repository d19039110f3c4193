using System.Globalization;

namespace EngagementPlatform.Notifications.Templates;

/// <summary>
/// Times as a reader expects them in an email: in the partnership's time zone, with that zone's abbreviation, in the
/// reader's language — "Tuesday, Dec 1, 6:00 PM CST", "martes, 1 de diciembre, 18:00 CST" — never UTC unless the
/// partnership keeps UTC. .NET has no abbreviation API, so the zones of the United States and its territories have
/// theirs here; any other zone shows its offset at that moment ("UTC+02:00").
/// </summary>
public static class EmailTimes
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-US");

    /// <summary>Standard and daylight abbreviations by IANA zone (and the old US/* aliases).</summary>
    private static readonly Dictionary<string, (string Standard, string Daylight)> Abbreviations = Build();

    /// <summary>The time at <paramref name="at"/> in <paramref name="timeZoneId"/>, written for <paramref name="culture"/> ("en" or "es").</summary>
    /// <param name="now">Today's date decides whether the year is worth printing.</param>
    public static string Format(DateTimeOffset at, string? timeZoneId, string culture, DateTimeOffset now)
    {
        var zone = Zone(timeZoneId);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var sameYear = local.Year == TimeZoneInfo.ConvertTime(now, zone).Year;
        var es = culture == "es";
        var pattern = es
            ? (sameYear ? "dddd, d 'de' MMMM, HH:mm" : "dddd, d 'de' MMMM 'de' yyyy, HH:mm")
            : (sameYear ? "dddd, MMM d, h:mm tt" : "dddd, MMM d, yyyy, h:mm tt");
        return $"{local.ToString(pattern, es ? Spanish : English)} {Abbreviation(zone, at)}";
    }

    /// <summary>The zone's abbreviation at that moment, or its offset ("UTC-03:00") when it has no well-known one.</summary>
    public static string Abbreviation(TimeZoneInfo zone, DateTimeOffset at)
    {
        if (Abbreviations.TryGetValue(zone.Id, out var names)
            || (TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) && Abbreviations.TryGetValue(iana, out names)))
        {
            return zone.IsDaylightSavingTime(at) ? names.Daylight : names.Standard;
        }

        var offset = zone.GetUtcOffset(at);
        if (offset == TimeSpan.Zero && zone.Id is "UTC" or "Etc/UTC" or "Etc/UCT" or "UCT" or "Etc/Universal" or "Universal" or "Etc/Zulu" or "Zulu")
        {
            return "UTC";
        }

        return $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration():hh\\:mm}";
    }

    private static TimeZoneInfo Zone(string? id)
        => !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private static Dictionary<string, (string, string)> Build()
    {
        var table = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
        void Add((string Standard, string Daylight) names, params string[] zones)
        {
            foreach (var zone in zones)
            {
                table[zone] = names;
            }
        }

        Add(("EST", "EDT"), "America/New_York", "America/Detroit", "America/Kentucky/Louisville", "America/Kentucky/Monticello", "America/Louisville",
            "America/Indiana/Indianapolis", "America/Indianapolis", "America/Indiana/Vincennes", "America/Indiana/Winamac", "America/Indiana/Marengo",
            "America/Indiana/Petersburg", "America/Indiana/Vevay", "America/Fort_Wayne", "US/Eastern", "US/Michigan", "US/East-Indiana", "EST5EDT");
        Add(("CST", "CDT"), "America/Chicago", "America/Indiana/Knox", "America/Indiana/Tell_City", "America/Knox_IN", "America/Menominee",
            "America/North_Dakota/Center", "America/North_Dakota/New_Salem", "America/North_Dakota/Beulah", "US/Central", "US/Indiana-Starke", "CST6CDT");
        Add(("MST", "MDT"), "America/Denver", "America/Boise", "America/Shiprock", "US/Mountain", "MST7MDT");
        Add(("MST", "MST"), "America/Phoenix", "US/Arizona", "MST");
        Add(("PST", "PDT"), "America/Los_Angeles", "US/Pacific", "PST8PDT");
        Add(("AKST", "AKDT"), "America/Anchorage", "America/Juneau", "America/Sitka", "America/Yakutat", "America/Nome", "America/Metlakatla", "US/Alaska");
        Add(("HST", "HDT"), "America/Adak", "America/Atka", "US/Aleutian");
        Add(("HST", "HST"), "Pacific/Honolulu", "Pacific/Johnston", "US/Hawaii", "HST");
        Add(("AST", "AST"), "America/Puerto_Rico", "America/St_Thomas", "America/Virgin", "America/Anguilla");
        Add(("ChST", "ChST"), "Pacific/Guam", "Pacific/Saipan");
        Add(("SST", "SST"), "Pacific/Pago_Pago", "Pacific/Samoa", "Pacific/Midway", "US/Samoa");
        return table;
    }
}
