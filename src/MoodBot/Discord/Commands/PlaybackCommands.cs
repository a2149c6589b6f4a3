using MoodBot.Discord.Interactions;

namespace MoodBot.Discord.Commands;

internal sealed class PlayCommand(RoomPlayback playback) : ISlashCommand
{
    public string Name => "play";

    public InteractionReply Handle(Interaction interaction) => playback.Play(interaction, playback.LastReading(interaction));
}

internal sealed class StopCommand(RoomPlayback playback) : ISlashCommand
{
    public string Name => "stop";

    public InteractionReply Handle(Interaction interaction) => playback.Stop(interaction);
}

internal sealed class SkipCommand(RoomPlayback playback) : ISlashCommand
{
    public string Name => "skip";

    public InteractionReply Handle(Interaction interaction) => playback.Skip(interaction);
}

internal sealed class QueueCommand(RoomPlayback playback) : ISlashCommand
{
    public string Name => "queue";

    public InteractionReply Handle(Interaction interaction) => playback.Queue(interaction);
}
