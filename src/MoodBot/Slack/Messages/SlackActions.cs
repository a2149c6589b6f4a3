namespace MoodBot.Slack.Messages;

/// <summary>The <c>action_id</c>s of MoodBot's buttons. The values carry what the press needs, so nothing is stored.</summary>
internal static class SlackActions
{
    /// <summary>Value: a <see cref="Mood.Reading.ReadingSeed"/>.</summary>
    public const string Another = "mood_another";

    public const string Calmer = "mood_calmer";

    public const string MoreUpbeat = "mood_upbeat";

    /// <summary>Value: <c>mood:trackId</c> (mood ids have no colon; track ids may).</summary>
    public const string ThumbsUp = "track_up";

    public const string ThumbsDown = "track_down";

    /// <summary>No room linked yet: the press creates one for the channel.</summary>
    public const string OpenRoom = "room_open";

    /// <summary>Link buttons: Slack opens the URL and still sends the press, which is acked and ignored.</summary>
    public const string LinkPrefix = "link_";
}
