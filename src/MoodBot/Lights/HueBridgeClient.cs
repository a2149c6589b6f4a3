using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace MoodBot.Lights;

/// <summary>
/// One bridge's CLIP v2 resources over a shared <see cref="HttpClient"/>: the rooms, zones,
/// grouped lights and lights, and writes to a room's or zone's <c>grouped_light</c>. Every failure
/// becomes a <see cref="HueException"/> whose message can go straight into a chat reply; the
/// application key travels only in the <c>hue-application-key</c> header.
/// </summary>
internal sealed partial class HueBridgeClient(HttpClient http, HueBridge bridge, TimeProvider time, ILogger<HueBridgeClient> logger, TimeSpan? timeout = null)
{
    public const string KeyHeader = "hue-application-key";

    private const string EventStreamPath = "eventstream/clip/v2";

    /// <summary>A bridge on the LAN answers in well under a second; longer means it hangs.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    private readonly TimeSpan _timeout = timeout ?? DefaultTimeout;

    // What logs and messages call the bridge: its address, never its key.
    private readonly string _name = bridge.ToString();

    public Task<IReadOnlyList<HueGroup>> GetRoomsAsync(CancellationToken ct) =>
        GetAsync("room", HueJsonContext.Default.HueEnvelopeHueGroup, ct);

    public Task<IReadOnlyList<HueGroup>> GetZonesAsync(CancellationToken ct) =>
        GetAsync("zone", HueJsonContext.Default.HueEnvelopeHueGroup, ct);

    public Task<IReadOnlyList<HueGroupedLight>> GetGroupedLightsAsync(CancellationToken ct) =>
        GetAsync("grouped_light", HueJsonContext.Default.HueEnvelopeHueGroupedLight, ct);

    public Task<IReadOnlyList<HueLight>> GetLightsAsync(CancellationToken ct) =>
        GetAsync("light", HueJsonContext.Default.HueEnvelopeHueLight, ct);

