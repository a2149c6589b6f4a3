namespace MoodBot.Audio.Gcs;

/// <summary>One listed object; its custom metadata may carry title, artist and duration.</summary>
internal sealed record GcsObject(string Bucket, string Name, long? Size, string? ContentType, IReadOnlyDictionary<string, string>? Metadata)
{
    public GcsUri Uri => new(Bucket, Name);
}
