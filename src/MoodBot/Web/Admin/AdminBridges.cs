namespace MoodBot.Web.Admin;

/// <summary><c>GET /api/admin/lights/bridges</c>: the paired bridges, and those on the network that could be.</summary>
internal sealed record AdminBridges(IReadOnlyList<AdminBridge> Paired, IReadOnlyList<AdminCandidate> Candidates);

/// <summary>A paired bridge as the page shows it: never with its application key.</summary>
internal sealed record AdminBridge(string Id, string Address);

/// <summary>An unpaired bridge discovery found, and who said so ("mDNS", "settings").</summary>
internal sealed record AdminCandidate(string Address, string? BridgeId, string Source);
