using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using LunaPoint.Host.ErrorHandling;
using LunaPoint.SharedKernel.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LunaPoint.Tests.Host;

/// <summary>The host's one exception mapping, driven with the real ProblemDetails service.</summary>
public sealed class ProblemExceptionHandlerTests
{
    [Fact]
    public async Task ValidationException_Returns400_WithCamelCasedFieldErrors()
    {
        var exception = new ValidationException(
        [
            new ValidationFailure("Name", "Name must not be empty."),
            new ValidationFailure("Location.Address", "Address is too long."),
            new ValidationFailure("Name", "Name must not be empty."),
        ]);

        var (status, contentType, body) = await HandleAsync(exception);

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        var errors = body.RootElement.GetProperty("errors");
        Assert.Equal(["Name must not be empty."], errors.GetProperty("name").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Address is too long.", errors.GetProperty("location.address")[0].GetString());
    }

    [Fact]
    public async Task NotFoundException_Returns404_NamingTheResource()
    {
        var (status, _, body) = await HandleAsync(new NotFoundException("Stream", "42"));

        Assert.Equal(404, status);
        Assert.Equal("Stream '42' was not found.", body.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ForbiddenException_Returns403()
    {
        var (status, _, body) = await HandleAsync(new ForbiddenException("Operators may not manage users."));

        Assert.Equal(403, status);
        Assert.Equal("Operators may not manage users.", body.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ConflictException_Returns409_WithMachineReadableCode()
    {
        var (status, _, body) = await HandleAsync(new ConflictException("license.maxStreams", "The licence allows 4 streams."));

        Assert.Equal(409, status);
        Assert.Equal("license.maxStreams", body.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task MalformedJson_Returns400_SayingWhatCouldNotBeRead()
    {
        var inner = new JsonException("'}' is invalid after a property name.");
        var exception = new BadHttpRequestException("Failed to read parameter \"CreateStream request\" from the request body as JSON.", 400, inner);

        var (status, _, body) = await HandleAsync(exception);

        Assert.Equal(400, status);
        Assert.Contains("'}' is invalid", body.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("Implicit body inferred for parameter \"body\" but no body was provided. Did you mean to use a Service instead?", "A JSON body is required.")]
    [InlineData("Failed to bind parameter \"Guid id\" from \"abc\".", "id must be a GUID.")]
    [InlineData("Failed to bind parameter \"int page\" from \"9223372036854775808\".", "page must be an integer in range.")]
    [InlineData("Failed to bind parameter \"Nullable<DateTimeOffset> from\" from \"x\".", "from must be a date and time (ISO 8601, e.g. 2026-01-31T12:00:00Z).")]
    public async Task BindingFailures_Return400_InUserLevelWords(string frameworkMessage, string expected)
    {
        var (status, contentType, body) = await HandleAsync(new BadHttpRequestException(frameworkMessage, 400));

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(expected, body.RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain("Service", body.RootElement.GetRawText());
    }

    [Fact]
    public async Task JsonConversionFailure_NamesThePathAndTheExpectedKind_NotTheInternalType()
    {
        var json = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Probe>("""{"id":"not-a-guid"}""", JsonSerializerOptions.Web));
        var exception = new BadHttpRequestException("Failed to read parameter \"Probe body\" from the request body as JSON.", 400, json);

        var (status, _, body) = await HandleAsync(exception);
        var text = body.RootElement.GetRawText();

        Assert.Equal(400, status);
        Assert.Equal("The JSON body is malformed at $.id: expected a GUID.", body.RootElement.GetProperty("detail").GetString());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty("id", out _), text);
        Assert.DoesNotContain("LunaPoint", text);
        Assert.DoesNotContain("System.", text);
    }

    [Fact]
    public async Task UnexpectedException_Returns500_WithTraceIdAndNoInternals()
    {
        var (status, _, body) = await HandleAsync(new InvalidOperationException("secret connection string Password=hunter2"));
        var text = body.RootElement.GetRawText();

        Assert.Equal(500, status);
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.DoesNotContain(" at ", text);
    }

    [Theory]
    [InlineData("Name", "name")]
    [InlineData("Location.Address", "location.address")]
    [InlineData("Roi.Points[0].X", "roi.points[0].x")]
    public void FieldName_IsCamelCasedPerSegment(string property, string expected) =>
        Assert.Equal(expected, ProblemExceptionHandler.FieldName(property));

    private sealed record Probe(Guid Id);

    private static async Task<(int Status, string? ContentType, JsonDocument Body)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddLunaPointErrorHandling().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.Path = "/api/v1/streams";
        context.Response.Body = new MemoryStream();
        var handler = new ProblemExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<ProblemExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(context, exception, CancellationToken.None);

        Assert.True(handled);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, context.Response.ContentType?.Split(';')[0], await JsonDocument.ParseAsync(context.Response.Body));
    }
}
