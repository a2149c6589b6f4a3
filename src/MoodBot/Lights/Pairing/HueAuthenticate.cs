using System.Text.Json.Serialization;

namespace MoodBot.Lights.Pairing;

/// <summary>The body of <c>POST /api</c>, which asks a bridge for an application key (OpenHue src/auth/auth.yaml).</summary>
internal sealed record HueAuthenticateRequest(
    [property: JsonPropertyName("devicetype")] string DeviceType,
    [property: JsonPropertyName("generateclientkey")] bool GenerateClientKey);

/// <summary>One item of the answer to <c>POST /api</c>: a key, or an error (type 101: link button not pressed).</summary>
internal sealed record HueAuthenticateAnswer(
    [property: JsonPropertyName("success")] HueAuthenticateSuccess? Success,
    [property: JsonPropertyName("error")] HueApiError? Error);

/// <summary>
/// The application key (<c>username</c>). The <c>clientkey</c> (the Entertainment API's PSK) is
/// asked for, as Hue advises every app to, but not kept: MoodBot does not stream.
/// </summary>
internal sealed record HueAuthenticateSuccess([property: JsonPropertyName("username")] string? Username)
{
    // Records print their properties; this one must never print the key.
    public override string ToString() => nameof(HueAuthenticateSuccess);
}

/// <summary>A v1 API error, as <c>POST /api</c> gives them.</summary>
internal sealed record HueApiError(
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("description")] string? Description)
{
    public const int LinkButtonNotPressed = 101;
}

/// <summary>What <c>GET /api/0/config</c> says without a key: enough to know it is a Hue bridge, and which.</summary>
internal sealed record HueBridgeConfig(
    [property: JsonPropertyName("bridgeid")] string? BridgeId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("modelid")] string? ModelId);
