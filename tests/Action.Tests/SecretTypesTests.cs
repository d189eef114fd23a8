using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System;
using Cac.Abstractions;
using Cac.Action.Credentials.Tokens;
using Cac.Action.Runner;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;

namespace Cac.Action.Tests;

/// <summary>
/// Credential-bearing values are <see cref="Secret"/>s in the runtime's types, never bare strings that an
/// interpolation could print: every property, field and parameter whose name says it holds a token, a
/// secret, a password or a key is checked by reflection over the runtime assembly.
/// </summary>
public sealed partial class SecretTypesTests
{
    [Fact]
    public void No_member_named_for_a_credential_is_a_bare_string()
    {
        var offenders = new List<string>();
        foreach (var type in typeof(ActionLog).Assembly.GetTypes().Where(type => type.GetCustomAttribute<CompilerGeneratedAttribute>() is null))
        {
            const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var property in type.GetProperties(All).Where(property => property.PropertyType == typeof(string)))
            {
                // A token type's Value is the token, whatever the property is called.
                var name = property.Name == "Value" ? type.Name : property.Name;
                Check(type.FullName + "." + property.Name, name, offenders);
            }

            foreach (var field in type.GetFields(All).Where(field => field.FieldType == typeof(string) && !field.IsLiteral && !field.Name.Contains('<', StringComparison.Ordinal)))
            {
                Check(type.FullName + "." + field.Name, field.Name, offenders);
            }

            foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
            {
                foreach (var parameter in method.GetParameters().Where(parameter => parameter.ParameterType == typeof(string)))
                {
                    Check(type.FullName + "." + method.Name + "(" + parameter.Name + ")", parameter.Name!, offenders);
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void A_github_token_prints_as_stars()
    {
        var token = new GitHubIdToken(Secret.Create("eyJ0.eyJ0.c2ln", new ActionLog(new RecordingConsole(), isDebug: false)), DateTimeOffset.UnixEpoch);

        Assert.Equal("token ***", $"token {token.Value}");
        Assert.DoesNotContain("eyJ0", token.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Where a raw value is allowed by design: the masking primitive that learns it, the factory that masks
    /// it into Secrets.
    /// </summary>
    private static readonly string[] Allowed =
    [
        "Cac.Action.Runner.SecretRedactor.Add(secret)",
        "Cac.Action.Credentials.Ambient.AmbientCredentials.Create(secretAccessKey)",
        "Cac.Action.Credentials.Ambient.AmbientCredentials.Create(sessionToken)",
    ];

    private static void Check(string member, string name, List<string> offenders)
    {
        if (CredentialName().IsMatch(name) && !NotACredential().IsMatch(name) && !Allowed.Contains(member))
        {
            offenders.Add(member);
        }
    }

    /// <summary>Names that say the value is a credential.</summary>
    [GeneratedRegex("(token|secret|password|accesskey|credential)", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialName();

    /// <summary>Names that only point at one: a file path, a variable name, a provider's name, a key ID, a message.</summary>
    [GeneratedRegex("(file|path|variable|provider|name|message|keyid|source|type|kind|header|section)", RegexOptions.IgnoreCase)]
    private static partial Regex NotACredential();
}
