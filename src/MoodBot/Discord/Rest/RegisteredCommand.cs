using System.Text.Json.Serialization;

namespace MoodBot.Discord.Rest;

/// <summary>A command as Discord returns it after registration.</summary>
internal sealed record RegisteredCommand(
    [property: JsonPropertyName("id"), JsonRequired] string Id,
    [property: JsonPropertyName("name"), JsonRequired] string Name);
