using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using MoodBot.Hosting;
using MoodBot.Mood.Reading;

namespace MoodBot.Web.Api;

/// <summary>
/// The last reading of each browser session, so a follow-up ("calmer") has something to steer.
/// Memory only and bounded: losing it on restart costs a person one retyped sentence.
/// </summary>
internal sealed partial class WebSessions
{
    public const int Capacity = 10_000;
    public const string Anonymous = "anonymous";

    private readonly ConcurrentDictionary<string, MoodReading> _last = new(StringComparer.Ordinal);

    /// <summary>A session id as the page makes it (letters, digits, '-', '_'; at most 64), or null when it is not one.</summary>
    public static string? Normalise(string? session) =>
        session is null ? Anonymous : SessionId().IsMatch(session) ? session : null;

    public MoodReading? Last(string session) => _last.GetValueOrDefault(session);

    public void Remember(string session, MoodReading reading)
    {
        _last.MakeRoomFor(session, Capacity);
        _last[session] = reading;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SessionId();
}
