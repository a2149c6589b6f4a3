using MoodBot.Voice.Gateway;

namespace MoodBot.Discord.Voice;

/// <summary>One joined voice channel: the voice gateway client, its described session and its DAVE side.</summary>
internal sealed class VoiceConnection(string guildId, string channelId, VoiceGatewayClient client, VoiceSession session, IVoiceDave dave) : IAsyncDisposable
{
    public string GuildId { get; } = guildId;

    public string ChannelId { get; } = channelId;

    public VoiceGatewayClient Client { get; } = client;

    public VoiceSession Session { get; } = session;

    public IVoiceDave Dave { get; } = dave;

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        Dave.Dispose();
    }
}
