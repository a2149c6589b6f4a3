namespace MoodBot.Mood.Text;

/// <summary>
/// Turns chat text into folded tokens: words, emoji (and the classic emoticons), "!" and "?" runs,
/// and clause breaks; marks the words inside a negation's scope; counts the cues of intensity.
/// </summary>
internal static class TextAnalyzer
{
    private const int NegationReach = 3;

    private static readonly string[] Emoticons = [":)", ":-)", ":(", ":-(", ":d", ":-d", ";)", ";-)", ":'(", ":/", ":-/", ":p", "<3", "</3", ":o", "xd", ":|", "^^", "-_-", ">:("];

    private static readonly FrozenLookup Negators = new(WordSets.Negators);
    private static readonly FrozenLookup ScopeEnders = new(WordSets.ScopeEnders);
    private static readonly FrozenLookup Intensifiers = new(WordSets.Intensifiers);
    private static readonly FrozenLookup Downtoners = new(WordSets.Downtoners);

    public static void Analyze(ReadOnlySpan<char> input, TextAnalysis analysis)
    {
        analysis.Reset(input.Length + 1);
        Fold(input, analysis);
        Tokenize(analysis);
        MarkNegation(analysis);
    }

    private static void Fold(ReadOnlySpan<char> input, TextAnalysis analysis)
    {
        var run = 0;
        var upperInWord = 0;
        var lettersInWord = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var raw = input[i];
            if (char.IsLetter(raw))
            {
                lettersInWord++;
                if (char.IsUpper(raw))
                {
                    upperInWord++;
                }
            }
            else
            {
                CountShout(ref analysis.Cues, lettersInWord, upperInWord);
                lettersInWord = upperInWord = 0;
            }

            var c = CharFolding.Fold(raw);
            if (char.IsLetter(c) && c == analysis.LastChar)
            {
                // "soooo" and "sooo" read as "soo": elongation is a cue of intensity, not a new word.
                if (++run >= 2)
                {
                    if (run == 2)
                    {
                        analysis.Cues.Elongations++;
                    }

                    continue;
                }
            }
            else
            {
                run = 0;
            }

            analysis.Append(c);
        }

        CountShout(ref analysis.Cues, lettersInWord, upperInWord);
    }

    private static void CountShout(ref TextCues cues, int letters, int upper)
    {
        if (letters >= 3 && upper == letters)
        {
            cues.ShoutedWords++;
        }
    }

    private static void Tokenize(TextAnalysis analysis)
    {
        var text = analysis.Text;
        var emojiRun = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (TryEmoticon(text, i, out var emoticonLength))
            {
                analysis.AddToken(i, emoticonLength, TokenKind.Emoji);
                analysis.Cues.Emoji++;
                i += emoticonLength;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) ||
                       (text[i] == '\'' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                {
                    i++;
                }

                analysis.AddToken(start, i - start, TokenKind.Word);
                analysis.Cues.Words++;
                emojiRun = 0;
                continue;
            }

            if (IsEmojiStart(text, i, out var emojiLength))
            {
                analysis.AddToken(i, emojiLength, TokenKind.Emoji);
                analysis.Cues.Emoji++;
                emojiRun++;
                analysis.Cues.MaxEmojiRun = Math.Max(analysis.Cues.MaxEmojiRun, emojiRun);
                i += emojiLength;
                continue;
            }

            switch (c)
            {
                case '!':
                    analysis.AddToken(i, 1, TokenKind.Exclamation);
                    analysis.Cues.Exclamations++;
                    break;
                case '?':
                    analysis.AddToken(i, 1, TokenKind.Question);
                    break;
                case '.' or ',' or ';' or ':' or '\n' or '(' or ')' or '-' or '…':
                    analysis.AddToken(i, 1, TokenKind.Break);
                    break;
                default:
                    // Variation selectors, joiners and skin tones belong to the emoji before them.
                    if (c is not ('\uFE0F' or '\u200D') && !char.IsWhiteSpace(c) && !IsSkinTone(text, i))
                    {
                        emojiRun = 0;
                    }

                    break;
            }

            i++;
        }
    }

    private static bool TryEmoticon(ReadOnlySpan<char> text, int i, out int length)
    {
        var previousIsLetter = i > 0 && char.IsLetterOrDigit(text[i - 1]);
        foreach (var emoticon in Emoticons)
        {
            if (text[i..].StartsWith(emoticon, StringComparison.Ordinal))
            {
                // ":/" inside "https://" and "<3" inside "<30" are not faces.
                var end = i + emoticon.Length;
                var letterEmoticon = char.IsLetter(emoticon[0]) || char.IsLetter(emoticon[^1]);
                var nextIsWordy = end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '/');
                if (!nextIsWordy && !(letterEmoticon && previousIsLetter))
                {
                    length = emoticon.Length;
                    return true;
                }
            }
        }

        length = 0;
        return false;
    }

    private static bool IsEmojiStart(ReadOnlySpan<char> text, int i, out int length)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            var codePoint = char.ConvertToUtf32(c, text[i + 1]);
            length = 2;
            return codePoint is >= 0x1F300 and <= 0x1FAFF and not (>= 0x1F3FB and <= 0x1F3FF);
        }

        length = 1;
        return c is (>= '\u2600' and <= '\u27BF') or '\u2B50' or '\u2B55' or '\u2728';
    }

    private static bool IsSkinTone(ReadOnlySpan<char> text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length &&
        char.ConvertToUtf32(text[i], text[i + 1]) is >= 0x1F3FB and <= 0x1F3FF;

    private static void MarkNegation(TextAnalysis analysis)
    {
        var remaining = 0;
        for (var t = 0; t < analysis.TokenCount; t++)
        {
            ref var token = ref analysis.TokenAt(t);
            if (token.Kind != TokenKind.Word)
            {
                if (token.Kind is TokenKind.Break or TokenKind.Exclamation or TokenKind.Question)
                {
                    remaining = 0;
                }

                continue;
            }

            var word = analysis.TextOf(token);
            if (Intensifiers.Contains(word))
            {
                analysis.Cues.Intensifiers++;
            }
            else if (Downtoners.Contains(word))
            {
                analysis.Cues.Downtoners++;
            }

            if (Negators.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal))
            {
                remaining = NegationReach;
                continue;
            }

            if (ScopeEnders.Contains(word))
            {
                remaining = 0;
                continue;
            }

            if (remaining > 0)
            {
                token.Negated = true;
                remaining--;
            }
        }
    }
}
