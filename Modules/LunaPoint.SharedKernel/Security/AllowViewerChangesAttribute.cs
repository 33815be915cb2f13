namespace LunaPoint.SharedKernel.Security;

/// <summary>
/// Marks a page or endpoint whose POST a Viewer may send: only self-service (own password, sign-out).
/// Everywhere else a change needs at least the Operator role.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowViewerChangesAttribute : Attribute;
