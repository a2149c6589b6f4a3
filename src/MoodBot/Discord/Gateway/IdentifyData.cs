using System.Text.Json.Serialization;

namespace MoodBot.Discord.Gateway;

internal sealed record IdentifyData(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("properties")] IdentifyProperties Properties,
    [property: JsonPropertyName("intents")] int Intents,
    [property: JsonPropertyName("shard")] int[] Shard)
{
    // A record prints every property; the token must never reach a log.
    public override string ToString() => $"IdentifyData {{ Intents = {Intents}, Shard = [{string.Join(',', Shard)}] }}";
}
