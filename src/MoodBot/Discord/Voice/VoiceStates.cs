using System.Collections.Concurrent;

namespace MoodBot.Discord.Voice;

/// <summary>
/// Who is in which voice channel, per guild, from GUILD_CREATE and VOICE_STATE_UPDATE (the
/// GUILD_VOICE_STATES intent): where a <c>/play</c> caller is, and whether the bot's channel still
/// has people in it.
/// </summary>
internal sealed class VoiceStates
{
    private readonly ConcurrentDictionary<string, GuildVoice> _guilds = new(StringComparer.Ordinal);

    /// <summary>The voice channel <paramref name="userId"/> is in, or null.</summary>
    public string? ChannelOf(string guildId, string userId) =>
        _guilds.TryGetValue(guildId, out var guild) ? guild.ChannelOf(userId) : null;

    /// <summary>People (not bots, not <paramref name="selfUserId"/>) in the channel.</summary>
    public int ListenersIn(string guildId, string channelId, string? selfUserId) =>
        _guilds.TryGetValue(guildId, out var guild) ? guild.ListenersIn(channelId, selfUserId) : 0;

    public void Set(string guildId, VoiceStatePayload state) =>
        _guilds.GetOrAdd(guildId, _ => new GuildVoice()).Set(state.UserId, state.ChannelId, state.IsBot);

    /// <summary>GUILD_CREATE: the guild's whole voice picture replaces what was known.</summary>
    public void Replace(string guildId, IEnumerable<VoiceStatePayload> states, IReadOnlySet<string> bots)
    {
        var guild = new GuildVoice();
        foreach (var state in states)
        {
            guild.Set(state.UserId, state.ChannelId, state.IsBot || bots.Contains(state.UserId));
        }

        _guilds[guildId] = guild;
    }

    private sealed class GuildVoice
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, (string Channel, bool Bot)> _members = new(StringComparer.Ordinal);

        public string? ChannelOf(string userId)
        {
            lock (_gate)
            {
                return _members.TryGetValue(userId, out var member) ? member.Channel : null;
            }
        }

        public int ListenersIn(string channelId, string? selfUserId)
        {
            lock (_gate)
            {
                return _members.Count(m => m.Value.Channel == channelId && !m.Value.Bot && m.Key != selfUserId);
            }
        }

        public void Set(string userId, string? channelId, bool bot)
        {
            lock (_gate)
            {
                if (channelId is null)
                {
                    _members.Remove(userId);
                }
                else
                {
                    _members[userId] = (channelId, bot);
                }
            }
        }
    }
}
