using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.Framing;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Dave.Session;

/// <summary>DAVE's rules over MLS handshakes (Discord reference README, "DAVE v1"; libdave session.cpp
/// ValidateProposalMessage): the gateway alone proposes, and only Add and Remove; an Add names a user in
/// the call; a Commit names cached proposals by reference only, so no member can slip in one of its own.</summary>
internal static class DaveProposalRules
{
    /// <summary>Checks an op 27 proposal before the group verifies its signature and caches it.</summary>
    public static void CheckProposal(MlsMessage message, IReadOnlySet<ulong> connectedUsers)
    {
        var content = message.PublicMessage?.Content ?? throw new DaveRuleException("A proposal must be a PublicMessage.");
        if (content.Sender.Type != SenderType.External || content.ContentType != ContentType.Proposal)
        {
            throw new DaveRuleException($"Only the external sender's proposals are accepted, not a {content.ContentType} from a {content.Sender.Type} sender.");
        }

        switch (Decode(content.Content, static b => Proposal.Decode(b)))
        {
            case AddProposal add:
                var userId = DaveUserIds.FromCredential(add.KeyPackage.LeafNode.Credential);
                if (!connectedUsers.Contains(userId))
                {
                    // A user who never connected (op 11), or has left (op 13), must not get the media keys.
                    throw new DaveRuleException($"An Add for user {userId}, who is not connected.");
                }

                break;
            case RemoveProposal:
                break;
            case var other:
                throw new DaveRuleException($"Only Add and Remove proposals are accepted, not {other.Type}.");
        }
    }

    /// <summary>A Commit must name every proposal by reference: DAVE commits exactly what the gateway proposed.</summary>
    public static void CheckCommitByReference(MlsMessage message)
    {
        var content = message.PublicMessage?.Content ?? throw new DaveRuleException("A commit must be a PublicMessage.");
        if (content.ContentType != ContentType.Commit)
        {
            throw new DaveRuleException($"Expected a Commit, got a {content.ContentType}.");
        }

        if (Decode(content.Content, static b => Commit.Decode(b)).Proposals.Any(p => p.Proposal is not null))
        {
            throw new DaveRuleException("The Commit holds a proposal by value, not a cached reference.");
        }
    }

    private static T Decode<T>(byte[] encoded, Func<byte[], T> decode)
    {
        try
        {
            return decode(encoded);
        }
        catch (TlsDecodeException e)
        {
            throw new DaveRuleException("The handshake content is malformed: " + e.Message, e);
        }
    }
}
