using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using MoodBot.Audio;
using MoodBot.Audio.Codecs.Opus;
using MoodBot.Discord.Replies;
using MoodBot.Discord.Rest;
using MoodBot.Mood.Reading;
using MoodBot.Voice.Connection;

namespace MoodBot.Discord.Voice;

/// <summary>
/// Plays a queue of tracks into one voice connection: each track is decoded to 48 kHz stereo PCM and
/// encoded into 20 ms Opus frames, and the queue's frames make one stream for
/// <see cref="VoiceConnection.PlayAsync"/> (DAVE, then transport encryption, there), so tracks follow
/// each other with no silence between them. Skipping ends the current track's frames; stopping ends
/// the stream, after which the connection's five silence frames go out.
/// The channel's now-playing message is posted once and edited on each track change, no oftener.
/// </summary>
internal sealed partial class VoicePlayer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<VoiceTrack> _queue = [];
    private readonly CancellationTokenSource _life = new();
    private readonly VoiceTrackOpener _opener;
    private readonly DiscordRestClient _rest;
    private readonly ILogger _logger;
    private readonly int _bitrate;
    private readonly Func<CancellationToken, Task<IReadOnlyList<VoiceTrack>>>? _refill;
    private CancellationTokenSource? _skip;
    private VoiceTrack? _current;
    private bool _running;
    private bool _stopping;
    private Task _loop = Task.CompletedTask;
    private Task _announcing = Task.CompletedTask;
    private string? _nowPlayingMessageId;

    public VoicePlayer(
        string guildId,
        string channelId,
        VoiceConnection connection,
        string textChannelId,
        VoiceTrackOpener opener,
        DiscordRestClient rest,
        VoiceOptions options,
        ILogger logger,
        Func<CancellationToken, Task<IReadOnlyList<VoiceTrack>>>? refill = null)
    {
        GuildId = guildId;
        ChannelId = channelId;
        Connection = connection;
        TextChannelId = textChannelId;
        _opener = opener;
        _rest = rest;
        _logger = logger;
        _bitrate = options.Bitrate;
        _refill = refill;
    }

    /// <summary>The voice library's connection; the player plays into it, <see cref="VoicePlayers"/> owns it.</summary>
    public VoiceConnection Connection { get; }

    public string GuildId { get; }

    public string ChannelId { get; }

    /// <summary>Where the now-playing line goes: the text channel the music was asked for in.</summary>
    public string TextChannelId { get; }

    public VoiceTrack? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public IReadOnlyList<VoiceTrack> Upcoming
    {
        get
        {
            lock (_gate)
            {
                return [.. _queue];
            }
        }
    }

    /// <summary>Adds tracks after the queue (or in place of it) and starts playing if nothing plays.</summary>
    public void Enqueue(IReadOnlyList<VoiceTrack> tracks, bool replace = false)
    {
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }

            if (replace)
            {
                _queue.Clear();
                _skip?.Cancel();
            }

            _queue.AddRange(tracks);
            if (!_running)
            {
                // Chained after the last run: a connection plays one stream at a time.
                _running = true;
                var previous = _loop;
                _loop = RunAfterAsync(previous);
            }
        }
    }

    /// <summary>Ends the current track now; the next one follows at once. Returns what was playing.</summary>
    public VoiceTrack? Skip()
    {
        lock (_gate)
        {
            _skip?.Cancel();
            return _current;
        }
    }

    /// <summary>Ends playback: the current frame, then the five silence frames. Leaving is the caller's.</summary>
    public async Task StopAsync()
    {
        Task loop;
        lock (_gate)
        {
            _stopping = true;
            _queue.Clear();
            _skip?.Cancel();
            loop = _loop;
        }

        await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _announcing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Stops at once, without the silence: the connection is gone or the host is stopping.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _stopping = true;
        }

        await _life.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _announcing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _life.Dispose();
    }

    private async Task RunAfterAsync(Task previous)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            await Connection.PlayAsync(FramesAsync(_life.Token), _life.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
            // Disposed: the connection is going away.
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
        {
            Log.SendFailed(_logger, GuildId, ex.Message);
        }
        finally
        {
            lock (_gate)
            {
                _running = false;
                _current = null;
            }
        }
    }

    private async IAsyncEnumerable<ReadOnlyMemory<byte>> FramesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var encoder = new OpusFrameEncoder(_bitrate);
        var pcm = new float[AudioFormat.FrameFloats];
        var packet = new byte[OpusFrameEncoder.MaxPacketBytes];
        while (await NextAsync(cancellationToken).ConfigureAwait(false) is ({ } track, var skip))
        {
            using var source = await _opener.OpenAsync(track, cancellationToken).ConfigureAwait(false);
            Announce(track);
            while (!skip.IsCancellationRequested)
            {
                var filled = source.FillFrame(pcm);
                if (filled == 0)
                {
                    break;
                }

                var length = encoder.Encode(pcm, packet);
                // A fresh array per frame: the sender may still hold the last one while this is made.
                yield return packet.AsMemory(0, length).ToArray();
                if (filled < pcm.Length)
                {
                    break;
                }
            }
        }
    }

    /// <summary>The next track and the token that skips it, or null when the stream should end.</summary>
    private async Task<(VoiceTrack Track, CancellationToken Skip)?> NextAsync(CancellationToken cancellationToken)
    {
        if (_refill is not null && IsQueueEmpty())
        {
            // A room keeps going: its queue refills from its mood when it runs out.
            var more = await _refill(cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                if (_queue.Count == 0 && !_stopping)
                {
                    _queue.AddRange(more);
                }
            }
        }

        lock (_gate)
        {
            _skip?.Dispose();
            _skip = null;
            if (_stopping || _queue.Count == 0)
            {
                _current = null;
                return null;
            }

            _current = _queue[0];
            _queue.RemoveAt(0);
            _skip = new CancellationTokenSource();
            return (_current, _skip.Token);
        }
    }

    private bool IsQueueEmpty()
    {
        lock (_gate)
        {
            return _queue.Count == 0 && !_stopping;
        }
    }

    private void Announce(VoiceTrack track)
    {
        var upcoming = Upcoming.Count;
        var text = $"🎶 Now playing in <#{ChannelId}>: **{DiscordText.Escape(track.Title, 100)}** · {DiscordText.Escape(track.Artist, 60)} "
            + $"({ReadingText.Duration(track.DurationSeconds)}){(upcoming > 0 ? $" · {upcoming} more queued" : "")}";
        var previous = _announcing;
        _announcing = AnnounceAfterAsync(previous, new MessageCreate(DiscordText.Fit(text, MessageCreate.ContentMax)));
    }

    private async Task AnnounceAfterAsync(Task previous, MessageCreate message)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            var ct = _life.Token;
            if (_nowPlayingMessageId is { } id)
            {
                await _rest.EditMessageAsync(TextChannelId, id, message, ct).ConfigureAwait(false);
            }
            else
            {
                _nowPlayingMessageId = (await _rest.CreateMessageAsync(TextChannelId, message, ct).ConfigureAwait(false)).Id;
            }
        }
        catch (Exception ex) when (ex is DiscordApiException or HttpRequestException or OperationCanceledException)
        {
            // The music matters more than its caption: a failed post is logged, playback goes on.
            Log.AnnounceFailed(_logger, GuildId, ex.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Voice in guild {GuildId}: sending failed ({Reason}); playback stopped")]
        public static partial void SendFailed(ILogger logger, string guildId, string reason);

        [LoggerMessage(2, LogLevel.Warning, "Voice in guild {GuildId}: the now-playing message could not be posted ({Reason})")]
        public static partial void AnnounceFailed(ILogger logger, string guildId, string reason);
    }
}
