namespace MoodBot.Voice.Mls;

/// <summary>Well-formed MLS input that breaks a protocol rule: a bad signature, parent hash, tree hash,
/// confirmation tag, or a Welcome that is not for us.</summary>
public sealed class MlsValidationException : Exception
{
    public MlsValidationException()
    {
    }

    public MlsValidationException(string message)
        : base(message)
    {
    }

    public MlsValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
