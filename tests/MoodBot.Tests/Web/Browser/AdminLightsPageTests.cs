using Microsoft.Playwright;
using MoodBot.Lights.Bridges;
using MoodBot.Tests.Lights;

namespace MoodBot.Tests.Web.Browser;

/// <summary>The /admin/lights page in Chromium, pairing with a loopback fake bridge.</summary>
[Collection(BrowserGroup.Name)]
public sealed class AdminLightsPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Pair_ByAddress_ShowsTheBridgeAndItsRooms_WithoutTheKey()
    {
        await using var hue = await FakeHueBridge.StartAsync();
        hue.LinkButtonPressedAfter = 1;
        var page = await browser.OpenAsync("/admin/lights");
        try
        {
            await page.Locator("#pair-address").FillAsync(hue.Address.Authority);
            await page.Locator("#pair").ClickAsync();

            await Assertions.Expect(page.Locator("#pair-status")).ToContainTextAsync("Paired with bridge " + FakeHueBridge.BridgeId, new() { Timeout = 20_000 });
            await Assertions.Expect(page.Locator("#paired")).ToContainTextAsync(FakeHueBridge.BridgeId);
            await Assertions.Expect(page.Locator("#groups")).ToContainTextAsync("Office");
            Assert.DoesNotContain(FakeHueBridge.PairedKey, await page.ContentAsync(), StringComparison.Ordinal);
        }
        finally
        {
            // The bot is shared by the browser tests: leave it without a bridge, as it started.
            browser.Bot.Get<HueBridgeStore>().Remove(FakeHueBridge.BridgeId);
            await page.Context.CloseAsync();
        }
    }
}
