using System;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Tasks;

namespace Cac.Action.Tests.Net.Proxy;

/// <summary>
/// An https server on 127.0.0.1 with a certificate made at start (none is kept in the repository) that
/// answers every request with <see cref="Body"/>: the far end of a proxy tunnel.
/// </summary>
internal sealed class TlsOrigin : LoopbackListener
{
    private readonly X509Certificate2 certificate;

    public TlsOrigin(string body)
    {
        Body = body;
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        Start();
    }

    public string Body { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        certificate.Dispose();
    }

    protected override async Task ServeAsync(TcpClient client)
    {
        using (client)
        await using (var tls = new SslStream(client.GetStream()))
        {
            try
            {
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, Stop.Token);
                var buffer = new byte[4096];
                var head = new StringBuilder();
                while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await tls.ReadAsync(buffer, Stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                var answer = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + Body.Length + "\r\nConnection: close\r\n\r\n" + Body;
                await tls.WriteAsync(Encoding.ASCII.GetBytes(answer), Stop.Token);
            }
            catch (Exception exception) when (exception is System.IO.IOException or AuthenticationException or OperationCanceledException)
            {
                // A client that gave up on the handshake: nothing to answer.
            }
        }
    }
}
