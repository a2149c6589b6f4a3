using MoodBot.Audio.Codecs;

namespace MoodBot.Tests.Audio.Codecs;

/// <summary>
/// Every fixture cut short at many points and with bytes flipped: decoding and tag reading must
/// finish, either with audio or with <see cref="AudioFormatException"/>, never another exception
/// type and never a hang.
/// </summary>
public sealed class DamagedFileTests
{
    public static TheoryData<string> Fixtures => new()
    {
        "tone-22k-mono-s16.wav",
        "tone-16k-mono-s24.wav",
        "tone-44k-mono.mp3",
        "tone-44k-mono.ogg",
        "tone-44k-stereo.opus",
        "tone-16k-mono.flac",
        "tone-8k-stereo.flac",
        "truncated.mp3",
        "truncated.ogg",
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Open_TruncatedAnywhere_ThrowsOnlyAudioFormatException(string name)
    {
        var bytes = Fixture.Bytes(name);
        for (var cut = 0; cut < bytes.Length; cut += Math.Max(1, bytes.Length / 40))
        {
            AssertDecodesOrReports(bytes[..cut], $"{name} cut at {cut}");
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Open_BytesFlipped_ThrowsOnlyAudioFormatException(string name)
    {
        var original = Fixture.Bytes(name);
        var random = new Random(1234);
        for (var trial = 0; trial < 30; trial++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = 0; flips < 4; flips++)
            {
                bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
            }

            AssertDecodesOrReports(bytes, $"{name} trial {trial}");
        }
    }

    private static void AssertDecodesOrReports(byte[] bytes, string what)
    {
        var work = Task.Run(() =>
        {
            try
            {
                using var source = AudioDecoder.Open(new MemoryStream(bytes));
                var block = new float[4096];
                var total = 0L;
                int n;
                while ((n = source.Read(block)) > 0)
                {
                    total += n;
                    Assert.True(total < 100_000_000, "a damaged file must not decode forever");
                }
            }
            catch (AudioFormatException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            }

            try
            {
                AudioTags.Read(new MemoryStream(bytes));
            }
            catch (AudioFormatException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            }
        });

        Assert.True(work.Wait(TimeSpan.FromSeconds(20)), $"{what}: still decoding after 20 s");
        if (work.Exception is { } failure)
        {
            throw new Xunit.Sdk.XunitException($"{what}: {failure.InnerException}");
        }
    }
}
