namespace MoodBot.Web.Admin;

/// <summary>Where a pairing started from <c>/admin/lights</c> is: <c>GET /api/admin/lights/pair</c>.</summary>
/// <param name="State">"checking" (is it a Hue bridge?), "waiting" (for the link button), "paired" or "failed".</param>
/// <param name="BridgeId">Known once the bridge's certificate has been seen.</param>
/// <param name="SecondsLeft">While waiting: how long the bridge will still be asked.</param>
/// <param name="Error">When failed: one line saying why, and what to do.</param>
internal sealed record PairingStatus(string Id, string State, string Address, string? BridgeId, int Attempt, int? SecondsLeft, string? Error)
{
    public const string Checking = "checking";
    public const string Waiting = "waiting";
    public const string Paired = "paired";
    public const string Failed = "failed";

    public bool Running => State is Checking or Waiting;
}
