using MoodBot.Voice.Dave.Frames;
using MoodBot.Voice.Dave.Keys;
using Microsoft.Extensions.Time.Testing;

namespace MoodBot.Voice.Tests.Dave.Frames;

public sealed class FrameCryptorTests
{
    private static readonly byte[] Base = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");

    /// <summary>An Opus-like 20-byte frame: TOC byte 0x78 then 01..13.</summary>
    private static readonly byte[] Opus = Convert.FromHexString("780102030405060708090a0b0c0d0e0f10111213");

    /// <summary>How long a receive ratchet must have lived before it accepts generation g: DAVE caps
    /// frames at 170 a second, so generation g (nonces from g * 2^24) cannot come sooner.</summary>
    private static TimeSpan AgeFor(uint generation) =>
        TimeSpan.FromSeconds(Math.Ceiling(generation * (double)(1 << 24) / ReceiveRatchet.MaxFramesPerSecond) + 1);

    /// <summary>The first frame of an epoch, built by hand:
    /// 1. key = key_0 of the ratchet from base 00..0f = 58fc0131 08dbf996 ef651e3f 01658bfb (see KeyRatchetTests);
    /// 2. the first frame uses truncated nonce 1, so generation 0 (top byte 0);
    /// 3. GCM nonce = 8 zero bytes || uint32_le(1) = 000000000000000001000000;
    /// 4. AES-128-GCM(key, nonce, aad = empty, Opus) = ciphertext a3df01e0...cf69 and full tag
    ///    0653c5d65afaa0d7 35b278148a5a8a30, of which the first 8 bytes are kept (Python cryptography);
    /// 5. footer = tag(8) || ULEB128(1) = 01 || supplemental size 8 + 1 + 1 + 2 = 0c || fa fa.</summary>
    private const string FirstFrame = "A3DF01E0A012834250650DBC7F5CD658AD1CCF69" + "0653C5D65AFAA0D7" + "01" + "0C" + "FAFA";

    [Fact]
    public void Encrypt_FirstFrameOfEpoch_IsTheHandBuiltFrame()
    {
        using var encryptor = NewEncryptor();
        Assert.Equal(FirstFrame, Convert.ToHexString(encryptor.Encrypt(Opus)));
    }

    [Fact]
    public void Encrypt_Nonce300_WritesTwoByteUleb128AndSize13()
    {
        // Same key and plaintext; nonce 300 = ULEB128 ac 02, so the supplemental size is 8 + 2 + 1 + 2 = 13 (Python cryptography).
        using var encryptor = NewEncryptor();
        encryptor.SkipToNonce(299);
        Assert.Equal("0B4E0C3568D41502853E4C28218F83850CF47CB71EF22C5C522B2C86AC020DFAFA", Convert.ToHexString(encryptor.Encrypt(Opus)));
    }

    [Fact]
    public void Decrypt_HandBuiltFrame_GivesTheOpusFrame()
    {
        using var decryptor = NewDecryptor(new FakeTimeProvider());
        Assert.Equal(Convert.ToHexString(Opus), Open(decryptor, Convert.FromHexString(FirstFrame), FrameDecryptResult.Decrypted));
    }

    [Fact]
    public void RoundTrip_ManyFramesOfVaryingSize_AllDecryptInOrder()
    {
        using var encryptor = NewEncryptor();
        using var decryptor = NewDecryptor(new FakeTimeProvider());
        var random = new Random(8);
        for (var i = 0; i < 2000; i++)
        {
            var frame = new byte[random.Next(1, 1276)];
            random.NextBytes(frame);
            if (DaveFrame.IsSilence(frame))
            {
                continue;
            }

            Assert.Equal(Convert.ToHexString(frame), Open(decryptor, encryptor.Encrypt(frame), FrameDecryptResult.Decrypted));
        }
    }

    [Fact]
    public void RoundTrip_AcrossGenerationsAndThe32BitWrap_Decrypts()
    {
        var time = new FakeTimeProvider();
        using var encryptor = NewEncryptor();
        using var decryptor = NewDecryptor(time);

        // Generation 0 -> 1 at nonce 2^24, then on to 200 and 255, then the nonce wraps to 0: generation 256.
        foreach (var (lastNonce, generation) in new (uint, uint)[] { (0x00FFFFFD, 1), (0xC7FFFFFE, 200), (0xFEFFFFFE, 255), (0xFFFFFFFD, 256) })
        {
            time.SetUtcNow(time.Start + AgeFor(generation));
            encryptor.SkipToNonce(lastNonce);
            for (var i = 0; i < 6; i++)
            {
                var frame = (byte[])Opus.Clone();
                frame[^1] = (byte)i;
                Assert.Equal(Convert.ToHexString(frame), Open(decryptor, encryptor.Encrypt(frame), FrameDecryptResult.Decrypted));
            }
        }
    }

