using EngagementPlatform.Framework.Localization;

namespace EngagementPlatform.Identity;

/// <summary>Identity's texts other than error messages: the sign-in page, field errors and ASP.NET Identity's own errors.</summary>
internal static class IdentityTexts
{
    public const string UserNameCharacters = "Identity:Field.UserNameCharacters";
    public const string RoleNames = "Identity:Field.RoleNames";
    public const string WrongCurrentPassword = "Identity:Field.WrongCurrentPassword";
    public const string SamePassword = "Identity:Field.SamePassword";

    /// <summary>A text of the sign-in page: <c>Identity:Login.Title</c>.</summary>
    public static string Login(string name) => $"Identity:Login.{name}";

    /// <summary>An ASP.NET Identity error, by its code: <c>Identity:Error.PasswordTooShort</c>.</summary>
    public static string Error(string code) => $"Identity:Error.{code}";

    public static LocalizationResource Create() => new()
    {
        [Login("Title")] = ("Sign in", "Iniciar sesión"),
        [Login("Tenant")] = ("Partnership", "Alianza"),
        [Login("TenantHint")] = ("Your partnership's short name. Leave it empty if you operate the platform.", "El nombre corto de su alianza. Déjelo vacío si opera la plataforma."),
        [Login("UserName")] = ("User name", "Nombre de usuario"),
        [Login("Password")] = ("Password", "Contraseña"),
        [Login("Submit")] = ("Sign in", "Entrar"),
        [Login("UnknownTenant")] = ("We could not find that partnership. Check the name.", "No encontramos esa alianza. Revise el nombre."),
        [Login("ChangeTitle")] = ("Choose a new password", "Elija una contraseña nueva"),
        [Login("ChangeWhy")] = ("Your current password was set by an administrator. Choose your own to continue.", "Su contraseña actual la fijó un administrador. Elija una propia para continuar."),
        [Login("ChangeNew")] = ("New password", "Contraseña nueva"),
        [Login("ChangeRules")] = ("At least 6 characters, with an upper-case and a lower-case letter, a digit and a symbol.", "Al menos 6 caracteres, con mayúscula, minúscula, número y símbolo."),
        [Login("ChangeConfirm")] = ("Repeat the new password", "Repita la contraseña nueva"),
        [Login("ChangeSubmit")] = ("Save and sign in", "Guardar y entrar"),
        [Login("ChangeMismatch")] = ("The two passwords do not match.", "Las dos contraseñas no coinciden."),
        [Login("ChangeSame")] = ("Choose a password that differs from the current one.", "Elija una contraseña distinta de la actual."),
        [Login("Invalid")] = ("The user name or password is not correct.", "El nombre de usuario o la contraseña no son correctos."),

        [UserNameCharacters] = ("Use letters, digits and . _ @ + - only.", "Use solo letras, dígitos y . _ @ + -."),
        [WrongCurrentPassword] = ("The current password is not correct.", "La contraseña actual no es correcta."),
        [SamePassword] = ("Choose a new password that differs from the current one.", "Elija una contraseña nueva distinta de la actual."),
        [RoleNames] = ("Give at most 16 role names, none empty.", "Indique como máximo 16 nombres de rol, ninguno vacío."),

        [Error("DefaultError")] = ("Something went wrong while saving the user.", "Algo salió mal al guardar el usuario."),
        [Error("ConcurrencyFailure")] = ("Someone else changed this user at the same time. Reload and try again.", "Otra persona cambió este usuario al mismo tiempo. Vuelva a cargar e inténtelo de nuevo."),
        [Error("PasswordMismatch")] = ("The password is not correct.", "La contraseña no es correcta."),
        [Error("InvalidToken")] = ("This link or code is not valid or has expired.", "Este enlace o código no es válido o ha caducado."),
        [Error("RecoveryCodeRedemptionFailed")] = ("The recovery code is not valid.", "El código de recuperación no es válido."),
        [Error("LoginAlreadyAssociated")] = ("This sign-in is already linked to another user.", "Este inicio de sesión ya está vinculado a otro usuario."),
        [Error("InvalidUserName")] = ("The user name '{userName}' may only contain letters, digits and . _ @ + -.", "El nombre de usuario '{userName}' solo puede contener letras, dígitos y . _ @ + -."),
        [Error("InvalidEmail")] = ("'{email}' is not a valid email address.", "'{email}' no es una dirección de correo válida."),
        [Error("DuplicateUserName")] = ("The user name '{userName}' is already taken.", "El nombre de usuario '{userName}' ya está en uso."),
        [Error("DuplicateEmail")] = ("The email address '{email}' is already in use.", "La dirección de correo '{email}' ya está en uso."),
        [Error("InvalidRoleName")] = ("'{role}' is not a valid role name.", "'{role}' no es un nombre de rol válido."),
        [Error("DuplicateRoleName")] = ("The role '{role}' already exists.", "El rol '{role}' ya existe."),
        [Error("UserAlreadyHasPassword")] = ("This user already has a password.", "Este usuario ya tiene contraseña."),
        [Error("UserLockoutNotEnabled")] = ("Lockout is not enabled for this user.", "El bloqueo no está habilitado para este usuario."),
        [Error("UserAlreadyInRole")] = ("The user already has the role '{role}'.", "El usuario ya tiene el rol '{role}'."),
        [Error("UserNotInRole")] = ("The user does not have the role '{role}'.", "El usuario no tiene el rol '{role}'."),
        [Error("PasswordTooShort")] = ("Passwords need at least {length} characters.", "La contraseña debe tener al menos {length} caracteres."),
        [Error("PasswordRequiresUniqueChars")] = ("Passwords need at least {count} different characters.", "La contraseña debe tener al menos {count} caracteres distintos."),
        [Error("PasswordRequiresNonAlphanumeric")] = ("Passwords need at least one character that is not a letter or a digit.", "La contraseña debe tener al menos un carácter que no sea letra ni dígito."),
        [Error("PasswordRequiresDigit")] = ("Passwords need at least one digit (0-9).", "La contraseña debe tener al menos un dígito (0-9)."),
        [Error("PasswordRequiresLower")] = ("Passwords need at least one lowercase letter (a-z).", "La contraseña debe tener al menos una letra minúscula (a-z)."),
        [Error("PasswordRequiresUpper")] = ("Passwords need at least one uppercase letter (A-Z).", "La contraseña debe tener al menos una letra mayúscula (A-Z)."),
    };
}
