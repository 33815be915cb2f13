using FluentValidation;
using LunaPoint.SharedKernel.Data;
using LunaPoint.SharedKernel.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace LunaPoint.Host.ErrorHandling;

/// <summary>
/// The one exception-to-response mapping of the host. Every error body is application/problem+json; a
/// 500 carries the trace id to quote to support and never the exception or its stack.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            return true;
        }

        var problem = exception switch
        {
            ValidationException validation => ValidationProblem(validation),
            BadHttpRequestException bad => ReadProblem(ReadFailures.Describe(bad)),
            // A handler reading client JSON itself (a merge patch) meets the same refusals as the binder.
            System.Text.Json.JsonException json => ReadProblem(ReadFailures.Describe(json)),
            _ when DatabaseRefusal.IsDataException(exception) => DatabaseProblem(exception, httpContext),
            _ when DatabaseRefusal.IsUniqueViolation(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict.",
                Detail = "Another request changed the same thing at the same moment; read it again and retry.",
            },
            NotFoundException notFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = notFound.Message },
            UnauthorizedException unauthorized => new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Unauthorized.", Detail = unauthorized.Message },
            ForbiddenException forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden.", Detail = forbidden.Message },
            ContentTooLargeException tooLarge => FieldProblem(StatusCodes.Status413PayloadTooLarge, tooLarge.Field, tooLarge.Message),
            UnsupportedContentTypeException unsupported => FieldProblem(StatusCodes.Status415UnsupportedMediaType, unsupported.Field, unsupported.Message),
            UnprocessableContentException unprocessable => FieldProblem(StatusCodes.Status422UnprocessableEntity, unprocessable.Field, unprocessable.Message),
            ServiceUnavailableException unavailable => new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "Not ready.", Detail = unavailable.Message },
            ConflictException conflict => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The request conflicts with the current state or licence.",
                Detail = conflict.Message,
                Extensions = { ["code"] = conflict.Code },
            },
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "The error was logged. Quote the trace id when you report it.",
            };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails ReadProblem(ReadFailure failure) =>
        failure.Field is { } field
            ? FieldProblem(failure.Status, field, failure.Message)
            : new ProblemDetails { Status = failure.Status, Title = "The request could not be read.", Detail = failure.Message };

    /// <summary>A refusal naming one field, in the validation shape (errors by field) whatever its status.</summary>
    private static ValidationProblemDetails FieldProblem(int status, string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = status,
            Title = "One or more fields are invalid.",
            Detail = message,
        };

    /// <summary>
    /// The last line of defence, for a value the edge let through but the database refuses (SQLSTATE class
    /// 22: too long for its column, an unstorable character, out of range). It is the client's input, so
    /// 400, not 500; logged as a warning because a validator should have caught it first.
    /// </summary>
    private ProblemDetails DatabaseProblem(Exception exception, HttpContext context)
    {
        LogDataException(exception, context.Request.Method, context.Request.Path);
        return new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request could not be stored.",
            Detail = "A value is too long, out of range or holds characters that cannot be stored.",
        };
    }

    private static ValidationProblemDetails ValidationProblem(ValidationException exception) =>
        new(exception.Errors
            .GroupBy(e => FieldName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        };

    /// <summary>Names fields as clients write them in JSON: "Location.Address" becomes "location.address".</summary>
    internal static string FieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database refused a value on {Method} {Path}; a validator should refuse it first")]
    private partial void LogDataException(Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
