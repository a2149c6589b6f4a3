namespace MoodBot.Mood.Text;

/// <summary>
/// Reusable working memory for one analysis: the folded text and its tokens. One instance per thread
/// keeps interpretation free of per-token allocations.
/// </summary>
internal sealed class TextAnalysis
{
    private char[] _text = new char[256];
    private Token[] _tokens = new Token[64];

    public int Length { get; private set; }

    public int TokenCount { get; private set; }

    public TextCues Cues;

    public ReadOnlySpan<char> Text => _text.AsSpan(0, Length);

    public ReadOnlySpan<Token> Tokens => _tokens.AsSpan(0, TokenCount);

    public ReadOnlySpan<char> TextOf(in Token token) => _text.AsSpan(token.Start, token.Length);

    public void Reset(int capacity)
    {
        if (_text.Length < capacity)
        {
            _text = new char[Math.Max(capacity, _text.Length * 2)];
        }

        Length = 0;
        TokenCount = 0;
        Cues = default;
    }

    public void Append(char c) => _text[Length++] = c;

    public char LastChar => Length > 0 ? _text[Length - 1] : '\0';

    public ref Token AddToken(int start, int length, TokenKind kind)
    {
        if (TokenCount == _tokens.Length)
        {
            Array.Resize(ref _tokens, _tokens.Length * 2);
        }

        ref var token = ref _tokens[TokenCount++];
        token = new Token { Start = start, Length = length, Kind = kind };
        return ref token;
    }

    public ref Token TokenAt(int index) => ref _tokens[index];
}
