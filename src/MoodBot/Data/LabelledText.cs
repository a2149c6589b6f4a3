namespace MoodBot.Data;

/// <summary>A text and its true mood; <see cref="Acceptable"/> lists the moods a careful reader would also accept.</summary>
internal sealed record LabelledText(string Text, string MoodId, IReadOnlyList<string> Acceptable, int Line);

/// <summary>A text with labelled valence and arousal in [-1, 1] (EmoBank style).</summary>
internal sealed record RatedText(string Text, double Valence, double Arousal, int Line);
