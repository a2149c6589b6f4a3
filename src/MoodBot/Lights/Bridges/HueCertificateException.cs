using System.Security.Authentication;

namespace MoodBot.Lights.Bridges;

/// <summary>
/// A bridge's certificate was refused, with the reason in words. Thrown from the TLS validation
/// callback so that the reason, not .NET's generic "the remote certificate was rejected", reaches
/// the user (it arrives as the inner exception of the <see cref="HttpRequestException"/>).
/// </summary>
internal sealed class HueCertificateException : AuthenticationException
{
    public HueCertificateException()
    {
    }

    public HueCertificateException(string message)
        : base(message)
    {
    }

    public HueCertificateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The certificate problem somewhere in an exception's inner chain, if that is why it failed.</summary>
    public static HueCertificateException? In(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HueCertificateException found)
            {
                return found;
            }
        }

        return null;
    }
}