    /// <summary>Sets a room's or zone's lights (through its <c>grouped_light</c> service id).</summary>
    public async Task<IReadOnlyList<HueResourceRef>> UpdateGroupedLightAsync(string groupedLightId, HueLightUpdate update, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupedLightId);
        var path = "grouped_light/" + Uri.EscapeDataString(groupedLightId);
        var body = JsonSerializer.SerializeToUtf8Bytes(update, HueJsonContext.Default.HueLightUpdate);
        return await SendAsync(HttpMethod.Put, path, body, HueJsonContext.Default.HueEnvelopeHueResourceRef, ct).ConfigureAwait(false);
    }

    /// <summary>Sets one light (its own id, not its device's): used for effects, which groups do not take.</summary>
    public async Task<IReadOnlyList<HueResourceRef>> UpdateLightAsync(string lightId, HueLightUpdate update, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(lightId);
        var path = "light/" + Uri.EscapeDataString(lightId);
        var body = JsonSerializer.SerializeToUtf8Bytes(update, HueJsonContext.Default.HueLightUpdate);
        return await SendAsync(HttpMethod.Put, path, body, HueJsonContext.Default.HueEnvelopeHueResourceRef, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens <c>GET /eventstream/clip/v2</c> and yields its server-sent records until the bridge
    /// ends the stream or <paramref name="ct"/> fires. The timeout covers only the wait for the
    /// answer's headers: a quiet stream is a healthy one.
    /// </summary>
    public async IAsyncEnumerable<SseItem<string>> ReadEventsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(bridge.Address, "eventstream/clip/v2"));
        request.Headers.TryAddWithoutValidation(KeyHeader, bridge.ApplicationKey);
        request.Headers.Accept.Add(new("text/event-stream"));
        HttpResponseMessage response;
        using (var deadline = new CancellationTokenSource(_timeout, time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token))
        {
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                Log.TimedOut(logger, _name, "GET", EventStreamPath, _timeout.TotalSeconds);
                throw new HueException(string.Create(CultureInfo.InvariantCulture, $"{_name} did not open its event stream within {_timeout.TotalSeconds:0.#} s"), null, ex);
            }
            catch (HttpRequestException ex)
            {
                Log.Unreachable(logger, _name, "GET", EventStreamPath, ex.Message);
                throw new HueException($"{_name} is unreachable: {ex.Message}", null, ex);
            }
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var envelope = await ReadEnvelopeAsync(response, HueJsonContext.Default.HueEnvelopeHueResourceRef, ct).ConfigureAwait(false);
                throw Failure(HttpMethod.Get, EventStreamPath, response, envelope?.Errors);
            }

            var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await foreach (var item in SseParser.Create(stream).EnumerateAsync(ct).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
        }
    }

    private Task<IReadOnlyList<T>> GetAsync<T>(string resource, JsonTypeInfo<HueEnvelope<T>> type, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, resource, null, type, ct);

    private async Task<IReadOnlyList<T>> SendAsync<T>(HttpMethod method, string path, byte[]? body, JsonTypeInfo<HueEnvelope<T>> type, CancellationToken ct)
    {
        using var deadline = new CancellationTokenSource(_timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        using var request = new HttpRequestMessage(method, new Uri(bridge.Address, "clip/v2/resource/" + path));
        request.Headers.TryAddWithoutValidation(KeyHeader, bridge.ApplicationKey);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new("application/json");
        }

        try
        {
            using var response = await http.SendAsync(request, linked.Token).ConfigureAwait(false);
            var envelope = await ReadEnvelopeAsync(response, type, linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Failure(method, path, response, envelope?.Errors);
            }

            if (envelope?.Errors is { Count: > 0 } errors)
            {
                // 207: some of the change was applied; the rest is worth a line, not a failure.
                var detail = string.Join("; ", errors.Select(e => e.Description));
                Log.PartialErrors(logger, _name, method.Method, path, detail);
            }

            return envelope?.Data ?? throw new HueException($"{_name} answered {method} {path} without data", response.StatusCode);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            Log.TimedOut(logger, _name, method.Method, path, _timeout.TotalSeconds);
            throw new HueException(string.Create(CultureInfo.InvariantCulture, $"{_name} did not answer within {_timeout.TotalSeconds:0.#} s: is it switched on and on this network?"), null, ex);
        }
        catch (HttpRequestException ex) when (Bridges.HueCertificateException.In(ex) is { } certificate)
        {
            Log.Unreachable(logger, _name, method.Method, path, certificate.Message);
            throw new HueException($"{_name} is not the bridge we paired with: {certificate.Message}", null, ex);
        }
        catch (HttpRequestException ex)
        {
            Log.Unreachable(logger, _name, method.Method, path, ex.Message);
            throw new HueException($"{_name} is unreachable: {ex.Message}", null, ex);
        }
    }

    private async Task<HueEnvelope<T>?> ReadEnvelopeAsync<T>(HttpResponseMessage response, JsonTypeInfo<HueEnvelope<T>> type, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, ct).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            // An error page instead of an envelope: the status says enough; a 200 that is not
            // CLIP v2 means the address is not a Hue bridge.
            return response.IsSuccessStatusCode
                ? throw new HueException($"{_name} did not answer in CLIP v2 JSON: is the address a Hue bridge?", response.StatusCode, ex)
                : null;
        }
    }

    private HueException Failure(HttpMethod method, string path, HttpResponseMessage response, IReadOnlyList<HueError>? errors)
    {
        var status = response.StatusCode;
        var detail = errors is { Count: > 0 } ? string.Join("; ", errors.Select(e => e.Description)) : $"HTTP {(int)status}";
        Log.Failed(logger, _name, method.Method, path, (int)status, detail);
        var message = status switch
        {
            HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized =>
                $"the bridge refused the application key: pair again with `lights pair` ({_name}: {detail})",
            HttpStatusCode.NotFound => $"{_name} has no {path} (was the room or zone removed?)",
            HttpStatusCode.TooManyRequests => $"{_name} is busy (too many light commands): {detail}",
            _ => $"{_name} refused {method} {path}: {detail}",
        };
        return new HueException(message, status) { RetryAfter = RetryAfterOf(response) };
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is { Ticks: > 0 } wait ? wait : TimeSpan.Zero,
        _ => null,
    };

    // The bridge goes in as its ToString, which leaves the application key out.
    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "{Bridge}: {Method} {Path} answered {Status}: {Detail}")]
        public static partial void Failed(ILogger logger, string bridge, string method, string path, int status, string detail);

        [LoggerMessage(Level = LogLevel.Information, Message = "{Bridge}: {Method} {Path} partly failed: {Detail}")]
        public static partial void PartialErrors(ILogger logger, string bridge, string method, string path, string detail);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Bridge}: {Method} {Path} timed out after {Seconds} s")]
        public static partial void TimedOut(ILogger logger, string bridge, string method, string path, double seconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Bridge}: {Method} {Path} unreachable: {Reason}")]
        public static partial void Unreachable(ILogger logger, string bridge, string method, string path, string reason);
    }
}
