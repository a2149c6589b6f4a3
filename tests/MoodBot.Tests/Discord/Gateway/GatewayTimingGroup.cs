namespace MoodBot.Tests.Discord.Gateway;

/// <summary>
/// The gateway tests run real sockets on sub-second heartbeats; sharing the two cores with other
/// test classes made ACKs arrive late enough to look like zombie connections, so they run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GatewayTimingGroup
{
    public const string Name = "Discord gateway timing";
}
