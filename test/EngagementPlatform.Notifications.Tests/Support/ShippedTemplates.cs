using EngagementPlatform.Governance.Emails;
using EngagementPlatform.Notifications.Templates;

namespace EngagementPlatform.Notifications.Tests.Support;

/// <summary>The templates the product's modules register (Notifications' and Governance's), as the app's store holds them.</summary>
internal static class ShippedTemplates
{
    public static readonly EmailTemplateStore Store = new([new NotificationsEmailTemplates(), new GovernanceEmailTemplates()]);

    public static TemplateText Get(string name, string culture) => Store.Text(name, culture)!;

    public static IEnumerable<(string Name, string Culture)> Keys => Store.All.SelectMany(d => d.Texts.Keys.Select(c => (d.Name, c)));

    public static IEnumerable<KeyValuePair<(string Name, string Culture), TemplateText>> All
        => Keys.Select(k => new KeyValuePair<(string, string), TemplateText>(k, Get(k.Name, k.Culture)));
}
