namespace MoodBot.Discord.Voice;

/// <summary>
/// Makes the DAVE side of each voice connection. The seam where the DAVE session (being written in
/// <c>MoodBot.Voice/Dave/Session</c>) plugs in: register another factory in DI.
/// </summary>
internal interface IVoiceDaveFactory
{
    IVoiceDave Create(string guildId, string channelId, string userId);
}
