namespace MoodBot.Lights;

/// <summary>
/// Where a bridge is and the application key it gave us at pairing. The key is left out of
/// <see cref="ToString"/> so that a logged or interpolated bridge never shows it.
/// </summary>
/// <param name="Address">The bridge's base address, e.g. https://192.168.1.20/.</param>
internal sealed record HueBridge(Uri Address, string ApplicationKey)
{
    public override string ToString() => $"Hue bridge {Address.Authority}";
}
