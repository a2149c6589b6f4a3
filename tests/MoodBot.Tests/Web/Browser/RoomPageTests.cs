using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using static MoodBot.Tests.Rooms.RoomsClient;

namespace MoodBot.Tests.Web.Browser;

[Collection(BrowserGroup.Name)]
public sealed class RoomPageTests(BrowserFixture browser)
{
    private const string Happy = "so happy today, everything went great!";

    // Two clocks read a few milliseconds apart, and audio that moves in decoder-sized steps.
    private const double SameSecond = 1.0;

    [Fact]
    public async Task TwoPages_HearTheSameTrackAtTheSameSecond_AndALateJoinerLandsThere()
    {
        var slug = await NewRoomAsync("Same Second");
        await using var first = await RoomTab.OpenAsync(browser, $"/rooms/{slug}");
        await using var second = await RoomTab.OpenAsync(browser, $"/rooms/{slug}");
        var opened = Stopwatch.StartNew();

        await first.PostMoodAsync(Happy);
        var track = await first.WaitForTrackAsync();
        await second.Page.WaitForFunctionAsync(
            "id => document.getElementById('now-playing').dataset.track === id", track, new() { Timeout = 1_000 });
        Assert.Equal(await first.Title.TextContentAsync(), await second.Title.TextContentAsync());

        await Task.WhenAll(first.JoinAsync(), second.JoinAsync());
        await SettleAsync();
        var server = await ServerPositionAsync(slug);
        var heardFirst = At(await first.AudioTimeAsync(), server.At);
        var heardSecond = At(await second.AudioTimeAsync(), server.At);

        Assert.InRange(heardFirst - heardSecond, -SameSecond, SameSecond);
        Assert.InRange(heardFirst - server.Seconds, -SameSecond, SameSecond);
        Assert.InRange(heardSecond - server.Seconds, -SameSecond, SameSecond);

        await Task.Delay(TimeSpan.FromSeconds(3) - opened.Elapsed is { Ticks: > 0 } wait ? wait : TimeSpan.Zero);
        await using var late = await RoomTab.OpenAsync(browser, $"/rooms/{slug}");
        Assert.Equal(track, await late.WaitForTrackAsync());
        await late.JoinAsync();
        await SettleAsync();
        server = await ServerPositionAsync(slug);
        var heardLate = At(await late.AudioTimeAsync(), server.At);

        Assert.True(server.Seconds > 3, $"the room should be past its third second, at {server.Seconds}");
        Assert.InRange(heardLate - server.Seconds, -SameSecond, SameSecond);
        Assert.InRange(heardLate - At(await first.AudioTimeAsync(), server.At), -SameSecond, SameSecond);
        Assert.Equal("3 listening", await late.Page.Locator("#room-listeners").TextContentAsync());

        // A page that strays (a stall, a sleeping laptop) is put back by the next heartbeat.
        var strayed = await second.Page.EvaluateAsync<double>("() => { const a = document.getElementById('audio'); a.currentTime += 5; return a.currentTime; }");
        server = await ServerPositionAsync(slug);
        Assert.True(strayed > server.Seconds + 3, $"the audio should have jumped ahead of the room: {strayed} against {server.Seconds}");
        await SettleAsync();
        server = await ServerPositionAsync(slug);
        Assert.InRange(At(await second.AudioTimeAsync(), server.At) - server.Seconds, -SameSecond, SameSecond);

        // Stopping is for this page only; joining again lands on the room's second, not where it stopped.
        await first.Page.Locator("#leave").ClickAsync();
        Assert.True(await first.Audio.EvaluateAsync<bool>("a => a.paused"));
        await Task.Delay(2_000);
        await first.JoinAsync();
        await SettleAsync();
        server = await ServerPositionAsync(slug);
        Assert.InRange(At(await first.AudioTimeAsync(), server.At) - server.Seconds, -SameSecond, SameSecond);
    }

