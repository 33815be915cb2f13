namespace LunaPoint.Tests.Host;

/// <summary>The page sweep's detector itself: it must see every form of inline code and nothing else.</summary>
public sealed class InlineCodeTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<SCRIPT type=\"module\">x()</SCRIPT>")]
    [InlineData("<form method=\"post\" onsubmit=\"return confirm('x')\">")]
    [InlineData("<button type=submit onClick=go()>")]
    [InlineData("<textarea rows=\"6\" style=\"width:100%\">")]
    [InlineData("<style>body{}</style>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=' JavaScript:alert(1)'>x</a>")]
    public void Find_ReportsInlineCode(string html) => Assert.NotEmpty(InlineCode.Find(html));

    [Theory]
    [InlineData("<script src=\"/js/site.js?v=abc\" defer></script>")]
    [InlineData("<td title=\"x&#x27;);alert(1);(&#x27;&lt;img src=x onerror=alert(3)&gt; style=x\">x</td>")]
    [InlineData("<form data-confirm=\"Delete stream &lt;script&gt;?\" method=\"post\">")]
    [InlineData("<p>Set onerror= or style= in the docs</p>")]
    [InlineData("<a href=\"/streams\" class=\"active\">Streams</a>")]
    public void Find_IgnoresSafeMarkupAndEncodedText(string html) => Assert.Empty(InlineCode.Find(html));
}
