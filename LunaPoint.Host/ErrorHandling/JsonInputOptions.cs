using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;

namespace LunaPoint.Host.ErrorHandling;

/// <summary>
/// How every JSON body of the API is read. Ambiguous or unstorable input is refused while reading, so no
/// handler has to think of it: a repeated key (also when only its case differs, since names bind
/// case-insensitively) and null inside a collection. NUL and lone surrogates are refused before,
/// on the raw body (<see cref="JsonBodyGuard"/>).
/// </summary>
internal static class JsonInputOptions
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.AllowDuplicateProperties = false;
        options.PropertyNameCaseInsensitive = true;
        options.Converters.Add(new JsonStringEnumConverter());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(NullElementRefusal.Apply);
    }

    public static IServiceCollection AddLunaPointJsonInput(this IServiceCollection services) =>
        services.Configure<JsonOptions>(o => Apply(o.SerializerOptions));
}
