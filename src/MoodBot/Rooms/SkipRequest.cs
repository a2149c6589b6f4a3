namespace MoodBot.Rooms;

/// <param name="TrackId">The <c>now_playing.id</c> the caller saw: when it already changed, the skip does nothing.</param>
/// <param name="Session">The browser's id: one vote per session and track.</param>
internal sealed record SkipRequest(long? TrackId, string? Session);
