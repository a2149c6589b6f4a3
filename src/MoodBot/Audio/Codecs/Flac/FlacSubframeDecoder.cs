namespace MoodBot.Audio.Codecs.Flac;

/// <summary>
/// Decodes one FLAC subframe (constant, verbatim, fixed or LPC prediction with Rice-coded
/// residuals) into integer samples. Arithmetic is in long so 32-bit side channels cannot overflow.
/// </summary>
internal static class FlacSubframeDecoder
{
    public static void Decode(FlacBitReader bits, Span<long> output, int bitsPerSample)
    {
        if (bits.ReadBits(1) != 0)
        {
            throw Corrupt(bits, "subframe padding bit set");
        }

        var type = (int)bits.ReadBits(6);
        var wasted = bits.ReadBits(1) == 1 ? bits.ReadUnary() + 1 : 0;
        bitsPerSample -= wasted;
        if (bitsPerSample <= 0)
        {
            throw Corrupt(bits, "more wasted bits than the sample size");
        }

        switch (type)
        {
            case 0:
                output.Fill(bits.ReadSigned(bitsPerSample));
                break;
            case 1:
                for (var i = 0; i < output.Length; i++)
                {
                    output[i] = bits.ReadSigned(bitsPerSample);
                }

                break;
            case >= 8 and <= 12:
                DecodeFixed(bits, output, bitsPerSample, type - 8);
                break;
            case >= 32:
                DecodeLpc(bits, output, bitsPerSample, type - 31);
                break;
            default:
                throw Corrupt(bits, $"reserved subframe type {type}");
        }

        if (wasted > 0)
        {
            foreach (ref var sample in output)
            {
                sample <<= wasted;
            }
        }
    }

    private static void DecodeFixed(FlacBitReader bits, Span<long> output, int bitsPerSample, int order)
    {
        ReadWarmUp(bits, output, bitsPerSample, order);
        ReadResidual(bits, output, order);
        for (var i = order; i < output.Length; i++)
        {
            output[i] += order switch
            {
                0 => 0,
                1 => output[i - 1],
                2 => (2 * output[i - 1]) - output[i - 2],
                3 => (3 * output[i - 1]) - (3 * output[i - 2]) + output[i - 3],
                _ => (4 * output[i - 1]) - (6 * output[i - 2]) + (4 * output[i - 3]) - output[i - 4],
            };
        }
    }

    private static void DecodeLpc(FlacBitReader bits, Span<long> output, int bitsPerSample, int order)
    {
        ReadWarmUp(bits, output, bitsPerSample, order);
        var precision = (int)bits.ReadBits(4) + 1;
        if (precision == 16)
        {
            throw Corrupt(bits, "invalid LPC coefficient precision");
        }

        var shift = bits.ReadSigned(5);
        if (shift < 0)
        {
            throw Corrupt(bits, "negative LPC shift");
        }

        Span<long> coefficients = stackalloc long[order];
        for (var j = 0; j < order; j++)
        {
            coefficients[j] = bits.ReadSigned(precision);
        }

        ReadResidual(bits, output, order);
        for (var i = order; i < output.Length; i++)
        {
            long sum = 0;
            for (var j = 0; j < order; j++)
            {
                sum += coefficients[j] * output[i - 1 - j];
            }

            output[i] += sum >> shift;
        }
    }

    private static void ReadWarmUp(FlacBitReader bits, Span<long> output, int bitsPerSample, int order)
    {
        if (order > output.Length)
        {
            throw Corrupt(bits, $"predictor order {order} longer than the block");
        }

        for (var i = 0; i < order; i++)
        {
            output[i] = bits.ReadSigned(bitsPerSample);
        }
    }

    /// <summary>Partitioned Rice residuals (RFC 9639 section 9.2.7), written after the warm-up samples.</summary>
    private static void ReadResidual(FlacBitReader bits, Span<long> output, int order)
    {
        var method = bits.ReadBits(2);
        if (method > 1)
        {
            throw Corrupt(bits, $"reserved residual coding method {method}");
        }

        var parameterBits = method == 0 ? 4 : 5;
        var escape = (1u << parameterBits) - 1;
        var partitionOrder = (int)bits.ReadBits(4);
        var partitionSize = output.Length >> partitionOrder;
        if ((partitionSize << partitionOrder) != output.Length || partitionSize < order)
        {
            throw Corrupt(bits, $"residual partition order {partitionOrder} does not fit a block of {output.Length}");
        }

        var position = order;
        for (var p = 0; p < 1 << partitionOrder; p++)
        {
            var count = p == 0 ? partitionSize - order : partitionSize;
            var parameter = bits.ReadBits(parameterBits);
            if (parameter == escape)
            {
                var raw = (int)bits.ReadBits(5);
                for (var i = 0; i < count; i++)
                {
                    output[position++] = bits.ReadSigned(raw);
                }

                continue;
            }

            var k = (int)parameter;
            for (var i = 0; i < count; i++)
            {
                var folded = ((ulong)bits.ReadUnary() << k) | bits.ReadBits(k);
                output[position++] = (long)(folded >> 1) ^ -(long)(folded & 1);
            }
        }
    }

    private static AudioFormatException Corrupt(FlacBitReader bits, string what) =>
        new($"corrupt FLAC frame near byte {bits.ByteOffset}: {what}");
}
