namespace Cac.Emulators.Sts;

/// <summary>sts:GetCallerIdentity: who signed the request.</summary>
internal static class GetCallerIdentityHandler
{
    public static byte[] Handle(StsCall call)
    {
        var caller = call.Caller!;
        return StsXmlWriter.Success(StsAction.GetCallerIdentity, call.RequestId, writer =>
        {
            writer.WriteElementString("UserId", caller.UserId);
            writer.WriteElementString("Account", caller.Account);
            writer.WriteElementString("Arn", caller.PrincipalArn);
        });
    }
}
