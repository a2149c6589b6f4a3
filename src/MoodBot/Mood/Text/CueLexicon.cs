using MoodBot.Data;

namespace MoodBot.Mood.Text;

/// <summary>
/// Words, phrases and emoji that signal a mood (<c>data/lexicon.csv</c>, written for this project).
/// They let the model recognise a feeling word it never saw in a training sentence.
/// </summary>
internal sealed class CueLexicon
{
    private readonly Dictionary<string, Cue[]> _byFirstToken;
    private readonly Dictionary<string, Cue[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private CueLexicon(Dictionary<string, Cue[]> byFirstToken, IReadOnlyList<(string Cue, int Mood)> entries)
    {
        _byFirstToken = byFirstToken;
        Entries = entries;
        _lookup = byFirstToken.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static CueLexicon Empty { get; } = new(new Dictionary<string, Cue[]>(StringComparer.Ordinal), []);

    /// <summary>The cues as written, so a model can carry the exact lexicon it was trained with.</summary>
    public IReadOnlyList<(string Cue, int Mood)> Entries { get; }

    public int Count => _byFirstToken.Values.Sum(c => c.Length);

    public static CueLexicon Load(string path)
    {
        var table = CsvReader.ReadFile(path);
        var cueColumn = table.RequireColumn("cue");
        var moodColumn = table.RequireColumn("mood_id");
        var entries = new List<(string Cue, int Mood)>();
        foreach (var row in table.Rows)
        {
            var mood = CsvTable.Field(row, moodColumn).Trim();
            var index = MoodIds.IndexOf(mood);
            if (index < 0)
            {
                throw new CsvFormatException(path, row.Line, $"unknown mood id '{mood}'");
            }

            entries.Add((CsvTable.Field(row, cueColumn), index));
        }

        return FromEntries(entries);
    }

    public static CueLexicon FromEntries(IReadOnlyList<(string Cue, int Mood)> entries)
    {
        var analysis = new TextAnalysis();
        var grouped = new Dictionary<string, List<Cue>>(StringComparer.Ordinal);
        foreach (var (text, mood) in entries)
        {
            TextAnalyzer.Analyze(text, analysis);
            var tokens = new List<string>();
            foreach (var token in analysis.Tokens)
            {
                if (token.Kind is TokenKind.Word or TokenKind.Emoji)
                {
                    tokens.Add(analysis.TextOf(token).ToString());
                }
            }

            if (tokens.Count == 0)
            {
                continue;
            }

            if (!grouped.TryGetValue(tokens[0], out var list))
            {
                grouped[tokens[0]] = list = [];
            }

            var cue = new Cue([.. tokens.Skip(1)], mood);
            if (!list.Exists(c => c.Mood == mood && c.Rest.AsSpan().SequenceEqual(cue.Rest)))
            {
                list.Add(cue);
            }
        }

        return new CueLexicon(grouped.ToDictionary(g => g.Key, g => g.Value.ToArray(), StringComparer.Ordinal), entries);
    }

    /// <summary>Adds one to <paramref name="counts"/>[mood] for each cue that starts at token <paramref name="index"/>.</summary>
    public void CountMatches(TextAnalysis analysis, int index, Span<int> counts)
    {
        if (!_lookup.TryGetValue(analysis.TextOf(analysis.Tokens[index]), out var cues))
        {
            return;
        }

        foreach (var cue in cues)
        {
            if (RestMatches(analysis, index, cue.Rest))
            {
                counts[cue.Mood]++;
            }
        }
    }

    private static bool RestMatches(TextAnalysis analysis, int index, string[] rest)
    {
        var tokens = analysis.Tokens;
        for (var k = 0; k < rest.Length; k++)
        {
            var t = index + 1 + k;
            if (t >= tokens.Length || tokens[t].Kind is not (TokenKind.Word or TokenKind.Emoji) ||
                !analysis.TextOf(tokens[t]).SequenceEqual(rest[k]))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Cue(string[] Rest, int Mood);
}
