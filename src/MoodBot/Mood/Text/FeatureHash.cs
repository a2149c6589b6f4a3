namespace MoodBot.Mood.Text;

/// <summary>
/// FNV-1a over UTF-16 code units with a per-feature-kind seed, then a final mix. Stable across
/// processes and runtimes (unlike <see cref="string.GetHashCode()"/>), so a saved model stays valid.
/// </summary>
internal static class FeatureHash
{
    private const uint Prime = 16777619;

    public static uint Seed(uint kind) => 2166136261u ^ (kind * 0x9E3779B9u);

    public static uint Add(uint hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }

    public static uint Add(uint hash, char c) => (hash ^ c) * Prime;

    public static int Bucket(uint hash, int mask)
    {
        hash ^= hash >> 16;
        hash *= 0x7FEB352Du;
        hash ^= hash >> 15;
        hash *= 0x846CA68Bu;
        hash ^= hash >> 16;
        return (int)(hash & (uint)mask);
    }
}
