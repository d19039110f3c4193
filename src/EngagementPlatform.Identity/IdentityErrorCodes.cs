using EngagementPlatform.Framework.Localization;

namespace EngagementPlatform.Identity;

public static class IdentityErrorCodes
{
    public const string DuplicateUserName = "Identity:DuplicateUserName";
    public const string DuplicateEmail = "Identity:DuplicateEmail";
    public const string InvalidPassword = "Identity:InvalidPassword";
    public const string UnknownRole = "Identity:UnknownRole";
    public const string UnknownPermission = "Identity:UnknownPermission";
    public const string CannotDeleteSelf = "Identity:CannotDeleteSelf";
    public const string CannotRemoveOwnAdminRole = "Identity:CannotRemoveOwnAdminRole";
    public const string IdentityFailed = "Identity:Failed";

    internal static ErrorMessageResource Messages() => new()
    {
        [DuplicateUserName] = ("The user name '{userName}' is already taken in this partnership.", "El nombre de usuario '{userName}' ya está en uso en esta alianza."),
        [DuplicateEmail] = ("The email address '{email}' already belongs to another user of this partnership.", "La dirección de correo '{email}' ya pertenece a otro usuario de esta alianza."),
        [InvalidPassword] = ("The password does not meet the password rules.", "La contraseña no cumple las reglas de contraseñas."),
        [UnknownRole] = ("There is no role named '{role}'.", "No existe un rol llamado '{role}'."),
        [UnknownPermission] = ("There is no permission named '{permission}' on this side.", "No existe un permiso llamado '{permission}' en este lado."),
        [CannotDeleteSelf] = ("You cannot remove your own account.", "No puede eliminar su propia cuenta."),
        [CannotRemoveOwnAdminRole] = ("You cannot take the admin role away from yourself.", "No puede quitarse a sí mismo el rol de administrador."),
        [IdentityFailed] = ("The user could not be saved.", "No se pudo guardar el usuario."),
    };
}
