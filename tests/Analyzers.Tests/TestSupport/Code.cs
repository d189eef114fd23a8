namespace Cac.Analyzers.Tests.TestSupport;

/// <summary>Wraps test statements in a method that has the usual suspects in scope.</summary>
internal static class Code
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.IO;
        using System.Linq;
        using System.Text;
        using System.Threading.Tasks;
        using Cac.Abstractions;
        using Microsoft.Extensions.Logging;
        using Sample;

        """;

    /// <summary>
    /// <paramref name="body"/> inside <c>async Task M(...)</c> with: <c>inputs</c>, <c>outputs</c>, <c>environment</c>,
    /// <c>masker</c>, <c>sink</c> (IOutputSink), <c>credentials</c> (STS), <c>aws</c> (AWSCredentials),
    /// <c>logger</c>, <c>writer</c> (TextWriter), <c>secret</c>, <c>text</c> (a plain string).
    /// </summary>
    public static string InMethod(string body, string members = "") => Usings + $$"""
        partial class C
        {
            async Task M(
                ActionInputs inputs, ActionOutputs outputs, IActionEnvironment environment, ISecretMasker masker, IOutputSink sink,
                Amazon.SecurityToken.Model.Credentials credentials, Amazon.Runtime.AWSCredentials aws, ILogger logger,
                TextWriter writer, Secret secret, string text)
            {
                await Task.Yield();
        {{body}}
            }
        {{members}}
        }
        """;
}
