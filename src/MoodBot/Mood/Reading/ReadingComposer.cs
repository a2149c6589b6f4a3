using MoodBot.Mood.Text;

namespace MoodBot.Mood.Reading;

/// <summary>
/// Turns the model's probabilities and the text's cues into the soundscape reading: mood and
/// secondary mood, intensity, valence/arousal (the probability-weighted position of the moods),
/// a one-line summary, the music parameters and the light.
/// </summary>
internal sealed class ReadingComposer(MoodCatalog catalog)
{
    /// <summary>At or above this probability of "no mood", the reply says it could not read one.</summary>
    public const float NoMoodThreshold = 0.5f;

    /// <summary>A second mood is named only when it is clearly present, not as a runner-up.</summary>
    public const float SecondaryThreshold = 0.22f;

    public const string NoMoodSummary = "I couldn't read a mood from that. Tell me how you feel, in your own words?";

    private const int MaxAlternatives = 3;
    private const float MinAlternative = 0.03f;

    /// <param name="probabilities">12 mood probabilities in <see cref="MoodIds"/> order, then "no mood".</param>
    public MoodReading Compose(ReadOnlySpan<float> probabilities, in TextCues cues, ReadOnlySpan<char> text, bool truncated, string model)
    {
        Span<float> moods = stackalloc float[MoodIds.Count];
        var noMood = probabilities[MoodIds.Count];
        var rest = Math.Max(1e-6f, 1f - noMood);
        for (var i = 0; i < moods.Length; i++)
        {
            moods[i] = probabilities[i] / rest;
        }

        Span<int> order = stackalloc int[MoodIds.Count];
        RankDescending(moods, order);
        var top = order[0];

        if (noMood >= NoMoodThreshold || (cues.Words == 0 && cues.Emoji == 0))
        {
            return NoMoodReading(moods, order, 1f - noMood, truncated, model);
        }

        var definition = catalog[top];
        var secondary = Secondary(moods, order, cues.NamedMoods);
        var (valence, arousal) = Position(moods);
        var intensity = Intensity(cues);
        return new MoodReading
        {
            Mood = definition.Id,
            SecondaryMood = secondary,
            Confidence = probabilities[top],
            Alternatives = Alternatives(moods, order, skip: 1),
            Intensity = intensity,
            Valence = valence,
            Arousal = arousal,
            Summary = Summary(definition, intensity, text),
            Soundscape = Soundscape(definition, secondary is null ? null : catalog[secondary], intensity, arousal),
            Light = Light(definition, intensity, arousal),
            Model = model,
            Truncated = truncated,
        };
    }

    /// <summary>The canonical reading of a mood: the reference an evaluation compares produced JSON with.</summary>
    public MoodReading Reference(string moodId, string model)
    {
        var definition = catalog[moodId];
        const double intensity = 0.5;
        return new MoodReading
        {
            Mood = definition.Id,
            SecondaryMood = null,
            Confidence = 1,
            Alternatives = [],
            Intensity = intensity,
            Valence = definition.Valence,
            Arousal = definition.Arousal,
            Summary = definition.Summaries.Medium[0],
            Soundscape = Soundscape(definition, null, intensity, definition.Arousal),
            Light = Light(definition, intensity, definition.Arousal),
            Model = model,
        };
    }

