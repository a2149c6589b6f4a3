using MoodBot.Audio.Synth.Composition;

namespace MoodBot.Tests.Audio.Synth;

public sealed class TextureMapperTests
{
    [Theory]
    [InlineData("distorted guitar", nameof(Instrument.DistortedGuitar))]
    [InlineData("bright acoustic guitar", nameof(Instrument.Guitar))]
    [InlineData("soft rhodes", nameof(Instrument.ElectricPiano))]
    [InlineData("old upright piano", nameof(Instrument.Piano))]
    [InlineData("solo cello", nameof(Instrument.Cello))]
    [InlineData("warm strings", nameof(Instrument.Strings))]
    [InlineData("punchy brass", nameof(Instrument.Brass))]
    [InlineData("slow breathing pads", nameof(Instrument.Pad))]
    [InlineData("warm drone", nameof(Instrument.Drone))]
    [InlineData("low hum", nameof(Instrument.Drone))]
    [InlineData("growling bass", nameof(Instrument.Bass))]
    [InlineData("big drops", nameof(Instrument.Bass))]
    [InlineData("synth stabs", nameof(Instrument.Synth))]
    [InlineData("glockenspiel", nameof(Instrument.Bells))]
    [InlineData("wind chimes", nameof(Instrument.Chimes))]
    [InlineData("hand claps", nameof(Instrument.Claps))]
    [InlineData("driving kick", nameof(Instrument.Drums))]
    [InlineData("brushed drums", nameof(Instrument.Drums))]
    [InlineData("light percussion", nameof(Instrument.Percussion))]
    [InlineData("steady pulse", nameof(Instrument.Pulse))]
    [InlineData("rain", nameof(Instrument.Rain))]
    [InlineData("raindrops on glass", nameof(Instrument.Rain))]
    [InlineData("soft vinyl crackle", nameof(Instrument.Vinyl))]
    [InlineData("tape hiss", nameof(Instrument.Hiss))]
    [InlineData("gentle waves", nameof(Instrument.Waves))]
    public void Map_TexturesOfTheMoods_GiveTheirInstrument(string texture, string expected)
    {
        Assert.Equal(Enum.Parse<Instrument>(expected), TextureMapper.Map(texture, 0.5));
    }

    [Theory]
    [InlineData(0.2, nameof(Instrument.Pad))]
    [InlineData(0.9, nameof(Instrument.Synth))]
    public void Map_UnknownWords_FallBackByEnergy(double energy, string expected)
    {
        Assert.Equal(Enum.Parse<Instrument>(expected), TextureMapper.Map("purple fog", energy));
    }

    [Fact]
    public void Map_EveryTextureInMoodsJson_IsRecognised()
    {
        // A texture only reaching the fallback would be a keyword the table is missing.
        var catalog = MoodBot.Mood.MoodCatalog.Load(RepoPaths.File("data", "moods.json"));
        foreach (var texture in catalog.All.SelectMany(m => m.Soundscape.Textures))
        {
            // The fallback depends on energy; a recognised keyword does not.
            Assert.Equal(TextureMapper.Map(texture, 0.2), TextureMapper.Map(texture, 0.9));
        }
    }
}
