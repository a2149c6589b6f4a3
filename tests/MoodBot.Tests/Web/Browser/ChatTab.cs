using Microsoft.Playwright;

namespace MoodBot.Tests.Web.Browser;

/// <summary>One browser tab on the chat page, with what a person does there.</summary>
internal sealed class ChatTab(IPage page) : IAsyncDisposable
{
    private const string Answers = "#transcript .msg.bot:not(.intro):not(.pending)";

    public IPage Page { get; } = page;

    public ILocator Audio => Page.Locator("#audio");

    public ILocator LastAnswer => Page.Locator(Answers).Last;

    public static async Task<ChatTab> OpenAsync(BrowserFixture browser, int width = 1280, int height = 800) =>
        new(await browser.OpenChatAsync(width, height));

    /// <summary>Types into the message box, presses Enter and waits for the answer.</summary>
    public async Task<ILocator> SayAsync(string text)
    {
        await Page.Locator("#input").FillAsync(text);
        return await AnswerOfAsync(() => Page.Locator("#input").PressAsync("Enter"));
    }

    /// <summary>Does <paramref name="action"/> and waits for the answer it brings.</summary>
    public async Task<ILocator> AnswerOfAsync(Func<Task> action)
    {
        var before = await Page.Locator(Answers).CountAsync();
        await action();
        await Page.WaitForFunctionAsync(
            "([selector, count]) => document.querySelectorAll(selector).length > count", new object[] { Answers, before });
        return Page.Locator(Answers).Nth(before);
    }

    public Task<string> EvalAsync(string expression) => Page.EvaluateAsync<string>(expression);

    /// <summary>Waits until the page's light has faded to the colour of <paramref name="answer"/>'s swatch.</summary>
    public async Task<string> WaitForGlowOfAsync(ILocator answer)
    {
        var swatch = await answer.Locator(".swatch").EvaluateAsync<string>("s => getComputedStyle(s).backgroundColor");
        await Page.WaitForFunctionAsync(
            "c => getComputedStyle(document.documentElement).getPropertyValue('--mood-color').trim() === c", swatch);
        return swatch;
    }

    public ValueTask DisposeAsync() => new(Page.Context.CloseAsync());
}
