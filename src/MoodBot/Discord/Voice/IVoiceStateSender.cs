namespace MoodBot.Discord.Voice;

/// <summary>Sends op 4 (voice state update) on the shard that carries the guild.</summary>
internal interface IVoiceStateSender
{
    /// <summary>False when no gateway session of this process carries the guild (HTTP interactions alone, or another process's shard).</summary>
    bool CanReach(string guildId);

    /// <summary>Joins or moves to <paramref name="channelId"/>, or leaves voice with null. Self-deafened: the bot never listens.</summary>
    Task UpdateAsync(string guildId, string? channelId, CancellationToken cancellationToken);
}
