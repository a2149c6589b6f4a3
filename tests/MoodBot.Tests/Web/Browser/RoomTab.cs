using System.Text.Json;
using Microsoft.Playwright;

namespace MoodBot.Tests.Web.Browser;

/// <summary>One browser tab on a listening room's page, with what a person does there.</summary>
internal sealed class RoomTab(IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public ILocator Audio => Page.Locator("#audio");

    public ILocator Title => Page.Locator("#track-title");

    public ILocator Name => Page.Locator("#room-name");

    /// <summary>Opens <paramref name="path"/> (<c>/rooms/{slug}</c>, with <c>?token=</c> for a private room) in a fresh browser context.</summary>
    public static async Task<RoomTab> OpenAsync(BrowserFixture browser, string path, int width = 1280, int height = 800) =>
        new(await browser.OpenAsync(path, width, height));

    /// <summary>Posts a mood in the room's box and waits for the answer line.</summary>
    public async Task<string> PostMoodAsync(string text)
    {
        await Page.Locator("#mood-input").FillAsync(text);
        await Page.Locator("#mood-input").PressAsync("Enter");
        await Page.WaitForFunctionAsync(
            "() => { const s = document.getElementById('mood-status').textContent; return s && s !== 'Reading the mood…'; }");
        return (await Page.Locator("#mood-status").TextContentAsync())!;
    }

    /// <summary>Waits until a track plays in the room and returns its queue id.</summary>
    public async Task<string> WaitForTrackAsync(string? other = null, float timeout = 15_000)
    {
        await Page.WaitForFunctionAsync(
            "other => { const id = document.getElementById('now-playing').dataset.track; return id && id !== other; }",
            other ?? "",
            new() { Timeout = timeout });
        return (await Page.Locator("#now-playing").GetAttributeAsync("data-track"))!;
    }

    /// <summary>Presses Join and waits until the audio is playing.</summary>
    public async Task JoinAsync()
    {
        await Page.Locator("#join").ClickAsync();
        await Page.WaitForFunctionAsync(
            "() => { const a = document.getElementById('audio'); return !a.paused && a.currentTime > 0 && a.readyState >= 3; }",
            null,
            new() { Timeout = 30_000 });
    }

    /// <summary>The audio's position, and the wall clock (ms since the epoch) it was read at.</summary>
    public async Task<(double Seconds, double At)> AudioTimeAsync()
    {
        var read = await Page.EvaluateAsync<JsonElement>("() => ({ t: document.getElementById('audio').currentTime, at: Date.now() })");
        return (read.GetProperty("t").GetDouble(), read.GetProperty("at").GetDouble());
    }

    public ValueTask DisposeAsync() => new(Page.Context.CloseAsync());
}
