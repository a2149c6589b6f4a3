namespace MoodBot.Lights.State;

/// <summary>
/// How a bridge has been answering, for status lines: the last command that landed, the last that
/// failed and why, and whether its event stream is up.
/// </summary>
/// <param name="StreamUp">True while the event stream is open, false once it dropped or could not be opened, null before the first try.</param>
/// <param name="LastFailureWasSilence">The last failure was no answer at all (unreachable, timed out), not a refusal.</param>
internal sealed record BridgeHealth(
    DateTimeOffset? LastSuccess,
    DateTimeOffset? LastFailure,
    string? LastFailureReason,
    bool LastFailureWasSilence,
    bool? StreamUp)
{
    public static BridgeHealth Unknown { get; } = new(null, null, null, false, null);

    /// <summary>
    /// A dropped event stream means unreachable until it is back; without a stream (not started yet),
    /// a command that got no answer and none since that did.
    /// </summary>
    public bool IsUnreachable => StreamUp == false ||
        (LastFailureWasSilence && LastFailure is { } failed && (LastSuccess is not { } ok || failed > ok));
}
