namespace LunaPoint.SharedKernel.Errors;

/// <summary>An uploaded body or file is larger than allowed, in bytes or pixels (maps to 413, naming the field).</summary>
public sealed class ContentTooLargeException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>The body's declared media type is not one the endpoint reads (maps to 415, naming the field).</summary>
public sealed class UnsupportedContentTypeException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>The body claims a type the endpoint reads but its bytes are not that, or are cut short (maps to 422, naming the field).</summary>
public sealed class UnprocessableContentException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>A part the request needs is not ready yet or failed to start (maps to 503).</summary>
public sealed class ServiceUnavailableException(string message) : Exception(message);
