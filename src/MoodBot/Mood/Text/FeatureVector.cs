namespace MoodBot.Mood.Text;

/// <summary>A sparse feature vector in reusable arrays (a bucket may appear more than once; values add).</summary>
internal sealed class FeatureVector
{
    private int[] _indices = new int[512];
    private float[] _values = new float[512];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Indices => _indices.AsSpan(0, Count);

    public ReadOnlySpan<float> Values => _values.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(int index, float value)
    {
        if (Count == _indices.Length)
        {
            Array.Resize(ref _indices, Count * 2);
            Array.Resize(ref _values, Count * 2);
        }

        _indices[Count] = index;
        _values[Count++] = value;
    }

    public SparseFeatures ToSparse() => new(Indices.ToArray(), Values.ToArray());
}

/// <summary>A feature vector kept for training, where every example is featurised once.</summary>
internal sealed record SparseFeatures(int[] Indices, float[] Values);
