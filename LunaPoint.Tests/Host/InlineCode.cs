using System.Text.RegularExpressions;

namespace LunaPoint.Tests.Host;

/// <summary>
/// Finds what a strict Content-Security-Policy would refuse in a page: inline scripts, on* handler
/// attributes, style attributes and elements, javascript: URLs. Tags are read attribute by attribute,
/// so encoded text inside an attribute value (a stream named "onerror=…") is not mistaken for markup.
/// </summary>
public static partial class InlineCode
{
    public static IReadOnlyList<string> Find(string html)
    {
        var found = new List<string>();
        foreach (Match tag in Tag().Matches(html))
        {
            var name = tag.Groups["tag"].Value.ToLowerInvariant();
            var attributes = Attribute().Matches(tag.Groups["attrs"].Value)
                .Select(a => (Name: a.Groups["name"].Value.ToLowerInvariant(), Value: a.Groups["value"].Value.Trim('"', '\'')))
                .ToList();
            if (name == "style" || (name == "script" && attributes.All(a => a.Name != "src")))
            {
                found.Add(tag.Value);
            }

            found.AddRange(attributes
                .Where(a => a.Name.StartsWith("on", StringComparison.Ordinal) || a.Name == "style"
                    || a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                .Select(a => $"{tag.Value[..Math.Min(tag.Value.Length, 120)]} ({a.Name})"));
        }

        return found;
    }

    [GeneratedRegex("""<(?<tag>[a-zA-Z][\w-]*)(?<attrs>(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*/?>""")]
    private static partial Regex Tag();

    [GeneratedRegex("""(?<name>[^\s=/>]+)(?:\s*=\s*(?<value>"[^"]*"|'[^']*'|[^\s>]+))?""")]
    private static partial Regex Attribute();
}
