namespace EngagementPlatform.Identity;

/// <summary>When a password someone else chose has to be replaced by its owner (<c>Identity:Passwords</c>).</summary>
public sealed class PasswordChangeOptions
{
    public const string Section = "Identity:Passwords";

    /// <summary>
    /// Passwords set at seeding, by tenant creation and by an admin creating a user must be changed at first
    /// sign-in. On by default; <c>run.sh</c> turns it off for its local demo data and the test host for its
    /// fixtures. A password reset by an admin always has to be changed, whatever this says.
    /// </summary>
    public bool ChangeAssignedPasswordAtFirstSignIn { get; set; } = true;
}