    /// <summary>
    /// The last reading moved by a follow-up: the new valence/arousal position picks the nearest
    /// mood, and the music and light follow the position, so "calmer" on a calm reading stays calm
    /// but slower and dimmer.
    /// </summary>
    public MoodReading Steer(MoodReading previous, FollowUp followUp)
    {
        if (previous.Mood is null || followUp == FollowUp.SomethingElse)
        {
            return previous;
        }

        var valence = Math.Round(Math.Clamp(previous.Valence + followUp.Valence, -1, 1), 2);
        var arousal = Math.Round(Math.Clamp(previous.Arousal + followUp.Arousal, -1, 1), 2);
        var definition = catalog.All.MinBy(m => Math.Pow(m.Valence - valence, 2) + Math.Pow(m.Arousal - arousal, 2))!;
        var soundscape = Soundscape(definition, null, previous.Intensity, arousal);
        if (definition.Id == previous.Mood && previous.Soundscape is { } before)
        {
            // Same mood: the tempo moves with the arousal change, within reach of the mood's range.
            var range = definition.Soundscape.TempoBpm;
            var tempo = (int)Math.Round(before.TempoBpm * (1 + (0.3 * (arousal - previous.Arousal))));
            soundscape = soundscape with { TempoBpm = Math.Clamp(tempo, (int)(range[0] * 0.85), (int)(range[1] * 1.15)) };
        }

        return previous with
        {
            Mood = definition.Id,
            SecondaryMood = null,
            Confidence = 1,
            Alternatives = [],
            Valence = valence,
            Arousal = arousal,
            Summary = Summary(definition, previous.Intensity, followUp.Name),
            Soundscape = soundscape,
            Light = Light(definition, previous.Intensity, arousal),
            Tracks = null,
        };
    }

    /// <summary>The reading a button's seed stands for, to steer or re-pick music from after a restart.</summary>
    public MoodReading FromSeed(ReadingSeed seed, string model)
    {
        var definition = catalog[seed.Mood];
        return new MoodReading
        {
            Mood = definition.Id,
            SecondaryMood = null,
            Confidence = 1,
            Alternatives = [],
            Intensity = seed.Intensity,
            Valence = seed.Valence,
            Arousal = seed.Arousal,
            Summary = Summary(definition, seed.Intensity, definition.Id),
            Soundscape = Soundscape(definition, null, seed.Intensity, seed.Arousal) with { TempoBpm = seed.TempoBpm },
            Light = Light(definition, seed.Intensity, seed.Arousal),
            Model = model,
        };
    }

    /// <summary>What a button asks for: the reading its seed stands for, steered.</summary>
    public MoodReading Steer(ReadingSeed seed, FollowUp followUp, string model) => Steer(FromSeed(seed, model), followUp);

    public static MoodReading Empty(string model, bool truncated) => new()
    {
        Mood = null,
        SecondaryMood = null,
        Confidence = 0,
        Alternatives = [],
        Intensity = 0,
        Valence = 0,
        Arousal = 0,
        Summary = NoMoodSummary,
        Soundscape = null,
        Light = null,
        Model = model,
        Truncated = truncated,
    };

    private static MoodReading NoMoodReading(ReadOnlySpan<float> moods, ReadOnlySpan<int> order, float moodMass, bool truncated, string model) =>
        Empty(model, truncated) with
        {
            // The best guesses stay visible (an evaluation scores them), but no mood is claimed.
            Confidence = moods[order[0]] * moodMass,
            Alternatives = Alternatives(moods, order, skip: 0),
        };

    private static void RankDescending(ReadOnlySpan<float> values, Span<int> order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // 12 items: insertion sort, stable, so ties keep the fixed mood order.
        for (var i = 1; i < order.Length; i++)
        {
            var current = order[i];
            var j = i - 1;
            while (j >= 0 && values[order[j]] < values[current])
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = current;
        }
    }

    /// <summary>
    /// A second mood is clearly present when the model gives it a real share, or when the person
    /// named it in so many words ("happy but also kind of nervous"), even if the first one dominates.
    /// </summary>
    private static string? Secondary(ReadOnlySpan<float> moods, ReadOnlySpan<int> order, int namedMoods)
    {
        if (moods[order[1]] >= SecondaryThreshold)
        {
            return MoodIds.All[order[1]];
        }

        for (var k = 1; k < order.Length; k++)
        {
            if ((namedMoods & (1 << order[k])) != 0)
            {
                return MoodIds.All[order[k]];
            }
        }

        return null;
    }

