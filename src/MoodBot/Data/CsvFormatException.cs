namespace MoodBot.Data;

/// <summary>A CSV file that cannot be read, with the file and line a person should look at.</summary>
internal sealed class CsvFormatException(string source, int line, string problem)
    : Exception(line > 0 ? $"{source} line {line}: {problem}" : $"{source}: {problem}")
{
    public int Line { get; } = line;
}
