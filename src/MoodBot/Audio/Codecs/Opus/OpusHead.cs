using System.Buffers.Binary;

namespace MoodBot.Audio.Codecs.Opus;

/// <summary>The Ogg Opus identification header (RFC 7845 section 5.1).</summary>
internal sealed record OpusHead(int Channels, int PreSkip, int InputSampleRate, short OutputGain, int MappingFamily)
{
    public const int Size = 19;

    /// <summary>Linear factor for the Q7.8 dB output gain the decoder must apply.</summary>
    public float GainFactor => MathF.Pow(10f, OutputGain / (20f * 256f));

    public static OpusHead Parse(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < Size || !packet.StartsWith("OpusHead"u8))
        {
            throw new AudioFormatException("corrupt Ogg Opus stream: the first packet is not an OpusHead header");
        }

        if (packet[8] >> 4 != 0)
        {
            throw new AudioFormatException($"unsupported Ogg Opus version {packet[8]}");
        }

        var head = new OpusHead(
            packet[9],
            BinaryPrimitives.ReadUInt16LittleEndian(packet[10..]),
            (int)BinaryPrimitives.ReadUInt32LittleEndian(packet[12..]),
            BinaryPrimitives.ReadInt16LittleEndian(packet[16..]),
            packet[18]);
        if (head.MappingFamily != 0 || head.Channels is < 1 or > 2)
        {
            throw new AudioFormatException($"unsupported Ogg Opus channel mapping: family {head.MappingFamily} with {head.Channels} channels (only mono and stereo are decoded)");
        }

        return head;
    }

    public void Write(Span<byte> destination)
    {
        "OpusHead"u8.CopyTo(destination);
        destination[8] = 1;
        destination[9] = (byte)Channels;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[10..], (ushort)PreSkip);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], (uint)InputSampleRate);
        BinaryPrimitives.WriteInt16LittleEndian(destination[16..], OutputGain);
        destination[18] = (byte)MappingFamily;
    }
}
