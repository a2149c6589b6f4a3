using System.Globalization;
using MoodBot.Mood;

namespace MoodBot.Evaluation;

/// <summary>The human-readable evaluation report: headline figures, per-mood scores, confusion matrix.</summary>
internal static class EvalReportWriter
{
    public static void Write(EvalReport report, TextWriter writer)
    {
        writer.WriteLine($"Evaluation: {report.Source}");
        writer.WriteLine($"  rows                 {report.Rows}" + (report.UnknownMoodRows > 0 ? $" ({report.UnknownMoodRows} with an unknown mood id skipped)" : ""));
        Line(writer, "accuracy", report.Accuracy);
        Line(writer, "acceptable accuracy", report.AcceptableAccuracy);
        Line(writer, "macro-F1", report.MacroF1);
        Line(writer, "valence/arousal dist", report.VaDistance);
        Line(writer, "BLEU", report.Bleu);
        Line(writer, "ROUGE-L", report.RougeL);
        Line(writer, "valence Pearson r", report.ValencePearson);
        Line(writer, "arousal Pearson r", report.ArousalPearson);
        Line(writer, "no-mood rate", report.NoMoodRate);
        Line(writer, "moodless recognised", report.NoMoodRecall);

        if (report.PerMood is { } perMood)
        {
            writer.WriteLine();
            writer.WriteLine("  mood        precision  recall     F1  support");
            foreach (var m in perMood.Where(m => m.Support > 0 || m.Precision > 0))
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {m.Mood,-10} {m.Precision,10:0.000} {m.Recall,7:0.000} {m.F1,6:0.000} {m.Support,8}"));
            }
        }

        if (report.Confusion is { } confusion)
        {
            writer.WriteLine();
            writer.WriteLine("  confusion (rows: true mood, columns: predicted)");
            writer.WriteLine("             " + string.Concat(MoodIds.All.Select(id => $"{id[..Math.Min(4, id.Length)],5}")));
            for (var i = 0; i < confusion.Count; i++)
            {
                if (confusion[i].Sum() > 0)
                {
                    writer.WriteLine($"  {MoodIds.All[i],-10} " + string.Concat(confusion[i].Select(c => $"{c,5}")));
                }
            }
        }
    }

    private static void Line(TextWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-20} {v:0.000}"));
        }
    }
}
