using Google.Api.Gax;

namespace MoodBot.Audio.Gcs;

/// <summary>Lets the signer read the host's <see cref="TimeProvider"/>, so tests pin the signing time.</summary>
internal sealed class TimeProviderClock(TimeProvider time) : IClock
{
    public DateTime GetCurrentDateTimeUtc() => time.GetUtcNow().UtcDateTime;
}