    [Fact]
    public async Task Skip_InOnePage_ChangesTheTrackInTheOther()
    {
        var slug = await NewRoomAsync("Skip Room");
        await using var first = await RoomTab.OpenAsync(browser, $"/rooms/{slug}");
        await using var second = await RoomTab.OpenAsync(browser, $"/rooms/{slug}");
        await first.PostMoodAsync(Happy);
        var track = await first.WaitForTrackAsync();
        Assert.Equal(track, await second.WaitForTrackAsync());
        var title = await second.Title.TextContentAsync();

        await first.Page.Locator("#skip").ClickAsync();
        var next = await second.WaitForTrackAsync(track, 5_000);

        Assert.NotEqual(track, next);
        Assert.Equal(next, await first.WaitForTrackAsync(track, 5_000));
        Assert.Equal(await first.Title.TextContentAsync(), await second.Title.TextContentAsync());
        Assert.NotEqual(title, await second.Title.TextContentAsync());
    }

    [Fact]
    public async Task Skip_WithThreeListeners_IsAVoteShownToEveryone()
    {
        var slug = await NewRoomAsync("Vote Room");
        await using var first = await RoomTab.OpenAsync(browser, $"/rooms/{slug}");
        await using var second = await RoomTab.OpenAsync(browser, $"/rooms/{slug}");
        await using var third = await RoomTab.OpenAsync(browser, $"/rooms/{slug}");
        await first.PostMoodAsync(Happy);
        var track = await first.WaitForTrackAsync();
        await third.Page.Locator("#room-listeners", new() { HasText = "3 listening" }).WaitForAsync();

        await first.Page.Locator("#skip").ClickAsync();
        await third.Page.Locator("#skip-votes", new() { HasText = "votes 1/2" }).WaitForAsync();
        Assert.Equal(track, await third.WaitForTrackAsync());
        await second.Page.Locator("#skip").ClickAsync();

        Assert.NotEqual(track, await third.WaitForTrackAsync(track, 5_000));
    }

    [Fact]
    public async Task PrivateRoom_WithoutItsToken_IsNotFound_WithTheJoinLinkOpens()
    {
        var created = await CreateAsync(browser.Bot, "Hidden Den", isPrivate: true);
        var slug = created.GetProperty("slug").GetString()!;
        var joinUrl = created.GetProperty("join_url").GetString()!;

        await using var stranger = await RoomTab.OpenAsync(browser, $"/rooms/{slug}");
        await using var guest = await RoomTab.OpenAsync(browser, joinUrl);

        Assert.True(await stranger.Page.Locator("#room-missing").IsVisibleAsync());
        Assert.True(await stranger.Page.Locator("#room").IsHiddenAsync());
        Assert.True(await guest.Page.Locator("#room").IsVisibleAsync());
        Assert.Equal("Hidden Den", await guest.Name.TextContentAsync());
        Assert.True(await guest.Page.Locator("#room-private").IsVisibleAsync());
        Assert.True(await guest.Page.Locator("#admin").IsHiddenAsync());

        // Every call the guest makes carries the token: a mood from it reaches the room.
        await guest.PostMoodAsync(Happy);
        await guest.WaitForTrackAsync();
    }

