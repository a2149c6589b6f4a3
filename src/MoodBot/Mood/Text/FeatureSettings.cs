namespace MoodBot.Mood.Text;

/// <summary>
/// What the featuriser produces and how much each group weighs. Saved with the model, so a model is
/// always read with the features it was trained on; the ablations in docs/model.md switch these.
/// </summary>
internal sealed record FeatureSettings
{
    public int Bits { get; init; } = 18;

    public bool Bigrams { get; init; } = true;

    public bool CharNGrams { get; init; } = true;

    public bool Negation { get; init; } = true;

    public bool Lexicon { get; init; } = true;

    /// <summary>Word trigrams within a clause (tried in docs/model.md; off).</summary>
    public bool Trigrams { get; init; }

    /// <summary>Word pairs one word apart within a clause ("not _ happy"; tried, off).</summary>
    public bool SkipBigrams { get; init; }

    /// <summary>The message's first and last word as features of their own (tried, off).</summary>
    public bool Boundaries { get; init; }

    /// <summary>Every clause's first and last word as features of their own (tried, off).</summary>
    public bool ClauseBoundaries { get; init; }

    public float WordWeight { get; init; } = 1.2f;

    public float CharWeight { get; init; } = 0.5f;

    public float LexiconWeight { get; init; } = 0.6f;

    public int Buckets => 1 << Bits;
}
