namespace MoodBot.Mood.Text;

internal enum TokenKind : byte
{
    Word,
    Emoji,
    Exclamation,
    Question,

    /// <summary>Sentence or clause punctuation: it ends a negation scope.</summary>
    Break,
}

/// <summary>A slice of the normalised text; no string is allocated per token.</summary>
internal struct Token
{
    public int Start;
    public int Length;
    public TokenKind Kind;
    public bool Negated;
}
