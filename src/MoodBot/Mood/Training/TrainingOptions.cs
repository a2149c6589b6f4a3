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

    // The options below were tried and measured in docs/model.md; their defaults are the plain model.

    /// <summary>Scale each weight by its naive-Bayes log-count ratio (NBSVM).</summary>
    public NbScaling NbScaling { get; init; } = NbScaling.None;

    /// <summary>Smoothing of the log-count ratios.</summary>
    public float NbAlpha { get; init; } = 1f;

    /// <summary>0 is plain regression, 1 is full NB scaling.</summary>
    public float NbInterpolation { get; init; } = 1f;

    /// <summary>Fits with different shuffles whose weights (so logits) are averaged.</summary>
    public int EnsembleSize { get; init; } = 1;

    /// <summary>Share of complement-naive-Bayes scores added to the logits (0: none).</summary>
    public float ComplementNbWeight { get; init; }
}

internal readonly record struct TrainingProgress(string Stage, int Step, int Steps, double Loss);
