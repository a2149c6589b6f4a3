namespace MoodBot.Audio.Catalogue;

internal enum TrackSourceKind
{
    /// <summary><c>synth://mood?seed=N</c>: rendered on demand, so every mood always has music.</summary>
    Synth,

    /// <summary><c>file://</c> or a path relative to the catalogue file.</summary>
    File,

    /// <summary><c>gs://bucket/object</c>: Google Cloud Storage, linked by a signed URL.</summary>
    Gcs,

    /// <summary><c>https://</c>: linked as it is.</summary>
    Https,
}
