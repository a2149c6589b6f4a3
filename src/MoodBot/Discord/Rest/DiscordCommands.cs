namespace MoodBot.Discord.Rest;

/// <summary>The slash commands MoodBot registers, in one bulk overwrite.</summary>
internal static class DiscordCommands
{
    /// <summary>Long enough for a sentence about one's day, short enough for the mood model.</summary>
    public const int MoodTextMaxLength = 300;

    /// <summary>Hue names are at most 32 characters; a "bridge id/group id" key (for rooms that share a name) is 53.</summary>
    public const int LightNameMaxLength = 64;

    public static IReadOnlyList<ApplicationCommand> All { get; } =
    [
        Command("mood", "Tell MoodBot how you feel and it picks the music and lights",
            Option(ApplicationCommandOptionType.String, "text", "How you feel, in your own words") with
            {
                Required = true,
                MaxLength = MoodTextMaxLength,
            }),
        Command("play", "Start playing music for the current mood in your voice channel"),
        Command("stop", "Stop the music and leave the voice channel"),
        Command("skip", "Skip to the next track"),
        Command("queue", "Show what is playing and what comes next"),
        Command("room", "Link this channel to a MoodBot listening room",
            Option(ApplicationCommandOptionType.SubCommand, "link", "Link this channel to a room (a new one unless you name one)") with
            {
                Options = [Option(ApplicationCommandOptionType.String, "room", "An existing room: the last part of its link, /rooms/<room>") with { MaxLength = 64 }],
            },
            Option(ApplicationCommandOptionType.SubCommand, "unlink", "Unlink this channel from its room"),
            Option(ApplicationCommandOptionType.SubCommand, "stay", "24/7: stay in voice when everyone leaves, for this channel's room") with
            {
                Options = [Option(ApplicationCommandOptionType.Boolean, "on", "True: stay in voice; false: leave an empty voice channel after a while") with { Required = true }],
            },
            Option(ApplicationCommandOptionType.SubCommand, "show", "Show the room this channel is linked to")),
        Command("lights", "Let the moods posted here set the colour of Philips Hue lights",
            Option(ApplicationCommandOptionType.SubCommand, "link", "Link a Hue room or zone: its lights follow the moods posted here") with
            {
                Options = [Option(ApplicationCommandOptionType.String, "room", "The Hue room or zone, by its name in the Hue app") with { Required = true, MaxLength = LightNameMaxLength }],
            },
            Option(ApplicationCommandOptionType.SubCommand, "unlink", "Unlink a Hue room or zone (all of them unless you name one)") with
            {
                Options = [Option(ApplicationCommandOptionType.String, "room", "The linked Hue room or zone to unlink") with { MaxLength = LightNameMaxLength }],
            },
            Option(ApplicationCommandOptionType.SubCommand, "show", "Show the Hue rooms the moods posted here light")),
        Command("feedback", "Tell MoodBot whether the last music fit your mood",
            Option(ApplicationCommandOptionType.Boolean, "fit", "Did it fit?") with { Required = true }),
    ];

    private static ApplicationCommand Command(string name, string description, params ApplicationCommandOption[] options) =>
        new(name, description, options.Length == 0 ? null : options)
        {
            NameLocalizations = new Dictionary<string, string>(),
            DescriptionLocalizations = new Dictionary<string, string>(),
        };

    private static ApplicationCommandOption Option(ApplicationCommandOptionType type, string name, string description) =>
        new(type, name, description);
}
