using MoodBot.Rooms;
using MoodBot.State;
using MoodBot.Tests.State;
using Xunit.Abstractions;

namespace MoodBot.Tests.Rooms;

/// <summary>Rooms, queues and links against every provider this machine has (see <see cref="TestState.Providers"/>).</summary>
[Collection(StateProvidersGroup.Name)]
public sealed class RoomProviderTests(ITestOutputHelper output)
{
    public static TheoryData<string> Providers => TestState.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public void Create_StoresTheRoom_AndASecondWithTheSameSlugIsRefused(string provider)
    {
        using var rig = new RoomRig(provider: provider, output: output);
        var (room, admin, join) = rig.Rooms.Create("Secret", isPrivate: true);
        var store = new RoomStore(rig.State);

        var stored = store.Get(room.Slug)!;

        Assert.Equal(("Secret", true, false), (stored.Name, stored.Private, stored.Locked));
        Assert.True(RoomTokens.Matches(admin, stored.AdminTokenHash));
        Assert.True(RoomTokens.Matches(join, stored.JoinTokenHash));
        Assert.Equal(rig.Time.GetUtcNow(), stored.CreatedAt);
        Assert.False(store.TryCreate(stored));
        Assert.Null(store.Get("nobody"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Add_QueuePlaysOnTheServerClock_AndUpdatesAreKept(string provider)
    {
        using var rig = new RoomRig(provider: provider, output: output);
        var slug = rig.Rooms.Create("Kitchen", isPrivate: false).Room.Slug;
        var added = await rig.Rooms.AddAsync(slug, RoomRig.Reading("calm"), admin: false, CancellationToken.None);
        var first = added.State!.NowPlaying!;
        var second = added.State.Queue[0];

        rig.Time.Advance(TimeSpan.FromSeconds(first.DurationSeconds + 5));
        var later = await rig.StateOf(slug);
        await rig.Rooms.UpdateAsync(slug, "Big kitchen", locked: true, CancellationToken.None);
        var updated = await rig.StateOf(slug);

        Assert.Equal((second.Id, 5.0), (later.NowPlaying!.Id, later.NowPlaying.PositionSeconds));
        Assert.Equal(first.StartedAt.AddSeconds(first.DurationSeconds), later.NowPlaying.StartedAt);
        Assert.Equal(("Big kitchen", true, "calm"), (updated.Name, updated.Locked, updated.Mood));
        Assert.Equal(3, rig.Memory.Recent(RoomService.PickerRoom(slug), 10).Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Clear_EmptiesTheQueueAndStopsAutoplay(string provider)
    {
        using var rig = new RoomRig(provider: provider, output: output);
        var slug = rig.Rooms.Create("Quiet", isPrivate: false).Room.Slug;
        await rig.Rooms.AddAsync(slug, RoomRig.Reading("calm"), admin: false, CancellationToken.None);

        await rig.Rooms.ClearAsync(slug, CancellationToken.None);
        rig.Time.Advance(TimeSpan.FromHours(1));
        var state = await rig.StateOf(slug);

        Assert.Null(state.NowPlaying);
        Assert.Empty(state.Queue);
        Assert.Null(state.Mood);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Links_ATargetBelongsToOneRoom_AndGoesWithTheRoom(string provider)
    {
        using var rig = new RoomRig(provider: provider, output: output);
        var links = new RoomLinkStore(rig.State);
        var kitchen = rig.Rooms.Create("Kitchen", isPrivate: false).Room.Slug;
        var porch = rig.Rooms.Create("Porch", isPrivate: false).Room.Slug;
        links.Link(kitchen, RoomLinkKind.DiscordVoice, "123");
        links.Link(kitchen, RoomLinkKind.SlackChannel, "C4");
        links.Link(porch, RoomLinkKind.DiscordVoice, "123");
        await rig.Rooms.AddAsync(kitchen, RoomRig.Reading("calm"), admin: false, CancellationToken.None);

        Assert.Equal(porch, links.RoomOf(RoomLinkKind.DiscordVoice, "123"));
        Assert.Equal([new RoomLink(kitchen, RoomLinkKind.SlackChannel, "C4")], links.LinksOf(kitchen));
        Assert.True(links.Unlink(RoomLinkKind.DiscordVoice, "123"));
        Assert.False(links.Unlink(RoomLinkKind.DiscordVoice, "123"));

        Assert.True(await rig.Rooms.DeleteAsync(kitchen, CancellationToken.None));

        Assert.Null(links.RoomOf(RoomLinkKind.SlackChannel, "C4"));
        Assert.Empty(new RoomStore(rig.State).Queue(kitchen));
        Assert.Empty(rig.Memory.Recent(RoomService.PickerRoom(kitchen), 10));
        rig.Memory.Dispose();
        Assert.Empty(new PlayHistory(rig.State, rig.Time).Recent(RoomService.PickerRoom(kitchen), 10));
        Assert.Null(await rig.Rooms.GetAsync(kitchen, CancellationToken.None));
        Assert.False(await rig.Rooms.DeleteAsync(kitchen, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Add_TwoInstancesOnOneDatabaseAtOnce_TakeTurnsAndKeepTheQueueWithinItsLimit(string provider)
    {
        using var storage = new TestState(provider, output);
        using var one = new RoomRig(maxQueue: 4, sharing: storage);
        using var two = new RoomRig(maxQueue: 4, sharing: storage);
        var slug = one.Rooms.Create("Shared", isPrivate: false).Room.Slug;

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            (i % 2 == 0 ? one : two).Rooms.AddAsync(slug, RoomRig.Reading("calm"), admin: false, CancellationToken.None))));

        var queue = new RoomStore(one.State).Queue(slug);
        Assert.Equal(4, queue.Count);
        Assert.Equal(4, results.Sum(result => result.Added.Count));
        Assert.Equal(queue.Count, queue.Select(item => item.Id).Distinct().Count());
    }
}
