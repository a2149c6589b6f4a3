namespace MoodBot.Lights.Pairing;

/// <summary>
/// Pairing is waiting for the link button: the bridge (its id, from its certificate), how many times
/// it has been asked, and how long it will still be asked.
/// </summary>
internal sealed record HuePairingProgress(string BridgeId, Uri Address, int Attempt, TimeSpan Remaining);
