namespace MoodBot.Lights;

/// <summary>
/// Philips Hue. Bridges are found on the network (mDNS) or named here, and paired with
/// <c>lights pair</c> or the <c>/admin/lights</c> page; their application keys live in the state
/// store, never in this file.
/// </summary>
internal sealed class HueOptions
{
    public const string Section = "Hue";

    /// <summary>A bridge's address (IP or host name) for networks where mDNS does not reach it.</summary>
    public string? BridgeAddress { get; set; }

    /// <summary>A gentle light effect for high-arousal moods, on lights that support effects.</summary>
    public bool Effects { get; set; } = true;
}
