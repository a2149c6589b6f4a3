using System.Collections.Frozen;

namespace MoodBot.Mood.Text;

/// <summary>Looks a token's span up in a frozen set without allocating a string for it.</summary>
internal readonly struct FrozenLookup(FrozenSet<string> set)
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();

    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);
}
