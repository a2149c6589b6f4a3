using System.Text.Json.Serialization;

namespace MoodBot.Discord.Gateway;

internal sealed record HelloData([property: JsonPropertyName("heartbeat_interval"), JsonRequired] int HeartbeatInterval);

internal sealed record ReadyData(
    [property: JsonPropertyName("session_id"), JsonRequired] string SessionId,
    [property: JsonPropertyName("resume_gateway_url")] string? ResumeGatewayUrl);

internal sealed record IdentifyProperties(
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("browser")] string Browser,
    [property: JsonPropertyName("device")] string Device);
