namespace MoodBot.Mood.Text;

/// <summary>How strongly something is said, counted while the text is analysed; drives intensity.</summary>
internal struct TextCues
{
    public int Words;
    public int Intensifiers;
    public int Downtoners;
    public int Exclamations;
    public int ShoutedWords;
    public int Elongations;
    public int Emoji;
    public int MaxEmojiRun;
    public int LexiconHits;

    /// <summary>Bit i is set when a cue of mood i appears outside a negation: a feeling the person named.</summary>
    public int NamedMoods;
}
