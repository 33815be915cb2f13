namespace LunaPoint.SharedKernel.Errors;

/// <summary>The thing asked for does not exist (maps to 404).</summary>
public sealed class NotFoundException(string resource, object key)
    : Exception($"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;
    public object Key { get; } = key;
}

/// <summary>The caller is known but may not do this (maps to 403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>
/// A business rule or licence limit refuses the request (maps to 409).
/// <paramref name="code"/> is a stable machine-readable reason, e.g. "license.maxStreams".
/// </summary>
public sealed class ConflictException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// The caller could not be authenticated (maps to 401). The message must never say whether a user
/// name exists.
/// </summary>
public sealed class UnauthorizedException(string message) : Exception(message);
