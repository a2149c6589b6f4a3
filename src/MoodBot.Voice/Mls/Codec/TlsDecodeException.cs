namespace MoodBot.Voice.Mls.Codec;

/// <summary>Malformed TLS-presentation input: truncated, a bad length header, or bytes left over.</summary>
public sealed class TlsDecodeException : FormatException
{
    public TlsDecodeException()
    {
    }

    public TlsDecodeException(string message)
        : base(message)
    {
    }

    public TlsDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
