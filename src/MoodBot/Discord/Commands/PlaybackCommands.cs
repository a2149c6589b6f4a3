using MoodBot.Discord.Interactions;
using MoodBot.Discord.Voice;

namespace MoodBot.Discord.Commands;

internal sealed class PlayCommand(RoomPlayback playback, VoicePlayback voice) : ISlashCommand
{
    public string Name => "play";

    public InteractionReply Handle(Interaction interaction) =>
        voice.Play(interaction, playback.LastReading(interaction)) ?? playback.Play(interaction, playback.LastReading(interaction));
}

internal sealed class StopCommand(RoomPlayback playback, VoicePlayback voice) : ISlashCommand
{
    public string Name => "stop";

    public InteractionReply Handle(Interaction interaction) => voice.Stop(interaction) ?? playback.Stop(interaction);
}

internal sealed class SkipCommand(RoomPlayback playback, VoicePlayback voice) : ISlashCommand
{
    public string Name => "skip";

    public InteractionReply Handle(Interaction interaction) => voice.Skip(interaction) ?? playback.Skip(interaction);
}

internal sealed class QueueCommand(RoomPlayback playback, VoicePlayback voice) : ISlashCommand
{
    public string Name => "queue";

    public InteractionReply Handle(Interaction interaction) => voice.Queue(interaction) ?? playback.Queue(interaction);
}
