using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MoodBot.Discord.Rest;
using MoodBot.Hosting;

namespace MoodBot.Discord.Interactions;

/// <summary>
/// Answers interactions: the initial response within Discord's 3 s (over REST for the gateway,
/// as the HTTP response for the endpoint), then the deferred work and the edit of the original
/// response. Whatever fails, a deferred "thinking…" is always replaced by an answer.
/// </summary>
internal sealed partial class InteractionResponder(InteractionRouter router, DiscordRestClient rest, ReplyTasks tasks, ILogger<InteractionResponder> logger)
{
    public const string Sorry = "Sorry, something went wrong on my side. Please try again.";

    private const int RememberedIds = 10_000;

    // A resumed gateway replays what it sent while the connection was down; one answer each.
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    /// <summary>For the gateway: answers in the background, so the next dispatch is not held up.</summary>
    public void Start(Interaction interaction, CancellationToken cancellationToken)
    {
        if (FirstTime(interaction))
        {
            tasks.Run("interaction " + interaction.Id, () => RespondAsync(interaction, cancellationToken));
        }
    }

    /// <summary>For the HTTP endpoint: the initial response to send back, or null for a repeat delivery.</summary>
    public InteractionReply? Accept(Interaction interaction) => FirstTime(interaction) ? Route(interaction) : null;

    /// <summary>For the HTTP endpoint, once its response is sent: the deferred work, in the background.</summary>
    public void Finish(Interaction interaction, InteractionReply reply, CancellationToken cancellationToken)
    {
        if (reply.Later is not null)
        {
            tasks.Run("interaction " + interaction.Id, () => FinishAsync(interaction, reply, cancellationToken));
        }
    }

    private async Task RespondAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var reply = Route(interaction);
        await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, reply.Initial, cancellationToken).ConfigureAwait(false);
        await FinishAsync(interaction, reply, cancellationToken).ConfigureAwait(false);
    }

    private async Task FinishAsync(Interaction interaction, InteractionReply reply, CancellationToken cancellationToken)
    {
        if (reply.Later is null)
        {
            return;
        }

        MessageCreate message;
        try
        {
            message = await reply.Later(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.WorkFailed(logger, interaction.Id, Name(interaction), ex);
            message = new MessageCreate(Sorry) { Components = [] };
        }

        await rest.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, message, cancellationToken).ConfigureAwait(false);
    }

    private InteractionReply Route(Interaction interaction)
    {
        try
        {
            return router.Route(interaction);
        }
        catch (Exception ex)
        {
            Log.WorkFailed(logger, interaction.Id, Name(interaction), ex);
            return InteractionReply.Private(Sorry);
        }
    }

    private bool FirstTime(Interaction interaction)
    {
        _seen.MakeRoomFor(interaction.Id, RememberedIds);
        if (_seen.TryAdd(interaction.Id, 0))
        {
            return true;
        }

        Log.Repeated(logger, interaction.Id);
        return false;
    }

    private static string Name(Interaction interaction) => interaction.Data?.Name ?? interaction.Data?.CustomId ?? interaction.Type.ToString();

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Discord interaction {Id} ({Name}) failed; the person is told to try again")]
        public static partial void WorkFailed(ILogger logger, string id, string name, Exception exception);

        [LoggerMessage(2, LogLevel.Debug, "Discord interaction {Id} delivered again; answered once already")]
        public static partial void Repeated(ILogger logger, string id);
    }
}
