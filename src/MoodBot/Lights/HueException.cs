using System.Net;

namespace MoodBot.Lights;

/// <summary>
/// A bridge call that failed, with a message fit to show the user ("lights: ..."). Never carries
/// the application key. <see cref="Status"/> is the bridge's HTTP status, or null when it did not
/// answer at all (unreachable, timed out).
/// </summary>
internal sealed class HueException : Exception
{
    public HueException(string message, HttpStatusCode? status, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
    }

    public HueException()
    {
    }

    public HueException(string message)
        : base(message)
    {
    }

    public HueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode? Status { get; }

    /// <summary>How long the bridge asked us to wait (its <c>Retry-After</c> on a 429 or 503), if it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Worth sending again later: the bridge was busy, failing inside, or did not answer at all.</summary>
    public bool IsTransient => Status is null or HttpStatusCode.TooManyRequests || (int?)Status >= 500;

    /// <summary>The key was refused: the user has to pair again.</summary>
    public bool NeedsPairing => Status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized;
}
