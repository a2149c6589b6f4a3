using System.Collections.Concurrent;
using MoodBot.Hosting;

namespace MoodBot.Tests.Hosting;

public sealed class BoundedDictionaryTests
{
    [Fact]
    public void MakeRoomFor_NewKeyInAFullMap_KeepsTheMapWithinCapacity()
    {
        var map = new ConcurrentDictionary<string, int>();
        for (var i = 0; i < 10; i++)
        {
            map.MakeRoomFor($"k{i}", 3);
            map[$"k{i}"] = i;
        }

        Assert.Equal(3, map.Count);
        Assert.Equal(9, map["k9"]);
    }

    [Fact]
    public void MakeRoomFor_KeyAlreadyThere_ForgetsNothing()
    {
        var map = new ConcurrentDictionary<string, int>(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2, ["c"] = 3 });

        map.MakeRoomFor("b", 3);

        Assert.Equal(3, map.Count);
    }
}
