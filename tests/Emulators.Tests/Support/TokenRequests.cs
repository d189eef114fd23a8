using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using Cac.Emulators;

namespace Cac.Emulators.Tests.Support;

/// <summary>Requests a token the way an action does: RequestUrl plus &amp;audience=, with the bearer token.</summary>
internal static class TokenRequests
{
    public static async Task<(int Status, JsonElement Body)> GetAsync(OidcStandIn oidc, string? audience, string? bearer)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var url = audience is null ? oidc.RequestUrl : oidc.RequestUrl + "&audience=" + Uri.EscapeDataString(audience);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await http.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return ((int)response.StatusCode, json.RootElement.Clone());
    }

    public static async Task<string> TokenAsync(OidcStandIn oidc, string? audience = "sts.amazonaws.com")
    {
        var (status, body) = await GetAsync(oidc, audience, oidc.RequestToken);
        Assert.Equal(200, status);
        return body.GetProperty("value").GetString()!;
    }

    public static JsonElement Claims(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload += new string('=', (4 - payload.Length % 4) % 4);
        using var json = JsonDocument.Parse(Convert.FromBase64String(payload));
        return json.RootElement.Clone();
    }
}
