using System.Text.Json;

namespace MoodBot.Audio.Catalogue;

/// <summary>
/// The line of each track object (and each mood key) in a catalogue file. The deserializer does
/// not keep positions, so one extra reader pass records them for messages people can act on.
/// </summary>
internal sealed class EntryLines
{
    private readonly Dictionary<(string Mood, int Index), int> _lines = [];

    public int Of(string mood, int index) => _lines.GetValueOrDefault((mood, index), 1);

    public static EntryLines Find(ReadOnlySpan<byte> json)
    {
        var result = new EntryLines();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var lineStarts = LineStarts(json);
        string? mood = null;
        var index = -1;
        while (reader.Read())
        {
            // Depth 2 holds the mood keys under "moods"; depth 3 the track objects of the current mood.
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when reader.CurrentDepth == 2:
                    mood = reader.GetString();
                    index = -1;
                    result._lines[(mood!, -1)] = LineOf(lineStarts, reader.TokenStartIndex);
                    break;
                case JsonTokenType.StartObject when reader.CurrentDepth == 3 && mood is not null:
                    result._lines[(mood, ++index)] = LineOf(lineStarts, reader.TokenStartIndex);
                    break;
            }
        }

        return result;
    }

    private static List<long> LineStarts(ReadOnlySpan<byte> json)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static int LineOf(List<long> lineStarts, long offset)
    {
        var i = lineStarts.BinarySearch(offset);
        return (i >= 0 ? i : ~i - 1) + 1;
    }
}
