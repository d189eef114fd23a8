using System;
using System.Security.Cryptography;

namespace Cac.Emulators.Hosting;

/// <summary>
/// Random identifiers shaped like AWS's. Key IDs are assembled at run time so that no
/// key-shaped literal ever lives in the repository.
/// </summary>
internal static class RandomIds
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A prefix such as "ASIA" followed by <paramref name="length"/> characters of [A-Z2-7].</summary>
    public static string AwsId(string prefix, int length) =>
        prefix + new string(RandomNumberGenerator.GetItems<char>(Base32Alphabet, length));

    /// <summary>A 40-character secret key; alphanumeric so that ordinary runs stay predictable to quote.</summary>
    public static string SecretAccessKey() => new(RandomNumberGenerator.GetItems<char>(SecretAlphabet, 40));

    /// <summary>A 40-character secret that contains '+', '/' and '#', characters that break naive shell or INI quoting.</summary>
    public static string SecretAccessKeyWithSpecialCharacters()
    {
        var chars = RandomNumberGenerator.GetItems<char>(SecretAlphabet, 40);
        chars[3] = '+';
        chars[17] = '/';
        chars[29] = '#';
        chars[35] = '+';
        return new string(chars);
    }

    /// <summary>A long opaque session token, as base64 like the real ones.</summary>
    public static string SessionToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(264));

    public static string RequestId() => Guid.NewGuid().ToString("D");

    public static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
