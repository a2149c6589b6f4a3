using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace MoodBot.Discord.Rest;

/// <summary>
/// Discord's HTTP API over one <see cref="HttpClient"/>: the calls MoodBot makes, each waiting
/// for its rate-limit bucket (and the global limit) and retrying 429s, 5xx and dropped
/// connections a bounded number of times before failing with a <see cref="DiscordApiException"/>.
/// </summary>
internal sealed partial class DiscordRestClient(HttpClient http, DiscordOptions options, TimeProvider time, ILogger<DiscordRestClient> logger)
{
    public const string UserAgent = "DiscordBot (https://github.com/moodbot/moodbot, 1.0)";

    private readonly DiscordRateLimiter _limits = new(time);

    private readonly RouteQueues _routes = new();

    /// <summary>Route queues held open now; per-interaction routes leave none behind.</summary>
    internal int OpenRouteQueues => _routes.Count;

    public Task<IReadOnlyList<RegisteredCommand>> BulkOverwriteGlobalCommandsAsync(
        string applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken ct) =>
        SendAsync(DiscordRoute.GlobalCommands(applicationId), commands,
            DiscordJsonContext.Default.IReadOnlyListApplicationCommand, DiscordJsonContext.Default.IReadOnlyListRegisteredCommand, ct)!;

    public Task<IReadOnlyList<RegisteredCommand>> BulkOverwriteGuildCommandsAsync(
        string applicationId, string guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken ct) =>
        SendAsync(DiscordRoute.GuildCommands(applicationId, guildId), commands,
            DiscordJsonContext.Default.IReadOnlyListApplicationCommand, DiscordJsonContext.Default.IReadOnlyListRegisteredCommand, ct)!;

