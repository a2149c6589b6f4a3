using System.Collections.Concurrent;
using MoodBot.Hosting;
using MoodBot.Mood.Reading;

namespace MoodBot.Slack;

/// <summary>
/// The bot's last reading in each channel, so a message that is only a follow-up ("calmer") has
/// something to steer. Memory only and bounded, like the web page's sessions.
/// </summary>
internal sealed class SlackChannels
{
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, MoodReading> _last = new(StringComparer.Ordinal);

    public MoodReading? Last(string channel) => _last.GetValueOrDefault(channel);

    public void Remember(string channel, MoodReading reading)
    {
        _last.MakeRoomFor(channel, Capacity);
        _last[channel] = reading;
    }
}
