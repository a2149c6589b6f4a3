using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MoodBot.Audio.Gcs;
using MoodBot.Mood;

namespace MoodBot.Audio.Catalogue;

/// <summary>Where a track's audio lives, parsed once from a catalogue's <c>uri</c>.</summary>
internal sealed record TrackUri(TrackSourceKind Kind, string Value)
{
    /// <summary>For <see cref="TrackSourceKind.Synth"/>: the mood whose soundscape is rendered.</summary>
    public string? SynthMood { get; init; }

    public int SynthSeed { get; init; }

    public static TrackUri Synth(string mood, int seed) =>
        new(TrackSourceKind.Synth, $"synth://{mood}?seed={seed.ToString(CultureInfo.InvariantCulture)}") { SynthMood = mood, SynthSeed = seed };

    /// <summary>
    /// Parses a catalogue uri; relative paths are resolved against <paramref name="baseDirectory"/>,
    /// the folder of the catalogue that names them.
    /// </summary>
    public static bool TryParse(string text, string baseDirectory, [NotNullWhen(true)] out TrackUri? uri, [NotNullWhen(false)] out string? error)
    {
        uri = null;
        error = null;
        text = text.Trim();
        if (text.Length == 0)
        {
            error = "empty uri";
            return false;
        }

        var scheme = text.IndexOf("://", StringComparison.Ordinal) is var i and > 0 ? text[..i].ToLowerInvariant() : null;
        switch (scheme)
        {
            case "synth":
                return TryParseSynth(text, out uri, out error);
            case "gs":
                if (!GcsUri.TryParse(text, allowEmptyObject: false, out var gcs, out error))
                {
                    return false;
                }

                uri = new TrackUri(TrackSourceKind.Gcs, gcs.ToString());
                return true;
            case "https":
                if (!Uri.TryCreate(text, UriKind.Absolute, out _))
                {
                    error = $"'{text}' is not a valid https address";
                    return false;
                }

                uri = new TrackUri(TrackSourceKind.Https, text);
                return true;
            case "file":
                if (!Uri.TryCreate(text, UriKind.Absolute, out var file) || !file.IsFile)
                {
                    error = $"'{text}' is not a valid file:// address";
                    return false;
                }

                uri = new TrackUri(TrackSourceKind.File, file.LocalPath);
                return true;
            case null:
                uri = new TrackUri(TrackSourceKind.File, Path.GetFullPath(text, baseDirectory));
                return true;
            default:
                // http:// would be blocked as mixed content on an https page, and chat clients warn about it.
                error = $"unsupported scheme '{scheme}://' in '{text}' (use synth://, gs://, https://, file:// or a relative path)";
                return false;
        }
    }

    private static bool TryParseSynth(string text, [NotNullWhen(true)] out TrackUri? uri, [NotNullWhen(false)] out string? error)
    {
        uri = null;
        var rest = text["synth://".Length..];
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        var mood = (query < 0 ? rest : rest[..query]).TrimEnd('/');
        if (MoodIds.IndexOf(mood) < 0)
        {
            error = $"'{text}': unknown mood '{mood}' (the 12 ids are: {string.Join(", ", MoodIds.All)})";
            return false;
        }

        var seed = 0;
        if (query >= 0)
        {
            var parameters = rest[(query + 1)..];
            if (!parameters.StartsWith("seed=", StringComparison.Ordinal) ||
                !int.TryParse(parameters.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out seed))
            {
                error = $"'{text}': expected ?seed=N with N a non-negative whole number";
                return false;
            }
        }

        error = null;
        uri = Synth(mood, seed);
        return true;
    }
}
