namespace MoodBot.Lights;

/// <summary>
/// A paired bridge: its id (the 16 hex digits its certificate names), where it is, and the
/// application key it gave us at pairing. The key is left out of <see cref="ToString"/> so that a
/// logged or interpolated bridge never shows it.
/// </summary>
/// <param name="Id">The bridge id in lower case, e.g. 001788fffe6a1b2c.</param>
/// <param name="Address">The bridge's base address, e.g. https://192.168.1.20/.</param>
internal sealed record HueBridge(string Id, Uri Address, string ApplicationKey)
{
    public override string ToString() => $"Hue bridge {Address.Authority}";
}
