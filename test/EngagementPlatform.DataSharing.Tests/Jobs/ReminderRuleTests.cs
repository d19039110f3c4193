using EngagementPlatform.DataSharing.Jobs;

namespace EngagementPlatform.DataSharing.Tests.Jobs;

/// <summary>Which reminder the daily job sends on a given day: the most urgent threshold reached, and never the ones passed over.</summary>
public sealed class ReminderRuleTests
{
    private static readonly int[] Days = [60, 30, 7];

    [Theory]
    [InlineData(61, null)]
    [InlineData(60, 60)]
    [InlineData(59, 60)] // the job missed the 60-day mark: the 60-day reminder still goes out (once, by its key)
    [InlineData(31, 60)]
    [InlineData(30, 30)]
    [InlineData(29, 30)]
    [InlineData(8, 30)]
    [InlineData(7, 7)]
    [InlineData(5, 7)] // a first run 5 days before: the 7-day reminder only, not 60 and 30 as well
    [InlineData(0, 7)] // the last day in force
    [InlineData(-1, null)] // past the date: the expiry notice's business, not a reminder's
    public void The_most_urgent_threshold_reached_is_due(int daysLeft, int? due)
        => AgreementDailyJob.DueReminder(Days, daysLeft).ShouldBe(due);

    [Fact]
    public void Thresholds_in_any_order_and_none_at_all()
    {
        AgreementDailyJob.DueReminder([7, 60, 30], 20).ShouldBe(30);
        AgreementDailyJob.DueReminder([], 3).ShouldBeNull();
    }
}
