using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;

namespace Cac.CredentialProcess;

/// <summary>
/// A stand-in for a <c>credential_process</c> command, so tests need no shell and no script: it does what
/// its arguments say, the way a real credential helper can behave.
/// </summary>
/// <remarks>
/// Usage: <c>[--args-to FILE] [--env-to FILE] [--stderr TEXT] MODE ...</c>, where MODE is
/// <c>print FILE</c> (FILE's bytes to stdout, exit 0), <c>fail CODE TEXT</c> (TEXT to stderr, exit CODE),
/// <c>hang</c> (never exits), <c>print-then-hang FILE</c> (prints FILE, keeps stdout open, never exits),
/// <c>garbage</c> (prints bytes that are not JSON) or <c>flood BYTES</c> (prints that many bytes).
/// <c>--args-to</c> and <c>--env-to</c> first record the arguments (a JSON array) and the environment (a JSON
/// object) the process got, so a test can check how its command line was split and what it inherited.
/// </remarks>
internal static class Program
{
    private const int Usage = 64;

    public static int Main(string[] args)
    {
        var rest = new Queue<string>(args);
        string? stderr = null;
        while (rest.Count > 0 && rest.Peek().StartsWith("--", StringComparison.Ordinal))
        {
            var option = rest.Dequeue();
            if (rest.Count == 0)
            {
                return Fail("missing value for " + option);
            }

            var value = rest.Dequeue();
            switch (option)
            {
                case "--args-to":
                    File.WriteAllText(value, JsonSerializer.Serialize(args, ProgramJson.Default.StringArray));
                    break;
                case "--env-to":
                    var environment = System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
                        .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? string.Empty, StringComparer.Ordinal);
                    File.WriteAllText(value, JsonSerializer.Serialize(environment, ProgramJson.Default.DictionaryStringString));
                    break;
                case "--stderr":
                    stderr = value;
                    break;
                default:
                    return Fail("unknown option " + option);
            }
        }

        if (stderr is not null)
        {
            Console.Error.Write(stderr);
        }

        var mode = rest.Count > 0 ? rest.Dequeue() : string.Empty;
        using var stdout = Console.OpenStandardOutput();
        switch (mode)
        {
            case "print" when rest.Count == 1:
                stdout.Write(File.ReadAllBytes(rest.Dequeue()));
                return 0;
            case "print-then-hang" when rest.Count == 1:
                stdout.Write(File.ReadAllBytes(rest.Dequeue()));
                stdout.Flush();
                Thread.Sleep(Timeout.Infinite);
                return 0;
            case "fail" when rest.Count == 2 && int.TryParse(rest.Peek(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code):
                rest.Dequeue();
                Console.Error.Write(rest.Dequeue());
                return code;
            case "hang" when rest.Count == 0:
                Thread.Sleep(Timeout.Infinite);
                return 0;
            case "garbage" when rest.Count == 0:
                stdout.Write("Version: 1\nAccessKeyId = not JSON at all\n\u0000\u001b[31m"u8);
                return 0;
            case "flood" when rest.Count == 1 && int.TryParse(rest.Peek(), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes):
                var chunk = new byte[64 * 1024];
                Array.Fill(chunk, (byte)'x');
                for (var left = bytes; left > 0; left -= chunk.Length)
                {
                    stdout.Write(chunk, 0, Math.Min(left, chunk.Length));
                }

                return 0;
            default:
                return Fail("usage: [--args-to FILE] [--env-to FILE] [--stderr TEXT] print FILE | print-then-hang FILE | fail CODE TEXT | hang | garbage | flood BYTES");
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return Usage;
    }
}
