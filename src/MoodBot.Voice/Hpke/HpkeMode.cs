namespace MoodBot.Voice.Hpke;

/// <summary>The four HPKE modes (RFC 9180 section 5, table 1). MLS uses only <see cref="Base"/>.</summary>
public enum HpkeMode : byte
{
    Base = 0x00,
    Psk = 0x01,
    Auth = 0x02,
    AuthPsk = 0x03,
}
