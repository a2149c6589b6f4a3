using System.Text.Json;
using System.Text.Json.Serialization;

namespace MoodBot.Discord.Rest;

/// <summary>Discord's JSON error: a numeric code, a message and, for form errors, a nested <c>errors</c> tree.</summary>
internal sealed record DiscordErrorBody(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("errors")] JsonElement? Errors);
