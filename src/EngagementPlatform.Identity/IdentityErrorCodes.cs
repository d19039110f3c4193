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
    public const string WrongCurrentPassword = "Identity:WrongCurrentPassword";
    public const string SamePassword = "Identity:SamePassword";
    public const string CannotResetOwnPassword = "Identity:CannotResetOwnPassword";
    public const string TooManySignInAttempts = "Identity:TooManySignInAttempts";

    /// <summary>The token endpoint's extra <c>code</c> when the password is right but must be changed first.</summary>
    public const string PasswordChangeRequired = "Identity:PasswordChangeRequired";

    /// <summary>The token endpoint's extra <c>code</c> for an unknown user, a wrong password and a locked account alike.</summary>
    public const string InvalidCredentials = "Identity:InvalidCredentials";

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
        [WrongCurrentPassword] = ("The current password is not correct.", "La contraseña actual no es correcta."),
        [SamePassword] = ("Choose a new password that differs from the current one.", "Elija una contraseña nueva distinta de la actual."),
        [CannotResetOwnPassword] = ("Change your own password on your profile page instead.", "Cambie su propia contraseña en la página de su perfil."),
        [TooManySignInAttempts] = ("Too many sign-in attempts. Wait a moment and try again.", "Demasiados intentos de inicio de sesión. Espere un momento y vuelva a intentarlo."),
        [PasswordChangeRequired] = ("The password was set by an administrator: choose your own on the sign-in page before signing in here.", "Un administrador fijó la contraseña: elija la suya en la página de inicio de sesión antes de entrar aquí."),
        [InvalidCredentials] = ("The user name or password is not correct.", "El nombre de usuario o la contraseña no son correctos."),
    };
}
