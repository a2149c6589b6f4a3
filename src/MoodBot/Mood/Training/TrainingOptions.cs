using MoodBot.Mood.Text;

namespace MoodBot.Mood.Training;

/// <summary>Hyper-parameters of the embedded model; the defaults are what docs/model.md chose.</summary>
internal sealed record TrainingOptions
{
    public const int DefaultSeed = 20261124;

    public int Seed { get; init; } = DefaultSeed;

    public int Epochs { get; init; } = 16;

    public float LearningRate { get; init; } = 0.1f;

    public float L2 { get; init; } = 1e-3f;

    public int Folds { get; init; } = 5;

    public FeatureSettings Features { get; init; } = new();
}

internal readonly record struct TrainingProgress(string Stage, int Step, int Steps, double Loss);
