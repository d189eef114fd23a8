using System.Buffers.Text;
using System.Text;
using Cac.Action.Credentials.Tokens;

namespace Cac.Action.Tests.Credentials.Tokens;

public sealed class JwtClaimsTests
{
    private static string Segment(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private static string Token(string payloadJson) =>
        Segment("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + Segment(payloadJson) + ".c2lnbmF0dXJl";

    [Fact]
    public void Decodes_string_claims_as_text_and_others_as_json()
    {
        var claims = JwtClaims.Decode(Token(
            "{\"sub\":\"repo:octo/app:ref:refs/heads/main\",\"aud\":[\"sts.amazonaws.com\",\"x\"],\"exp\":1700000000,\"ok\":true}"));

        Assert.Equal("repo:octo/app:ref:refs/heads/main", claims["sub"]);
        Assert.Equal("[\"sts.amazonaws.com\",\"x\"]", claims["aud"]);
        Assert.Equal("1700000000", claims["exp"]);
        Assert.Equal("true", claims["ok"]);
        Assert.Equal(4, claims.Count);
    }

    [Fact]
    public void Decodes_payloads_whose_base64url_needs_the_url_alphabet()
    {
        // This payload encodes to "eyJxIjoiPz8-In0": a "-" where plain base64 has "+".
        var claims = JwtClaims.Decode(Token("{\"q\":\"??>\"}"));

        Assert.Equal("??>", claims["q"]);
    }

    [Fact]
    public void An_unsigned_token_with_an_empty_signature_still_decodes()
    {
        var token = Segment("{}") + "." + Segment("{\"iss\":\"https://token.actions.githubusercontent.com\"}") + ".";

        Assert.Equal("https://token.actions.githubusercontent.com", JwtClaims.Decode(token)["iss"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-jwt")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("eyJ9.!!!.sig")]
    [InlineData("..")]
    public void Garbage_gives_no_claims(string? token) => Assert.Empty(JwtClaims.Decode(token));

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"unterminated\":")]
    public void A_payload_that_is_not_a_json_object_gives_no_claims(string payload) =>
        Assert.Empty(JwtClaims.Decode(Token(payload)));
}
