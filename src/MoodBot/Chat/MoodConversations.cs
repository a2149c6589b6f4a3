using System.Collections.Concurrent;
using MoodBot.Hosting;
using MoodBot.Mood;
using MoodBot.Mood.Reading;

namespace MoodBot.Chat;

/// <summary>
/// Reads what people say in a conversation (a browser session, a Discord channel, a Slack
/// channel), remembering the last reading so a follow-up ("calmer", "something else") steers it
/// instead of being read as a new feeling. Memory only and bounded: losing it on restart costs a
/// person one retyped sentence, and buttons carry a <see cref="ReadingSeed"/> instead.
/// </summary>
internal sealed class MoodConversations(IMoodInterpreter interpreter, ReadingComposer composer)
{
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, MoodReading> _last = new(StringComparer.Ordinal);

    /// <summary>
    /// The reading for <paramref name="text"/>: a steer of the last one when the text is only a
    /// follow-up. The caller <see cref="Remember"/>s the reply it makes of it, music included.
    /// </summary>
    public async ValueTask<MoodReading> ReadAsync(string conversation, string text, CancellationToken cancellationToken) =>
        FollowUp.Parse(text) is { } followUp && Last(conversation) is { } last
            ? composer.Steer(last, followUp)
            : await interpreter.InterpretAsync(text, cancellationToken).ConfigureAwait(false);

    public MoodReading? Last(string conversation) => _last.GetValueOrDefault(conversation);

    /// <summary>Keeps <paramref name="reading"/> (with the tracks the reply offered) as the conversation's last; a reading without a mood is not kept.</summary>
    public void Remember(string conversation, MoodReading reading)
    {
        if (reading.HasMood)
        {
            _last.MakeRoomFor(conversation, Capacity);
            _last[conversation] = reading;
        }
    }
}
