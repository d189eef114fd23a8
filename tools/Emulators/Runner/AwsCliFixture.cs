using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Cac.Emulators.Runner;

/// <summary>
/// One folder of tests/Fixtures/aws-cli (copied beside Cac.Emulators.dll): its config and credentials files
/// as bytes, with <c>{{NAME}}</c> placeholders filled in by <see cref="With"/>. Line endings and a byte
/// order mark are kept exactly; only the placeholders change.
/// </summary>
public sealed partial class AwsCliFixture
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private readonly Dictionary<string, string> _values;

    private AwsCliFixture(string name, byte[]? config, byte[]? credentials, Dictionary<string, string> values)
    {
        Name = name;
        Config = config;
        Credentials = credentials;
        _values = values;
    }

    public string Name { get; }

    /// <summary>The config file's bytes as stored, or null when the fixture has none.</summary>
    public byte[]? Config { get; }

    /// <summary>The credentials file's bytes as stored, or null when the fixture has none.</summary>
    public byte[]? Credentials { get; }

    /// <summary>The folder the fixtures were copied to.</summary>
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures", "aws-cli");

    /// <summary>Every fixture's name (its folder).</summary>
    public static IReadOnlyList<string> Names => Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    public static AwsCliFixture Load(string name)
    {
        var folder = Path.Combine(Root, name);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"No AWS CLI fixture '{name}' under {Root}.");
        }

        static byte[]? Read(string path) => File.Exists(path) ? File.ReadAllBytes(path) : null;
        return new AwsCliFixture(name, Read(Path.Combine(folder, "config")), Read(Path.Combine(folder, "credentials")), new Dictionary<string, string>(StringComparer.Ordinal));
    }

    /// <summary>A copy that replaces <c>{{placeholder}}</c> with <paramref name="value"/>.</summary>
    public AwsCliFixture With(string placeholder, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(placeholder);
        ArgumentNullException.ThrowIfNull(value);
        return new AwsCliFixture(Name, Config, Credentials, new Dictionary<string, string>(_values, StringComparer.Ordinal) { [placeholder] = value });
    }

    /// <summary>The placeholders the files use.</summary>
    public IReadOnlyList<string> Placeholders =>
        new[] { Config, Credentials }.OfType<byte[]>()
            .SelectMany(bytes => Placeholder().Matches(Encoding.UTF8.GetString(bytes)).Select(match => match.Groups[1].Value))
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The config file with placeholders filled in; throws when one has no value.</summary>
    public byte[]? RenderConfig() => Render(Config);

    public byte[]? RenderCredentials() => Render(Credentials);

    private byte[]? Render(byte[]? bytes)
    {
        if (bytes is null)
        {
            return null;
        }

        var bom = bytes.AsSpan().StartsWith(ByteOrderMark);
        var text = Encoding.UTF8.GetString(bom ? bytes[ByteOrderMark.Length..] : bytes);
        text = Placeholder().Replace(text, match => _values.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"The fixture '{Name}' uses {{{{{match.Groups[1].Value}}}}}: give it a value with With()."));
        var rendered = Encoding.UTF8.GetBytes(text);
        return bom ? [.. ByteOrderMark, .. rendered] : rendered;
    }

    [GeneratedRegex(@"\{\{([A-Z_]+)\}\}")]
    private static partial Regex Placeholder();
}
