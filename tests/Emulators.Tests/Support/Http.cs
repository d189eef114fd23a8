using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;

namespace Cac.Emulators.Tests.Support;

/// <summary>Plain HTTP the way the credential providers send it: no redirects followed, no proxy.</summary>
internal static class Http
{
    public static HttpClient Client(TimeSpan? timeout = null) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };

    public static async Task<(int Status, string Body, HttpResponseMessage Response)> SendAsync(
        HttpClient http, HttpMethod method, Uri url, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        using var request = new HttpRequestMessage(method, url);
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }
}
