using System.Text.Json.Serialization;

namespace MoodBot.Discord.Rest;

internal sealed record InteractionResponse(
    [property: JsonPropertyName("type")] InteractionCallbackType Type,
    [property: JsonPropertyName("data")] MessageCreate? Data = null);
