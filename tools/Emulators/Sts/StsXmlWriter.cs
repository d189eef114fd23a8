using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;

namespace Cac.Emulators.Sts;

/// <summary>Writes STS's Query-protocol XML answers: &lt;XResponse&gt;&lt;XResult&gt;…&lt;/XResult&gt;&lt;ResponseMetadata/&gt;, and ErrorResponse.</summary>
internal static class StsXmlWriter
{
    public const string Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    public static byte[] Success(StsAction action, string requestId, Action<XmlWriter> writeResult)
    {
        return Write(writer =>
        {
            writer.WriteStartElement(action + "Response", Namespace);
            writer.WriteStartElement(action + "Result");
            writeResult(writer);
            writer.WriteEndElement();
            writer.WriteStartElement("ResponseMetadata");
            writer.WriteElementString("RequestId", requestId);
            writer.WriteEndElement();
            writer.WriteEndElement();
        });
    }

    public static byte[] Error(StsErrorException error, string requestId)
    {
        return Write(writer =>
        {
            writer.WriteStartElement("ErrorResponse", Namespace);
            writer.WriteStartElement("Error");
            writer.WriteElementString("Type", error.Type);
            writer.WriteElementString("Code", error.Code);
            writer.WriteElementString("Message", error.Message);
            writer.WriteEndElement();
            writer.WriteElementString("RequestId", requestId);
            writer.WriteEndElement();
        });
    }

    public static void Credentials(XmlWriter writer, KnownAccessKey session)
    {
        writer.WriteStartElement("Credentials");
        writer.WriteElementString("AccessKeyId", session.AccessKeyId);
        writer.WriteElementString("SecretAccessKey", session.SecretAccessKey);
        writer.WriteElementString("SessionToken", session.SessionToken);
        writer.WriteElementString("Expiration", Timestamp(session.Expiration!.Value));
        writer.WriteEndElement();
    }

    public static void AssumedRoleUser(XmlWriter writer, KnownAccessKey session)
    {
        writer.WriteStartElement("AssumedRoleUser");
        writer.WriteElementString("AssumedRoleId", session.UserId);
        writer.WriteElementString("Arn", session.PrincipalArn);
        writer.WriteEndElement();
    }

    public static void OptionalElement(XmlWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteElementString(name, value);
        }
    }

    public static void OptionalElement(XmlWriter writer, string name, int? value) =>
        OptionalElement(writer, name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// <paramref name="answer"/> followed by an XML comment that brings it to <paramref name="size"/> bytes:
    /// still a well-formed answer, so only a size limit stops a client from accepting it.
    /// </summary>
    public static byte[] Padded(byte[] answer, int size)
    {
        var padding = Math.Max(0, size - answer.Length - "\n<!--  -->".Length);
        return [.. answer, .. Encoding.UTF8.GetBytes("\n<!-- " + new string('x', padding) + " -->")];
    }

    /// <summary>
    /// The answer after a DOCTYPE naming its root, with an internal subset (element, attribute list and entity
    /// declarations) that a reader parsing DTDs would act on and one ignoring them skips.
    /// </summary>
    public static byte[] WithDoctype(byte[] answer)
    {
        var text = Encoding.UTF8.GetString(answer);
        var root = text[1..text.IndexOfAny([' ', '>'])];
        var doctype = "<!DOCTYPE " + root + " [\n  <!ELEMENT " + root + " ANY>\n  <!ATTLIST " + root + " xmlns CDATA #IMPLIED>\n"
            + "  <!ENTITY lol \"lol\">\n  <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n";
        return [.. Encoding.UTF8.GetBytes(doctype), .. answer];
    }

    /// <summary>ISO 8601 in UTC with a Z and whole seconds, as STS writes Expiration.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static byte[] Write(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", OmitXmlDeclaration = true };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            write(writer);
        }

        return stream.ToArray();
    }
}
