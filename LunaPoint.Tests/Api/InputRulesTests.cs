using System.Text;
using System.Text.Json;
using FluentValidation;
using LunaPoint.Host.ErrorHandling;
using LunaPoint.SharedKernel.Paging;
using LunaPoint.SharedKernel.Validation;

namespace LunaPoint.Tests.Api;

/// <summary>The shared input rules on their own: the sweep proves them through the host, these say why a case fails.</summary>
public sealed class InputRulesTests
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    [Theory]
    [InlineData("""{"name":"a\u0000b"}""", "$.name")]
    [InlineData("""{"settings":{"roi":{"points":[{"x":1},{"label":"\u0000"}]}}}""", "$.settings.roi.points[1].label")]
    [InlineData("""[{"a":1},{"b":["ok","x\u0000"]}]""", "$[1].b[1]")]
    [InlineData("""{"na\u0000me":1}""", "$.na")]
    [InlineData("""{"name":"\ud800"}""", "$.name")]
    public void JsonBodyGuard_FindsNulAndLoneSurrogates_AtTheirPath(string json, string expectedPath)
    {
        var refusal = JsonBodyGuard.Find(Encoding.UTF8.GetBytes(json));

        Assert.NotNull(refusal);
        Assert.StartsWith(expectedPath, refusal.Value.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"plain \\u0000 text","emoji":"\ud83d\ude00"}""")]
    [InlineData("""{"broken":""")]
    public void JsonBodyGuard_LetsOrdinaryAndMalformedJsonThrough(string json) =>
        Assert.Null(JsonBodyGuard.Find(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("""{"name":"a","name":"b"}""", "$.name")]
    [InlineData("""{"name":"a","NAME":"b"}""", "$.NAME")]
    [InlineData("""{"s":{"roi":{"x":1}},"t":[{"x":1,"X":2}]}""", "$.t[0].X")]
    public void JsonBodyGuard_FindsRepeatedKeys_InAnyObject(string json, string expectedPath) =>
        Assert.Equal(expectedPath, JsonBodyGuard.Find(Encoding.UTF8.GetBytes(json))?.Path);

    [Theory]
    [InlineData("""{"name":"a","name":"b"}""")]
    [InlineData("""{"name":"a","NAME":"b"}""")]
    [InlineData("""{"inner":{"points":[1],"Points":[2]}}""")]
    public void DuplicateOrCaseVariantKeys_AreRefused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Outer>(json, Options));

    [Fact]
    public void NullElementInANestedList_IsRefused_NamingTheElement()
    {
        var error = Assert.Throws<NullElementException>(() =>
            JsonSerializer.Deserialize<Outer>("""{"inner":{"items":[{"x":1},null]}}""", Options));

        Assert.Equal("$.inner.items[1]", "$.inner." + error.Element);
        Assert.Equal("inner.items[1]", ReadFailures.Describe(error).Field);
    }

    [Fact]
    public void NullElement_IsAllowed_WhereTheListIsDeclaredNullable()
    {
        var value = JsonSerializer.Deserialize<Outer>("""{"tags":["a",null]}""", Options)!;

        Assert.Equal(["a", null], value.Tags);
    }

    [Theory]
    [InlineData(0, 50, "page")]
    [InlineData(-1, 50, "page")]
    [InlineData(44739243, 50, "page")]
    [InlineData(2147483647, 500, "page")]
    [InlineData(1, 0, "pageSize")]
    [InlineData(1, 501, "pageSize")]
    [InlineData(1, -1, "pageSize")]
    public void PageRequest_OutOfBounds_IsRefusedNamingTheParameter(int page, int pageSize, string field)
    {
        var error = Assert.Throws<ValidationException>(() => new PageRequest(page, pageSize));

        Assert.Contains(error.Errors, e => e.PropertyName == field);
    }

    [Fact]
    public void PageRequest_LastPageThatFits_HasAnOffsetWithin32Bits()
    {
        var last = new PageRequest(PagingRules.MaxPage(50), 50);

        Assert.InRange((long)last.Skip, int.MaxValue - 50L, int.MaxValue);
        Assert.Throws<ValidationException>(() => new PageRequest(last.Page + 1, 50));
    }

    [Fact]
    public void NotNullElements_NamesEachNullElement()
    {
        var result = new ListValidator().Validate(new WithList(["a", null!, "c", null!]));

        Assert.Equal(["Items[1]", "Items[3]"], result.Errors.Select(e => e.PropertyName));
        Assert.Equal("items[1] must not be null.", result.Errors[0].ErrorMessage);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonInputOptions.Apply(options);
        return options;
    }

    private sealed record Outer(string? Name = null, Inner? Inner = null, IReadOnlyList<string?>? Tags = null);

    private sealed record Inner(IReadOnlyList<Item>? Items = null, int[]? Points = null);

    private sealed record Item(int X);

    private sealed record WithList(IReadOnlyList<string> Items);

    private sealed class ListValidator : AbstractValidator<WithList>
    {
        public ListValidator() => RuleFor(x => x.Items).NotNullElements();
    }
}
