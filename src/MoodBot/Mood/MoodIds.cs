namespace MoodBot.Mood;

/// <summary>The fixed contract of MOODS.md: ids never change, and their order is the model's class order.</summary>
internal static class MoodIds
{
    public static readonly IReadOnlyList<string> All =
    [
        "joyful", "energetic", "confident", "romantic", "hopeful", "calm",
        "focused", "nostalgic", "sad", "anxious", "angry", "tired",
    ];

    public static int Count => All.Count;

    public static bool IsKnown(string id) => IndexOf(id) >= 0;

    public static int IndexOf(string id)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
