using MoodBot.Audio.Catalogue;
using MoodBot.Mood;
using MoodBot.State;

namespace MoodBot.Chat;

/// <summary>A thumbs up or down for a track a reply offered, from the page, Discord or Slack.</summary>
internal sealed class TrackFeedback(TrackCatalogue catalogue, ListeningMemory memory)
{
    /// <summary>Records the vote; false when the track is not (any more) in the catalogue or the mood is unknown.</summary>
    /// <param name="track">A <see cref="MoodBot.Mood.Reading.TrackLink.Id"/> from a reply.</param>
    public bool Vote(string track, string mood, bool liked)
    {
        // Catalogue tracks are named by their opaque key; generated soundscapes by their synth:// uri.
        var trackId = catalogue.Find(track)?.Id
            ?? (TrackUri.TryParse(track, "/", out var uri, out _) && uri.Kind == TrackSourceKind.Synth ? uri.Value : null);
        if (trackId is null || !MoodIds.IsKnown(mood))
        {
            return false;
        }

        memory.Vote(trackId, mood, liked);
        return true;
    }
}
