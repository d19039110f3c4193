using EngagementPlatform.Notifications.Tests.Support;

namespace EngagementPlatform.Notifications.Tests;

/// <summary>
/// A caller-given key makes an email once per partnership: a job that runs twice, or two runs at once, send one; the
/// same key in another partnership is another email. Against the real database and SMTP sink.
/// </summary>
public sealed class OutboxDeduplicationTests(TestModuleMailFixture app) : IClassFixture<TestModuleMailFixture>
{
    private static AgreementReminderEmail Model => new(new AgreementInfo("Data sharing", AgreementStage.AwaitingSignature, 1m), ["Ana"]);

    [Fact]
    public async Task Enqueued_twice_with_the_same_key_it_is_one_row_and_one_email()
    {
        var to = $"{Guid.NewGuid():N}@dedup.test";
        var key = $"agreement-reminder:{to}:2027-01-15";
        (await app.EnqueueAsync(app.AlphaId, to, Model, key)).ShouldBeTrue();
        (await app.EnqueueAsync(app.AlphaId, to, Model, key)).ShouldBeFalse();
        await app.DeliverAsync();

        (await app.RowsToAsync(to)).ShouldBe(1);
        MailSink.To(to).Count.ShouldBe(1);

        // Without a key nothing is deduplicated.
        var plain = $"{Guid.NewGuid():N}@dedup.test";
        await app.EnqueueAsync(app.AlphaId, plain, Model, null);
        await app.EnqueueAsync(app.AlphaId, plain, Model, null);
        (await app.RowsToAsync(plain)).ShouldBe(2);
    }

    [Fact]
    public async Task Enqueued_at_once_from_two_transactions_with_the_same_key_it_is_one_row_and_one_email()
    {
        var to = $"{Guid.NewGuid():N}@dedup.test";
        var key = $"agreement-reminder:{to}:2027-01-16";
        var firstInserted = new TaskCompletionSource();
        var secondStarted = new TaskCompletionSource();

        // The first holds its transaction open after inserting; the second enqueues meanwhile (and waits on the
        // first's uncommitted row), then the first commits. Both callers' transactions commit without an error.
        var first = app.EnqueueAsync(app.AlphaId, to, Model, key, async () =>
        {
            firstInserted.SetResult();
            await secondStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await Task.Delay(300);
        });
        await firstInserted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = Task.Run(async () =>
        {
            secondStarted.SetResult();
            return await app.EnqueueAsync(app.AlphaId, to, Model, key);
        });

        var results = await Task.WhenAll(first, second);
        results.Count(r => r).ShouldBe(1);
        await app.DeliverAsync();
        (await app.RowsToAsync(to)).ShouldBe(1);
        MailSink.To(to).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_batch_queues_each_key_once_skips_a_key_already_queued_and_keeps_unkeyed_emails()
    {
        var to = $"{Guid.NewGuid():N}@dedup.test";
        var plain = $"{Guid.NewGuid():N}@dedup.test";
        (await app.EnqueueAsync(app.AlphaId, to, Model, $"batch:{to}:1")).ShouldBeTrue();

        // key 1 is queued already, key 2 is named twice in the batch, key 3 once; two emails without a key
        var queued = await app.EnqueueManyAsync(app.AlphaId, [(to, $"batch:{to}:1"), (to, $"batch:{to}:2"), (to, $"batch:{to}:2"), (to, $"batch:{to}:3"), (plain, null), (plain, null)], Model);

        queued.ShouldBe(4);
        (await app.RowsToAsync(to)).ShouldBe(3);
        (await app.RowsToAsync(plain)).ShouldBe(2);
        await app.DeliverAsync();
        MailSink.To(to).Count.ShouldBe(3);
    }

    [Fact]
    public async Task The_same_key_in_two_partnerships_is_two_emails()
    {
        var to = $"{Guid.NewGuid():N}@dedup.test";
        var key = $"agreement-reminder:{to}:2027-01-17";
        (await app.EnqueueAsync(app.AlphaId, to, Model, key)).ShouldBeTrue();
        (await app.EnqueueAsync(app.BetaId, to, Model, key)).ShouldBeTrue();
        await app.DeliverAsync();
        (await app.RowsToAsync(to)).ShouldBe(2);
        MailSink.To(to).Count.ShouldBe(2);
    }
}
