extern alias migrator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using DemoTenantSeeder = migrator::EngagementPlatform.DbMigrator.DemoTenantSeeder;
using DataSharingDemoData = migrator::EngagementPlatform.DbMigrator.Demo.DataSharingDemoData;
using GovernanceDemoData = migrator::EngagementPlatform.DbMigrator.Demo.GovernanceDemoData;

namespace EngagementPlatform.HttpApi.Host.Tests;

/// <summary>
/// <c>DbMigrator --demo</c>: the demo partnership is a living example (a council with seats and rules, meetings,
/// decisions at every stage) made through the real commands, and running the seeding again adds nothing.
/// </summary>
public sealed class DemoSeedingTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    private static readonly string[] Tables =
    [
        "governance.councils", "governance.seats", "governance.seat_assignments", "governance.composition_rules", "governance.decisions",
        "governance.decision_inputs", "governance.ballots", "governance.meetings", "governance.attendance", "identity.users",
        "compensation.rates", "compensation.payees", "compensation.payable_items", "saas.editions",
        "data_sharing.agreements", "data_sharing.agreement_versions", "data_sharing.agreement_signatures", "data_sharing.settings",
    ];

    [Fact]
    public async Task The_demo_has_a_council_meetings_and_decisions_at_every_stage_and_a_second_run_adds_nothing()
    {
        var configuration = app.Factory.Services.GetRequiredService<IConfiguration>();
        await DemoTenantSeeder.SeedAsync(app.Factory.Services, configuration, NullLogger.Instance);
        var first = await CountAsync();
        await DemoTenantSeeder.SeedAsync(app.Factory.Services, configuration, NullLogger.Instance);
        (await CountAsync()).ShouldBe(first, "the second run added rows");

        using var admin = await app.ClientAsync(DemoTenantSeeder.TenantName, "admin");
        var councils = (await (await admin.GetAsync("/api/governance/councils")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        councils.Select(c => c.GetProperty("name").GetString()).ShouldBe([GovernanceDemoData.WorkgroupName, GovernanceDemoData.CouncilName], ignoreOrder: true);
        var council = councils.Single(c => c.GetProperty("name").GetString() == GovernanceDemoData.CouncilName);
        council.GetProperty("compliant").GetBoolean().ShouldBeTrue();
        councils.Single(c => c.GetProperty("name").GetString() == GovernanceDemoData.WorkgroupName).GetProperty("compliant").GetBoolean().ShouldBeFalse();
        var councilId = council.GetProperty("id").GetGuid();

        var detail = await (await admin.GetAsync($"/api/governance/councils/{councilId}")).ReadJsonAsync();
        var categories = detail.GetProperty("seats").EnumerateArray().Where(s => !s.GetProperty("isVacant").GetBoolean())
            .Select(s => s.GetProperty("category").GetString()).Distinct().ToList();
        categories.ShouldBe(["CommunityMember", "MedicaidMember", "CommunityOrganization", "AgencyStaff", "Provider"], ignoreOrder: true);
        detail.GetProperty("rules").GetArrayLength().ShouldBe(2);

        var decisions = (await (await admin.GetAsync($"/api/governance/decisions?councilId={councilId}")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .ToDictionary(d => d.GetProperty("title").GetString()!);
        decisions.Count.ShouldBe(4);
        decisions[GovernanceDemoData.DraftTitle].GetProperty("state").GetString().ShouldBe("Draft");
        decisions[GovernanceDemoData.InputTitle].GetProperty("state").GetString().ShouldBe("OpenForInput");
        decisions[GovernanceDemoData.InputTitle].GetProperty("inputCount").GetInt32().ShouldBeGreaterThan(0);
        var voting = decisions[GovernanceDemoData.VotingTitle];
        voting.GetProperty("state").GetString().ShouldBe("Voting");
        voting.GetProperty("isVotingOpen").GetBoolean().ShouldBeTrue();
        voting.GetProperty("votesCast").GetInt32().ShouldBeGreaterThan(0);
        voting.GetProperty("votingClosesAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow);
        var decided = decisions[GovernanceDemoData.DecidedTitle];
        decided.GetProperty("state").GetString().ShouldBe("Decided");
        var answers = (await (await admin.GetAsync($"/api/governance/decisions/{decided.GetProperty("id").GetGuid()}/inputs?maxResultCount=1000")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        answers.ShouldNotBeEmpty();
        answers.ShouldAllBe(i => i.GetProperty("use").ValueKind == JsonValueKind.String && i.GetProperty("useExplanation").GetString()!.Length > 0);

        var meetings = (await (await admin.GetAsync($"/api/governance/councils/{councilId}/meetings")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        meetings.Count.ShouldBe(2);
        var past = meetings.Single(m => m.GetProperty("title").GetString() == GovernanceDemoData.PastMeetingTitle);
        past.GetProperty("startsAt").GetDateTimeOffset().ShouldBeLessThan(DateTimeOffset.UtcNow);
        past.GetProperty("agenda").GetArrayLength().ShouldBeGreaterThan(0);
        past.GetProperty("attendance").GetArrayLength().ShouldBeGreaterThan(0);
        past.GetProperty("accessSupports").EnumerateArray().ShouldContain(s => s.GetProperty("status").GetString() == "Provided");

        // Compensation (the demo's plan includes it): rates, and payable items in every state, the past meeting's
        // attendance paid at the partnership's hourly stipend (2 h at $25.00).
        using var finance = await app.ClientAsync(DemoTenantSeeder.TenantName, "finance");
        (await (await finance.GetAsync("/api/compensation/rates")).ReadJsonAsync()).GetProperty("totalCount").GetInt64().ShouldBe(3);
        var items = (await (await finance.GetAsync("/api/compensation/payable-items?maxResultCount=100")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("status").GetString()).Distinct().ShouldBe(["Submitted", "Approved", "Paid", "Voided"], ignoreOrder: true);
        var attendance = items.Where(i => i.GetProperty("source").GetProperty("kind").GetString() == "Meeting").ToList();
        attendance.Count.ShouldBe(past.GetProperty("attendance").EnumerateArray().Count(a => a.GetProperty("attended").GetBoolean()));
        attendance.ShouldAllBe(i => i.GetProperty("amount").GetDecimal() == 50.00m);
        items.ShouldContain(i => i.GetProperty("status").GetString() == "Paid" && i.GetProperty("payee").GetProperty("kind").GetString() == "Organization");

        // The reports have something to show: the program's budget for this year against what it paid, and María
        // (member) paid a contract that puts her near the information-return threshold.
        var year = DateTime.UtcNow.Year;
        var budget = (await (await finance.GetAsync($"/api/compensation/budget-vs-actual?year={year}")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("programName").GetString() == "Community health councils");
        budget.GetProperty("budget").GetDecimal().ShouldBe(6000.00m);
        budget.GetProperty("actual").GetDecimal().ShouldBeGreaterThanOrEqualTo(1960.00m);
        var totals = (await (await finance.GetAsync($"/api/compensation/annual-totals?year={year}&maxResultCount=100")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        totals.ShouldContain(t => t.GetProperty("payeeName").GetString() == "María López (council member)" && t.GetProperty("total").GetDecimal() >= 1960.00m);

        // The member who signs in first has something waiting: a vote, input to give, a meeting, and an answered input.
        using var member = await app.ClientAsync(DemoTenantSeeder.TenantName, "member");
        var work = await (await member.GetAsync("/api/governance/my-work")).ReadJsonAsync();
        work.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("title").GetString())
            .ShouldBe([GovernanceDemoData.VotingTitle, GovernanceDemoData.InputTitle]);
        work.GetProperty("meetings").EnumerateArray().Single().GetProperty("mySupports").GetArrayLength().ShouldBe(1);
        work.GetProperty("outcomes").EnumerateArray().Single().GetProperty("title").GetString().ShouldBe(GovernanceDemoData.DecidedTitle);

        await DataSharingAsync();

        // Every demo person signs in with the demo password.
        foreach (var user in migrator::EngagementPlatform.DbMigrator.DemoTenantSeeder.Users)
        {
            (await app.RequestTokenAsync(DemoTenantSeeder.TenantName, user.UserName, ApiFixture.Password)).StatusCode.ShouldBe(HttpStatusCode.OK, user.UserName);
        }
    }

    /// <summary>
    /// Data sharing (the demo's plan includes it; the partnership requires a community owner): the asthma study active
    /// with all three signatures, each by the party's own signatory on the hash of the version signed; the referrals
    /// (PHI, with a breach window and a destruction date) in review with the county's signature only; the dashboard
    /// active and ending within 30 days of today in the partnership's zone.
    /// </summary>
    private async Task DataSharingAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var (tenantId, zone, requireOwner) = await ScalarRowAsync(connection, """
            SELECT t.id, t.time_zone, s.require_community_owner
            FROM saas.tenants t LEFT JOIN data_sharing.settings s ON s.tenant_id = t.id
            WHERE t.name = 'demo'
            """, r => (r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? (bool?)null : r.GetBoolean(2)));
        requireOwner.ShouldBe(true);
        using (var host = await app.HostAdminAsync())
        {
            var editionId = (await (await host.GetAsync($"/api/saas/tenants/{tenantId}")).ReadJsonAsync()).GetProperty("editionId").GetGuid();
            var edition = await (await host.GetAsync($"/api/saas/editions/{editionId}")).ReadJsonAsync();
            edition.GetProperty("features").GetProperty("dataSharing").GetBoolean().ShouldBeTrue("the demo's plan has the dataSharing feature");
        }

        var agreements = new Dictionary<string, (string State, string Sensitivity, DateOnly? EffectiveTo, DateOnly? DestructionDate, int? BreachDays, string VersionState, string? Hash, Guid Id)>();
        await using (var command = new NpgsqlCommand("""
            SELECT a.title, a.state, a.sensitivity, a.effective_to, a.destruction_date, v.breach_notification_days, v.state, v.content_hash, a.id
            FROM data_sharing.agreements a JOIN data_sharing.agreement_versions v ON v.agreement_id = a.id AND v.number = a.latest_version_number
            WHERE a.tenant_id = @tenant AND a.latest_version_number = 1
            """, connection))
        {
            command.Parameters.AddWithValue("tenant", tenantId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                agreements[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4),
                    reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetGuid(8));
            }
        }

        agreements.Keys.ShouldBe([DataSharingDemoData.ActiveTitle, DataSharingDemoData.InReviewTitle, DataSharingDemoData.ExpiringTitle], ignoreOrder: true);
        var signatures = new List<(string Title, string PartyName, string Signer, string TypedName, bool OnTheSignedHash, bool ByTheSignatory)>();
        await using (var command = new NpgsqlCommand("""
            SELECT a.title, s.party_name, u.user_name, s.typed_name, s.content_hash = v.content_hash,
                   EXISTS (SELECT 1 FROM jsonb_array_elements(v.parties::jsonb) p
                           WHERE (p->>'id')::uuid = s.party_id AND (p->>'signatoryUserId')::uuid = s.signer_user_id)
            FROM data_sharing.agreement_signatures s
            JOIN data_sharing.agreement_versions v ON v.id = s.version_id
            JOIN data_sharing.agreements a ON a.id = v.agreement_id
            JOIN identity.users u ON u.id = s.signer_user_id
            WHERE a.tenant_id = @tenant
            """, connection))
        {
            command.Parameters.AddWithValue("tenant", tenantId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                signatures.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4), reader.GetBoolean(5)));
            }
        }

        signatures.ShouldAllBe(s => s.OnTheSignedHash && s.ByTheSignatory && s.TypedName.Length > 0);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);

        var active = agreements[DataSharingDemoData.ActiveTitle];
        (active.State, active.VersionState, active.Sensitivity).ShouldBe(("Active", "Active", "LimitedDataSet"));
        active.Hash.ShouldNotBeNull().Length.ShouldBe(64);
        signatures.Where(s => s.Title == DataSharingDemoData.ActiveTitle).Select(s => s.Signer).ShouldBe(["staff", "tomas", "grace"], ignoreOrder: true);

        var review = agreements[DataSharingDemoData.InReviewTitle];
        (review.State, review.VersionState, review.Sensitivity).ShouldBe(("InReview", "InReview", "PHI"));
        review.BreachDays.ShouldNotBeNull();
        review.DestructionDate.ShouldNotBeNull();
        signatures.Where(s => s.Title == DataSharingDemoData.InReviewTitle).Select(s => s.Signer).ShouldBe(["staff"]);

        var expiring = agreements[DataSharingDemoData.ExpiringTitle];
        (expiring.State, expiring.VersionState, expiring.Sensitivity).ShouldBe(("Active", "Active", "Deidentified"));
        expiring.EffectiveTo.ShouldNotBeNull().ShouldBeInRange(today, today.AddDays(30));
        signatures.Count(s => s.Title == DataSharingDemoData.ExpiringTitle).ShouldBe(3);

        // Through the API: the plan lets the partnership in, the active agreement shows a signature on every party by its
        // signatory on the version's hash, with a community owner among the parties; the two awaited signatories find
        // the agreement in review among their requests, and the county's signatory, who signed, does not.
        using var admin = await app.ClientAsync(DemoTenantSeeder.TenantName, "admin");
        (await (await admin.GetAsync("/api/data-sharing/settings")).ReadJsonAsync()).GetProperty("requireCommunityOwner").GetBoolean().ShouldBeTrue();
        var detail = await (await admin.GetAsync($"/api/data-sharing/agreements/{active.Id}")).ReadJsonAsync();
        detail.GetProperty("state").GetString().ShouldBe("Active");
        var current = detail.GetProperty("current");
        var parties = current.GetProperty("parties").EnumerateArray().ToList();
        parties.Count.ShouldBe(3);
        parties.Select(p => p.GetProperty("role").GetString()).ShouldBe(["DataProvider", "CommunityOwner", "Recipient"], ignoreOrder: true);
        parties.ShouldAllBe(p => p.GetProperty("signature").GetProperty("contentHash").GetString() == current.GetProperty("contentHash").GetString()
                                 && p.GetProperty("signature").GetProperty("signerUserId").GetGuid() == p.GetProperty("signatoryUserId").GetGuid());
        foreach (var (userName, waiting) in new[] { ("linh", true), ("tomas", true), ("staff", false), ("grace", false) })
        {
            using var person = await app.ClientAsync(DemoTenantSeeder.TenantName, userName);
            var requests = (await (await person.GetAsync("/api/data-sharing/me/signature-requests")).ReadJsonAsync()).EnumerateArray()
                .Select(r => r.GetProperty("title").GetString()).ToList();
            requests.Contains(DataSharingDemoData.InReviewTitle).ShouldBe(waiting, userName);
            requests.Count.ShouldBe(waiting ? 1 : 0, userName);
        }
    }

    private static async Task<T> ScalarRowAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue(sql);
        return read(reader);
    }

    private async Task<Dictionary<string, long>> CountAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
        }

        counts.Values.Where((_, i) => Tables[i] != "governance.ballots").ShouldAllBe(c => c > 0);
        return counts;
    }
}
