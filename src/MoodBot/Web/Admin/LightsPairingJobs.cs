using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoodBot.Lights;
using MoodBot.Lights.Pairing;

namespace MoodBot.Web.Admin;

/// <summary>
/// The pairing the admin page started, run in the background so the page can poll its progress:
/// one at a time, since a person presses one bridge's button at a time. The last one's outcome is
/// kept until the next starts. The key the bridge gives goes to the bridge store, never here.
/// </summary>
internal sealed partial class LightsPairingJobs(HuePairing pairing, IHostApplicationLifetime lifetime, ILogger<LightsPairingJobs> logger)
{
    private readonly Lock _gate = new();
    private PairingStatus? _status;

    public PairingStatus? Current
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>Starts pairing with the bridge at <paramref name="address"/>; null when one is already running.</summary>
    public PairingStatus? TryStart(Uri address, string? expectedId)
    {
        ArgumentNullException.ThrowIfNull(address);
        PairingStatus started;
        lock (_gate)
        {
            if (_status is { Running: true })
            {
                return null;
            }

            started = new PairingStatus(Guid.NewGuid().ToString("N"), PairingStatus.Checking, address.Authority, expectedId, 0, null, null);
            _status = started;
        }

        _ = Task.Run(() => RunAsync(started, address, expectedId));
        return started;
    }

    private async Task RunAsync(PairingStatus job, Uri address, string? expectedId)
    {
        try
        {
            var bridge = await pairing.PairAsync(address, expectedId, HuePairing.DefaultTimeout, new JobProgress(this, job.Id), lifetime.ApplicationStopping).ConfigureAwait(false);
            Update(job.Id, s => s with { State = PairingStatus.Paired, BridgeId = bridge.Id, SecondsLeft = null });
        }
        catch (HueException ex)
        {
            Update(job.Id, s => s with { State = PairingStatus.Failed, SecondsLeft = null, Error = ex.Message });
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            Update(job.Id, s => s with { State = PairingStatus.Failed, SecondsLeft = null, Error = "MoodBot is stopping; pair again once it runs." });
        }
        catch (Exception ex)
        {
            // Nobody awaits this task: a surprise must still end the job, or no pairing could start again.
            Log.Crashed(logger, address.Authority, ex);
            Update(job.Id, s => s with { State = PairingStatus.Failed, SecondsLeft = null, Error = "Pairing failed unexpectedly; see the bot's log, then try again." });
        }
    }

    private void Update(string id, Func<PairingStatus, PairingStatus> change)
    {
        lock (_gate)
        {
            if (_status?.Id == id)
            {
                _status = change(_status);
            }
        }
    }

    // Reported synchronously on the pairing's own loop (Progress<T> would post to the thread pool,
    // and a late report could then overwrite "paired").
    private sealed class JobProgress(LightsPairingJobs jobs, string id) : IProgress<HuePairingProgress>
    {
        public void Report(HuePairingProgress value) =>
            jobs.Update(id, s => s with
            {
                State = PairingStatus.Waiting,
                BridgeId = value.BridgeId,
                Attempt = value.Attempt,
                SecondsLeft = (int)Math.Ceiling(value.Remaining.TotalSeconds),
            });
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Pairing with the Hue bridge at {Address} failed unexpectedly")]
        public static partial void Crashed(ILogger logger, string address, Exception exception);
    }
}
