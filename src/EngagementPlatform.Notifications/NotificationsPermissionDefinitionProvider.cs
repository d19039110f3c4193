using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Identity;

namespace EngagementPlatform.Notifications;

internal sealed class NotificationsPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
    {
        context.Add(NotificationsPermissions.Outbox, "See outgoing email and queue failed messages again", "Ver el correo saliente y volver a enviar los mensajes fallidos", MultiTenancySides.Both, RoleNames.Admin, RoleNames.Staff);
        context.Add(NotificationsPermissions.Templates, "Edit email templates", "Editar plantillas de correo", MultiTenancySides.Tenant, RoleNames.Admin);
    }
}
