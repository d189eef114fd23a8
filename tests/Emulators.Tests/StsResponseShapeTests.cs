using System.Collections.Generic;
using System.Threading.Tasks;
using System.Xml.Linq;
using Cac.Emulators.Tests.Support;

namespace Cac.Emulators.Tests;

public sealed class StsResponseShapeTests
{
    private static readonly XNamespace Sts = "https://sts.amazonaws.com/doc/2011-06-15/";

    [Fact]
    public async Task An_unknown_action_gives_an_InvalidAction_ErrorResponse_shaped_like_STS()
    {
        await using var sts = await StsEmulator.StartAsync();

        var (status, body) = await RawSts.PostAsync(sts, new Dictionary<string, string> { ["Action"] = "GetSessionTokens", ["Version"] = "2011-06-15" });

        Assert.Equal(400, status);
        var root = XDocument.Parse(body).Root!;
        Assert.Equal(Sts + "ErrorResponse", root.Name);
        Assert.Equal("Sender", root.Element(Sts + "Error")!.Element(Sts + "Type")!.Value);
        Assert.Equal("InvalidAction", root.Element(Sts + "Error")!.Element(Sts + "Code")!.Value);
        Assert.Equal("Could not find operation GetSessionTokens for version 2011-06-15", root.Element(Sts + "Error")!.Element(Sts + "Message")!.Value);
        Assert.False(string.IsNullOrEmpty(root.Element(Sts + "RequestId")!.Value));
    }

    [Fact]
    public async Task The_web_identity_answer_has_the_elements_of_the_real_one()
    {
        await using var linked = await Linked.StartAsync();
        Roles.RegisterDeployRole(linked.Sts);

        var (status, body) = await RawSts.PostAsync(linked.Sts, new Dictionary<string, string>
        {
            ["Action"] = "AssumeRoleWithWebIdentity",
            ["Version"] = "2011-06-15",
            ["RoleArn"] = StsClients.RoleArn,
            ["RoleSessionName"] = "raw",
            ["WebIdentityToken"] = linked.Oidc.IssueToken("sts.amazonaws.com"),
        });

        Assert.Equal(200, status);
        var result = XDocument.Parse(body).Root!.Element(Sts + "AssumeRoleWithWebIdentityResult")!;
        foreach (var name in new[] { "Credentials", "SubjectFromWebIdentityToken", "AssumedRoleUser", "Provider", "Audience" })
        {
            Assert.NotNull(result.Element(Sts + name));
        }

        Assert.EndsWith("Z", result.Element(Sts + "Credentials")!.Element(Sts + "Expiration")!.Value, System.StringComparison.Ordinal);
        Assert.NotNull(XDocument.Parse(body).Root!.Element(Sts + "ResponseMetadata")!.Element(Sts + "RequestId"));
    }
}
