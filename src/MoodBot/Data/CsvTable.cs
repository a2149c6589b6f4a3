namespace MoodBot.Data;

internal sealed record CsvRow(int Line, IReadOnlyList<string> Fields);

/// <summary>A parsed CSV file whose columns are found by header name, so extra columns never matter.</summary>
internal sealed class CsvTable(string source, IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows)
{
    public string Source { get; } = source;

    public IReadOnlyList<string> Header { get; } = header;

    public IReadOnlyList<CsvRow> Rows { get; } = rows;

    public int? FindColumn(string name)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    public int RequireColumn(string name) =>
        FindColumn(name) ?? throw new CsvFormatException(
            Source, 1, $"missing column '{name}' (the header has: {string.Join(", ", Header)})");

    /// <summary>The field of a row, or empty when a short row does not reach that column.</summary>
    public static string Field(CsvRow row, int column) => column < row.Fields.Count ? row.Fields[column] : "";
}
