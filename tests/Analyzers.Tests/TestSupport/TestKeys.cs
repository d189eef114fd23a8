using System.Text;

namespace Cac.Analyzers.Tests.TestSupport;

/// <summary>
/// Access-key-shaped strings made at run time, so no file in the repository holds one (secret scanners and
/// the repository's own check would rightly object). The 16 characters after the prefix walk the base32
/// alphabet with a stride that visits every character once.
/// </summary>
internal static class TestKeys
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>A 20-character key ID: <paramref name="prefix"/> (4 characters) and 16 varied base32 characters.</summary>
    public static string Make(string prefix, int offset = 0)
    {
        var key = new StringBuilder(prefix);
        for (var i = 0; i < 16; i++)
        {
            key.Append(Base32[(offset + (i * 7)) % Base32.Length]);
        }

        return key.ToString();
    }
}
