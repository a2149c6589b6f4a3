using System.Text.Json.Serialization;

namespace MoodBot.Discord.Gateway;

internal sealed record ResumeData(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("session_id")] string SessionId,
    [property: JsonPropertyName("seq")] int Seq)
{
    // A record prints every property; the token must never reach a log.
    public override string ToString() => $"ResumeData {{ SessionId = {SessionId}, Seq = {Seq} }}";
}
