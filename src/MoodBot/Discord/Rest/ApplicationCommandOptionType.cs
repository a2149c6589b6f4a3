namespace MoodBot.Discord.Rest;

/// <summary>The option types MoodBot uses; serialised as Discord's integers.</summary>
internal enum ApplicationCommandOptionType
{
    SubCommand = 1,
    String = 3,
    Boolean = 5,
}
