using System.Text.RegularExpressions;

namespace MoodBot.Tests.Slack;

public sealed partial class SlackDocsTests
{
    private static string Manifest()
    {
        var doc = File.ReadAllText(RepoPaths.File("docs", "slack.md"));
        return ManifestBlock().Match(doc) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("docs/slack.md has no yaml block");
    }

    private static List<string> ListUnder(string manifest, string key)
    {
        var lines = manifest.Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == key + ":");
        Assert.True(start >= 0, $"the manifest has no {key}:");
        var indent = lines[start].Length - lines[start].TrimStart().Length;
        return [.. lines.Skip(start + 1)
            .TakeWhile(l => l.Trim().Length == 0 || l.Length - l.TrimStart().Length > indent)
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("- ", StringComparison.Ordinal))
            .Select(l => l[2..].Trim())];
    }

    [Fact]
    public void Manifest_HasTheScopesTheIssueAndTheEventsApiSpecAskFor_AndSocketModeOn()
    {
        var manifest = Manifest();
        var scopes = ListUnder(manifest, "bot");
        var events = ListUnder(manifest, "bot_events");

        Assert.Equal(["commands", "chat:write", "app_mentions:read", "im:history"], scopes);
        Assert.Equal(["app_mention", "message.im"], events);
        Assert.All(events, e => Assert.All(SlackSpecs.ScopesFor(e), scope => Assert.Contains(scope, scopes)));
        Assert.Contains("socket_mode_enabled: true", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_DeclaresTheSlashCommandsMoodBotAnswers()
    {
        var commands = ListUnder(Manifest(), "slash_commands").Where(l => l.StartsWith("command:", StringComparison.Ordinal)).Select(l => l["command:".Length..].Trim());

        Assert.Equal(["/mood", global::MoodBot.Slack.SlackLightsCommand.Name], commands);
    }

    [Fact]
    public void Appsettings_HoldsNoSlackSecrets()
    {
        var settings = File.ReadAllText(RepoPaths.File("appsettings.json"));
        Assert.DoesNotContain("xoxb-", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("xapp-", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("SigningSecret", settings, StringComparison.Ordinal);
    }

    [GeneratedRegex("```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ManifestBlock();
}