    [Fact]
    public void Decrypt_GenerationBeforeTheRatchetCouldHaveReachedIt_IsRefused()
    {
        var time = new FakeTimeProvider();
        using var encryptor = NewEncryptor();
        using var decryptor = NewDecryptor(time);
        encryptor.SkipToNonce(0x00FFFFFF);
        var frame = encryptor.Encrypt(Opus);
        Open(decryptor, frame, FrameDecryptResult.MissingKey);
        time.Advance(AgeFor(1));
        Open(decryptor, frame, FrameDecryptResult.Decrypted);
    }

    [Fact]
    public void Decrypt_SameFrameTwice_SecondIsRefusedAsReplay()
    {
        using var encryptor = NewEncryptor();
        using var decryptor = NewDecryptor(new FakeTimeProvider());
        var frame = encryptor.Encrypt(Opus);
        Open(decryptor, frame, FrameDecryptResult.Decrypted);
        Open(decryptor, frame, FrameDecryptResult.Replayed);
    }

    [Fact]
    public void Decrypt_LateFrame_IsAcceptedOnceThenRefused()
    {
        using var encryptor = NewEncryptor();
        using var decryptor = NewDecryptor(new FakeTimeProvider());
        var first = encryptor.Encrypt(Opus);
        var second = encryptor.Encrypt(Opus);
        var third = encryptor.Encrypt(Opus);
        Open(decryptor, first, FrameDecryptResult.Decrypted);
        Open(decryptor, third, FrameDecryptResult.Decrypted);
        Open(decryptor, second, FrameDecryptResult.Decrypted);
        Open(decryptor, second, FrameDecryptResult.Replayed);
    }

    [Fact]
    public void Decrypt_ForgedFrame_DoesNotMoveTheReplayWindow()
    {
        using var encryptor = NewEncryptor();
        using var decryptor = NewDecryptor(new FakeTimeProvider());
        var genuine = encryptor.Encrypt(Opus);
        var forged = Convert.FromHexString(FirstFrame);
        forged[0] ^= 1;
        Open(decryptor, forged, FrameDecryptResult.AuthenticationFailed);
        Open(decryptor, genuine, FrameDecryptResult.Decrypted);
    }

    [Theory]
    [InlineData(0, "ciphertext")]
    [InlineData(19, "last ciphertext byte")]
    [InlineData(20, "first tag byte")]
    [InlineData(27, "last tag byte")]
    public void Decrypt_TamperedByte_IsRejected(int index, string what)
    {
        _ = what;
        using var decryptor = NewDecryptor(new FakeTimeProvider());
        var frame = Convert.FromHexString(FirstFrame);
        frame[index] ^= 0x40;
        Open(decryptor, frame, FrameDecryptResult.AuthenticationFailed);
    }

    [Fact]
    public void Decrypt_TamperedNonce_IsRejected()
    {
        using var decryptor = NewDecryptor(new FakeTimeProvider());
        var frame = Convert.FromHexString(FirstFrame);
        frame[28] = 0x02;
        Open(decryptor, frame, FrameDecryptResult.AuthenticationFailed);
    }

    [Theory]
    [InlineData(1, 0xFB, FrameDecryptResult.NotEncrypted)]
    [InlineData(2, 0x00, FrameDecryptResult.NotEncrypted)]
    [InlineData(3, 0x0B, FrameDecryptResult.Malformed)]
    [InlineData(3, 0xFF, FrameDecryptResult.Malformed)]
    [InlineData(4, 0x81, FrameDecryptResult.Malformed)]
    public void Decrypt_DamagedFooter_IsNotDecrypted(int fromEnd, byte value, FrameDecryptResult expected)
    {
        using var decryptor = NewDecryptor(new FakeTimeProvider());
        var frame = Convert.FromHexString(FirstFrame);
        frame[^fromEnd] = value;
        Open(decryptor, frame, expected);
    }

    [Fact]
    public void Decrypt_FooterWithUnencryptedRanges_IsMalformedForOpus()
    {
        // Supplemental size 14 claims two range bytes (00 01) after the nonce.
        using var decryptor = NewDecryptor(new FakeTimeProvider());
        var frame = Convert.FromHexString("A3DF01E0A012834250650DBC7F5CD658AD1CCF69" + "0653C5D65AFAA0D7" + "01" + "0001" + "0E" + "FAFA");
        Open(decryptor, frame, FrameDecryptResult.Malformed);
    }

