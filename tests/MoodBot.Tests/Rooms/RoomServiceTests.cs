using MoodBot.Rooms;

namespace MoodBot.Tests.Rooms;

public sealed class RoomServiceTests : IDisposable
{
    private readonly RoomRig _rig = new();

    [Fact]
    public async Task Get_LateJoiner_HearsTheSameSecondAsEveryoneElse()
    {
        var slug = _rig.Rooms.Create("Kitchen", isPrivate: false).Room.Slug;
        var added = await _rig.Rooms.AddAsync(slug, RoomRig.Reading("calm"), admin: false, CancellationToken.None);
        var first = added.State!.NowPlaying!;
        var second = added.State.Queue[0];
        Assert.Equal(0, first.PositionSeconds);

        _rig.Time.Advance(TimeSpan.FromSeconds(42));
        var at42 = await _rig.StateOf(slug);

        _rig.Time.Advance(TimeSpan.FromSeconds(first.DurationSeconds - 42 + 5));
        var later = await _rig.StateOf(slug);

        Assert.Equal((first.Id, 42.0), (at42.NowPlaying!.Id, at42.NowPlaying.PositionSeconds));
        Assert.Equal((second.Id, 5.0), (later.NowPlaying!.Id, later.NowPlaying.PositionSeconds));
        Assert.Equal(first.StartedAt.AddSeconds(first.DurationSeconds), later.NowPlaying.StartedAt);
    }

    [Fact]
    public async Task Get_NobodyLooksForSeveralTracks_PlaybackStillAdvancedOnTheServerClock()
    {
        var slug = _rig.Rooms.Create("Hall", isPrivate: false).Room.Slug;
        var state = (await _rig.Rooms.AddAsync(slug, RoomRig.Reading("calm"), admin: false, CancellationToken.None)).State!;
        var lengths = new[] { state.NowPlaying!.DurationSeconds, state.Queue[0].DurationSeconds };

        _rig.Time.Advance(TimeSpan.FromSeconds(lengths.Sum() + 7));
        var now = await _rig.StateOf(slug);

        Assert.Equal(state.Queue[1].Id, now.NowPlaying!.Id);
        Assert.Equal(7, now.NowPlaying.PositionSeconds);
    }

    [Fact]
    public async Task Get_QueueRunsOut_AutoplayContinuesInTheRoomsMood()
    {
        using var rig = new RoomRig(tracksPerReply: 1);
        var slug = rig.Rooms.Create("Porch", isPrivate: false).Room.Slug;
        var state = (await rig.Rooms.AddAsync(slug, RoomRig.Reading("happy"), admin: false, CancellationToken.None)).State!;
        var only = state.NowPlaying!;
        Assert.Empty(state.Queue);

        rig.Time.Advance(TimeSpan.FromSeconds(only.DurationSeconds + 3));
        var after = await rig.StateOf(slug);

        Assert.NotEqual(only.Id, after.NowPlaying!.Id);
        Assert.Equal("happy", after.NowPlaying.Mood);
        Assert.Equal(3, after.NowPlaying.PositionSeconds);
        Assert.Equal("happy", after.Mood);
    }

    [Fact]
    public async Task Get_RoomIdleForAWeek_PicksOnceAndLandsInsideATrack()
    {
        var slug = _rig.Rooms.Create("Attic", isPrivate: false).Room.Slug;
        await _rig.Rooms.AddAsync(slug, RoomRig.Reading("calm"), admin: false, CancellationToken.None);

        _rig.Time.Advance(TimeSpan.FromDays(7));
        var state = await _rig.StateOf(slug);
        var again = await _rig.StateOf(slug);

        var playing = state.NowPlaying!;
        Assert.Equal("calm", playing.Mood);
        Assert.InRange(playing.PositionSeconds, 0, playing.DurationSeconds);
        Assert.True(playing.StartedAt <= _rig.Time.GetUtcNow());
        Assert.Equal((playing.Id, playing.PositionSeconds), (again.NowPlaying!.Id, again.NowPlaying.PositionSeconds));
        // The reply's pick and one autoplay batch: a week of catching up is arithmetic, not thousands of picks.
        Assert.Equal(6, _rig.Memory.Recent(RoomService.PickerRoom(slug), 1000).Count);
    }

    [Fact]
    public async Task Add_NewMood_ReplacesAutoplayFillerButNotTheTrackPlaying()
    {
        var slug = _rig.Rooms.Create("Den", isPrivate: false).Room.Slug;
        var first = (await _rig.Rooms.AddAsync(slug, RoomRig.Reading("calm"), admin: false, CancellationToken.None)).State!;
        _rig.Time.Advance(TimeSpan.FromSeconds(first.NowPlaying!.DurationSeconds + first.Queue.Sum(t => t.DurationSeconds) + 1));
        var filler = await _rig.StateOf(slug);

        var happy = (await _rig.Rooms.AddAsync(slug, RoomRig.Reading("happy"), admin: false, CancellationToken.None)).State!;

        Assert.Equal(filler.NowPlaying!.Id, happy.NowPlaying!.Id);
        Assert.All(happy.Queue, track => Assert.Equal("happy", track.Mood));
        Assert.Equal(3, happy.Queue.Count);
    }

