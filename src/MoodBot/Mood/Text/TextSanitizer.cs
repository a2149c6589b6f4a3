using System.Text;

namespace MoodBot.Mood.Text;

internal readonly record struct SanitizedText(string Text, bool Truncated);

/// <summary>
/// Makes any string safe to read: lone surrogates (invalid UTF-16) become U+FFFD, control characters
/// become spaces, and text past the limit is cut on a character boundary so a pair is never split.
/// </summary>
internal static class TextSanitizer
{
    public const int DefaultMaxChars = 2000;

    public static SanitizedText Sanitize(string? text, int maxChars = DefaultMaxChars)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new SanitizedText("", false);
        }

        var truncated = text.Length > maxChars;
        var length = truncated ? maxChars : text.Length;
        if (truncated && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        if (IsClean(text.AsSpan(0, length)))
        {
            return new SanitizedText(truncated ? text[..length] : text, truncated);
        }

        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else if (char.IsControl(c))
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }

        return new SanitizedText(builder.ToString(), truncated);
    }

    private static bool IsClean(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }
}
