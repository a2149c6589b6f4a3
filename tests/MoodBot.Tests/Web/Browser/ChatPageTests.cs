using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using MoodBot.State;

namespace MoodBot.Tests.Web.Browser;

[Collection(BrowserGroup.Name)]
public sealed class ChatPageTests(BrowserFixture browser)
{
    private const string Drained = "ugh, this week has completely drained me";
    private const string TiredColour = "rgb(255, 180, 107)"; // #FFB46B in data/moods.json

    [Fact]
    public async Task Enter_ShowsTheMoodCard_AndLightsThePageInTheMoodsColour()
    {
        await using var tab = await ChatTab.OpenAsync(browser);

        var answer = await tab.SayAsync(Drained);

        Assert.Equal("Tired", await answer.Locator(".mood-label").TextContentAsync());
        Assert.Matches(@"^\d{1,3}%$", await answer.Locator(".confidence").TextContentAsync());
        Assert.False(string.IsNullOrWhiteSpace(await answer.Locator(".summary").TextContentAsync()));
        Assert.Contains("bpm", await answer.Locator(".facts").TextContentAsync());
        Assert.Equal(TiredColour, await tab.WaitForGlowOfAsync(answer));
        Assert.Equal("input", await tab.EvalAsync("() => document.activeElement.id"));
        Assert.Equal("polite", await tab.Page.Locator("#transcript").GetAttributeAsync("aria-live"));
    }

