using System.Text;
using Cac.Emulators.Hosting;
using Cac.Emulators.Imds;

namespace Cac.Emulators;

/// <summary>The JSON a credential_process prints, as the SDKs' process providers parse it.</summary>
public static class CredentialProcessOutput
{
    /// <summary>
    /// <c>{"Version": 1, "AccessKeyId": …, "SecretAccessKey": …, "SessionToken": …, "Expiration": RFC 3339}</c>,
    /// plus AccountId when <paramref name="withAccountId"/> (newer SDKs read it).
    /// </summary>
    public static string Json(IssuedCredentials credentials, int version = 1, bool withAccountId = false)
    {
        System.ArgumentNullException.ThrowIfNull(credentials);
        var answer = ServedAnswer.Json(200, writer =>
        {
            writer.WriteNumber("Version", version);
            writer.WriteString("AccessKeyId", credentials.AccessKeyId);
            writer.WriteString("SecretAccessKey", credentials.SecretAccessKey);
            writer.WriteString("SessionToken", credentials.SessionToken);
            writer.WriteString("Expiration", InstanceMetadataDocuments.Timestamp(credentials.Expiration));
            if (withAccountId)
            {
                writer.WriteString("AccountId", credentials.AccountId);
            }
        }, indented: true);
        return Encoding.UTF8.GetString(answer.Body);
    }
}
