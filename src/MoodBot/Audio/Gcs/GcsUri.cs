using System.Diagnostics.CodeAnalysis;

namespace MoodBot.Audio.Gcs;

/// <summary>A parsed <c>gs://bucket/object/path</c>; the object part may be a prefix ending in '/'.</summary>
internal sealed record GcsUri(string Bucket, string ObjectName)
{
    public const string Scheme = "gs://";

    public override string ToString() => Scheme + Bucket + "/" + ObjectName;

    /// <summary>A catalogue root plus a mood id: the prefix whose objects are that mood's tracks.</summary>
    public string PrefixFor(string moodId) =>
        ObjectName.Length == 0 || ObjectName.EndsWith('/') ? ObjectName + moodId + "/" : ObjectName + "/" + moodId + "/";

    public static GcsUri Parse(string value, bool allowEmptyObject = false) =>
        TryParse(value, allowEmptyObject, out var uri, out var error) ? uri : throw new FormatException(error);

    /// <param name="allowEmptyObject">True for a catalogue root (<c>gs://bucket/</c>), false for a track.</param>
    public static bool TryParse(string? value, bool allowEmptyObject, [NotNullWhen(true)] out GcsUri? uri, [NotNullWhen(false)] out string? error)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(value) || !value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            error = $"'{value}' is not a gs:// URI (expected gs://bucket/object).";
            return false;
        }

        var rest = value[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var objectName = slash < 0 ? "" : rest[(slash + 1)..];

        error = BucketNameProblem(bucket);
        if (error is not null)
        {
            error = $"'{value}': {error}";
            return false;
        }

        if (objectName.Length == 0 && !allowEmptyObject)
        {
            error = $"'{value}' names a bucket but no object.";
            return false;
        }

        // Object names are UTF-8 up to 1024 bytes and may not hold CR or LF.
        if (System.Text.Encoding.UTF8.GetByteCount(objectName) > 1024 || objectName.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            error = $"'{value}': object names are at most 1024 UTF-8 bytes and hold no line breaks.";
            return false;
        }

        uri = new GcsUri(bucket, objectName);
        return true;
    }

    /// <summary>Google's bucket naming rules, so a typo is reported here rather than as a 400 from the API.</summary>
    private static string? BucketNameProblem(string bucket)
    {
        if (bucket.Length == 0)
        {
            return "the bucket name is empty.";
        }

        var dotted = bucket.Contains('.', StringComparison.Ordinal);
        if (bucket.Length < 3 || bucket.Length > (dotted ? 222 : 63))
        {
            return $"bucket name '{bucket}' must be 3-63 characters (up to 222 with dots).";
        }

        foreach (var c in bucket)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.'))
            {
                return $"bucket name '{bucket}' may only contain lowercase letters, digits, '-', '_' and '.'.";
            }
        }

        if (!char.IsAsciiLetterOrDigit(bucket[0]) || !char.IsAsciiLetterOrDigit(bucket[^1]))
        {
            return $"bucket name '{bucket}' must start and end with a letter or digit.";
        }

        if (bucket.StartsWith("goog", StringComparison.Ordinal))
        {
            return $"bucket name '{bucket}' may not start with 'goog'.";
        }

        if (dotted && bucket.Split('.').Any(part => part.Length is 0 or > 63))
        {
            return $"bucket name '{bucket}' has an empty or over-long dot-separated part.";
        }

        return null;
    }
}