    [Fact]
    public async Task Skip_TwentyAtOnceWithTheSameTrackId_SkipsOneTrack()
    {
        var slug = _rig.Rooms.Create("Race", isPrivate: false).Room.Slug;
        var state = (await _rig.Rooms.AddAsync(slug, RoomRig.Reading("calm"), admin: false, CancellationToken.None)).State!;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => _rig.Rooms.SkipAsync(slug, state.NowPlaying!.Id, $"s{i}", admin: false, CancellationToken.None))));
        var after = await _rig.StateOf(slug);

        Assert.Equal(state.Queue[0].Id, after.NowPlaying!.Id);
        Assert.Equal([state.Queue[1].Id], after.Queue.Select(t => t.Id));
        Assert.Equal(0, after.NowPlaying.PositionSeconds);
    }

    [Fact]
    public async Task Skip_MoreThanTwoListeners_TakesAMajorityOfSessions()
    {
        var slug = _rig.Rooms.Create("Vote", isPrivate: false).Room.Slug;
        var playing = (await _rig.Rooms.AddAsync(slug, RoomRig.Reading("calm"), admin: false, CancellationToken.None)).State!.NowPlaying!;
        var listeners = Enumerable.Range(0, 4).Select(_ => _rig.Hub.Listen(slug)).ToList();

        var one = (await _rig.Rooms.SkipAsync(slug, playing.Id, "a", admin: false, CancellationToken.None)).State!;
        var sameAgain = (await _rig.Rooms.SkipAsync(slug, playing.Id, "a", admin: false, CancellationToken.None)).State!;
        var two = (await _rig.Rooms.SkipAsync(slug, playing.Id, "b", admin: false, CancellationToken.None)).State!;
        var three = (await _rig.Rooms.SkipAsync(slug, playing.Id, "c", admin: false, CancellationToken.None)).State!;
        listeners.ForEach(l => l.Dispose());

        Assert.Equal((playing.Id, 1, 3), (one.NowPlaying!.Id, one.NowPlaying.SkipVotes, one.NowPlaying.SkipVotesNeeded));
        Assert.Equal(1, sameAgain.NowPlaying!.SkipVotes);
        Assert.Equal((playing.Id, 2), (two.NowPlaying!.Id, two.NowPlaying.SkipVotes));
        Assert.NotEqual(playing.Id, three.NowPlaying!.Id);
        Assert.Equal(0, three.NowPlaying.SkipVotes);
    }

    [Fact]
    public async Task Add_LockedRoom_RefusesNonAdminsButNotAdmins()
    {
        var slug = _rig.Rooms.Create("Stage", isPrivate: false).Room.Slug;
        await _rig.Rooms.UpdateAsync(slug, null, locked: true, CancellationToken.None);

        var guest = await _rig.Rooms.AddAsync(slug, RoomRig.Reading("calm"), admin: false, CancellationToken.None);
        var admin = await _rig.Rooms.AddAsync(slug, RoomRig.Reading("calm"), admin: true, CancellationToken.None);

        Assert.Equal(RoomOutcome.Locked, guest.Outcome);
        Assert.Equal(RoomOutcome.Done, admin.Outcome);
        Assert.NotNull(admin.State!.NowPlaying);
    }

    [Fact]
    public async Task Add_FullQueue_IsRefused()
    {
        using var rig = new RoomRig(maxQueue: 4);
        var slug = rig.Rooms.Create("Small", isPrivate: false).Room.Slug;
        var first = await rig.Rooms.AddAsync(slug, RoomRig.Reading("calm"), admin: false, CancellationToken.None);
        var second = await rig.Rooms.AddAsync(slug, RoomRig.Reading("calm"), admin: false, CancellationToken.None);
        var third = await rig.Rooms.AddAsync(slug, RoomRig.Reading("calm"), admin: false, CancellationToken.None);

        Assert.Equal((RoomOutcome.Done, 3), (first.Outcome, first.Added.Count));
        Assert.Equal((RoomOutcome.Done, 1), (second.Outcome, second.Added.Count));
        Assert.Equal(RoomOutcome.QueueFull, third.Outcome);
    }

    [Fact]
    public async Task Clear_EmptiesTheQueueAndStopsAutoplay()
    {
        var slug = _rig.Rooms.Create("Quiet", isPrivate: false).Room.Slug;
        await _rig.Rooms.AddAsync(slug, RoomRig.Reading("calm"), admin: false, CancellationToken.None);

        await _rig.Rooms.ClearAsync(slug, CancellationToken.None);
        _rig.Time.Advance(TimeSpan.FromHours(1));
        var state = await _rig.StateOf(slug);

        Assert.Null(state.NowPlaying);
        Assert.Empty(state.Queue);
        Assert.Null(state.Mood);
    }

    [Fact]
    public async Task Change_NotifiesTheHub()
    {
        var slug = _rig.Rooms.Create("Bell", isPrivate: false).Room.Slug;
        var before = _rig.Hub.Version(slug);
        var changed = _rig.Hub.ChangedAfter(slug, before);
        Assert.False(changed.IsCompleted);

        await _rig.Rooms.AddAsync(slug, RoomRig.Reading("calm"), admin: false, CancellationToken.None);

        await changed.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(_rig.Hub.Version(slug) > before);
    }

    [Fact]
    public async Task Unknown_Room_IsNotFound()
    {
        Assert.Null(await _rig.Rooms.GetAsync("nowhere", CancellationToken.None));
        Assert.Equal(RoomOutcome.NotFound, (await _rig.Rooms.SkipAsync("nowhere", 1, "s", admin: false, CancellationToken.None)).Outcome);
        Assert.False(await _rig.Rooms.DeleteAsync("nowhere", CancellationToken.None));
    }

    public void Dispose() => _rig.Dispose();
}
