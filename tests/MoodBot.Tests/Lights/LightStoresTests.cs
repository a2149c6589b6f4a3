using MoodBot.Lights;
using MoodBot.Lights.Bridges;
using MoodBot.Lights.Links;
using MoodBot.State;

namespace MoodBot.Tests.Lights;

public sealed class LightStoresTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("moodbot-lights-").FullName;
    private readonly StateStore _state;

    public LightStoresTests() => _state = new StateStore(_dir);

    [Fact]
    public void Bridges_PairingAgainReplacesAddressAndKey_AndRemovingTakesItsLinks()
    {
        var bridges = new HueBridgeStore(_state);
        var links = new LightLinkStore(_state);
        bridges.Save(new HueBridge("001788fffe6a1b2c", new Uri("https://192.168.1.20/"), "old-key"));
        bridges.Save(new HueBridge("001788fffe6a1b2c", new Uri("https://192.168.1.21/"), "new-key"));
        bridges.Save(new HueBridge("001788fffe000001", new Uri("https://192.168.1.30/"), "other-key"));
        links.Link(LightPlace.Discord("42"), new LightTarget("001788fffe6a1b2c", "room-1", "gl-1", "Living room"));
        links.Link(LightPlace.Discord("42"), new LightTarget("001788fffe000001", "room-9", "gl-9", "Attic"));

        Assert.Equal(new HueBridge("001788fffe6a1b2c", new Uri("https://192.168.1.21/"), "new-key"), bridges.Find("001788fffe6a1b2c"));
        Assert.Equal(2, bridges.All().Count);
        Assert.True(bridges.Remove("001788fffe6a1b2c"));
        Assert.False(bridges.Remove("001788fffe6a1b2c"));
        Assert.Equal([new LightTarget("001788fffe000001", "room-9", "gl-9", "Attic")], links.TargetsOf(LightPlace.Discord("42")));
    }

    [Fact]
    public void Links_APlaceDrivesSeveralRooms_RelinkingRenames_UnlinkOneOrAll()
    {
        var links = new LightLinkStore(_state);
        var place = LightPlace.Slack("C123");
        links.Link(place, new LightTarget("b1", "room-1", "gl-1", "Kitchen"));
        links.Link(place, new LightTarget("b1", "room-2", "gl-2", "Hall"));
        links.Link(place, new LightTarget("b1", "room-1", "gl-1", "Big kitchen"));
        links.Link(LightPlace.Room("porch"), new LightTarget("b1", "room-1", "gl-1", "Kitchen"));

        Assert.Equal(["Big kitchen", "Hall"], links.TargetsOf(place).Select(t => t.Name));
        Assert.True(links.Unlink(place, "b1", "room-2"));
        Assert.False(links.Unlink(place, "b1", "room-2"));
        Assert.Equal(1, links.UnlinkAll(place));
        Assert.Empty(links.TargetsOf(place));
        Assert.Single(links.TargetsOf(LightPlace.Room("porch")));
    }

    [Fact]
    public void Links_AllListsEveryPlace_UnlinkByBridgeLeavesTheSameGroupIdOnAnotherBridge()
    {
        var links = new LightLinkStore(_state);
        var room = LightPlace.Room("porch");
        links.Link(room, new LightTarget("b1", "room-1", "gl-1", "Kitchen"));
        links.Link(room, new LightTarget("b2", "room-1", "gl-7", "Kitchen"));
        links.Link(LightPlace.Discord("42"), new LightTarget("b1", "room-2", "gl-2", "Hall"));

        Assert.Equal(
            [("discord:42", "b1", "room-2"), ("room:porch", "b1", "room-1"), ("room:porch", "b2", "room-1")],
            links.All().Select(l => (l.Place, l.Target.BridgeId, l.Target.GroupId)).Order());
        Assert.True(links.Unlink(room, "b2", "room-1"));
        Assert.False(links.Unlink(room, "b2", "room-1"));
        Assert.Equal([new LightTarget("b1", "room-1", "gl-1", "Kitchen")], links.TargetsOf(room));
    }

    public void Dispose()
    {
        _state.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
