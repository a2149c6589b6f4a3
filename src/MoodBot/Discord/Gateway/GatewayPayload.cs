using System.Text.Json;
using System.Text.Json.Serialization;

namespace MoodBot.Discord.Gateway;

/// <summary>The envelope of every gateway frame; <c>d</c> stays raw until the opcode says what it is.</summary>
internal sealed record GatewayPayload(
    [property: JsonPropertyName("op"), JsonRequired] int Op,
    [property: JsonPropertyName("d")] JsonElement? D,
    [property: JsonPropertyName("s")] int? S,
    [property: JsonPropertyName("t")] string? T);
