namespace MoodBot.Lights.Bridges;

/// <summary>An HTTPS client for one bridge being paired, and the id its certificate gave.</summary>
internal sealed class HueUnpairedConnection(HttpClient http, HueCertificateCheck check) : IDisposable
{
    public HttpClient Http { get; } = http;

    /// <summary>The bridge id from the certificate of the last handshake, once there was one.</summary>
    public string? PresentedId => check.PresentedId;

    public void Dispose() => Http.Dispose();
}
