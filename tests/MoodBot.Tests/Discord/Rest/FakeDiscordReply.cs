namespace MoodBot.Tests.Discord.Rest;

public sealed record FakeDiscordReply(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeDiscordReply RateLimited(double retryAfter, bool global) =>
        new(429, $$"""{"message":"You are being rate limited.","retry_after":{{retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"global":{{(global ? "true" : "false")}}}""",
            new Dictionary<string, string>
            {
                ["Retry-After"] = "1",
                ["X-RateLimit-Scope"] = global ? "global" : "user",
                ["X-RateLimit-Global"] = global ? "true" : "false",
            });
}
