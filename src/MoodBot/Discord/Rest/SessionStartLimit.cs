using System.Text.Json.Serialization;

namespace MoodBot.Discord.Rest;

/// <summary>
/// How many Identifies the bot has left (<see cref="Remaining"/> of <see cref="Total"/>, usually
/// 1000 a day) until <see cref="ResetAfter"/> ms from now, and how many may start per 5 s.
/// Going over the daily total resets the bot's token, so this is waited on, never guessed.
/// </summary>
internal sealed record SessionStartLimit(
    [property: JsonPropertyName("total"), JsonRequired] int Total,
    [property: JsonPropertyName("remaining"), JsonRequired] int Remaining,
    [property: JsonPropertyName("reset_after"), JsonRequired] int ResetAfter,
    [property: JsonPropertyName("max_concurrency"), JsonRequired] int MaxConcurrency);
