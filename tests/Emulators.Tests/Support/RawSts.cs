using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Cac.Emulators;

namespace Cac.Emulators.Tests.Support;

/// <summary>Unsigned form posts, for requests the SDK would never send.</summary>
internal static class RawSts
{
    public static async Task<(int Status, string Body)> PostAsync(StsEmulator emulator, IEnumerable<KeyValuePair<string, string>> form)
    {
        using var http = new HttpClient { Timeout = System.TimeSpan.FromSeconds(20) };
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(emulator.Endpoint, content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
