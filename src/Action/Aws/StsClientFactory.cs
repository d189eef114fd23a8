using System.Net.Http;
using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;

namespace Cac.Action.Aws;

/// <summary>
/// Builds STS clients for the run's region and endpoint over one shared <see cref="HttpClient"/>, whose
/// handlers own timeouts, size limits, redirects and the proxy. The SDK's own retries are off:
/// <see cref="Retrier"/> owns retrying, so attempts are counted and logged once. The SDK's redirect
/// following is off too: a redirect is an error, never a second request elsewhere.
/// </summary>
public sealed class StsClientFactory : IStsClientFactory
{
    private readonly StsEndpoint endpoint;
    private readonly SharedHttpClientFactory httpClientFactory;

    public StsClientFactory(StsEndpoint endpoint, HttpClient httpClient)
    {
        this.endpoint = endpoint;
        httpClientFactory = new SharedHttpClientFactory(httpClient);
    }

    public IAmazonSecurityTokenService Create(AWSCredentials credentials)
    {
        var config = new AmazonSecurityTokenServiceConfig
        {
            MaxErrorRetry = 0,
            // The SDK also re-sends after a reset connection on a budget of its own; ours counts every attempt.
            MaxStaleConnectionRetries = 0,
            AllowAutoRedirect = false,
            HttpClientFactory = httpClientFactory,
            UseFIPSEndpoint = endpoint.UseFips,
            UseDualstackEndpoint = endpoint.UseDualstack,
        };

        if (endpoint.Url.Length > 0)
        {
            config.ServiceURL = endpoint.Url;
            config.AuthenticationRegion = endpoint.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(endpoint.Region);
        }

        return new AmazonSecurityTokenServiceClient(credentials, config);
    }

    /// <summary>Hands the SDK our HttpClient so that timeouts, limits, redirects, proxy and connection reuse are ours to set.</summary>
    private sealed class SharedHttpClientFactory : HttpClientFactory
    {
        private readonly HttpClient client;

        public SharedHttpClientFactory(HttpClient client)
        {
            this.client = client;
        }

        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => client;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override string? GetConfigUniqueString(IClientConfig clientConfig) => null;
    }
}
