using System.Globalization;
using System.Text;

namespace MoodBot.Mood.Text;

/// <summary>
/// Lower-cases and strips accents, because people type "cansado", "fatigue" and "mude" as often as
/// "cansádo", "fatigué" and "müde", and the model should see one word.
/// </summary>
internal static class CharFolding
{
    private const int TableSize = 0x250;
    private static readonly char[] Table = BuildTable();

    public static char Fold(char c)
    {
        if (c < TableSize)
        {
            return Table[c];
        }

        return c switch
        {
            '\u2019' or '\u2018' or '\u02BC' or '`' => '\'',
            _ => char.ToLowerInvariant(c),
        };
    }

    private static char[] BuildTable()
    {
        var table = new char[TableSize];
        for (var i = 0; i < TableSize; i++)
        {
            var c = char.ToLowerInvariant((char)i);
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var baseChar = decomposed.Length > 0 ? decomposed[0] : c;
            table[i] = decomposed.Length > 1 && CharUnicodeInfo.GetUnicodeCategory(decomposed[1]) == UnicodeCategory.NonSpacingMark
                ? baseChar
                : c;
        }

        table['`'] = '\'';
        return table;
    }
}
