namespace Cac.Action.Planning;

/// <summary>Where a successful run hands its result: environment variables, step outputs, a profile, the post step's state, the job summary.</summary>
public sealed record ExportPlan
{
    /// <summary>AWS_REGION, the credentials and AWS_PROFILE in GITHUB_ENV (<c>output-env-credentials</c>).</summary>
    public required bool EnvironmentVariables { get; init; }

    /// <summary>The credentials as step outputs too (<c>output-credentials</c>).</summary>
    public required bool CredentialOutputs { get; init; }

    /// <summary>The profile to write the credentials into (<c>aws-profile</c>); empty for none.</summary>
    public required string Profile { get; init; }

    /// <summary>Whether an existing profile of that name may be replaced (<c>overwrite-aws-profile</c>).</summary>
    public required bool OverwriteProfile { get; init; }

    /// <summary>Whether the post step restores what this step changed (<c>cleanup</c>): the state it needs is saved.</summary>
    public required bool Cleanup { get; init; }

    /// <summary>Whether a table goes to the job summary (<c>job-summary</c>), when the runner gives a summary file.</summary>
    public required bool JobSummary { get; init; }
}