    private static MoodAlternative[] Alternatives(ReadOnlySpan<float> moods, ReadOnlySpan<int> order, int skip)
    {
        var count = 0;
        for (var k = skip; k < order.Length && count < MaxAlternatives && moods[order[k]] >= MinAlternative; k++)
        {
            count++;
        }

        var alternatives = new MoodAlternative[count];
        for (var k = 0; k < count; k++)
        {
            var mood = order[skip + k];
            alternatives[k] = new MoodAlternative(MoodIds.All[mood], moods[mood]);
        }

        return alternatives;
    }

    private (double Valence, double Arousal) Position(ReadOnlySpan<float> moods)
    {
        double valence = 0, arousal = 0;
        for (var i = 0; i < moods.Length; i++)
        {
            valence += moods[i] * catalog[i].Valence;
            arousal += moods[i] * catalog[i].Arousal;
        }

        return (valence, arousal);
    }

    /// <summary>How strongly the feeling is expressed, from intensifiers, "!", CAPS, stretched words and emoji.</summary>
    internal static double Intensity(in TextCues cues)
    {
        var value = 0.45
            + (0.12 * Math.Min(cues.Intensifiers, 3))
            + (0.06 * Math.Min(cues.Exclamations, 4))
            + (cues.ShoutedWords > 0 ? 0.15 : 0) + (cues.ShoutedWords >= 3 ? 0.05 : 0)
            + (0.05 * Math.Min(cues.Elongations, 3))
            + (0.04 * Math.Min(Math.Max(cues.MaxEmojiRun - 1, 0), 3))
            + (0.03 * Math.Min(cues.Emoji, 3))
            + (0.05 * Math.Min(Math.Max(cues.LexiconHits - 1, 0), 2))
            - (0.12 * Math.Min(cues.Downtoners, 2));
        return Math.Round(Math.Clamp(value, 0.05, 1.0), 2);
    }

    private static string Summary(MoodDefinition mood, double intensity, ReadOnlySpan<char> text)
    {
        var lines = intensity switch
        {
            < 0.4 => mood.Summaries.Low,
            < 0.7 => mood.Summaries.Medium,
            _ => mood.Summaries.High,
        };

        // The same text always gets the same line; different texts vary.
        var pick = FeatureHash.Add(FeatureHash.Seed(99), text) % (uint)lines.Length;
        return lines[pick];
    }

    private static Soundscape Soundscape(MoodDefinition mood, MoodDefinition? secondary, double intensity, double arousal)
    {
        var defaults = mood.Soundscape;

        // A stronger calm or tired feeling wants slower music, a stronger energetic one faster.
        var drive = mood.Arousal >= 0 ? intensity : 1 - intensity;
        var tempo = (int)Math.Round(defaults.TempoBpm[0] + ((defaults.TempoBpm[1] - defaults.TempoBpm[0]) * drive));
        var energy = Math.Clamp((arousal + 1) / 2 * (0.6 + (0.4 * drive)), 0, 1);
        IReadOnlyList<string> textures = secondary is null
            ? defaults.Textures[..Math.Min(2, defaults.Textures.Length)]
            : [.. defaults.Textures[..Math.Min(2, defaults.Textures.Length)], secondary.Soundscape.Textures[0]];
        return new Soundscape(tempo, defaults.Key, defaults.Mode, Math.Round(energy, 2), textures, defaults.Genres);
    }

    private static LightScene Light(MoodDefinition mood, double intensity, double arousal)
    {
        var lift = (mood.Arousal >= 0 ? 1 : -1) * 0.1 * (intensity - 0.5);
        var brightness = Math.Clamp(0.15 + (0.8 * (arousal + 1) / 2) + lift, 0.1, 1.0);

        // Calm moods fade slowly, high-energy ones snap.
        var transition = (int)(Math.Round((1750 - (1250 * arousal)) / 100) * 100);
        return new LightScene(mood.Color, Math.Round(brightness, 2), transition);
    }
}
