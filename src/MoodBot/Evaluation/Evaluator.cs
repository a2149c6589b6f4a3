using System.Text.Json;
using MoodBot.Data;
using MoodBot.Mood;
using MoodBot.Mood.Reading;

namespace MoodBot.Evaluation;

/// <summary>Scores readings against labels: accuracy, macro-F1, confusion, emotion consistency, BLEU and ROUGE-L.</summary>
internal sealed class Evaluator(MoodCatalog catalog)
{
    private readonly ReadingComposer _composer = new(catalog);

    /// <summary>The mood a reading stands for; a "no mood" reading is scored by its best guess.</summary>
    public static string? PredictedMood(MoodReading reading) =>
        reading.Mood ?? (reading.Alternatives.Count > 0 ? reading.Alternatives[0].Mood : null);

    /// <summary>
    /// Scores any evaluation CSV: labelled moods (<c>user_text,mood_id[,acceptable]</c>), or
    /// valence and arousal ratings when there is no <c>mood_id</c> column.
    /// </summary>
    public EvalReport Score(CsvTable table, Func<string, MoodReading> read)
    {
        if (table.FindColumn("mood_id") is null && table.FindColumn("valence") is not null)
        {
            var rated = SampleFiles.ReadRated(table);
            return Rated(table.Source, rated, rated.Select(r => read(r.Text)).ToArray());
        }

        var (rows, unknown) = SampleFiles.ReadLabelled(table);
        return Classification(table.Source, rows, rows.Select(r => read(r.Text)).ToArray(), unknown);
    }

    public EvalReport Classification(string source, IReadOnlyList<LabelledText> rows, IReadOnlyList<MoodReading> readings, int unknownMoodRows)
    {
        var moods = MoodIds.Count;
        var confusion = new int[moods][];
        for (var i = 0; i < moods; i++)
        {
            confusion[i] = new int[moods];
        }

        int correct = 0, acceptable = 0, noMood = 0;
        double distance = 0, rouge = 0;
        var hypotheses = new List<string[]>(rows.Count);
        var references = new List<string[]>(rows.Count);
        for (var k = 0; k < rows.Count; k++)
        {
            var row = rows[k];
            var reading = readings[k];
            var predicted = PredictedMood(reading);
            var truth = MoodIds.IndexOf(row.MoodId);
            noMood += reading.HasMood ? 0 : 1;
            if (predicted is not null)
            {
                confusion[truth][MoodIds.IndexOf(predicted)]++;
            }

            correct += predicted == row.MoodId ? 1 : 0;
            acceptable += predicted is not null && row.Acceptable.Contains(predicted) ? 1 : 0;
            var trueMood = catalog[truth];
            distance += Math.Sqrt(Math.Pow(reading.Valence - trueMood.Valence, 2) + Math.Pow(reading.Arousal - trueMood.Arousal, 2));

            var hypothesis = TextSimilarity.Tokenize(ContractJson(reading));
            var reference = TextSimilarity.Tokenize(ContractJson(_composer.Reference(row.MoodId, reading.Model)));
            hypotheses.Add(hypothesis);
            references.Add(reference);
            rouge += TextSimilarity.RougeL(hypothesis, reference);
        }

        var perMood = PerMood(confusion);
        var n = Math.Max(1, rows.Count);
        return new EvalReport
        {
            Source = source,
            Rows = rows.Count,
            UnknownMoodRows = unknownMoodRows,
            Accuracy = (double)correct / n,
            AcceptableAccuracy = (double)acceptable / n,
            MacroF1 = perMood.Where(m => m.Support > 0).Select(m => m.F1).DefaultIfEmpty(0).Average(),
            VaDistance = distance / n,
            Bleu = TextSimilarity.CorpusBleu(hypotheses, references),
            RougeL = rouge / n,
            NoMoodRate = (double)noMood / n,
            PerMood = perMood,
            Confusion = confusion,
        };
    }

    public static EvalReport Rated(string source, IReadOnlyList<RatedText> rows, IReadOnlyList<MoodReading> readings) => new()
    {
        Source = source,
        Rows = rows.Count,
        ValencePearson = Statistics.Pearson(rows.Select(r => r.Valence).ToArray(), readings.Select(r => r.Valence).ToArray()),
        ArousalPearson = Statistics.Pearson(rows.Select(r => r.Arousal).ToArray(), readings.Select(r => r.Arousal).ToArray()),
        NoMoodRate = rows.Count == 0 ? 0 : (double)readings.Count(r => !r.HasMood) / rows.Count,
    };

    /// <summary>The reading as every adapter sees it, without the fields that only describe the run.</summary>
    private static string ContractJson(MoodReading reading) =>
        JsonSerializer.Serialize(reading with { Model = "", Truncated = false, Tracks = null }, ReadingJsonContext.Default.MoodReading);

    private static MoodScores[] PerMood(int[][] confusion)
    {
        var moods = confusion.Length;
        var scores = new MoodScores[moods];
        for (var m = 0; m < moods; m++)
        {
            var truePositive = confusion[m][m];
            var support = confusion[m].Sum();
            var predicted = confusion.Sum(row => row[m]);
            var precision = predicted == 0 ? 0 : (double)truePositive / predicted;
            var recall = support == 0 ? 0 : (double)truePositive / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            scores[m] = new MoodScores(MoodIds.All[m], precision, recall, f1, support);
        }

        return scores;
    }
}
