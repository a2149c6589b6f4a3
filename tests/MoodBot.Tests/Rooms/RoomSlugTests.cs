using MoodBot.Rooms;

namespace MoodBot.Tests.Rooms;

public sealed class RoomSlugTests
{
    [Theory]
    [InlineData("Kitchen", "kitchen")]
    [InlineData("Friday Night Café!", "friday-night-cafe")]
    [InlineData("  --Lo-fi   & Chill--  ", "lo-fi-chill")]
    [InlineData("日本語", "room")]
    [InlineData("", "room")]
    public void From_Name_MakesAnAddressPart(string name, string slug) => Assert.Equal(slug, RoomSlug.From(name));

    [Fact]
    public void From_LongName_IsCut()
    {
        var slug = RoomSlug.From(new string('a', 200));

        Assert.Equal(RoomSlug.MaxChars, slug.Length);
        Assert.True(RoomSlug.IsValid(slug));
    }

    [Fact]
    public void Create_SameNameTwice_GetsASuffix()
    {
        using var rig = new RoomRig();

        var first = rig.Rooms.Create("Kitchen", isPrivate: false).Room.Slug;
        var second = rig.Rooms.Create("kitchen", isPrivate: false).Room.Slug;

        Assert.Equal(("kitchen", "kitchen-2"), (first, second));
    }

    [Fact]
    public void Tokens_AreLongAndOnlyTheirHashesAreStored()
    {
        using var rig = new RoomRig();

        var (room, admin, join) = rig.Rooms.Create("Secret", isPrivate: true);
        var stored = rig.Rooms.Find(room.Slug)!;

        Assert.Equal(43, admin.Length);
        Assert.NotEqual(admin, join);
        Assert.True(RoomTokens.Matches(admin, stored.AdminTokenHash));
        Assert.True(RoomTokens.Matches(join, stored.JoinTokenHash));
        Assert.False(RoomTokens.Matches(join, stored.AdminTokenHash));
        Assert.False(RoomTokens.Matches("", stored.AdminTokenHash));
        var database = File.ReadAllBytes(Path.Combine(rig.State.Directory, MoodBot.State.StateStore.FileName));
        Assert.Equal(-1, database.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(admin)));
    }
}
