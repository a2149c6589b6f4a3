using MoodBot.Voice.Mls.Framing;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Mls.Group;

/// <summary>A proposal a Commit covers, with who proposed it: the committer for one sent by value, or the
/// sender of the proposal message a reference names (RFC 9420 section 12.4). <see cref="Reference"/> is
/// the ProposalRef, null for a proposal by value.</summary>
public sealed record ResolvedProposal(Proposal Proposal, Sender Sender, byte[]? Reference);