    [Fact]
    public void Silence_PassesThroughBothWaysUnencrypted()
    {
        using var encryptor = NewEncryptor();
        using var decryptor = NewDecryptor(new FakeTimeProvider());
        var sent = encryptor.Encrypt(DaveFrame.OpusSilence);
        Assert.Equal("F8FFFE", Convert.ToHexString(sent));
        Assert.Equal("F8FFFE", Open(decryptor, sent, FrameDecryptResult.PassedThrough));

        // Silence does not use up a nonce: the next frame is still the epoch's first.
        Assert.Equal(FirstFrame, Convert.ToHexString(encryptor.Encrypt(Opus)));
    }

    [Fact]
    public void Decrypt_PlainFrame_PassesOnlyWhilePassthroughIsAllowed()
    {
        var time = new FakeTimeProvider();
        using var decryptor = new FrameDecryptor(time);
        Open(decryptor, Opus, FrameDecryptResult.NotEncrypted);
        decryptor.TransitionToPassthrough(true);
        Assert.Equal(Convert.ToHexString(Opus), Open(decryptor, Opus, FrameDecryptResult.PassedThrough));
        decryptor.TransitionToPassthrough(false);
        time.Advance(FrameDecryptor.OldKeyLifetime);
        Open(decryptor, Opus, FrameDecryptResult.PassedThrough);
        time.Advance(TimeSpan.FromTicks(1));
        Open(decryptor, Opus, FrameDecryptResult.NotEncrypted);
    }

    [Fact]
    public void Encrypt_WithoutRatchet_Throws_AndPassthroughCopies()
    {
        using var encryptor = new FrameEncryptor();
        Assert.Throws<InvalidOperationException>(() => encryptor.Encrypt(Opus));
        encryptor.Passthrough = true;
        Assert.Equal(Opus, encryptor.Encrypt(Opus));
    }

    [Fact]
    public void Transition_OldEpochFrames_DecryptFor10SecondsThenNot()
    {
        var time = new FakeTimeProvider();
        using var oldEpoch = NewEncryptor();
        using var newEpoch = new FrameEncryptor();
        var newBase = Enumerable.Repeat((byte)0x42, 16).ToArray();
        newEpoch.SetKeyRatchet(new KeyRatchet(newBase));
        using var decryptor = NewDecryptor(time);
        Open(decryptor, oldEpoch.Encrypt(Opus), FrameDecryptResult.Decrypted);

        decryptor.TransitionToKeyRatchet(new KeyRatchet(newBase));
        Assert.Equal(2, decryptor.RatchetCount);
        Open(decryptor, newEpoch.Encrypt(Opus), FrameDecryptResult.Decrypted);
        time.Advance(FrameDecryptor.OldKeyLifetime);
        Open(decryptor, oldEpoch.Encrypt(Opus), FrameDecryptResult.Decrypted);

        time.Advance(TimeSpan.FromTicks(1));
        Open(decryptor, oldEpoch.Encrypt(Opus), FrameDecryptResult.AuthenticationFailed);
        Assert.Equal(1, decryptor.RatchetCount);
        Open(decryptor, newEpoch.Encrypt(Opus), FrameDecryptResult.Decrypted);
    }

    [Fact]
    public void SetKeyRatchet_NewEpoch_RestartsTheNonceAt1()
    {
        using var encryptor = NewEncryptor();
        encryptor.Encrypt(Opus);
        encryptor.Encrypt(Opus);
        encryptor.SetKeyRatchet(new KeyRatchet(Base));
        Assert.Equal(FirstFrame, Convert.ToHexString(encryptor.Encrypt(Opus)));
    }

    private static FrameEncryptor NewEncryptor()
    {
        var encryptor = new FrameEncryptor();
        encryptor.SetKeyRatchet(new KeyRatchet(Base));
        return encryptor;
    }

    private static FrameDecryptor NewDecryptor(TimeProvider time)
    {
        var decryptor = new FrameDecryptor(time);
        decryptor.TransitionToKeyRatchet(new KeyRatchet(Base));
        return decryptor;
    }

    private static string Open(FrameDecryptor decryptor, byte[] frame, FrameDecryptResult expected)
    {
        var plaintext = new byte[frame.Length];
        Assert.Equal(expected, decryptor.Decrypt(frame, plaintext, out var written));
        return Convert.ToHexString(plaintext, 0, written);
    }
}
