namespace LunaPoint.Modules.Auth.Domain;

internal static class UserRules
{
    public const int MaxUserNameLength = 64;
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 256;
    public const int MaxDisplayNameLength = 200;
}
