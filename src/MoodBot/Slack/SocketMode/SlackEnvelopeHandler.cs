using System.Text.Json;
using Microsoft.Extensions.Logging;
using MoodBot.Slack.Payloads;

namespace MoodBot.Slack.SocketMode;

/// <summary>
/// Routes Socket Mode envelopes by type to <see cref="SlackMoodHandler"/>. Unknown types and
/// payloads that do not parse are logged and acked with nothing, and the connection stays.
/// </summary>
internal sealed partial class SlackEnvelopeHandler(SlackMoodHandler mood, SlackDeliveries deliveries, ILogger<SlackEnvelopeHandler> logger) : ISocketModeHandler
{
    public async Task<SlackAck> HandleAsync(SocketMessage envelope, CancellationToken cancellationToken)
    {
        if (!deliveries.FirstTime("envelope:" + envelope.EnvelopeId))
        {
            return SlackAck.Empty;
        }

        if (envelope.RetryAttempt is > 0)
        {
            Log.Retry(logger, envelope.Type, envelope.RetryAttempt.Value, envelope.RetryReason ?? "unknown");
        }

        try
        {
            switch (envelope.Type)
            {
                case "slash_commands" when Parse(envelope, SlackJsonContext.Default.SlashCommand) is { } command:
                    return await mood.CommandAsync(command, cancellationToken).ConfigureAwait(false);
                case "events_api" when Parse(envelope, SlackJsonContext.Default.EventCallback) is { } callback:
                    return new SlackAck(After: ct => mood.EventAsync(callback, ct));
                case "interactive" when Parse(envelope, SlackJsonContext.Default.BlockActions) is { } actions:
                    return new SlackAck(After: ct => mood.ActionsAsync(actions, ct));
                case "slash_commands" or "events_api" or "interactive":
                    Log.Malformed(logger, envelope.Type, "no payload");
                    return SlackAck.Empty;
                default:
                    Log.UnknownType(logger, envelope.Type);
                    return SlackAck.Empty;
            }
        }
        catch (JsonException ex)
        {
            Log.Malformed(logger, envelope.Type, ex.Message);
            return SlackAck.Empty;
        }
    }

    private static T? Parse<T>(SocketMessage envelope, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class =>
        envelope.Payload is { ValueKind: JsonValueKind.Object } payload ? payload.Deserialize(type) : null;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Slack envelope type {Type} is not one MoodBot handles; acked and ignored")]
        public static partial void UnknownType(ILogger logger, string type);

        [LoggerMessage(2, LogLevel.Warning, "A Slack {Type} envelope's payload could not be read ({Reason}); acked and ignored")]
        public static partial void Malformed(ILogger logger, string type, string reason);

        [LoggerMessage(3, LogLevel.Debug, "Slack redelivered a {Type} envelope (attempt {Attempt}, {Reason})")]
        public static partial void Retry(ILogger logger, string type, int attempt, string reason);
    }
}
