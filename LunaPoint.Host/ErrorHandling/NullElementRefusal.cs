using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace LunaPoint.Host.ErrorHandling;

/// <summary>
/// A JSON contract rule: a collection inside a body (`"points": [null]`) may hold nulls only where the
/// code declares its elements nullable (<c>IReadOnlyList&lt;string?&gt;</c>). Handlers then never meet a
/// null element they did not ask for. A collection that is the whole body has no owner to check it here;
/// its validator uses <c>NotNullElements()</c> from the shared kernel.
/// </summary>
internal static class NullElementRefusal
{
    public static void Apply(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var checkedProperties = typeInfo.Properties.Where(RefusesNullElements).ToArray();
        if (checkedProperties.Length == 0)
        {
            return;
        }

        var previous = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var property in checkedProperties)
            {
                Check(property, property.Get?.Invoke(value));
            }
        };
    }

    private static void Check(JsonPropertyInfo property, object? collection)
    {
        if (collection is not IEnumerable items)
        {
            return;
        }

        var index = 0;
        foreach (var item in items)
        {
            if (item is null)
            {
                throw new NullElementException(property.Name, index);
            }

            index++;
        }
    }

    private static bool RefusesNullElements(JsonPropertyInfo property)
    {
        var type = property.PropertyType;
        if (type == typeof(string) || typeof(IDictionary).IsAssignableFrom(type) || typeof(JsonNode).IsAssignableFrom(type)
            || type == typeof(JsonElement) || ElementType(type) is not { } element)
        {
            return false;
        }

        if (element.IsValueType && Nullable.GetUnderlyingType(element) is null)
        {
            return false;
        }

        // Elements declared nullable may be null; an unannotated member is treated as non-nullable.
        var nullability = property.AttributeProvider switch
        {
            PropertyInfo p => new NullabilityInfoContext().Create(p),
            FieldInfo f => new NullabilityInfoContext().Create(f),
            _ => null,
        };
        var elementNullability = nullability is null ? null
            : nullability.ElementType ?? nullability.GenericTypeArguments.FirstOrDefault();
        return Nullable.GetUnderlyingType(element) is null && elementNullability?.ReadState != NullabilityState.Nullable;
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }
}

/// <summary>A null element where the contract allows none; the path names the element.</summary>
internal sealed class NullElementException(string property, int index)
    : JsonException($"{property}[{index}] must not be null.")
{
    public string Element { get; } = $"{property}[{index}]";
}
