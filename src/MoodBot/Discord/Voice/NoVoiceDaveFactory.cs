namespace MoodBot.Discord.Voice;

/// <summary>Gives every connection a <see cref="NoVoiceDave"/> until the DAVE session is registered instead.</summary>
internal sealed class NoVoiceDaveFactory : IVoiceDaveFactory
{
    public IVoiceDave Create(string guildId, string channelId, string userId) => new NoVoiceDave();
}
