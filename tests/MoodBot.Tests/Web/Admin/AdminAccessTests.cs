using System.Net;
using Microsoft.AspNetCore.Http;
using MoodBot.Web.Admin;

namespace MoodBot.Tests.Web.Admin;

/// <summary>Who the site admin is, decided on a request alone.</summary>
public sealed class AdminAccessTests
{
    private const string Token = "0123456789abcdef-site-admin";

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Refusal_NoTokenSet_LoopbackWithoutProxyHeaders_IsAdmin(string address) =>
        Assert.Null(AdminAccess.Refusal(Request(address), adminToken: null));

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.9")]
    [InlineData("Forwarded", "for=203.0.113.9")]
    [InlineData("X-Forwarded-Host", "moodbot.example")]
    public void Refusal_NoTokenSet_LoopbackThroughAProxy_IsRefused(string header, string value)
    {
        var request = Request("127.0.0.1");
        request.Request.Headers[header] = value;

        Assert.Equal(AdminAccess.NeedsLocal, AdminAccess.Refusal(request, adminToken: ""));
    }

    [Theory]
    [InlineData("evil.example:5080", null)]
    [InlineData("127.0.0.1:5080", "http://evil.example")]
    [InlineData("localhost:5080", "http://127.0.0.1:5080")]
    public void Refusal_NoTokenSet_LoopbackFromAnotherSite_IsRefused(string host, string? origin)
    {
        var request = Request("127.0.0.1", host);
        if (origin is not null)
        {
            request.Request.Headers.Origin = origin;
        }

        Assert.Equal(AdminAccess.NeedsLocal, AdminAccess.Refusal(request, adminToken: null));
    }

    [Theory]
    [InlineData("localhost:5080", "http://localhost:5080")]
    [InlineData("127.0.0.1:5080", "http://127.0.0.1:5080")]
    [InlineData("[::1]:5080", null)]
    public void Refusal_NoTokenSet_LoopbackFromItsOwnPage_IsAdmin(string host, string? origin)
    {
        var request = Request("::1", host);
        if (origin is not null)
        {
            request.Request.Headers.Origin = origin;
        }

        Assert.Null(AdminAccess.Refusal(request, adminToken: null));
    }

    [Theory]
    [InlineData("192.168.1.30")]
    [InlineData("fe80::1")]
    [InlineData(null)]
    public void Refusal_NoTokenSet_RemoteOrUnknownPeer_IsRefusedWithHowToGetAccess(string? address)
    {
        var refusal = AdminAccess.Refusal(Request(address), adminToken: null);

        Assert.Equal(AdminAccess.NeedsLocal, refusal);
        Assert.Contains("Web:AdminToken", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("192.168.1.30")]
    [InlineData("127.0.0.1")]
    public void Refusal_TokenSet_RightHeader_IsAdminFromAnywhere(string address)
    {
        var request = Request(address);
        request.Request.Headers[AdminAccess.Header] = Token;

        Assert.Null(AdminAccess.Refusal(request, Token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef-site-admiN")]
    [InlineData("0123456789abcdef-site-admin ")]
    [InlineData("0123456789abcdef")]
    public void Refusal_TokenSet_MissingOrWrongHeader_IsRefused_EvenFromLoopback(string? given)
    {
        var request = Request("127.0.0.1");
        if (given is not null)
        {
            request.Request.Headers[AdminAccess.Header] = given;
        }

        var refusal = AdminAccess.Refusal(request, Token);

        Assert.Equal(AdminAccess.NeedsToken, refusal);
        Assert.DoesNotContain(Token, refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("short", false)]
    [InlineData("0123456789abcdef", true)]
    public void AdminTokenLength_EmptyOrLong_IsValid(string? token, bool valid) =>
        Assert.Equal(valid, new AdminTokenLengthAttribute().IsValid(token));

    private static DefaultHttpContext Request(string? address, string host = "localhost:5080") =>
        new()
        {
            Connection = { RemoteIpAddress = address is null ? null : IPAddress.Parse(address) },
            Request = { Scheme = "http", Host = new HostString(host) },
        };
}
