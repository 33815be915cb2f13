namespace LunaPoint.Host.ErrorHandling;

/// <summary>The RFC section that defines each status code, for problems the framework has no link for.</summary>
internal static class ProblemTypes
{
    public static string For(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        StatusCodes.Status429TooManyRequests => "https://tools.ietf.org/html/rfc6585#section-4",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "https://tools.ietf.org/html/rfc6585#section-5",
        >= 500 => "https://tools.ietf.org/html/rfc9110#section-15.6",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.5",
    };
}
