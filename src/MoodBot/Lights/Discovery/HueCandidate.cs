namespace MoodBot.Lights.Discovery;

/// <summary>A bridge that may be paired: where it is, its id when the source told it, and who said so ("mDNS", "settings").</summary>
internal sealed record HueCandidate(Uri Address, string? BridgeId, string Source);
