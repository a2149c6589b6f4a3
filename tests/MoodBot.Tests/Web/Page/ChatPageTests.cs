using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MoodBot.Tests.Web.Page;

/// <summary>How the host serves the chat page; what the page does is tested in a browser (Web/Browser).</summary>
public sealed partial class ChatPageTests
{
    private static readonly string Source = RepoPaths.File("src", "MoodBot", "Web", "wwwroot");

    [Fact]
    public async Task GetRoot_ServesThePageWithAStrictContentSecurityPolicy()
    {
        await using var bot = await RunningBot.StartAsync();

        using var page = await bot.Client.GetAsync("/");
        using var script = await bot.Client.GetAsync("/app.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("id=\"transcript\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetMoods_ListsTheTwelveMoodsAsTheDataFileDescribesThem()
    {
        await using var bot = await RunningBot.StartAsync();

        using var moods = JsonDocument.Parse(await bot.Client.GetStringAsync("/api/moods"));
        using var data = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Data, "moods.json")));

        var listed = moods.RootElement.EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);
        Assert.Equal(12, listed.Count);
        foreach (var mood in data.RootElement.GetProperty("moods").EnumerateArray())
        {
            var shown = listed[mood.GetProperty("id").GetString()!];
            Assert.Equal(mood.GetProperty("label").GetString(), shown.GetProperty("label").GetString());
            Assert.Equal(mood.GetProperty("emoji").GetString(), shown.GetProperty("emoji").GetString());
            Assert.Equal(mood.GetProperty("color").GetString(), shown.GetProperty("color").GetString());
        }
    }

    [Fact]
    public void Build_CopiesEveryPageFileBesideTheBinary()
    {
        var built = Path.Combine(AppContext.BaseDirectory, "wwwroot");

        var missing = Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Source, f))
            .Where(f => !File.Exists(Path.Combine(built, f)))
            .ToList();

        Assert.Empty(missing);
        Assert.True(File.Exists(Path.Combine(built, "index.html")));
    }

    [Fact]
    public void Scripts_NeverTurnTextIntoMarkupOrCode()
    {
        var offenders = Directory.EnumerateFiles(Source, "*.js")
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => MarkupSink().IsMatch(l.line))
            .Select(l => $"{Path.GetFileName(l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    // Every way a string becomes HTML or script; the page builds its DOM with text nodes only.
    [GeneratedRegex(@"\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\s*\(|new\s+Function|createContextualFragment|DOMParser)\b|\.html\s*\(")]
    private static partial Regex MarkupSink();
}
