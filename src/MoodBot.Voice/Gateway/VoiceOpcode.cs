namespace MoodBot.Voice.Gateway;

/// <summary>
/// Voice gateway v8 opcodes (opcodes-and-status-codes docs, "Voice Opcodes"; DAVE whitepaper,
/// "Voice Gateway Opcodes"). 25-30 travel as binary frames, the rest as JSON.
/// </summary>
public enum VoiceOpcode
{
    /// <summary>Client: begin a voice session.</summary>
    Identify = 0,

    /// <summary>Client: the UDP address, port and encryption mode.</summary>
    SelectProtocol = 1,

    /// <summary>Server: SSRC, UDP ip and port, offered modes.</summary>
    Ready = 2,

    /// <summary>Client: keep-alive with <c>seq_ack</c>.</summary>
    Heartbeat = 3,

    /// <summary>Server: the chosen mode, the secret key and the DAVE protocol version.</summary>
    SessionDescription = 4,

    /// <summary>Both: who is speaking (we must send it before any audio).</summary>
    Speaking = 5,

    /// <summary>Server: heartbeat acknowledged.</summary>
    HeartbeatAck = 6,

    /// <summary>Client: resume a dropped connection.</summary>
    Resume = 7,

    /// <summary>Server: the heartbeat interval.</summary>
    Hello = 8,

    /// <summary>Server: the resume succeeded.</summary>
    Resumed = 9,

    /// <summary>Server: users joined the call.</summary>
    ClientsConnect = 11,

    /// <summary>Server: a user left the call.</summary>
    ClientDisconnect = 13,

    /// <summary>Server (DAVE): a downgrade to protocol 0 is coming.</summary>
    DavePrepareTransition = 21,

    /// <summary>Server (DAVE): execute the announced transition.</summary>
    DaveExecuteTransition = 22,

    /// <summary>Client (DAVE): ready for the transition.</summary>
    DaveTransitionReady = 23,

    /// <summary>Server (DAVE): a new MLS group or epoch is coming.</summary>
    DavePrepareEpoch = 24,

    /// <summary>Server, binary (DAVE): the MLS external sender.</summary>
    DaveMlsExternalSender = 25,

    /// <summary>Client, binary (DAVE): our MLS KeyPackage.</summary>
    DaveMlsKeyPackage = 26,

    /// <summary>Server, binary (DAVE): proposals to append or revoke.</summary>
    DaveMlsProposals = 27,

    /// <summary>Client, binary (DAVE): our commit and optional Welcome.</summary>
    DaveMlsCommitWelcome = 28,

    /// <summary>Server, binary (DAVE): the winning commit of the epoch.</summary>
    DaveMlsAnnounceCommitTransition = 29,

    /// <summary>Server, binary (DAVE): the Welcome for us as a new member.</summary>
    DaveMlsWelcome = 30,

    /// <summary>Client (DAVE): the commit or Welcome could not be processed.</summary>
    DaveMlsInvalidCommitWelcome = 31,
}
