using System.Net.WebSockets;

namespace MoodBot.Tests.Discord.Gateway;

/// <summary>
/// One gateway session as Discord keeps it: every dispatch is numbered and logged, and sent to
/// the connection then live (if any). A Resume on a new connection replays everything after
/// the client's seq, then RESUMED, before anything new goes out.
/// </summary>
public sealed class ReplayingGatewaySession(Uri resumeUrl) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly List<(int Seq, string Name, string Data)> _log = [];
    private FakeGatewayConnection? _live;

    public IReadOnlyList<(int Seq, string Name)> Dispatched
    {
        get
        {
            _lock.Wait();
            try
            {
                return [.. _log.Select(e => (e.Seq, e.Name))];
            }
            finally
            {
                _lock.Release();
            }
        }
    }

    public void Dispose() => _lock.Dispose();

    public async Task ReadyAsync(FakeGatewayConnection connection, string sessionId)
    {
        await _lock.WaitAsync();
        try
        {
            _live = connection;
            _log.Add((1, "READY", ""));
            await connection.ReadyAsync(sessionId, 1, resumeUrl);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task DispatchAsync(string name, string dataJson = "{}")
    {
        await _lock.WaitAsync();
        try
        {
            var seq = _log.Count + 1;
            _log.Add((seq, name, dataJson));
            await SendLiveAsync(name, seq, dataJson);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Closes the live connection with <paramref name="code"/>; dispatches are logged until a resume.</summary>
    public async Task DropAsync(int code)
    {
        await _lock.WaitAsync();
        try
        {
            var live = _live;
            _live = null;
            if (live is not null)
            {
                await live.CloseAsync(code);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Hello, the client's Resume, the replay and RESUMED; returns the seq the client resumed from.</summary>
    public async Task<int> ResumeAsync(FakeGatewayConnection connection)
    {
        await connection.HelloAsync(45_000);
        var from = (await connection.ExpectAsync(6)).GetProperty("seq").GetInt32();
        await _lock.WaitAsync();
        try
        {
            foreach (var (seq, name, data) in _log.Where(e => e.Seq > from).ToList())
            {
                await connection.DispatchAsync(name, seq, data);
            }

            var resumed = _log.Count + 1;
            _log.Add((resumed, "RESUMED", "{}"));
            await connection.DispatchAsync("RESUMED", resumed);
            _live = connection;
            return from;
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task SendLiveAsync(string name, int seq, string dataJson)
    {
        if (_live is null)
        {
            return;
        }

        try
        {
            await _live.DispatchAsync(name, seq, dataJson);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            // The client went away; the event stays in the log for its Resume.
            _live = null;
        }
    }
}
