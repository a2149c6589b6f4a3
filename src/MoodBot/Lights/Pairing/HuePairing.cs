using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using MoodBot.Lights.Bridges;

namespace MoodBot.Lights.Pairing;

/// <summary>
/// Pairs with a bridge the Hue way: check it is a Hue bridge (its certificate, and
/// <c>GET /api/0/config</c>), then ask <c>POST /api</c> for an application key every
/// <see cref="PollInterval"/> while the bridge says "link button not pressed", for at most the
/// timeout; the key it gives is saved with the bridge in <see cref="HueBridgeStore"/> and goes
/// nowhere else. Every failure is a <see cref="HueException"/> with one line fit for the user.
/// </summary>
internal sealed partial class HuePairing(HueConnections connections, HueBridgeStore store, TimeProvider time, ILogger<HuePairing> logger)
{
    /// <summary>The bridge accepts a pairing for 30 s after its button is pressed.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The longest a person may be given to reach the bridge.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    /// <summary>What the bridge lists the key under: moodbot#&lt;this machine&gt; (the v1 API allows 19 characters after the '#').</summary>
    public static string DeviceType =>
        "moodbot#" + new string([.. Environment.MachineName.Where(char.IsAsciiLetterOrDigit).Take(19)]) is var name && name.Length > 8 ? name : "moodbot#host";

    /// <param name="expectedId">The bridge id when discovery gave one: the certificate must name it.</param>
    public async Task<HueBridge> PairAsync(Uri address, string? expectedId, TimeSpan timeout, IProgress<HuePairingProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (timeout <= TimeSpan.Zero || timeout > MaxTimeout)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, $"the pairing timeout must be between 1 s and {MaxTimeout.TotalSeconds:0} s");
        }

        var where = address.Authority;
        using var connection = connections.OpenUnpaired(expectedId);
        var config = await SendAsync(connection, where, HttpMethod.Get, "api/0/config", null, HueJsonContext.Default.HueBridgeConfig, ct).ConfigureAwait(false);
        var id = connection.PresentedId!;
        if (config?.BridgeId is not { } said || !string.Equals(said, id, StringComparison.OrdinalIgnoreCase))
        {
            throw new HueException($"{where} is not a Hue bridge: its certificate names bridge {id}, but it says it is '{config?.BridgeId}'");
        }

        Log.Waiting(logger, id, where);
        var started = time.GetTimestamp();
        var body = new HueAuthenticateRequest(DeviceType, GenerateClientKey: true);
        using var poll = new PeriodicTimer(PollInterval, time);
        for (var attempt = 1; ; attempt++)
        {
            var answers = await SendAsync(connection, where, HttpMethod.Post, "api", body, HueJsonContext.Default.IReadOnlyListHueAuthenticateAnswer, ct).ConfigureAwait(false);
            var answer = answers is { Count: > 0 } ? answers[0] : null;
            if (answer?.Success?.Username is { Length: > 0 } key)
            {
                var bridge = new HueBridge(id, address, key);
                store.Save(bridge);
                Log.Paired(logger, id, where, attempt);
                return bridge;
            }

            if (answer?.Error is not { Type: HueApiError.LinkButtonNotPressed })
            {
                var why = answer?.Error is { } error ? $"{error.Description} (error {error.Type})" : "an answer without a key";
                throw new HueException($"Hue bridge {id} at {where} refused to pair: {why}");
            }

            var remaining = timeout - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new HueException(string.Create(CultureInfo.InvariantCulture,
                    $"nobody pressed the link button on Hue bridge {id} at {where} within {timeout.TotalSeconds:0} s; press it, then pair again"));
            }

            progress?.Report(new HuePairingProgress(id, address, attempt, remaining));
            await poll.WaitForNextTickAsync(ct).ConfigureAwait(false);
        }
    }

    private async Task<T?> SendAsync<T>(HueUnpairedConnection connection, string where, HttpMethod method, string path, HueAuthenticateRequest? body, JsonTypeInfo<T> type, CancellationToken ct)
    {
        using var deadline = new CancellationTokenSource(HueBridgeClient.DefaultTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        using var request = new HttpRequestMessage(method, new Uri(new Uri("https://" + where + "/"), path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, HueJsonContext.Default.HueAuthenticateRequest);
        }

        try
        {
            using var response = await connection.Http.SendAsync(request, linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HueException($"{where} answered {method} /{path} with HTTP {(int)response.StatusCode}: is the address a Hue bridge?", response.StatusCode);
            }

            return await response.Content.ReadFromJsonAsync(type, linked.Token).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new HueException($"{where} did not answer {method} /{path} as a Hue bridge does: is the address a Hue bridge?", null, ex);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new HueException(string.Create(CultureInfo.InvariantCulture,
                $"{where} did not answer within {HueBridgeClient.DefaultTimeout.TotalSeconds:0} s: is it a Hue bridge, switched on and on this network?"), null, ex);
        }
        catch (HttpRequestException ex) when (HueCertificateException.In(ex) is { } certificate)
        {
            Log.Refused(logger, where, certificate.Message);
            throw new HueException($"{where} cannot be trusted: {certificate.Message}", null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new HueException($"{where} is unreachable ({ex.Message}): is the address right and the bridge switched on?", null, ex);
        }
    }

    // Ids and addresses only: the key is never a parameter here.
    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Pairing with Hue bridge {BridgeId} at {Address}: waiting for its link button")]
        public static partial void Waiting(ILogger logger, string bridgeId, string address);

        [LoggerMessage(Level = LogLevel.Information, Message = "Paired with Hue bridge {BridgeId} at {Address} (attempt {Attempt})")]
        public static partial void Paired(ILogger logger, string bridgeId, string address, int attempt);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Refused the certificate of {Address}: {Reason}")]
        public static partial void Refused(ILogger logger, string address, string reason);
    }
}
