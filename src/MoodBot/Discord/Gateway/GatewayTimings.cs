namespace MoodBot.Discord.Gateway;

/// <summary>Waits the protocol leaves to the client; tests shorten them.</summary>
internal sealed record GatewayTimings(TimeSpan InvalidSessionMin, TimeSpan InvalidSessionMax)
{
    /// <summary>Discord asks for a random 1-5 s wait after op 9.</summary>
    public static GatewayTimings Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
}
