using Npgsql;

namespace EngagementPlatform.Compensation.Tests.Api;

/// <summary>Items made from meeting attendance, once per (meeting, payee), voided or adjusted when attendance is withdrawn.</summary>
public sealed class AttendanceItemTests(CompensationFixture app) : IClassFixture<CompensationFixture>
{
    private static decimal Amount(JsonElement item, string name = "amount") => item.GetProperty(name).GetDecimal();

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task Eight_attendees_at_a_90_minute_meeting_at_25_an_hour_get_eight_items_of_37_50_once_and_a_withdrawal_voids_one()
    {
        var scenario = new CompensationScenario(app);
        var council = await scenario.CouncilAsync("Community Health Advisory Council");
        var members = await scenario.MembersAsync("att", 8);
        await scenario.RateAsync("Hourly stipend", "Hour", 25.00m, council);
        var meeting = await scenario.MeetingAsync(council, "March council meeting", 90);

        await (await scenario.AttendanceAsync(council, meeting, members.Select(m => (m, true)))).ShouldBeSuccessAsync();

        var items = Items(await scenario.ItemsAsync($"councilId={council}"));
        items.Count.ShouldBe(8);
        items.Select(i => i.GetProperty("payee").GetProperty("userId").GetGuid()).Order().ShouldBe(members.Order());
        foreach (var item in items)
        {
            Amount(item).ShouldBe(37.50m);
            item.GetProperty("amount").GetRawText().ShouldBe("37.50");
            Amount(item, "quantity").ShouldBe(1.5m);
            Amount(item, "unitAmount").ShouldBe(25.00m);
            item.GetProperty("currency").GetString().ShouldBe("USD");
            item.GetProperty("status").GetString().ShouldBe("Submitted");
            item.GetProperty("source").GetProperty("kind").GetString().ShouldBe("Meeting");
            item.GetProperty("source").GetProperty("id").GetGuid().ShouldBe(meeting);
            item.GetProperty("source").GetProperty("label").GetString().ShouldBe("March council meeting, 2027-03-12");
            item.GetProperty("submittedBy").GetGuid().ShouldBe(app.AlphaStaffId);
        }

        // The same attendance saved again changes nothing.
        await (await scenario.AttendanceAsync(council, meeting, members.Select(m => (m, true)))).ShouldBeSuccessAsync();
        (await scenario.ItemsAsync($"councilId={council}")).GetProperty("totalCount").GetInt64().ShouldBe(8);

        // One attendee withdrawn before payment: that item is voided with the reason, seven stay payable.
        await (await scenario.AttendanceAsync(council, meeting, [(members[3], false)])).ShouldBeSuccessAsync();
        var after = Items(await scenario.ItemsAsync($"councilId={council}"));
        after.Count.ShouldBe(8);
        var voided = after.Single(i => i.GetProperty("status").GetString() == "Voided");
        voided.GetProperty("payee").GetProperty("userId").GetGuid().ShouldBe(members[3]);
        (await scenario.ItemAsync(voided.GetProperty("id").GetGuid())).GetProperty("voidReason").GetString()!.ShouldStartWith("Attendance withdrawn");
        after.Count(i => i.GetProperty("status").GetString() == "Submitted").ShouldBe(7);
        (await scenario.ItemsAsync($"councilId={council}&status=Submitted")).GetProperty("totalCount").GetInt64().ShouldBe(7);
    }

