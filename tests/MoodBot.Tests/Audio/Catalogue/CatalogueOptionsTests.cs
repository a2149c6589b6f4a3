using MoodBot.Audio.Catalogue;

namespace MoodBot.Tests.Audio.Catalogue;

public sealed class CatalogueOptionsTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("gs://moodbot-audio", true)]
    [InlineData("gs://moodbot-audio/moods", true)]
    [InlineData("gs://ab/moods", false)]
    [InlineData("gs://Bad_Bucket/moods", false)]
    [InlineData("https://example.org/moods", false)]
    public void Validate_GcsFolder(string? folder, bool valid)
    {
        var result = new CatalogueGcsFolderValidator().Validate(null, new CatalogueOptions { GcsFolder = folder });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.StartsWith("Catalogue:GcsFolder: ", result.FailureMessage);
        }
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(3, true)]
    [InlineData(11, false)]
    public void Validate_TracksPerReply(int count, bool valid) =>
        Assert.Equal(valid, new CatalogueOptionsValidator().Validate(null, new CatalogueOptions { TracksPerReply = count }).Succeeded);
}
