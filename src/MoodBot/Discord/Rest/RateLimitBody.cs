using System.Text.Json.Serialization;

namespace MoodBot.Discord.Rest;

/// <summary>The body of a 429: seconds to wait (a float) and whether the limit is the global one.</summary>
internal sealed record RateLimitBody(
    [property: JsonPropertyName("retry_after")] double RetryAfter,
    [property: JsonPropertyName("global")] bool Global);
