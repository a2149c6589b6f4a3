namespace MoodBot.Tests.Audio.Synth;

/// <summary>An in-place iterative radix-2 FFT: enough for the measurements here, and independent of the code under test.</summary>
internal static class Fft
{
    public static void Transform(double[] re, double[] im)
    {
        var n = re.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        for (var length = 2; length <= n; length <<= 1)
        {
            var angle = -2 * Math.PI / length;
            for (var start = 0; start < n; start += length)
            {
                for (var k = 0; k < length / 2; k++)
                {
                    var (wr, wi) = (Math.Cos(angle * k), Math.Sin(angle * k));
                    var (ar, ai) = (re[start + k], im[start + k]);
                    var (br, bi) = (re[start + k + (length / 2)], im[start + k + (length / 2)]);
                    var (tr, ti) = ((br * wr) - (bi * wi), (br * wi) + (bi * wr));
                    re[start + k] = ar + tr;
                    im[start + k] = ai + ti;
                    re[start + k + (length / 2)] = ar - tr;
                    im[start + k + (length / 2)] = ai - ti;
                }
            }
        }
    }
}
