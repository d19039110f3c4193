using EngagementPlatform.Notifications.Templates;

namespace EngagementPlatform.Notifications.Tests;

/// <summary>Times in emails: the partnership's zone with its abbreviation, in the reader's language, never UTC.</summary>
public sealed class EmailTimesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Chicago_in_winter_reads_CST_in_English_and_Spanish()
    {
        var at = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero); // 6 PM on Tuesday 1 December in Chicago
        EmailTimes.Format(at, "America/Chicago", "en", Now).ShouldBe("Tuesday, Dec 1, 6:00 PM CST");
        EmailTimes.Format(at, "America/Chicago", "es", Now).ShouldBe("martes, 1 de diciembre, 18:00 CST");
    }

    [Fact]
    public void Daylight_time_gets_its_own_abbreviation()
    {
        var july = new DateTimeOffset(2026, 7, 15, 16, 30, 0, TimeSpan.Zero);
        EmailTimes.Format(july, "America/New_York", "en", Now).ShouldBe("Wednesday, Jul 15, 12:30 PM EDT");
        EmailTimes.Format(july, "America/Los_Angeles", "en", Now).ShouldEndWith("9:30 AM PDT");
        EmailTimes.Format(july, "America/Denver", "en", Now).ShouldEndWith("MDT");
        EmailTimes.Format(july, "America/Anchorage", "en", Now).ShouldEndWith("AKDT");
        // Zones without daylight time keep their standard name all year.
        EmailTimes.Format(july, "America/Phoenix", "en", Now).ShouldEndWith("9:30 AM MST");
        EmailTimes.Format(july, "Pacific/Honolulu", "en", Now).ShouldEndWith("6:30 AM HST");
        EmailTimes.Format(july, "America/Puerto_Rico", "es", Now).ShouldBe("miércoles, 15 de julio, 12:30 AST");
        EmailTimes.Format(july, "Pacific/Guam", "en", Now).ShouldEndWith("ChST");
    }

    [Fact]
    public void A_zone_without_a_known_abbreviation_shows_its_offset_and_UTC_stays_UTC()
    {
        var at = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);
        EmailTimes.Format(at, "America/Sao_Paulo", "en", Now).ShouldBe("Tuesday, Dec 1, 9:00 PM UTC-03:00");
        EmailTimes.Format(at, "Asia/Kolkata", "en", Now).ShouldBe("Wednesday, Dec 2, 5:30 AM UTC+05:30");
        EmailTimes.Format(at, "UTC", "en", Now).ShouldBe("Wednesday, Dec 2, 12:00 AM UTC");
        EmailTimes.Format(at, null, "en", Now).ShouldEndWith("UTC");
        EmailTimes.Format(at, "Not/AZone", "es", Now).ShouldBe("miércoles, 2 de diciembre, 00:00 UTC");
    }

    [Fact]
    public void Another_year_is_written_out()
    {
        var at = new DateTimeOffset(2027, 1, 15, 18, 0, 0, TimeSpan.FromHours(-6));
        EmailTimes.Format(at, "America/Chicago", "en", Now).ShouldBe("Friday, Jan 15, 2027, 6:00 PM CST");
        EmailTimes.Format(at, "America/Chicago", "es", Now).ShouldBe("viernes, 15 de enero de 2027, 18:00 CST");
    }
}