    public async Task CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionResponse response, CancellationToken ct)
    {
        using var reply = await SendRawAsync(DiscordRoute.InteractionCallback(interactionId, interactionToken),
            Serialize(response, DiscordJsonContext.Default.InteractionResponse), ct).ConfigureAwait(false);
    }

    public Task<DiscordMessage> EditOriginalResponseAsync(string applicationId, string interactionToken, MessageCreate message, CancellationToken ct) =>
        SendAsync(DiscordRoute.EditOriginal(applicationId, interactionToken), message,
            DiscordJsonContext.Default.MessageCreate, DiscordJsonContext.Default.DiscordMessage, ct)!;

    public Task<DiscordMessage> CreateFollowupAsync(string applicationId, string interactionToken, MessageCreate message, CancellationToken ct) =>
        SendAsync(DiscordRoute.Followup(applicationId, interactionToken), message,
            DiscordJsonContext.Default.MessageCreate, DiscordJsonContext.Default.DiscordMessage, ct)!;

    public Task<DiscordMessage> CreateMessageAsync(string channelId, MessageCreate message, CancellationToken ct) =>
        SendAsync(DiscordRoute.CreateMessage(channelId), message,
            DiscordJsonContext.Default.MessageCreate, DiscordJsonContext.Default.DiscordMessage, ct)!;

    /// <summary>Edits a message the bot posted (the voice now-playing line).</summary>
    public Task<DiscordMessage> EditMessageAsync(string channelId, string messageId, MessageCreate message, CancellationToken ct) =>
        SendAsync(DiscordRoute.EditMessage(channelId, messageId), message,
            DiscordJsonContext.Default.MessageCreate, DiscordJsonContext.Default.DiscordMessage, ct)!;

    /// <summary>The gateway URL, the recommended shard count and the session start limit.</summary>
    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken ct) =>
        GetAsync(DiscordRoute.GatewayBot(), DiscordJsonContext.Default.GatewayBotInfo, ct);

    private async Task<TResponse> GetAsync<TResponse>(DiscordRoute route, JsonTypeInfo<TResponse> responseType, CancellationToken ct)
    {
        using var reply = await SendRawAsync(route, body: null, ct).ConfigureAwait(false);
        return await ReadAsync(route, reply, responseType, ct).ConfigureAwait(false);
    }

    private async Task<TResponse?> SendAsync<TRequest, TResponse>(
        DiscordRoute route, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken ct)
    {
        using var reply = await SendRawAsync(route, Serialize(body, requestType), ct).ConfigureAwait(false);
        return await ReadAsync(route, reply, responseType, ct).ConfigureAwait(false);
    }

    private static async Task<TResponse> ReadAsync<TResponse>(DiscordRoute route, HttpResponseMessage reply, JsonTypeInfo<TResponse> responseType, CancellationToken ct)
    {
        var stream = await reply.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync(stream, responseType, ct).ConfigureAwait(false)
                ?? throw new DiscordApiException($"Discord {route.Name} answered {(int)reply.StatusCode} with an empty body");
        }
    }

    private static byte[] Serialize<T>(T body, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(body, type);

    private async Task<HttpResponseMessage> SendRawAsync(DiscordRoute route, byte[]? body, CancellationToken ct)
    {
        using (await _routes.EnterAsync(route.Key, ct).ConfigureAwait(false))
        {
            string? lastFailure = null;
            for (var attempt = 1; attempt <= options.MaxRetries + 1; attempt++)
            {
                await WaitForLimitsAsync(route, ct).ConfigureAwait(false);
                HttpResponseMessage reply;
                try
                {
                    using var request = Request(route, body);
                    reply = await http.SendAsync(request, ct).ConfigureAwait(false);
                }
                catch (HttpRequestException e)
                {
                    lastFailure = e.Message;
                    Log.ConnectionFailed(logger, route.Name, attempt, e.Message);
                    await Task.Delay(options.ServerErrorDelay * attempt, time, ct).ConfigureAwait(false);
                    continue;
                }

                _limits.Update(route, reply.Headers);
                if (reply.IsSuccessStatusCode)
                {
                    return reply;
                }

                using (reply)
                {
                    if (reply.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        await OnRateLimitedAsync(route, reply, ct).ConfigureAwait(false);
                        lastFailure = "429 Too Many Requests";
                        continue;
                    }

                    if ((int)reply.StatusCode >= 500)
                    {
                        lastFailure = $"{(int)reply.StatusCode} {reply.StatusCode}";
                        Log.ServerError(logger, route.Name, (int)reply.StatusCode, attempt);
                        await Task.Delay(options.ServerErrorDelay * attempt, time, ct).ConfigureAwait(false);
                        continue;
                    }

                    throw await FailureAsync(route, reply, ct).ConfigureAwait(false);
                }
            }

            Log.GaveUp(logger, route.Name, options.MaxRetries + 1, lastFailure ?? "");
            throw new DiscordApiException($"Discord {route.Name} still failing after {options.MaxRetries + 1} attempts (last: {lastFailure})");
        }
    }

    private HttpRequestMessage Request(DiscordRoute route, byte[]? body)
    {
        var request = new HttpRequestMessage(route.Method, new Uri(options.ApiUrl, route.Path));
        // A GET has no body, and a Content-Type without one would only confuse proxies.
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        // Interaction webhooks need no token, so an endpoint-only bot (no Discord:Token) still answers.
        if (!string.IsNullOrWhiteSpace(options.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Token);
        }

        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        return request;
    }

    private async Task WaitForLimitsAsync(DiscordRoute route, CancellationToken ct)
    {
        // Loop: a global 429 from another route can land while this one sleeps.
        for (var delay = _limits.DelayFor(route); delay > TimeSpan.Zero; delay = _limits.DelayFor(route))
        {
            Log.Waiting(logger, route.Name, delay.TotalMilliseconds);
            await Task.Delay(delay, time, ct).ConfigureAwait(false);
        }
    }

    private async Task OnRateLimitedAsync(DiscordRoute route, HttpResponseMessage reply, CancellationToken ct)
    {
        var text = await reply.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        var body = TryParse(text, DiscordJsonContext.Default.RateLimitBody);
        var retryAfter = (body is { RetryAfter: > 0 } ? TimeSpan.FromSeconds(body.RetryAfter) : (TimeSpan?)null)
            ?? DiscordRateLimiter.Seconds(DiscordRateLimiter.Header(reply.Headers, "Retry-After"))
            ?? options.DefaultRetryAfter;
        var global = body?.Global == true
            || string.Equals(DiscordRateLimiter.Header(reply.Headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
        if (global)
        {
            _limits.PauseGlobal(retryAfter);
        }
        else
        {
            _limits.PauseBucket(route, retryAfter);
        }

        Log.RateLimited(logger, route.Name, retryAfter.TotalMilliseconds, global);
    }

    private async Task<DiscordApiException> FailureAsync(DiscordRoute route, HttpResponseMessage reply, CancellationToken ct)
    {
        var text = await reply.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        var error = TryParse(text, DiscordJsonContext.Default.DiscordErrorBody);
        var errors = error?.Errors is { ValueKind: JsonValueKind.Object or JsonValueKind.Array } tree ? tree.GetRawText() : null;
        Log.ApiError(logger, route.Name, (int)reply.StatusCode, error?.Code ?? 0, error?.Message ?? "", errors ?? "");
        return new DiscordApiException(route.Name, reply.StatusCode, error?.Code, error?.Message, errors);
    }

    private static T? TryParse<T>(string text, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize(text, type);
        }
        catch (JsonException)
        {
            // Proxies and outages answer with HTML; the status code alone then has to do.
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Discord {Route}: waiting {DelayMs} ms for the rate limit")]
        public static partial void Waiting(ILogger logger, string route, double delayMs);

        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Discord {Route}: 429, retrying in {RetryAfterMs} ms (global: {Global})")]
        public static partial void RateLimited(ILogger logger, string route, double retryAfterMs, bool global);

        [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Discord {Route}: server error {Status} on attempt {Attempt}, retrying")]
        public static partial void ServerError(ILogger logger, string route, int status, int attempt);

        [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Discord {Route}: connection failed on attempt {Attempt} ({Reason}), retrying")]
        public static partial void ConnectionFailed(ILogger logger, string route, int attempt, string reason);

        [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Discord {Route}: gave up after {Attempts} attempts (last: {Failure})")]
        public static partial void GaveUp(ILogger logger, string route, int attempts, string failure);

        [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Discord {Route}: {Status}, code {Code}: {DiscordMessage} {Errors}")]
        public static partial void ApiError(ILogger logger, string route, int status, int code, string discordMessage, string errors);
    }
}
