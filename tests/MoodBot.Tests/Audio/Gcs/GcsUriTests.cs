using MoodBot.Audio.Gcs;

namespace MoodBot.Tests.Audio.Gcs;

public sealed class GcsUriTests
{
    [Theory]
    [InlineData("gs://moodbot-audio/moods/calm/waves.ogg", "moodbot-audio", "moods/calm/waves.ogg")]
    [InlineData("gs://a.b.c/x", "a.b.c", "x")]
    [InlineData("gs://my_bucket-1/dir/with space/é.mp3", "my_bucket-1", "dir/with space/é.mp3")]
    public void Parse_TrackUri_SplitsBucketAndObject(string value, string bucket, string objectName)
    {
        var uri = GcsUri.Parse(value);

        Assert.Equal(new GcsUri(bucket, objectName), uri);
        Assert.Equal(value, uri.ToString());
    }

    [Theory]
    [InlineData("gs://moodbot-audio", "")]
    [InlineData("gs://moodbot-audio/", "")]
    [InlineData("gs://moodbot-audio/moods", "moods/")]
    [InlineData("gs://moodbot-audio/moods/", "moods/")]
    public void PrefixFor_CatalogueRoot_EndsInTheMoodFolder(string root, string expectedRoot)
    {
        Assert.Equal(expectedRoot + "calm/", GcsUri.Parse(root, allowEmptyObject: true).PrefixFor("calm"));
    }

    [Theory]
    [InlineData("https://storage.googleapis.com/b/o", "not a gs:// URI")]
    [InlineData("", "not a gs:// URI")]
    [InlineData("gs:///object", "bucket name is empty")]
    [InlineData("gs://ab/object", "3-63 characters")]
    [InlineData("gs://Upper-Case/object", "lowercase letters")]
    [InlineData("gs://-leading/object", "start and end with a letter or digit")]
    [InlineData("gs://google-thing/object", "may not start with 'goog'")]
    [InlineData("gs://a..b/object", "empty or over-long")]
    [InlineData("gs://moodbot-audio/", "names a bucket but no object")]
    [InlineData("gs://moodbot-audio", "names a bucket but no object")]
    public void TryParse_BadTrackUri_SaysWhatIsWrong(string value, string reason)
    {
        Assert.False(GcsUri.TryParse(value, allowEmptyObject: false, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => GcsUri.Parse(value));
    }

    [Fact]
    public void TryParse_ObjectNameWithLineBreak_Fails()
    {
        Assert.False(GcsUri.TryParse("gs://moodbot-audio/a\nb.ogg", false, out _, out var error));
        Assert.Contains("line breaks", error, StringComparison.Ordinal);
    }
}
