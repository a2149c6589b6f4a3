using MoodBot.Mood;

namespace MoodBot.Data;

/// <summary>Reads the project's data files and evaluation CSVs, finding columns by their header names.</summary>
internal static class SampleFiles
{
    public const string MoodSamples = "mood_samples.csv";
    public const string NoMoodSamples = "no_mood_samples.csv";
    public const string Lexicon = "lexicon.csv";
    public const string Moods = "moods.json";

    /// <summary>A labelled file: rows with an unknown mood id are counted, not fatal.</summary>
    public static (IReadOnlyList<LabelledText> Rows, int UnknownMood) ReadLabelled(CsvTable table)
    {
        var textColumn = table.RequireColumn("user_text");
        var moodColumn = table.RequireColumn("mood_id");
        var acceptableColumn = table.FindColumn("acceptable");
        var rows = new List<LabelledText>(table.Rows.Count);
        var unknown = 0;
        foreach (var row in table.Rows)
        {
            var mood = CsvTable.Field(row, moodColumn).Trim();
            if (!MoodIds.IsKnown(mood))
            {
                unknown++;
                continue;
            }

            string[] acceptable = acceptableColumn is { } a
                ? CsvTable.Field(row, a).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [mood];
            rows.Add(new LabelledText(CsvTable.Field(row, textColumn), mood, acceptable.Length > 0 ? acceptable : [mood], row.Line));
        }

        return (rows, unknown);
    }

    public static IReadOnlyList<RatedText> ReadRated(CsvTable table)
    {
        var textColumn = table.RequireColumn("user_text");
        var valenceColumn = table.RequireColumn("valence");
        var arousalColumn = table.RequireColumn("arousal");
        return table.Rows.Select(row => new RatedText(
            CsvTable.Field(row, textColumn),
            ParseUnit(table, row, valenceColumn, "valence"),
            ParseUnit(table, row, arousalColumn, "arousal"),
            row.Line)).ToArray();
    }

    public static IReadOnlyList<string> ReadTexts(CsvTable table)
    {
        var textColumn = table.RequireColumn("user_text");
        return table.Rows.Select(row => CsvTable.Field(row, textColumn)).ToArray();
    }

    private static double ParseUnit(CsvTable table, CsvRow row, int column, string name)
    {
        var raw = CsvTable.Field(row, column);
        if (!double.TryParse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ||
            value is < -1 or > 1)
        {
            throw new CsvFormatException(table.Source, row.Line, $"{name} '{raw}' is not a number in [-1, 1]");
        }

        return value;
    }
}
