using System.Globalization;
using System.Text.Json;

namespace MoodBot.Mood;

/// <summary>The moods of <c>data/moods.json</c>, checked against the fixed ids and indexed in model order.</summary>
internal sealed class MoodCatalog
{
    private readonly MoodDefinition[] _byIndex;

    public MoodCatalog(IReadOnlyList<MoodDefinition> moods)
    {
        _byIndex = new MoodDefinition[MoodIds.Count];
        foreach (var mood in moods)
        {
            var index = MoodIds.IndexOf(mood.Id);
            if (index < 0)
            {
                throw new InvalidDataException($"moods.json: unknown mood id '{mood.Id}' (the 12 ids are: {string.Join(", ", MoodIds.All)})");
            }

            if (_byIndex[index] is not null)
            {
                throw new InvalidDataException($"moods.json: mood '{mood.Id}' is listed twice");
            }

            Validate(mood);
            _byIndex[index] = mood;
        }

        var missing = MoodIds.All.Where((id, i) => _byIndex[i] is null).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException($"moods.json: missing moods: {string.Join(", ", missing)}");
        }
    }

    public IReadOnlyList<MoodDefinition> All => _byIndex;

    public MoodDefinition this[int index] => _byIndex[index];

    public MoodDefinition this[string id] =>
        MoodIds.IndexOf(id) is var i and >= 0 ? _byIndex[i] : throw new KeyNotFoundException($"unknown mood id '{id}'");

    public static MoodCatalog Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The mood list was not found at {path}.", path);
        }

        using var stream = File.OpenRead(path);
        MoodFile? file;
        try
        {
            file = JsonSerializer.Deserialize(stream, MoodJsonContext.Default.MoodFile);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} line {(ex.LineNumber ?? 0) + 1}: {ex.Message}", ex);
        }

        return new MoodCatalog(file?.Moods ?? throw new InvalidDataException($"{path}: empty file"));
    }

    private static void Validate(MoodDefinition mood)
    {
        var problems = new List<string>();
        if (mood.Valence is < -1 or > 1 || mood.Arousal is < -1 or > 1)
        {
            problems.Add("valence and arousal must lie in [-1, 1]");
        }

        if (mood.Color.Length != 7 || mood.Color[0] != '#' ||
            !int.TryParse(mood.Color.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _))
        {
            problems.Add($"color '{mood.Color}' is not #RRGGBB");
        }

        if (string.IsNullOrWhiteSpace(mood.ColorName))
        {
            problems.Add("color_name must name the colour for status lines");
        }

        var tempo = mood.Soundscape.TempoBpm;
        if (tempo.Length != 2 || tempo[0] < 30 || tempo[1] > 220 || tempo[0] > tempo[1])
        {
            problems.Add("soundscape.tempo_bpm must be [min, max] within 30..220");
        }

        if (mood.Soundscape.Mode is not ("major" or "minor"))
        {
            problems.Add("soundscape.mode must be major or minor");
        }

        if (mood.Summaries.Low.Length == 0 || mood.Summaries.Medium.Length == 0 || mood.Summaries.High.Length == 0)
        {
            problems.Add("summaries need at least one line for low, medium and high");
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"moods.json: mood '{mood.Id}': {string.Join("; ", problems)}");
        }
    }
}
