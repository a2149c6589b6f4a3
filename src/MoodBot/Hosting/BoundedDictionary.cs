using System.Collections.Concurrent;

namespace MoodBot.Hosting;

internal static class BoundedDictionary
{
    /// <summary>
    /// Keeps a per-visitor memory from growing without end: before <paramref name="key"/> joins a
    /// full map, arbitrary entries are forgotten. Callers keep only what can be lost or reloaded.
    /// </summary>
    public static void MakeRoomFor<TValue>(this ConcurrentDictionary<string, TValue> map, string key, int capacity)
    {
        if (map.Count >= capacity && !map.ContainsKey(key))
        {
            foreach (var old in map.Keys.Take(map.Count - capacity + 1))
            {
                map.TryRemove(old, out _);
            }
        }
    }
}
