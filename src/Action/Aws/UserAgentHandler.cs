using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Cac.Action.Aws;

/// <summary>Appends <see cref="UserAgentSuffix"/> to the User-Agent of every STS request (the SDK has no setting for it).</summary>
public sealed class UserAgentHandler : DelegatingHandler
{
    private readonly string suffix;

    public UserAgentHandler(HttpMessageHandler inner, string suffix)
        : base(inner)
    {
        this.suffix = suffix;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var current = string.Join(" ", request.Headers.UserAgent);
        request.Headers.Remove("User-Agent");
        request.Headers.TryAddWithoutValidation("User-Agent", current.Length == 0 ? suffix : current + " " + suffix);
        return base.SendAsync(request, cancellationToken);
    }
}