    [Fact]
    public async Task RoomStartedFromTheChat_GivesItsMakerAdminControls_ThatOthersSee()
    {
        await using var chat = await ChatTab.OpenAsync(browser);
        await chat.Page.Locator("#new-room-name").FillAsync("Kitchen Disco");
        await chat.Page.Locator("#room-create").ClickAsync();
        // What the test needs is the room's script running (body.ready), not the load event, which
        // the room page's open event stream and media element can hold back on a busy machine.
        try
        {
            await chat.Page.WaitForURLAsync("**/rooms/kitchen-disco*", new() { WaitUntil = WaitUntilState.Commit, Timeout = 45_000 });
        }
        catch (TimeoutException)
        {
            // Say what the chat page showed: an error from the API, or nothing (the request never ended).
            var status = await chat.Page.EvaluateAsync<string?>("document.querySelector('#room-status')?.textContent ?? null");
            Assert.Fail($"never went to the room: at {chat.Page.Url}, room status \"{status}\"");
        }

        await chat.Page.WaitForSelectorAsync("body.ready");
        var admin = new RoomTab(chat.Page);
        await using var guest = await RoomTab.OpenAsync(browser, "/rooms/kitchen-disco");
        Assert.True(await admin.Page.Locator("#admin").IsVisibleAsync());
        Assert.True(await guest.Page.Locator("#admin").IsHiddenAsync());

        await admin.PostMoodAsync("feeling so nostalgic looking at old photos from childhood");
        await guest.WaitForTrackAsync();
        await admin.Page.Locator("#rename-input").FillAsync("Kitchen Lounge");
        await admin.Page.Locator("#rename").ClickAsync();
        await guest.Page.Locator("#room-name", new() { HasText = "Kitchen Lounge" }).WaitForAsync(new() { Timeout = 2_000 });

        await admin.Page.Locator("#lock").ClickAsync();
        await guest.Page.Locator("#room-locked").WaitForAsync();
        Assert.Contains("locked", await guest.PostMoodAsync("calmer"), StringComparison.Ordinal);

        await admin.Page.Locator("#clear").ClickAsync();
        await guest.Page.Locator("#track-title", new() { HasText = "Nothing playing yet" }).WaitForAsync();
        await admin.Page.Locator("#lock").ClickAsync();
        await admin.PostMoodAsync("so happy today, everything went great!");
        await guest.WaitForTrackAsync();
        await admin.Page.Locator("#queue li").First.WaitForAsync();
        await Task.Delay(1_500);
        var path = await BrowserFixture.SaveScreenshotAsync(admin.Page, "room.png");
        Assert.True(new FileInfo(path).Length > 10_000);

        admin.Page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await admin.Page.Locator("#delete").ClickAsync();
        await guest.Page.Locator("#room-closed", new() { HasText = "This room was closed" }).WaitForAsync(new() { Timeout = 5_000 });
        Assert.True(await admin.Page.Locator("#room-closed").IsVisibleAsync());
    }

    [Fact]
    public async Task MarkupInANameOrAMood_IsShownAsText()
    {
        const string Markup = "<img src=x onerror=alert(1)><b>hi</b>";
        var slug = await NewRoomAsync(Markup);
        await using var tab = await RoomTab.OpenAsync(browser, $"/rooms/{slug}");
        var dialogs = 0;
        tab.Page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        await tab.PostMoodAsync($"so happy today {Markup}");

        Assert.Equal(Markup, await tab.Name.TextContentAsync());
        Assert.Equal(0, await tab.Page.Locator("main img, main b").CountAsync());
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task PhoneSizedScreen_HasNoHorizontalScroll()
    {
        var slug = await NewRoomAsync("A rather long room name that has to wrap on a phone screen somehow");
        await using var tab = await RoomTab.OpenAsync(browser, $"/rooms/{slug}", 360, 740);
        await tab.PostMoodAsync(Happy);
        await tab.WaitForTrackAsync();

        var scroll = await tab.Page.EvaluateAsync<double>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

        Assert.True(scroll <= 0, $"scrolls sideways by {scroll} px");
        await BrowserFixture.SaveScreenshotAsync(tab.Page, "room-phone.png");
    }

    private async Task<string> NewRoomAsync(string name) =>
        (await CreateAsync(browser.Bot, name)).GetProperty("slug").GetString()!;

    /// <summary>Long enough for a heartbeat (every second in these tests) to correct a page's drift.</summary>
    private static Task SettleAsync() => Task.Delay(2_500);

    /// <summary>The room's position and the server's clock (ms since the epoch) it holds at.</summary>
    private async Task<(double Seconds, double At)> ServerPositionAsync(string slug)
    {
        var state = await StateAsync(browser.Bot, slug);
        var at = DateTimeOffset.Parse(state.GetProperty("server_time").GetString()!, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        return (state.GetProperty("now_playing").GetProperty("position_s").GetDouble(), at);
    }

    /// <summary>A page's audio position, carried forward (or back) to the moment <paramref name="at"/>.</summary>
    private static double At((double Seconds, double At) heard, double at) => heard.Seconds + ((at - heard.At) / 1000);
}
