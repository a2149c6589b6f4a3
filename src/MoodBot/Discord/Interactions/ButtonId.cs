using MoodBot.Discord.Rest;
using MoodBot.Mood.Reading;

namespace MoodBot.Discord.Interactions;

/// <summary>
/// What a reply's button asks for, written into its custom id so the button works after a
/// restart with nothing stored: "calmer:calm:0.35:-0.6:0.5:72", "up:calm:synth://calm?seed=2".
/// </summary>
internal sealed record ButtonId(string Action, string Value)
{
    public const string Play = "play";
    public const string Another = "another";
    public const string Calmer = "calmer";
    public const string Upbeat = "upbeat";
    public const string ThumbsUp = "up";
    public const string ThumbsDown = "down";

    public static string For(string action, ReadingSeed seed) => $"{action}:{seed.Format()}";

    /// <summary>A vote button's id, or null when the track's id is too long to fit in one.</summary>
    public static string? Vote(bool liked, string mood, string trackId) =>
        $"{(liked ? ThumbsUp : ThumbsDown)}:{mood}:{trackId}" is { Length: <= MessageComponent.CustomIdMax } id ? id : null;

    public static ButtonId? Parse(string? customId) =>
        customId?.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon
            ? new ButtonId(customId[..colon], customId[(colon + 1)..])
            : null;

    /// <summary>For steering buttons: the reading they were on.</summary>
    public ReadingSeed? Seed => ReadingSeed.Parse(Value);

    /// <summary>For vote buttons: the mood and the track voted on.</summary>
    public (string Mood, string Track)? VoteTarget =>
        Value.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && colon < Value.Length - 1
            ? (Value[..colon], Value[(colon + 1)..])
            : null;
}
