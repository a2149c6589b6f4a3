namespace MoodBot.Evaluation;

/// <summary>How well readings matched labelled data. Figures that do not apply to a file are null.</summary>
internal sealed record EvalReport
{
    public required string Source { get; init; }

    public required int Rows { get; init; }

    public int UnknownMoodRows { get; init; }

    public double? Accuracy { get; init; }

    public double? AcceptableAccuracy { get; init; }

    public double? MacroF1 { get; init; }

    public double? VaDistance { get; init; }

    public double? Bleu { get; init; }

    public double? RougeL { get; init; }

    /// <summary>Share of rows the model declined to read a mood from (its best guess still scores above).</summary>
    public double NoMoodRate { get; init; }

    /// <summary>Share of the moodless examples recognised as such (cross-validation only).</summary>
    public double? NoMoodRecall { get; init; }

    public double? ValencePearson { get; init; }

    public double? ArousalPearson { get; init; }

    public IReadOnlyList<MoodScores>? PerMood { get; init; }

    /// <summary>Rows are true moods, columns predicted, both in the fixed mood order.</summary>
    public IReadOnlyList<int[]>? Confusion { get; init; }
}

internal sealed record MoodScores(string Mood, double Precision, double Recall, double F1, int Support);
