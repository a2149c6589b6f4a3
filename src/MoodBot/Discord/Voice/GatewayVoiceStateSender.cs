using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MoodBot.Discord.Gateway;

namespace MoodBot.Discord.Voice;

/// <summary>Op 4 through the running shard's <see cref="GatewayClient"/>.</summary>
internal sealed class GatewayVoiceStateSender(IServiceProvider services) : IVoiceStateSender
{
    // Looked up on first use: the gateway service takes the event handlers, and voice's handlers
    // lead back here, so taking it in the constructor would make a dependency cycle.
    private GatewayHostedService Gateway => services.GetRequiredService<GatewayHostedService>();

    public bool CanReach(string guildId) => Client(guildId) is not null;

    public Task UpdateAsync(string guildId, string? channelId, CancellationToken cancellationToken) =>
        (Client(guildId) ?? throw new VoiceJoinException("MoodBot's gateway connection for this server is not running, so it cannot join voice here."))
            .UpdateVoiceStateAsync(guildId, channelId, selfMute: false, selfDeaf: true, cancellationToken);

    private GatewayClient? Client(string guildId) =>
        ulong.TryParse(guildId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? Gateway.ClientForGuild(id) : null;
}
