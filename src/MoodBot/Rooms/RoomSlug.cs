using System.Globalization;
using System.Text;

namespace MoodBot.Rooms;

/// <summary>The address part of a room: "Friday Night Café!" becomes "friday-night-cafe".</summary>
internal static class RoomSlug
{
    public const int MaxChars = 40;
    public const string Fallback = "room";

    public static string From(string name)
    {
        // Accents come off (é → e) rather than vanish, so most Latin-script names stay readable.
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(lower);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }

            if (builder.Length >= MaxChars)
            {
                break;
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? Fallback : slug;
    }

    /// <summary>The n-th choice when the slug is taken: "kitchen", "kitchen-2", "kitchen-3"...</summary>
    public static string WithSuffix(string slug, int n) => n <= 1 ? slug : $"{slug}-{n.ToString(CultureInfo.InvariantCulture)}";

    public static bool IsValid(string slug) =>
        slug.Length is > 0 and <= MaxChars + 12 && slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
