using System;
using System.Globalization;
using System.Text.Json;
using Cac.Emulators.Hosting;

namespace Cac.Emulators.Imds;

/// <summary>The bodies the instance metadata service answers with, shaped as EC2 writes them.</summary>
internal static class InstanceMetadataDocuments
{
    /// <summary>EC2's error pages are small HTML documents named after the status.</summary>
    public static ServedAnswer Error(int statusCode)
    {
        var title = statusCode + " - " + statusCode switch
        {
            400 => "Bad Request",
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "Not Found",
            405 => "Method Not Allowed",
            500 => "Internal Server Error",
            503 => "Service Unavailable",
            _ => "Error",
        };
        var html = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"\n\t\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n <head>\n  <title>" + title + "</title>\n </head>\n <body>\n  <h1>" + title + "</h1>\n </body>\n</html>\n";
        return ServedAnswer.Text(statusCode, html, "text/html");
    }

    /// <summary>The credentials document; the extended form adds AccountId.</summary>
    public static ServedAnswer Credentials(IssuedCredentials credentials, DateTimeOffset lastUpdated, bool extended) =>
        Json(writer =>
        {
            writer.WriteString("Code", "Success");
            writer.WriteString("LastUpdated", Timestamp(lastUpdated));
            writer.WriteString("Type", "AWS-HMAC");
            writer.WriteString("AccessKeyId", credentials.AccessKeyId);
            writer.WriteString("SecretAccessKey", credentials.SecretAccessKey);
            writer.WriteString("Token", credentials.SessionToken);
            writer.WriteString("Expiration", Timestamp(credentials.Expiration));
            if (extended)
            {
                writer.WriteString("AccountId", credentials.AccountId);
            }
        });

    public static ServedAnswer IdentityDocument(InstanceMetadataOptions options) =>
        Json(writer =>
        {
            writer.WriteString("accountId", options.AccountId);
            writer.WriteString("architecture", "x86_64");
            writer.WriteString("availabilityZone", options.Region + "a");
            writer.WriteNull("billingProducts");
            writer.WriteNull("devpayProductCodes");
            writer.WriteNull("marketplaceProductCodes");
            writer.WriteString("imageId", "ami-0123456789abcdef0");
            writer.WriteString("instanceId", options.InstanceId);
            writer.WriteString("instanceType", "c6i.large");
            writer.WriteNull("kernelId");
            writer.WriteString("pendingTime", "2024-01-01T00:00:00Z");
            writer.WriteString("privateIp", "10.0.0.12");
            writer.WriteNull("ramdiskId");
            writer.WriteString("region", options.Region);
            writer.WriteString("version", "2017-09-30");
        });

    /// <summary>ISO 8601 in UTC with whole seconds and a Z, as EC2 writes times.</summary>
    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // EC2 serves its JSON documents pretty-printed and as text/plain.
    private static ServedAnswer Json(Action<Utf8JsonWriter> members) => ServedAnswer.Json(200, members, "text/plain", indented: true);
}
