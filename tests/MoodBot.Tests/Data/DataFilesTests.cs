using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MoodBot.Data;
using MoodBot.Mood;

namespace MoodBot.Tests.Data;

/// <summary>The data in data/ is the seed of the product: its contract and quality are tested like code.</summary>
public sealed partial class DataFilesTests
{
    private const int MinimumRows = 1800;
    private const int MinimumPerMood = 130;
    private const double NearDuplicateSimilarity = 0.85;

    [Fact]
    public void MoodsJson_HasExactlyTheTwelveMoodsOfTheContract()
    {
        var catalog = MoodCatalog.Load(RepoPaths.File("data", "moods.json"));

        Assert.Equal(MoodIds.All, catalog.All.Select(m => m.Id));
    }

    [Fact]
    public void MoodsJson_ValenceAndArousal_MatchMoodsMd()
    {
        var moodsMd = RepoPaths.Shared is { } shared ? Path.Combine(shared, "MOODS.md") : null;
        if (moodsMd is null || !File.Exists(moodsMd))
        {
            Assert.Fail("../shared/MOODS.md is missing: the mood contract cannot be checked");
        }

        var catalog = MoodCatalog.Load(RepoPaths.File("data", "moods.json"));
        var rows = File.ReadLines(moodsMd).Select(l => TableRow().Match(l)).Where(m => m.Success).ToArray();
        Assert.Equal(12, rows.Length);
        foreach (var row in rows)
        {
            var mood = catalog[row.Groups[1].Value];
            Assert.Equal(double.Parse(row.Groups[2].Value, CultureInfo.InvariantCulture), mood.Valence, 3);
            Assert.Equal(double.Parse(row.Groups[3].Value, CultureInfo.InvariantCulture), mood.Arousal, 3);
        }
    }

