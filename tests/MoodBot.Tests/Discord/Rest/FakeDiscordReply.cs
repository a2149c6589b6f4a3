namespace MoodBot.Tests.Discord.Rest;

public sealed record FakeDiscordReply(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>A <c>GET /gateway/bot</c> answer shaped like Discord's.</summary>
    public static FakeDiscordReply GatewayBot(string url, int shards = 1, int remaining = 1000, int resetAfterMs = 14_400_000, int maxConcurrency = 1) =>
        new(200, $$$"""{"url":"{{{url}}}","shards":{{{shards}}},"session_start_limit":{"total":1000,"remaining":{{{remaining}}},"reset_after":{{{resetAfterMs}}},"max_concurrency":{{{maxConcurrency}}}}}""");

    public static FakeDiscordReply RateLimited(double retryAfter, bool global) =>
        new(429, $$"""{"message":"You are being rate limited.","retry_after":{{retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"global":{{(global ? "true" : "false")}}}""",
            new Dictionary<string, string>
            {
                ["Retry-After"] = "1",
                ["X-RateLimit-Scope"] = global ? "global" : "user",
                ["X-RateLimit-Global"] = global ? "true" : "false",
            });
}
