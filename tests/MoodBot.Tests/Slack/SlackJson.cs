using System.Text.Json;

namespace MoodBot.Tests.Slack;

internal static class SlackJson
{
    /// <summary>Every string value in the JSON, decoded, one a line: what Slack would render or parse.</summary>
    public static string AllText(JsonElement element) => string.Join("\n", Strings(element));

    public static string AllText(string json) => AllText(JsonDocument.Parse(json).RootElement);

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
