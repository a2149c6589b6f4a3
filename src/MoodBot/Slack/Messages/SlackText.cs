using System.Text;

namespace MoodBot.Slack.Messages;

/// <summary>
/// Slack's message formatting rules: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> are control
/// characters, so text that is not ours is escaped before it goes into a message. Escaped,
/// "&lt;!channel&gt;" is shown, never triggered.
/// </summary>
internal static class SlackText
{
    /// <summary>Block Kit's limit for a section's text; longer text is cut with an ellipsis.</summary>
    public const int MaxSectionChars = 3000;

    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// What a person typed, as Slack delivered it: entities decoded, and mentions of people,
    /// channels and the bot (<c>&lt;@U123&gt;</c>, <c>&lt;!here&gt;</c>) removed, so the model reads words only.
    /// </summary>
    public static string Plain(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '<' && text.IndexOf('>', i) is var end and > 0)
            {
                var inner = text.AsSpan(i + 1, end - i - 1);
                // A link keeps its label ("<https://x|label>"); mentions and specials go.
                if (inner.Length > 0 && inner[0] is not ('@' or '!' or '#'))
                {
                    var bar = inner.IndexOf('|');
                    builder.Append(bar >= 0 ? inner[(bar + 1)..] : inner);
                }

                i = end;
                continue;
            }

            builder.Append(text[i]);
        }

        return builder.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&").ToString().Trim();
    }

    /// <summary>Text cut to <paramref name="max"/> characters, an ellipsis marking the cut.</summary>
    public static string Clip(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
