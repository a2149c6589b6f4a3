namespace MoodBot.Voice.Mls.Messages;

/// <summary>LeafNodeSource (RFC 9420 section 7.2): how a leaf node came to be, which decides what it carries.</summary>
public enum LeafNodeSource : byte
{
    KeyPackage = 1,
    Update = 2,
    Commit = 3,
}
