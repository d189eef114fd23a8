using System;
using System.Collections.Generic;
using System.Linq;
using Cac.Action.Errors;
using Cac.Action.Tests.TestSupport;

namespace Cac.Action.Tests.Errors;

/// <summary>Every error code users can see is unique, has a hint, and is listed in the README's Errors table.</summary>
public sealed class ErrorCodeDocumentationTests
{
    private static readonly IReadOnlyList<ErrorCode> AllCodes =
    [
        ErrorCode.InvalidInput, ErrorCode.OidcPermissionMissing, ErrorCode.OidcTokenFetch, ErrorCode.TrustPolicyMismatch,
        ErrorCode.AudienceMismatch, ErrorCode.IdentityProviderMissing, ErrorCode.AssumeRoleDenied, ErrorCode.SessionTags,
        ErrorCode.DurationTooLong, ErrorCode.TokenExpired, ErrorCode.Throttled, ErrorCode.Network, ErrorCode.CredentialsInvalid,
        ErrorCode.AccountNotAllowed, ErrorCode.NoCredentialsReturned, ErrorCode.RunnerEnvironment, ErrorCode.ActionTimeout,
        ErrorCode.TokenFile, ErrorCode.NoCredentialsFound, ErrorCode.ProfileFiles, ErrorCode.Internal,
        ErrorCode.Redirected, ErrorCode.AnswerTooLarge,
        ErrorCode.RunnerFileUnusable, ErrorCode.WriteFailed, ErrorCode.ProfileFilesLocked, ErrorCode.ContainerCredentials,
        ErrorCode.AmbientProfileFiles, ErrorCode.AmbientProfile,
        ErrorCode.OpenSslMissing,
    ];

    [Fact]
    public void The_list_here_is_every_code_declared()
    {
        var declared = typeof(ErrorCode).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(field => field.FieldType == typeof(ErrorCode))
            .Select(field => (ErrorCode)field.GetValue(null)!)
            .ToHashSet();
        Assert.Equal(declared.OrderBy(code => code.Code), AllCodes.OrderBy(code => code.Code));
    }

    [Fact]
    public void Codes_are_unique_and_every_one_has_a_hint_and_a_readme_row()
    {
        Assert.Equal(AllCodes.Count, AllCodes.Select(code => code.Code).Distinct().Count());
        var readme = RepositoryFiles.ReadText("README.md");
        foreach (var code in AllCodes)
        {
            Assert.Matches("^CAC-E[0-9]{3}$", code.Code);
            Assert.False(string.IsNullOrWhiteSpace(code.Hint));
            Assert.Contains("| " + code.Code + " |", readme, StringComparison.Ordinal);
        }
    }
}
