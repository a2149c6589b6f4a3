using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MoodBot.Hosting;
using MoodBot.Slack.Payloads;

namespace MoodBot.Slack.WebApi;

/// <summary>
/// The Web API calls MoodBot makes, over one <see cref="HttpClient"/>. A 429 holds back every
/// call of that method until its <c>Retry-After</c> has passed and then retries, as do 5xx answers
/// and dropped connections, so a reply waits rather than being dropped; <c>ok:false</c> is logged
/// with Slack's error code and thrown.
/// </summary>
internal sealed partial class SlackWebClient(HttpClient http, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackWebClient> logger)
{
    private const int ChannelsPaced = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _heldUntil = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _channelTurn = new(StringComparer.Ordinal);

    /// <summary>A fresh, single-use Socket Mode URL (the app-level token's call).</summary>
    public async Task<Uri> OpenConnectionAsync(CancellationToken ct)
    {
        var response = await CallAsync("apps.connections.open", options.Value.AppToken, null, ct).ConfigureAwait(false);
        return Uri.TryCreate(response.Url, UriKind.Absolute, out var url) && url.Scheme is "wss" or "ws"
            ? url
            : throw new SlackApiException("apps.connections.open", "no WebSocket URL in the answer");
    }

    public async Task<SlackResponse> PostMessageAsync(ChatMessage message, CancellationToken ct)
    {
        await WaitForChannelTurnAsync(message.Channel, ct).ConfigureAwait(false);
        return await CallAsync("chat.postMessage", options.Value.BotToken, JsonSerializer.SerializeToUtf8Bytes(message, SlackJsonContext.Default.ChatMessage), ct).ConfigureAwait(false);
    }

    public Task<SlackResponse> UpdateAsync(ChatMessage message, CancellationToken ct) =>
        CallAsync("chat.update", options.Value.BotToken, JsonSerializer.SerializeToUtf8Bytes(message, SlackJsonContext.Default.ChatMessage), ct);

    public Task<SlackResponse> PostEphemeralAsync(ChatMessage message, CancellationToken ct) =>
        CallAsync("chat.postEphemeral", options.Value.BotToken, JsonSerializer.SerializeToUtf8Bytes(message, SlackJsonContext.Default.ChatMessage), ct);

    /// <summary>
    /// Posts to an interaction's <c>response_url</c> (no token: the URL is the credential).
    /// Returns false when Slack refuses it (expired or used up), for the caller to fall back.
    /// </summary>
    public async Task<bool> RespondAsync(Uri responseUrl, SlackReply reply, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(reply, SlackJsonContext.Default.SlackReply);
        using var answer = await SendWithRetriesAsync("response_url", () => JsonRequest(responseUrl, null, body), ct).ConfigureAwait(false);
        if (answer.IsSuccessStatusCode)
        {
            return true;
        }

        Log.ResponseUrlRefused(logger, (int)answer.StatusCode);
        return false;
    }

    private async Task<SlackResponse> CallAsync(string method, string? token, byte[]? body, CancellationToken ct)
    {
        var url = new Uri(options.Value.ApiUrl, method);
        using var reply = await SendWithRetriesAsync(method, () => JsonRequest(url, token, body), ct).ConfigureAwait(false);
        SlackResponse? response;
        try
        {
            response = await reply.Content.ReadFromJsonAsync(SlackJsonContext.Default.SlackResponse, ct).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            response = null;
        }

        if (response is null)
        {
            Log.CallFailed(logger, method, $"HTTP {(int)reply.StatusCode} without a Slack answer");
            throw new SlackApiException(method, $"HTTP {(int)reply.StatusCode}");
        }

        if (!response.Ok)
        {
            var error = response.Error ?? "unknown_error";
            Log.CallFailed(logger, method, error);
            throw new SlackApiException(method, error);
        }

        if (response.Warning is { } warning)
        {
            Log.CallWarning(logger, method, warning);
        }

        return response;
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(string method, Func<HttpRequestMessage> request, CancellationToken ct)
    {
        var settings = options.Value;
        for (var attempt = 0; ; attempt++)
        {
            await WaitUntilAllowedAsync(method, ct).ConfigureAwait(false);
            var last = attempt >= settings.MaxRetries;
            HttpResponseMessage reply;
            try
            {
                using var message = request();
                reply = await http.SendAsync(message, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (!last)
            {
                Log.ConnectionFailed(logger, method, attempt + 1, ex.Message);
                await Task.Delay(settings.DefaultRetryAfter * (attempt + 1), time, ct).ConfigureAwait(false);
                continue;
            }

            if (reply.StatusCode == HttpStatusCode.TooManyRequests && !last)
            {
                var wait = reply.Headers.RetryAfter?.Delta ?? settings.DefaultRetryAfter;
                reply.Dispose();
                // Every call of this method waits it out, not only this one: the limit is per method.
                _heldUntil[method] = time.GetUtcNow() + wait;
                Log.RateLimited(logger, method, wait.TotalSeconds);
                continue;
            }

            if ((int)reply.StatusCode >= 500 && !last)
            {
                Log.ServerError(logger, method, (int)reply.StatusCode, attempt + 1);
                reply.Dispose();
                await Task.Delay(settings.DefaultRetryAfter * (attempt + 1), time, ct).ConfigureAwait(false);
                continue;
            }

            return reply;
        }
    }

    /// <summary>Takes the channel's next posting slot, <see cref="SlackOptions.ChannelPostInterval"/> after the last one, and waits for it.</summary>
    private async Task WaitForChannelTurnAsync(string channel, CancellationToken ct)
    {
        var interval = options.Value.ChannelPostInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        var now = time.GetUtcNow();
        _channelTurn.MakeRoomFor(channel, ChannelsPaced);
        var turn = _channelTurn.AddOrUpdate(channel, now, (_, last) => last + interval > now ? last + interval : now);
        if (turn > now)
        {
            await Task.Delay(turn - now, time, ct).ConfigureAwait(false);
        }
    }

    private async Task WaitUntilAllowedAsync(string method, CancellationToken ct)
    {
        while (_heldUntil.TryGetValue(method, out var until) && until - time.GetUtcNow() is var wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, ct).ConfigureAwait(false);
        }
    }

    private static HttpRequestMessage JsonRequest(Uri url, string? token, byte[]? body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is null)
        {
            request.Content = new FormUrlEncodedContent([]);
        }
        else
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        return request;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Slack {Method} failed: {Error}")]
        public static partial void CallFailed(ILogger logger, string method, string error);

        [LoggerMessage(2, LogLevel.Warning, "Slack rate-limited {Method}; waiting {Seconds} s before retrying")]
        public static partial void RateLimited(ILogger logger, string method, double seconds);

        [LoggerMessage(3, LogLevel.Warning, "Slack {Method} answered HTTP {Status} (attempt {Attempt}); retrying")]
        public static partial void ServerError(ILogger logger, string method, int status, int attempt);

        [LoggerMessage(4, LogLevel.Warning, "Slack {Method} could not be reached (attempt {Attempt}): {Reason}; retrying")]
        public static partial void ConnectionFailed(ILogger logger, string method, int attempt, string reason);

        [LoggerMessage(5, LogLevel.Information, "Slack {Method} warned: {Warning}")]
        public static partial void CallWarning(ILogger logger, string method, string warning);

        [LoggerMessage(6, LogLevel.Warning, "Slack refused a response_url post (HTTP {Status}); posting through the Web API instead")]
        public static partial void ResponseUrlRefused(ILogger logger, int status);
    }
}
