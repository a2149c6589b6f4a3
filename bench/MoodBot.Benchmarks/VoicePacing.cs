using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using MoodBot.Voice.Dave.Frames;
using MoodBot.Voice.Dave.Keys;
using MoodBot.Voice.Transport;

namespace MoodBot.Benchmarks;

/// <summary>
/// `voice-pacing [seconds] [sessions...]`: K voice sessions play at once on loopback for S seconds, each
/// the production send path: <see cref="VoiceSender"/> with DAVE frame encryption (a
/// <see cref="FrameEncryptor"/> on a real ratchet, behind a lock as <c>DaveSessionHandler</c> holds it),
/// rtpsize AES-256-GCM sealing, <see cref="FramePacer"/> on <see cref="TimeProvider.System"/>, and a real
/// UDP socket per session. One receiving socket timestamps every packet on arrival; the figures are
/// the arrival intervals' deviation from 20 ms (what a listener's jitter buffer sees, loopback and
/// receiver scheduling included) and the process CPU time per session (the receiver's share included,
/// so an upper bound). Issue 8's target: 50 sessions on one core, i.e. under 2% of a core each.
/// </summary>
internal static class VoicePacing
{
    // 320 bytes is a 20 ms Opus frame at 128 kbit/s, Discord's top voice bitrate for boosted servers.
    private const int FrameSize = 320;

    public static async Task RunAsync(TextWriter output, string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        int[] sessionCounts = args.Length > 1 ? [.. args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [1, 10, 50];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {seconds} s per run, {FrameSize}-byte frames, DAVE + aead_aes256_gcm_rtpsize"));
        // A short warm-up run so the JIT and the socket paths are hot before anything is measured.
        await RunOnceAsync(2, 1, null);
        foreach (var count in sessionCounts)
        {
            await RunOnceAsync(count, seconds, output);
        }
    }

    private static async Task RunOnceAsync(int sessions, int seconds, TextWriter? output)
    {
        var framesPerSession = seconds * 50;
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.ReceiveBufferSize = 8 * 1024 * 1024;
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var expected = framesPerSession + RtpPacketizer.SilenceFramesOnStop;
        var arrivals = Enumerable.Range(0, sessions).Select(_ => new List<long>(expected)).ToArray();
        using var stop = new CancellationTokenSource();
        var receiving = Task.Run(() => ReceiveAsync(receiver, arrivals, stop.Token));

        var frame = RandomNumberGenerator.GetBytes(FrameSize);
        var senders = new List<(VoiceUdpConnection Udp, RtpSizeCipher Cipher, LockedDaveEncryptor Dave, VoiceSender Sender)>();
        for (var i = 0; i < sessions; i++)
        {
            var udp = await VoiceUdpConnection.ConnectAsync((IPEndPoint)receiver.LocalEndPoint!, TimeProvider.System, CancellationToken.None);
            var cipher = new RtpSizeCipher(TransportEncryptionMode.Aes256GcmRtpSize, RandomNumberGenerator.GetBytes(RtpSizeCipher.KeySize));
            var dave = new LockedDaveEncryptor();
            var sender = new VoiceSender(new RtpPacketizer((uint)i, cipher), udp, TimeProvider.System, dave);
            senders.Add((udp, cipher, dave, sender));
        }

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        // Sessions start spread over one frame interval, as independently started calls would be.
        var playing = senders.Select((s, i) => PlayAsync(s.Sender, frame, framesPerSession, TimeSpan.FromMilliseconds(20.0 * i / sessions))).ToArray();
        await Task.WhenAll(playing);
        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        // Let the last datagrams land before the receiver stops.
        await Task.Delay(200);
        await stop.CancelAsync();
        await receiving;
        foreach (var (udp, cipher, dave, _) in senders)
        {
            udp.Dispose();
            cipher.Dispose();
            dave.Dispose();
        }

        if (output is null)
        {
            return;
        }

        var deviations = new List<double>();
        long received = 0;
        foreach (var times in arrivals)
        {
            received += times.Count;
            for (var i = 1; i < times.Count; i++)
            {
                deviations.Add(Math.Abs(Stopwatch.GetElapsedTime(times[i - 1], times[i]).TotalMilliseconds - 20));
            }
        }

        deviations.Sort();
        var perSession = cpu.TotalSeconds / sessions / wall.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sessions,3} sessions: {received}/{(long)expected * sessions} packets, interval deviation from 20 ms p50 {P(deviations, 0.5):0.000} ms, p99 {P(deviations, 0.99):0.000} ms, max {deviations[^1]:0.000} ms; CPU {cpu.TotalSeconds:0.00} s over {wall.Elapsed.TotalSeconds:0.00} s wall = {perSession * 100:0.000}% of a core per session ({1 / perSession:0} sessions per core)"));
    }

    private static async Task PlayAsync(VoiceSender sender, byte[] frame, int count, TimeSpan startAfter)
    {
        await Task.Delay(startAfter);
        await sender.PlayAsync(Frames(frame, count), CancellationToken.None);
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Frames(byte[] frame, int count)
    {
        // Frames are ready at once, as from the pipeline's read-ahead: the pacer alone sets the rhythm.
        for (var i = 0; i < count; i++)
        {
            yield return frame;
        }

        await Task.CompletedTask;
    }

    private static async Task ReceiveAsync(Socket socket, List<long>[] arrivals, CancellationToken cancellationToken)
    {
        var buffer = new byte[2048];
        try
        {
            while (true)
            {
                var length = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                var now = Stopwatch.GetTimestamp();
                if (length >= RtpHeader.Size)
                {
                    arrivals[RtpHeader.Read(buffer).Ssrc].Add(now);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];

    /// <summary>DAVE's per-frame work as <c>DaveSessionHandler.TryEncrypt</c> does it (a lock around the
    /// session's <see cref="FrameEncryptor"/>), keyed from a random base secret instead of an MLS group:
    /// forming groups is not what is measured here.</summary>
    private sealed class LockedDaveEncryptor : IMediaFrameEncryptor, IDisposable
    {
        private readonly Lock _gate = new();
        private readonly FrameEncryptor _encryptor = new();

        public LockedDaveEncryptor() => _encryptor.SetKeyRatchet(new KeyRatchet(RandomNumberGenerator.GetBytes(KeyRatchet.BaseSecretLength)));

        public int MaxOverhead => DaveFrame.MaxOverhead;

        public bool TryEncrypt(ReadOnlySpan<byte> frame, Span<byte> destination, out int written)
        {
            lock (_gate)
            {
                written = _encryptor.Encrypt(frame, destination);
                return true;
            }
        }

        public void Dispose() => _encryptor.Dispose();
    }
}
