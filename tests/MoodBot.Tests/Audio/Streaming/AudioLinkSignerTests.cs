using Microsoft.Extensions.Time.Testing;
using MoodBot.Audio.Streaming;

namespace MoodBot.Tests.Audio.Streaming;

public sealed class AudioLinkSignerTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly AudioLink Link = new("synth://calm?seed=2", "calm", 150);

    [Fact]
    public void Verify_OwnToken_ReturnsTheLink()
    {
        var signer = new AudioLinkSigner(Key, new FakeTimeProvider());
        var token = signer.Sign(Link, TimeSpan.FromHours(24));

        Assert.Equal(AudioLinkStatus.Valid, signer.Verify(token, out var link));
        Assert.Equal(Link, link);
        Assert.Matches("^[A-Za-z0-9_.-]+$", token);
    }

    [Fact]
    public void Verify_AfterLifetime_IsExpired()
    {
        var time = new FakeTimeProvider();
        var signer = new AudioLinkSigner(Key, time);
        var token = signer.Sign(Link, TimeSpan.FromHours(24));

        time.Advance(TimeSpan.FromHours(23.9));
        Assert.Equal(AudioLinkStatus.Valid, signer.Verify(token, out _));
        time.Advance(TimeSpan.FromHours(0.2));
        Assert.Equal(AudioLinkStatus.Expired, signer.Verify(token, out _));
    }

    [Fact]
    public void Verify_AnyChangedCharacter_IsInvalid()
    {
        var signer = new AudioLinkSigner(Key, new FakeTimeProvider());
        var token = signer.Sign(Link, TimeSpan.FromHours(1));

        for (var i = 0; i < token.Length; i++)
        {
            var changed = token.ToCharArray();
            changed[i] = changed[i] == 'A' ? 'B' : 'A';
            var status = signer.Verify(new string(changed), out var link);
            Assert.True(status == AudioLinkStatus.Invalid || link == Link, $"position {i}: {status}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData(".")]
    [InlineData("!!!.???")]
    [InlineData("eyJ.abc")]
    public void Verify_Garbage_IsInvalid(string token)
    {
        Assert.Equal(AudioLinkStatus.Invalid, new AudioLinkSigner(Key, new FakeTimeProvider()).Verify(token, out _));
    }

    [Fact]
    public void Verify_TokenFromAnotherKey_IsInvalid()
    {
        var token = new AudioLinkSigner(Key, new FakeTimeProvider()).Sign(Link, TimeSpan.FromHours(1));
        var other = new AudioLinkSigner([.. Key.Reverse()], new FakeTimeProvider());

        Assert.Equal(AudioLinkStatus.Invalid, other.Verify(token, out _));
    }

    [Fact]
    public void LinkKey_IsMadeOnceAndKeptPrivately()
    {
        using var dir = new TempDirectory();
        var first = AudioLinkKey.Resolve(null, dir.Path);
        var second = AudioLinkKey.Resolve(null, dir.Path);

        Assert.Equal(first, second);
        Assert.True(first.Length >= 32);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dir.Path, AudioLinkKey.FileName)));
        }
    }

    [Theory]
    [InlineData("not base64!", "not valid base64")]
    [InlineData("AAECAw==", "at least 32 bytes")]
    public void LinkKey_BadConfiguredKey_SaysWhy(string configured, string expected)
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<InvalidDataException>(() => AudioLinkKey.Resolve(configured, dir.Path));
        Assert.Contains(expected, error.Message);
    }
}
