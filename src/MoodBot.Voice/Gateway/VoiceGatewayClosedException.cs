namespace MoodBot.Voice.Gateway;

/// <summary>The voice gateway closed in a way the client does not recover from by itself.</summary>
public sealed class VoiceGatewayClosedException : Exception
{
    /// <summary>Creates the exception for a close code.</summary>
    public VoiceGatewayClosedException(int closeCode, VoiceCloseAction action, string? reason = null)
        : base($"The voice gateway closed with {closeCode} ({action}){(reason is null ? "" : $": {reason}")}.")
    {
        CloseCode = closeCode;
        Action = action;
    }

    /// <summary>Creates the exception with a message.</summary>
    public VoiceGatewayClosedException() : this(VoiceCloseCodes.AbnormalClosure, VoiceCloseAction.Stop)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public VoiceGatewayClosedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public VoiceGatewayClosedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The WebSocket close code (1006 when the connection dropped without one).</summary>
    public int CloseCode { get; }

    /// <summary>What the caller should do: rejoin through the main gateway, or stop.</summary>
    public VoiceCloseAction Action { get; }
}