    [Fact]
    public void MoodsJson_EveryMoodNamesItsColour_AndNoTwoShareAName()
    {
        var catalog = MoodCatalog.Load(RepoPaths.File("data", "moods.json"));

        // Status lines ("lights: Living room -> amber") tell moods apart by these names.
        Assert.All(catalog.All, m => Assert.False(string.IsNullOrWhiteSpace(m.ColorName), m.Id));
        Assert.Equal(catalog.All.Count, catalog.All.Select(m => m.ColorName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void EveryDataFile_UsesOnlyMoodIdsFromMoodsJson()
    {
        var known = MoodCatalog.Load(RepoPaths.File("data", "moods.json")).All.Select(m => m.Id).ToHashSet();
        foreach (var file in Directory.GetFiles(RepoPaths.Data, "*.csv"))
        {
            var table = CsvReader.ReadFile(file);
            if (table.FindColumn("mood_id") is not { } column)
            {
                continue;
            }

            foreach (var row in table.Rows)
            {
                Assert.True(known.Contains(CsvTable.Field(row, column)), $"{Path.GetFileName(file)} line {row.Line}: unknown mood id '{CsvTable.Field(row, column)}'");
            }
        }
    }

    [Fact]
    public void MoodSamples_MeetTheQuotas()
    {
        var (rows, unknown) = SampleFiles.ReadLabelled(CsvReader.ReadFile(RepoPaths.File("data", "mood_samples.csv")));

        Assert.Equal(0, unknown);
        Assert.True(rows.Count >= MinimumRows, $"{rows.Count} rows, want at least {MinimumRows}");
        foreach (var id in MoodIds.All)
        {
            var count = rows.Count(r => r.MoodId == id);
            Assert.True(count >= MinimumPerMood, $"{id}: {count} rows, want at least {MinimumPerMood}");
        }
    }

    [Fact]
    public void MoodSamples_AboutATenthInOtherLanguages_SpreadOverEveryMood()
    {
        var (rows, _) = SampleFiles.ReadLabelled(CsvReader.ReadFile(RepoPaths.File("data", "mood_samples.csv")));
        var guesses = rows.Select(r => (r.MoodId, Language: FunctionWordLanguageGuess.Guess(r.Text))).ToArray();

        var other = guesses.Count(g => g.Language != FunctionWordLanguageGuess.English);
        Assert.True(other >= rows.Count * 0.08, $"{other} of {rows.Count} rows look non-English; want about a tenth");
        foreach (var language in FunctionWordLanguageGuess.OtherLanguages)
        {
            Assert.True(guesses.Count(g => g.Language == language) >= 30, $"fewer than 30 rows look like '{language}'");
        }

        foreach (var mood in MoodIds.All)
        {
            var ofMood = guesses.Where(g => g.MoodId == mood).ToArray();
            var share = (double)ofMood.Count(g => g.Language != FunctionWordLanguageGuess.English) / ofMood.Length;
            Assert.True(share >= 0.06, $"{mood}: only {share:P0} of its rows look non-English");
        }
    }

    [Fact]
    public void LanguageGuess_KnowsChatInEachLanguage()
    {
        Assert.Equal("es", FunctionWordLanguageGuess.Guess("estoy muy cansado hoy, no puedo más"));
        Assert.Equal("de", FunctionWordLanguageGuess.Guess("ich bin heute so müde und habe keine lust"));
        Assert.Equal("en", FunctionWordLanguageGuess.Guess("i'm so tired of this week"));
    }

    [Fact]
    public void MoodSamples_HaveNoEmptyText()
    {
        var (rows, _) = SampleFiles.ReadLabelled(CsvReader.ReadFile(RepoPaths.File("data", "mood_samples.csv")));

        Assert.DoesNotContain(rows, r => string.IsNullOrWhiteSpace(r.Text));
    }

    [Fact]
    public void TrainingTexts_HaveNoNearDuplicates()
    {
        var (moods, _) = SampleFiles.ReadLabelled(CsvReader.ReadFile(RepoPaths.File("data", "mood_samples.csv")));
        var texts = moods.Select(r => (Text: Normalise(r.Text), Where: $"mood_samples.csv line {r.Line}"))
            .Concat(CsvReader.ReadFile(RepoPaths.File("data", "no_mood_samples.csv")).Rows.Select(r => (Text: Normalise(r.Fields[0]), Where: $"no_mood_samples.csv line {r.Line}")))
            .OrderBy(t => t.Text.Length)
            .ToArray();

        var duplicates = new List<string>();
        for (var i = 0; i < texts.Length; i++)
        {
            var a = texts[i].Text;
            for (var j = i + 1; j < texts.Length && texts[j].Text.Length * NearDuplicateSimilarity <= a.Length; j++)
            {
                if (Similarity(a, texts[j].Text) > NearDuplicateSimilarity)
                {
                    duplicates.Add($"{texts[i].Where} ~ {texts[j].Where}: \"{a}\" / \"{texts[j].Text}\"");
                }
            }
        }

        Assert.True(duplicates.Count == 0, "near-duplicates:\n" + string.Join("\n", duplicates.Take(20)));
    }

    [Fact]
    public void Similarity_OfTemplatedRows_IsAboveTheLimit()
    {
        // The guard above must catch the templated rows it exists for.
        Assert.True(Similarity(Normalise("feeling so happy today"), Normalise("feeling so happy today!")) > NearDuplicateSimilarity);
        Assert.True(Similarity(Normalise("i am so tired of this week"), Normalise("i am so tired of this work")) > NearDuplicateSimilarity);
        Assert.True(Similarity(Normalise("just got the job offer!!!"), Normalise("my cat knocked the tree over")) < NearDuplicateSimilarity);
    }

    [Fact]
    public void Lexicon_HasCuesForEveryMood()
    {
        var table = CsvReader.ReadFile(RepoPaths.File("data", "lexicon.csv"));
        var column = table.RequireColumn("mood_id");
        foreach (var id in MoodIds.All)
        {
            Assert.True(table.Rows.Count(r => r.Fields[column] == id) >= 50, $"{id} has fewer than 50 lexicon cues");
        }
    }

    private static string Normalise(string text) =>
        WhiteSpace().Replace(text.Normalize(NormalizationForm.FormKC).ToLowerInvariant(), " ").Trim();

    /// <summary>1 - Levenshtein distance / length of the longer text.</summary>
    private static double Similarity(string a, string b)
    {
        var longest = Math.Max(a.Length, b.Length);
        if (longest == 0)
        {
            return 1;
        }

        var maxDistance = (int)(longest * (1 - NearDuplicateSimilarity));
        return 1 - ((double)BoundedLevenshtein(a, b, maxDistance) / longest);
    }

    private static int BoundedLevenshtein(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"^\|\s*([a-z]+)\s*\|.*\|\s*(-?\d+\.\d+)\s*\|\s*(-?\d+\.\d+)\s*\|\s*$")]
    private static partial Regex TableRow();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