    [Fact]
    public async Task Player_PlaysTheFirstTrackFromAnAudioLink()
    {
        await using var tab = await ChatTab.OpenAsync(browser);

        await tab.SayAsync(Drained);
        var src = await tab.Audio.EvaluateAsync<string>("a => a.src");

        Assert.Contains("/audio/", src, StringComparison.Ordinal);
        using (var response = await browser.Bot.Client.GetAsync(new Uri(src).PathAndQuery, HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("audio/ogg", response.Content.Headers.ContentType?.MediaType);
        }

        var canPlay = await tab.Audio.EvaluateAsync<string>("a => a.canPlayType('audio/ogg; codecs=opus')");
        Assert.NotEqual("", canPlay);
        await tab.Page.Locator("#play[aria-label=Pause], #play[aria-label=Play]").WaitForAsync();
        await tab.Audio.EvaluateAsync("a => a.play()");
        await tab.Page.WaitForFunctionAsync("() => document.getElementById('audio').currentTime > 0", null, new() { Timeout = 30_000 });
        Assert.Equal("Pause", await tab.Page.Locator("#play").GetAttributeAsync("aria-label"));
    }

    [Fact]
    public async Task NextAndPrevious_StepThroughTheReadingsTracks()
    {
        await using var tab = await ChatTab.OpenAsync(browser);
        await tab.SayAsync(Drained);
        var first = await tab.Audio.EvaluateAsync<string>("a => a.src");
        var firstTitle = await tab.Page.Locator("#track-title").TextContentAsync();

        await tab.Page.Locator("#next").ClickAsync();
        var second = await tab.Audio.EvaluateAsync<string>("a => a.src");
        var secondTitle = await tab.Page.Locator("#track-title").TextContentAsync();
        Assert.Equal("2 / 3", await tab.Page.Locator("#track-position").TextContentAsync());

        await tab.Page.Locator("#previous").ClickAsync();

        Assert.NotEqual(first, second);
        Assert.NotEqual(firstTitle, secondTitle);
        Assert.Equal(first, await tab.Audio.EvaluateAsync<string>("a => a.src"));
        Assert.Equal("1 / 3", await tab.Page.Locator("#track-position").TextContentAsync());
        Assert.Contains(" · ", await tab.Page.Locator("#track-meta").TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUpButton_RefinesTheLastReading()
    {
        await using var tab = await ChatTab.OpenAsync(browser);
        var first = await tab.SayAsync("i'm so angry, this is completely unfair and i'm fed up");
        var firstTrack = await tab.Audio.EvaluateAsync<string>("a => a.src");

        var calmer = await tab.AnswerOfAsync(() => tab.Page.GetByRole(AriaRole.Button, new() { Name = "Calmer" }).ClickAsync());

        Assert.Equal("calmer", await tab.Page.Locator("#transcript .msg.user .said").Last.TextContentAsync());
        Assert.Equal(2, await tab.Page.Locator("#transcript .card:not(.no-mood)").CountAsync());
        Assert.NotEqual(await first.Locator(".mood-label").TextContentAsync(), await calmer.Locator(".mood-label").TextContentAsync());
        Assert.NotEqual(firstTrack, await tab.Audio.EvaluateAsync<string>("a => a.src"));
        Assert.Equal("input", await tab.EvalAsync("() => document.activeElement.id"));
    }

    [Fact]
    public async Task ThumbsUp_StoresFeedbackForTheTrackAndMood()
    {
        await using var tab = await ChatTab.OpenAsync(browser);
        await tab.SayAsync("feeling so nostalgic looking at old photos from childhood");
        var mood = await tab.LastAnswer.Locator(".card").GetAttributeAsync("data-mood");

        await tab.Page.Locator("#thumbs-up").ClickAsync();
        await tab.Page.Locator("#thumbs-up[aria-pressed=true]").WaitForAsync();

        var votes = browser.Bot.Get<FeedbackStore>().VotesFor(mood!);
        Assert.Equal(1, votes.Values.Sum(v => v.Up));
        Assert.Equal("false", await tab.Page.Locator("#thumbs-down").GetAttributeAsync("aria-pressed"));
        Assert.Contains("Noted", await tab.Page.Locator("#player-status").TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkupInText_IsShownAsTextAndNeverBecomesElements()
    {
        const string Markup = "<img src=x onerror=alert(1)><b>hi</b>";
        await using var tab = await ChatTab.OpenAsync(browser);
        var dialogs = 0;
        tab.Page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        await tab.SayAsync(Markup);
        await AssertShownAsTextAsync(tab.Page, Markup);

        // The history is rebuilt from local storage on reload: the same rule holds there.
        await tab.Page.ReloadAsync();
        await tab.Page.WaitForSelectorAsync("body.ready");
        await AssertShownAsTextAsync(tab.Page, Markup);
        Assert.Equal(Markup, await tab.Page.Locator("#history-list .history-said").First.TextContentAsync());
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task History_SurvivesAReload()
    {
        await using var tab = await ChatTab.OpenAsync(browser);
        await tab.SayAsync("so happy today, everything went great!");
        var session = await tab.EvalAsync("() => localStorage.getItem('moodbot.session')");

        await tab.Page.ReloadAsync();
        await tab.Page.WaitForSelectorAsync("body.ready");

        Assert.Matches("^[A-Za-z0-9_-]{1,64}$", session);
        Assert.Equal(session, await tab.EvalAsync("() => localStorage.getItem('moodbot.session')"));
        Assert.Equal(1, await tab.Page.Locator("#history-list li").CountAsync());
        Assert.Equal("Joyful", await tab.Page.Locator("#history-list .history-mood").TextContentAsync());
        Assert.Equal("Joyful", await tab.LastAnswer.Locator(".mood-label").TextContentAsync());
        Assert.Equal("so happy today, everything went great!", await tab.Page.Locator("#transcript .msg.user .said").TextContentAsync());
        await tab.WaitForGlowOfAsync(tab.LastAnswer);
        Assert.False(await tab.Page.Locator("#player").IsHiddenAsync());
    }

    [Fact]
    public async Task TextWithoutAMood_ShowsTheSummaryWithoutMusic()
    {
        await using var tab = await ChatTab.OpenAsync(browser);

        var answer = await tab.SayAsync("what is the capital of France");

        Assert.Contains("couldn't read a mood", await answer.Locator(".summary").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await answer.Locator(".card-tracks").CountAsync());
        Assert.True(await tab.Page.Locator("#player").IsHiddenAsync());
    }

    [Fact]
    public async Task ApiErrors_AreShownPolitely()
    {
        await using var tab = await ChatTab.OpenAsync(browser);
        var status = 429;
        await tab.Page.RouteAsync("**/api/mood", route => route.FulfillAsync(new()
        {
            Status = status,
            Headers = new Dictionary<string, string> { ["Retry-After"] = "7" },
            ContentType = "application/json",
            Body = status == 429 ? """{"error": "Too many requests; try again in 7 s."}""" : """{"error": "\"text\" has 12,000 characters; the limit is 10,000."}""",
        }));

        var limited = await tab.SayAsync("hello");
        status = 400;
        var refused = await tab.SayAsync("hello again");

        Assert.Contains("try again in 7 seconds", await limited.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("the limit is 10,000", await refused.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await tab.Page.Locator("#transcript .msg.error").CountAsync());
        Assert.False(await tab.Page.Locator("#send").IsDisabledAsync());
    }

    [Fact]
    public async Task Keyboard_ReachesEveryControlByTab()
    {
        await using var tab = await ChatTab.OpenAsync(browser);
        await tab.SayAsync(Drained);

        var reached = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 30; i++)
        {
            await tab.Page.Keyboard.PressAsync("Shift+Tab");
            reached.Add(await tab.EvalAsync("() => document.activeElement.id || document.activeElement.textContent.trim()"));
        }

        Assert.Subset(reached, new HashSet<string>(["Calmer", "Something else", "thumbs-up", "thumbs-down", "next", "play", "previous"], StringComparer.Ordinal));
        await tab.Page.Locator("#input").FocusAsync();
        await tab.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("send", await tab.EvalAsync("() => document.activeElement.id"));
    }

    [Fact]
    public async Task PhoneSizedScreen_HasNoHorizontalScroll()
    {
        await using var tab = await ChatTab.OpenAsync(browser, 390, 844);
        await tab.SayAsync("happy but also kind of nervous about tomorrow's interview, it's a big one");
        await tab.SayAsync("a_very_long_unbroken_wordthatkeepsgoingandgoingandgoingwithoutanyspacesatall_and_more");
        await tab.WaitForGlowOfAsync(tab.Page.Locator("#transcript .card:not(.no-mood)").Last.Locator(".."));

        var overflow = await tab.Page.EvaluateAsync<JsonElement>("""
            () => {
              const width = document.documentElement.clientWidth;
              const outside = [...document.querySelectorAll('body *')].filter(e => {
                if (e.closest('.glow') || e.closest('.history:not(.open)')) return false;
                const r = e.getBoundingClientRect();
                return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5);
              }).map(e => e.tagName + '.' + e.className);
              return { scroll: document.documentElement.scrollWidth - width, outside };
            }
            """);

        Assert.True(overflow.GetProperty("scroll").GetDouble() <= 0, overflow.ToString());
        Assert.Empty(overflow.GetProperty("outside").EnumerateArray());
        await BrowserFixture.SaveScreenshotAsync(tab.Page, "chat-phone.png");

        await tab.Page.Locator("#history-toggle").ClickAsync();
        await tab.Page.Locator("#history.open .history-item").First.WaitForAsync();
        await BrowserFixture.SaveScreenshotAsync(tab.Page, "history-phone.png");
    }

    [Fact]
    public async Task MixedMood_LooksRight_SavesAScreenshotToLookAt()
    {
        await using var tab = await ChatTab.OpenAsync(browser, 1280, 860);
        await tab.SayAsync("so tired, i can barely keep my eyes open");
        var answer = await tab.SayAsync("happy but also kind of nervous about tomorrow's interview, it's a big one");
        await tab.WaitForGlowOfAsync(answer);

        var path = await BrowserFixture.SaveScreenshotAsync(tab.Page, "chat.png");

        Assert.True(new FileInfo(path).Length > 10_000);
    }

    private static async Task AssertShownAsTextAsync(IPage page, string text)
    {
        Assert.Equal(text, await page.Locator("#transcript .msg.user .said").Last.TextContentAsync());
        Assert.Equal(0, await page.Locator("#transcript img, #transcript b, #history img, #history b").CountAsync());
    }
}
