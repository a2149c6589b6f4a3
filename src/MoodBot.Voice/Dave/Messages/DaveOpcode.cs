namespace MoodBot.Voice.Dave.Messages;

/// <summary>The voice gateway's DAVE opcodes (whitepaper "Voice Gateway Opcodes"). 25 to 30 travel as
/// binary WebSocket messages, the rest as JSON.</summary>
public enum DaveOpcode : byte
{
    PrepareTransition = 21,
    ExecuteTransition = 22,
    TransitionReady = 23,
    PrepareEpoch = 24,
    MlsExternalSender = 25,
    MlsKeyPackage = 26,
    MlsProposals = 27,
    MlsCommitWelcome = 28,
    MlsAnnounceCommitTransition = 29,
    MlsWelcome = 30,
    MlsInvalidCommitWelcome = 31,
}
