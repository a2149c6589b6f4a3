using System.Text.Json;

namespace MoodBot.Data;

internal static class JsonErrorText
{
    /// <summary>
    /// The parser's complaint without the reader's path and position, which the line a message
    /// names already says better.
    /// </summary>
    public static string Of(JsonException ex) =>
        ex.Message.IndexOf(" Path:", StringComparison.Ordinal) is var i and > 0 ? ex.Message[..i] : ex.Message;
}
