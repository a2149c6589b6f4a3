using MoodBot.Evaluation;

namespace MoodBot.Mood.Training;

/// <summary>
/// Written beside the model by <c>train</c>: what it was trained from and how it scored under
/// cross-validation. A test retrains and compares against these committed figures.
/// </summary>
internal sealed record ModelMetrics
{
    public const string FileName = "metrics.json";

    public required int Seed { get; init; }

    public required int Rows { get; init; }

    public required int NoMoodRows { get; init; }

    public required int LexiconCues { get; init; }

    public required float Temperature { get; init; }

    public required string DataFingerprint { get; init; }

    public required EvalReport CrossValidation { get; init; }
}
