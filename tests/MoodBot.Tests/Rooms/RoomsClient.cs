using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MoodBot.Tests.Web;

namespace MoodBot.Tests.Rooms;

/// <summary>The rooms API as the tests call it, over HTTP to the running bot.</summary>
internal static class RoomsClient
{
    public static async Task<JsonElement> CreateAsync(RunningBot bot, string name, bool isPrivate = false)
    {
        using var response = await SendAsync(bot, HttpMethod.Post, "/api/rooms", $$"""{"name": "{{name}}", "private": {{(isPrivate ? "true" : "false")}}}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("/api/rooms/", response.Headers.Location?.OriginalString);
        return await JsonOf(response);
    }

    public static async Task<JsonElement> StateAsync(RunningBot bot, string slug, string query = "")
    {
        using var response = await bot.Client.GetAsync($"/api/rooms/{slug}{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonOf(response);
    }

    public static async Task<JsonElement> PostMoodAsync(RunningBot bot, string slug, string text, string session = "s1")
    {
        using var response = await SendAsync(bot, HttpMethod.Post, $"/api/rooms/{slug}/mood", JsonSerializer.Serialize(new Dictionary<string, string> { ["text"] = text, ["session"] = session }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonOf(response);
    }

    public static Task<HttpResponseMessage> SkipAsync(RunningBot bot, string slug, long trackId, string session) =>
        SendAsync(bot, HttpMethod.Post, $"/api/rooms/{slug}/skip", $$"""{"track_id": {{trackId}}, "session": "{{session}}"}""");

    public static async Task<HttpResponseMessage> SendAsync(RunningBot bot, HttpMethod method, string path, string? body = null, string? adminToken = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (adminToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        }

        return await bot.Client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task<string> ErrorOf(HttpResponseMessage response) =>
        (await JsonOf(response)).GetProperty("error").GetString()!;
}
