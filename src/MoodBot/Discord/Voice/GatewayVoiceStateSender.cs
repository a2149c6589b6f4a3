using System.Globalization;
using MoodBot.Discord.Gateway;

namespace MoodBot.Discord.Voice;

/// <summary>Op 4 through the running shard's <see cref="GatewayClient"/>.</summary>
internal sealed class GatewayVoiceStateSender(GatewayHostedService gateway) : IVoiceStateSender
{
    public bool CanReach(string guildId) => Client(guildId) is not null;

    public Task UpdateAsync(string guildId, string? channelId, CancellationToken cancellationToken) =>
        (Client(guildId) ?? throw new VoiceJoinException("MoodBot's gateway connection for this server is not running, so it cannot join voice here."))
            .UpdateVoiceStateAsync(guildId, channelId, selfMute: false, selfDeaf: true, cancellationToken);

    private GatewayClient? Client(string guildId) =>
        ulong.TryParse(guildId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? gateway.ClientForGuild(id) : null;
}
