using MoodBot.Voice.Gateway;

namespace MoodBot.Voice.Tests.Gateway;

public sealed class VoiceCloseCodesTests
{
    public static TheoryData<int, VoiceCloseAction> Table => new()
    {
        { 1000, VoiceCloseAction.Resume },
        { 1001, VoiceCloseAction.Resume },
        { 1006, VoiceCloseAction.Resume },
        { 4001, VoiceCloseAction.Stop },
        { 4002, VoiceCloseAction.Stop },
        { 4003, VoiceCloseAction.Stop },
        { 4004, VoiceCloseAction.Stop },
        { 4005, VoiceCloseAction.Stop },
        { 4006, VoiceCloseAction.Rejoin },
        { 4009, VoiceCloseAction.Rejoin },
        { 4011, VoiceCloseAction.Stop },
        { 4012, VoiceCloseAction.Stop },
        { 4014, VoiceCloseAction.Stop },
        { 4015, VoiceCloseAction.Resume },
        { 4016, VoiceCloseAction.Stop },
        { 4017, VoiceCloseAction.Stop },
        { 4020, VoiceCloseAction.Stop },
        { 4021, VoiceCloseAction.Stop },
        { 4022, VoiceCloseAction.Stop },
        { 4099, VoiceCloseAction.Stop },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Classify_CloseCode_GivesDocumentedAction(int code, VoiceCloseAction expected) =>
        Assert.Equal(expected, VoiceCloseCodes.Classify(code));
}
