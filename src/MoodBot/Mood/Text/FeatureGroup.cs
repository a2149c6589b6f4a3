namespace MoodBot.Mood.Text;

/// <summary>
/// Collects one group of features (words, character n-grams, ...) so that each group can be
/// normalised on its own: a long message has many more character n-grams than words, and without
/// per-group normalisation they would drown the words out.
/// </summary>
internal sealed class FeatureGroup(int buckets)
{
    private readonly float[] _dense = new float[buckets];
    private int[] _touched = new int[256];
    private int _count;

    public void Add(int bucket, float value)
    {
        if (_dense[bucket] == 0f)
        {
            if (_count == _touched.Length)
            {
                Array.Resize(ref _touched, _count * 2);
            }

            _touched[_count++] = bucket;
        }

        _dense[bucket] += value;
    }

    /// <summary>Writes sqrt(count), L2-normalised and scaled, into <paramref name="output"/> and clears the group.</summary>
    public void FlushInto(FeatureVector output, float scale)
    {
        var norm = 0.0;
        for (var i = 0; i < _count; i++)
        {
            norm += Math.Abs(_dense[_touched[i]]);
        }

        var factor = norm > 0 ? (float)(scale / Math.Sqrt(norm)) : 0f;
        for (var i = 0; i < _count; i++)
        {
            var bucket = _touched[i];
            var value = _dense[bucket];
            output.Add(bucket, MathF.Sign(value) * MathF.Sqrt(MathF.Abs(value)) * factor);
            _dense[bucket] = 0f;
        }

        _count = 0;
    }
}
