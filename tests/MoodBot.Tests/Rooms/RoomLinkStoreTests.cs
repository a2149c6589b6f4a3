using MoodBot.Rooms;

namespace MoodBot.Tests.Rooms;

public sealed class RoomLinkStoreTests
{
    [Fact]
    public void Link_ATargetBelongsToOneRoom_AndGoesWithIt()
    {
        using var rig = new RoomRig();
        var links = new RoomLinkStore(rig.State);
        var kitchen = rig.Rooms.Create("Kitchen", isPrivate: false).Room.Slug;
        var porch = rig.Rooms.Create("Porch", isPrivate: false).Room.Slug;

        links.Link(kitchen, RoomLinkKind.DiscordVoice, "123");
        links.Link(kitchen, RoomLinkKind.SlackChannel, "C4");
        links.Link(porch, RoomLinkKind.DiscordVoice, "123");

        Assert.Equal(porch, links.RoomOf(RoomLinkKind.DiscordVoice, "123"));
        Assert.Equal([new RoomLink(kitchen, RoomLinkKind.SlackChannel, "C4")], links.LinksOf(kitchen));
        Assert.Throws<ArgumentOutOfRangeException>(() => links.Link(kitchen, "irc", "#x"));
    }

    [Fact]
    public async Task Delete_RemovesTheRoomsLinksAndQueue()
    {
        using var rig = new RoomRig();
        var links = new RoomLinkStore(rig.State);
        var slug = rig.Rooms.Create("Gone", isPrivate: false).Room.Slug;
        links.Link(slug, RoomLinkKind.SlackChannel, "C1");
        await rig.Rooms.AddAsync(slug, RoomRig.Reading("calm"), admin: false, CancellationToken.None);

        Assert.True(await rig.Rooms.DeleteAsync(slug, CancellationToken.None));

        Assert.Null(links.RoomOf(RoomLinkKind.SlackChannel, "C1"));
        Assert.Empty(new RoomStore(rig.State).Queue(slug));
        Assert.Null(await rig.Rooms.GetAsync(slug, CancellationToken.None));
    }
}