    [Fact]
    public async Task Attendance_saved_twice_at_once_still_makes_one_item_per_attendee()
    {
        var scenario = new CompensationScenario(app);
        var council = await scenario.CouncilAsync("Concurrent council");
        var members = await scenario.MembersAsync("conc", 8);
        await scenario.RateAsync("Hourly stipend", "Hour", 25.00m, council);
        var meeting = await scenario.MeetingAsync(council, "Concurrent meeting", 90);

        var saves = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => scenario.AttendanceAsync(council, meeting, members.Select(m => (m, true)))));

        saves.ShouldContain(r => r.StatusCode == HttpStatusCode.OK);
        saves.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.Conflict);
        (await scenario.ItemsAsync($"councilId={council}")).GetProperty("totalCount").GetInt64().ShouldBe(8);
    }

    [Fact]
    public async Task The_database_refuses_a_second_item_for_the_same_meeting_and_payee()
    {
        var scenario = new CompensationScenario(app);
        var council = await scenario.CouncilAsync("Unique index council");
        var members = await scenario.MembersAsync("uniq", 1);
        await scenario.RateAsync("Hourly stipend", "Hour", 25.00m, council);
        var meeting = await scenario.MeetingAsync(council, "Unique meeting", 60);
        await (await scenario.AttendanceAsync(council, meeting, [(members[0], true)])).ShouldBeSuccessAsync();
        var item = Items(await scenario.ItemsAsync($"councilId={council}")).Single().GetProperty("id").GetGuid();

        // A copy of the item with a new id, bypassing every check in code: the unique index alone refuses it.
        var refused = await Should.ThrowAsync<PostgresException>(() => TestRows.CopyAsync(
            app.ConnectionString, "compensation.payable_items", $"id = '{item}'", 1, "id = gen_random_uuid()"));
        refused.SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
        refused.ConstraintName.ShouldBe("ux_payable_items_source_payee");

        // A voided item is outside the rule: the person marked present again is owed again.
        await (await scenario.AttendanceAsync(council, meeting, [(members[0], false)])).ShouldBeSuccessAsync();
        await (await scenario.AttendanceAsync(council, meeting, [(members[0], true)])).ShouldBeSuccessAsync();
        var items = Items(await scenario.ItemsAsync($"councilId={council}"));
        items.Select(i => i.GetProperty("status").GetString()).Order().ShouldBe(["Submitted", "Voided"]);
    }

    [Fact]
    public async Task An_attendee_withdrawn_after_payment_gets_an_adjusting_item_and_the_paid_one_is_unchanged()
    {
        var scenario = new CompensationScenario(app);
        var council = await scenario.CouncilAsync("Adjusting council");
        var members = await scenario.MembersAsync("adj", 2);
        await scenario.RateAsync("Hourly stipend", "Hour", 25.00m, council);
        var meeting = await scenario.MeetingAsync(council, "Adjusting meeting", 90);
        await (await scenario.AttendanceAsync(council, meeting, members.Select(m => (m, true)))).ShouldBeSuccessAsync();
        var paid = Items(await scenario.ItemsAsync($"councilId={council}")).Single(i => i.GetProperty("payee").GetProperty("userId").GetGuid() == members[0])
            .GetProperty("id").GetGuid();
        using var finance = await app.ClientAsync("alpha", "finance-1");
        await (await finance.PostAsync($"/api/compensation/payable-items/{paid}/approve", null)).ShouldBeSuccessAsync();
        await (await finance.PostAsJsonAsync($"/api/compensation/payable-items/{paid}/pay", new { method = "GiftCard", reference = "GC-1", paidOn = "2027-03-20" })).ShouldBeSuccessAsync();

        await (await scenario.AttendanceAsync(council, meeting, [(members[0], false)])).ShouldBeSuccessAsync();

        var original = await scenario.ItemAsync(paid);
        original.GetProperty("status").GetString().ShouldBe("Paid");
        Amount(original).ShouldBe(37.50m);
        var adjustment = Items(await scenario.ItemsAsync($"councilId={council}")).Single(i => i.GetProperty("adjustsItemId").ValueKind == JsonValueKind.String);
        adjustment.GetProperty("adjustsItemId").GetGuid().ShouldBe(paid);
        Amount(adjustment).ShouldBe(-37.50m);
        adjustment.GetProperty("status").GetString().ShouldBe("Submitted");
        adjustment.GetProperty("payee").GetProperty("userId").GetGuid().ShouldBe(members[0]);

        // Withdrawn again after a correction back to present and absent: still one adjustment.
        await (await scenario.AttendanceAsync(council, meeting, [(members[0], true)])).ShouldBeSuccessAsync();
        await (await scenario.AttendanceAsync(council, meeting, [(members[0], false)])).ShouldBeSuccessAsync();
        Items(await scenario.ItemsAsync($"councilId={council}")).Count(i => i.GetProperty("adjustsItemId").ValueKind == JsonValueKind.String && i.GetProperty("status").GetString() != "Voided")
            .ShouldBe(1);
    }

    [Fact]
    public async Task Present_paid_absent_present_absent_present_nets_to_what_is_due_at_each_step_and_repeated_saves_change_nothing()
    {
        var scenario = new CompensationScenario(app);
        var council = await scenario.CouncilAsync("Net due council");
        var member = (await scenario.MembersAsync("net", 1))[0];
        await scenario.RateAsync("Hourly stipend", "Hour", 25.00m, council);
        var meeting = await scenario.MeetingAsync(council, "Net due meeting", 90);
        using var finance = await app.ClientAsync("alpha", "finance-1");

        async Task<List<JsonElement>> LiveAsync() => Items(await scenario.ItemsAsync($"councilId={council}"))
            .Where(i => i.GetProperty("status").GetString() != "Voided").ToList();
        async Task<decimal> NetAsync() => (await LiveAsync()).Sum(i => Amount(i));
        async Task SaveAsync(bool attended, decimal expectedNet)
        {
            for (var save = 0; save < 2; save++)
            {
                await (await scenario.AttendanceAsync(council, meeting, [(member, attended)])).ShouldBeSuccessAsync();
                (await NetAsync()).ShouldBe(expectedNet);
            }
        }

        async Task SettleAsync()
        {
            foreach (var item in (await LiveAsync()).Where(i => i.GetProperty("status").GetString() == "Submitted"))
            {
                var id = item.GetProperty("id").GetGuid();
                await (await finance.PostAsync($"/api/compensation/payable-items/{id}/approve", null)).ShouldBeSuccessAsync();
                await (await finance.PostAsJsonAsync($"/api/compensation/payable-items/{id}/pay", new { method = "Check", reference = $"CK-{id:N}"[..20], paidOn = "2027-03-20" }))
                    .ShouldBeSuccessAsync();
            }
        }

        await SaveAsync(true, 37.50m);
        await SettleAsync();
        var count = (await scenario.ItemsAsync($"councilId={council}")).GetProperty("totalCount").GetInt64();

        // Withdrawn after payment: a negative adjustment (saved twice, still one), settled too.
        await SaveAsync(false, 0m);
        (await scenario.ItemsAsync($"councilId={council}")).GetProperty("totalCount").GetInt64().ShouldBe(count + 1);
        await SettleAsync();

        // Present again after the correction was settled: owed again, one item for the difference.
        await SaveAsync(true, 37.50m);
        var topUp = (await LiveAsync()).Single(i => i.GetProperty("status").GetString() == "Submitted");
        Amount(topUp).ShouldBe(37.50m);
        (await scenario.ItemsAsync($"councilId={council}")).GetProperty("totalCount").GetInt64().ShouldBe(count + 2);

        // Absent before that is paid: it is voided with the reason, and no negative adjustment is due.
        await SaveAsync(false, 0m);
        (await scenario.ItemAsync(topUp.GetProperty("id").GetGuid())).GetProperty("status").GetString().ShouldBe("Voided");
        (await scenario.ItemsAsync($"councilId={council}")).GetProperty("totalCount").GetInt64().ShouldBe(count + 2);

        // Present once more: due again, one new item.
        await SaveAsync(true, 37.50m);
        (await scenario.ItemsAsync($"councilId={council}")).GetProperty("totalCount").GetInt64().ShouldBe(count + 3);
    }

    [Fact]
    public async Task A_councils_meeting_rate_comes_first_and_a_council_without_rates_uses_the_partnerships()
    {
        var scenario = new CompensationScenario(app, "beta");
        var withRate = await scenario.CouncilAsync("Council with a meeting rate");
        var without = await scenario.CouncilAsync("Council without rates");
        var members = await scenario.MembersAsync("rate", 2);
        await scenario.RateAsync("Council meeting stipend", "Meeting", 50.00m, withRate);
        await scenario.RateAsync("Council hourly", "Hour", 20.00m, withRate);
        await scenario.RateAsync("Partnership hourly", "Hour", 30.00m);

        var m1 = await scenario.MeetingAsync(withRate, "Rated meeting", 120);
        var m2 = await scenario.MeetingAsync(without, "Unrated meeting", 50);
        await (await scenario.AttendanceAsync(withRate, m1, members.Select(m => (m, true)), "beta-staff")).ShouldBeSuccessAsync();
        await (await scenario.AttendanceAsync(without, m2, members.Select(m => (m, true)), "beta-staff")).ShouldBeSuccessAsync();

        var meetingRate = Items(await scenario.ItemsAsync($"councilId={withRate}"));
        meetingRate.Count.ShouldBe(2);
        meetingRate.ShouldAllBe(i => i.GetProperty("amount").GetDecimal() == 50.00m && i.GetProperty("quantity").GetDecimal() == 1m);

        // 50 minutes at the partnership's $30/hour: 0.8333 h × 30 = 24.999, rounded once to $25.00.
        var tenantRate = Items(await scenario.ItemsAsync($"councilId={without}"));
        tenantRate.Count.ShouldBe(2);
        tenantRate.ShouldAllBe(i => i.GetProperty("amount").GetDecimal() == 25.00m && i.GetProperty("quantity").GetDecimal() == 0.8333m);
    }

    [Fact]
    public async Task A_rate_change_is_a_new_version_and_items_keep_the_amount_they_were_made_with()
    {
        var scenario = new CompensationScenario(app);
        var council = await scenario.CouncilAsync("Versioned council");
        var members = await scenario.MembersAsync("ver", 1);
        var rate = await scenario.RateAsync("Hourly stipend", "Hour", 25.00m, council, effectiveFrom: "2027-01-01");
        var march = await scenario.MeetingAsync(council, "March", 60, "2027-03-12T18:00:00Z");
        await (await scenario.AttendanceAsync(council, march, [(members[0], true)])).ShouldBeSuccessAsync();

        using var admin = await app.ClientAsync("alpha", "admin");
        var next = (await (await admin.PostAsJsonAsync($"/api/compensation/rates/{rate}/versions", new { amount = 30.00m, effectiveFrom = "2027-04-01" })).ReadJsonAsync())
            .GetProperty("id").GetGuid();
        // A second version from the superseded one, and a second hour rate for the council, are refused.
        await (await admin.PostAsJsonAsync($"/api/compensation/rates/{rate}/versions", new { amount = 35.00m, effectiveFrom = "2027-05-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, CompensationErrorCodes.RateSuperseded);
        await (await admin.PostAsJsonAsync("/api/compensation/rates", new { name = "Another hourly", unit = "Hour", amount = 40m, currency = "USD", councilId = council, effectiveFrom = "2027-06-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, CompensationErrorCodes.RateOverlaps);

        var april = await scenario.MeetingAsync(council, "April", 60, "2027-04-09T18:00:00Z");
        await (await scenario.AttendanceAsync(council, april, [(members[0], true)])).ShouldBeSuccessAsync();

        var items = Items(await scenario.ItemsAsync($"councilId={council}&sorting=creationTime"));
        items.Select(i => i.GetProperty("unitAmount").GetDecimal()).ShouldBe([25.00m, 30.00m]);
        var rates = Items(await (await admin.GetAsync($"/api/compensation/rates?councilId={council}&sorting=effectiveFrom")).ReadJsonAsync());
        rates.Select(r => r.GetProperty("id").GetGuid()).ShouldBe([rate, next]);
        rates[0].GetProperty("effectiveTo").GetString().ShouldBe("2027-03-31");
        rates[0].GetProperty("amount").GetDecimal().ShouldBe(25.00m);
        rates[1].GetProperty("previousVersionId").GetGuid().ShouldBe(rate);
        var onMarch = Items(await (await admin.GetAsync($"/api/compensation/rates?councilId={council}&effectiveOn=2027-03-31")).ReadJsonAsync());
        onMarch.Single().GetProperty("id").GetGuid().ShouldBe(rate);
    }

    [Fact]
    public async Task A_partnership_without_the_compensation_feature_gets_no_items_and_no_endpoints()
    {
        var scenario = new CompensationScenario(app, "gamma");
        var council = await scenario.CouncilAsync("Gamma council");
        var member = await app.CreateUserAsync("gamma", "gamma-member", "member");
        var meeting = await scenario.MeetingAsync(council, "Gamma meeting", 60);
        await (await scenario.AttendanceAsync(council, meeting, [(member, true)], "admin")).ShouldBeSuccessAsync();

        using var admin = await app.ClientAsync("gamma", "admin");
        await (await admin.GetAsync("/api/compensation/payable-items")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Saas:FeatureNotEnabled");
        await (await admin.PostAsJsonAsync("/api/compensation/rates", new { name = "Hourly", unit = "Hour", amount = 25m, currency = "USD" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Saas:FeatureNotEnabled");
        (await TestRows.ReadAsync(app.ConnectionString, $"SELECT count(*) FROM compensation.payable_items WHERE source_id = '{meeting}'")).Single().ShouldBe("0");
        (await TestRows.ReadAsync(app.ConnectionString, $"SELECT count(*) FROM compensation.rates r JOIN saas.tenants t ON t.id = r.tenant_id WHERE t.name = 'gamma'")).Single().ShouldBe("0");
    }
}
