namespace MoodBot.Discord.Rest;

/// <summary>The slash commands MoodBot registers, in one bulk overwrite.</summary>
internal static class DiscordCommands
{
    /// <summary>Long enough for a sentence about one's day, short enough for the mood model.</summary>
    public const int MoodTextMaxLength = 300;

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
        Command("room", "Link this server to a MoodBot room",
            Option(ApplicationCommandOptionType.SubCommand, "link", "Link this server to a room"),
            Option(ApplicationCommandOptionType.SubCommand, "unlink", "Unlink this server from its room"),
            Option(ApplicationCommandOptionType.SubCommand, "show", "Show the room this server is linked to")),
        Command("lights", "Let the mood drive the room's lights",
            Option(ApplicationCommandOptionType.SubCommand, "link", "Link the room's lights"),
            Option(ApplicationCommandOptionType.SubCommand, "unlink", "Unlink the room's lights")),
        Command("feedback", "Tell MoodBot whether the music fit your mood"),
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
