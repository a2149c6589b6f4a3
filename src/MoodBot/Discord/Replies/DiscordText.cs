using System.Text;

namespace MoodBot.Discord.Replies;

/// <summary>
/// Makes text people typed safe to show back: markdown cannot restyle the reply, and
/// <c>@everyone</c>, <c>@here</c> and <c>&lt;@…&gt;</c> mentions cannot ping (allowed_mentions
/// is the guarantee; this keeps the text from even looking like a ping).
/// </summary>
internal static class DiscordText
{
    private const char ZeroWidthSpace = '\u200B';

    public static string Escape(string text, int maxLength)
    {
        var builder = new StringBuilder(Math.Min(text.Length + 16, maxLength + 16));
        foreach (var c in text)
        {
            if (builder.Length >= maxLength - 1)
            {
                builder.Append('…');
                break;
            }

            switch (c)
            {
                case '\\' or '*' or '_' or '~' or '`' or '|' or '>' or '[' or ']' or '(' or ')' or '#' or '-':
                    builder.Append('\\').Append(c);
                    break;
                case '@':
                    builder.Append('@').Append(ZeroWidthSpace);
                    break;
                case '<':
                    builder.Append('<').Append(ZeroWidthSpace);
                    break;
                case '\r' or '\n' or '\t':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Cuts to Discord's limit for a field, ending with "…" when cut.</summary>
    public static string Fit(string text, int maxLength) =>
        text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength - 1), "…");
}
