using System.Text.Json;

namespace EngagementPlatform.Governance.Tests.Api;

internal static class ListResponses
{
    /// <summary>A list's items: every Governance list answers <c>{ totalCount, items }</c>; the count must match when the list fits one page.</summary>
    public static async Task<JsonElement> ReadItemsAsync(this HttpResponseMessage response)
    {
        var body = await response.ReadJsonAsync();
        var items = body.GetProperty("items");
        if (items.GetArrayLength() < 20)
        {
            body.GetProperty("totalCount").GetInt64().ShouldBe(items.GetArrayLength());
        }

        return items;
    }
}
