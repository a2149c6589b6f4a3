using System.Net;

namespace MoodBot.Tests.Web.Page;

/// <summary>How the host serves a room's page; what the page does is tested in a browser (Web/Browser).</summary>
public sealed class RoomPageTests
{
    [Theory]
    [InlineData("/rooms/living-room")]
    [InlineData("/rooms/no-such-room?token=whatever")]
    public async Task GetRoom_ServesTheRoomPageWithTheChatPagesHeaders(string path)
    {
        await using var bot = await RunningBot.StartAsync();

        using var page = await bot.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("src=\"/room.js\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
    }
}
