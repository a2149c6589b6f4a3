namespace MoodBot.Voice.Gateway;

/// <summary>Tunables of <see cref="VoiceGatewayClient"/>.</summary>
public sealed record VoiceGatewayOptions
{
    /// <summary>The highest DAVE version Identify offers; 1 is the only one, and Discord closes with 4017 without it.</summary>
    public int MaxDaveProtocolVersion { get; init; } = 1;

    /// <summary>How long to wait for the IP discovery response.</summary>
    public TimeSpan IpDiscoveryTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Resumes tried in a row without a Resumed before giving up.</summary>
    public int MaxResumeAttempts { get; init; } = 5;
}
