namespace Cac.Action.Errors;

/// <summary>
/// The documented failure classes. Each has a stable code (printed as <c>[CAC-Ennn]</c>), a summary of what
/// happened, and a one-line fix hint, so a failed run says what to change rather than only what went wrong.
/// The README's error table is generated from these (tools/ActionDocs), so the two cannot disagree;
/// docs/errors.md says how the codes are grouped.
/// </summary>
public sealed record ErrorCode(string Code, string Summary, string Hint)
{
    public static readonly ErrorCode InvalidInput = new("CAC-E001",
        "An input is invalid (the message names it and the accepted values)",
        "Fix the input named above; the README's Inputs table lists every accepted value.");

    public static readonly ErrorCode OidcPermissionMissing = new("CAC-E002",
        "OIDC is implied but the job has no ID token",
        "Add `permissions: id-token: write` to the job or workflow. Pull requests from forks and Dependabot runs get no ID token: use access keys or skip this step there.");

    public static readonly ErrorCode OidcTokenFetch = new("CAC-E003",
        "GitHub's token service failed",
        "GitHub's token service did not issue an ID token; check the `audience` input and https://www.githubstatus.com, then re-run the job.");

    public static readonly ErrorCode TrustPolicyMismatch = new("CAC-E004",
        "The role's trust policy rejected the token",
        "The role's trust policy does not accept this workflow's token: compare its `sub`/`aud` conditions with the claims printed above.");

    public static readonly ErrorCode AudienceMismatch = new("CAC-E005",
        "Wrong token audience",
        "The token's audience is not one the IAM identity provider accepts: set `audience` to the provider's audience (default sts.amazonaws.com).");

    public static readonly ErrorCode IdentityProviderMissing = new("CAC-E006",
        "No IAM OIDC identity provider for GitHub in the account",
        "Create an IAM OIDC identity provider for https://token.actions.githubusercontent.com in the role's account.");

    public static readonly ErrorCode AssumeRoleDenied = new("CAC-E007",
        "AssumeRole denied",
        "Allow these credentials in the role's trust policy (`sts:AssumeRole`, plus `sts:TagSession` unless `role-skip-session-tagging` is true).");

    public static readonly ErrorCode SessionTags = new("CAC-E008",
        "Session tags rejected or too large",
        "Session tags were rejected: set `role-skip-session-tagging: true`, drop `custom-tags`, or allow `sts:TagSession` in the trust policy.");

    public static readonly ErrorCode DurationTooLong = new("CAC-E009",
        "Duration above the role's maximum",
        "Lower `role-duration-seconds` to at most the role's maximum session duration (chained roles: 3600).");

    public static readonly ErrorCode TokenExpired = new("CAC-E010",
        "Web identity token expired",
        "The web identity token expired before STS accepted it; re-run the job, and check the runner's clock.");

    public static readonly ErrorCode Throttled = new("CAC-E011",
        "Throttled after every attempt",
        "STS kept throttling the request; raise `retry-max-attempts` or spread out parallel jobs.");

    public static readonly ErrorCode Network = new("CAC-E012",
        "STS unreachable or timed out",
        "STS could not be reached; check `sts-endpoint`, `http-proxy`/`no-proxy`, and the runner's network.");

    public static readonly ErrorCode CredentialsInvalid = new("CAC-E013",
        "Credentials rejected by STS",
        "The credentials were rejected by STS; check that the access key is active and that the secret and session token belong to it.");

    public static readonly ErrorCode AccountNotAllowed = new("CAC-E015",
        "Account not in `allowed-account-ids`",
        "The credentials belong to an account not listed in `allowed-account-ids`; check the role ARN or the list.");

    public static readonly ErrorCode NoCredentialsReturned = new("CAC-E017",
        "STS answered without credentials (or never without special characters)",
        "STS answered without credentials; retry, and report it if it persists.");

    public static readonly ErrorCode RunnerEnvironment = new("CAC-E018",
        "Not running as a GitHub Actions step (missing `GITHUB_ENV`, `GITHUB_OUTPUT`, `GITHUB_*`)",
        "Run this action as a step of a GitHub Actions job (GITHUB_ENV, GITHUB_OUTPUT and the GITHUB_* variables must be set).");

    public static readonly ErrorCode ActionTimeout = new("CAC-E019",
        "`action-timeout-s` exceeded",
        "Raise `action-timeout-s`, or set it to 0 to remove the bound.");

    public static readonly ErrorCode TokenFile = new("CAC-E020",
        "The web identity token file is missing, empty, a symbolic link, not a regular file (a pipe, a device) or over 64 KiB",
        "Point `web-identity-token-file` at a readable regular file (not a symbolic link) inside the workspace.");

    public static readonly ErrorCode NoCredentialsFound = new("CAC-E021",
        "No credentials found anywhere",
        "No credentials were found: pass `role-to-assume` with OIDC, access keys, or run on a runner with an instance role.");

    public static readonly ErrorCode ProfileFiles = new("CAC-E022",
        "The profile files could not be written (name, existing profile, symbolic link, not a regular file)",
        "Fix `aws-profile` (no whitespace, brackets or slashes), set `overwrite-aws-profile: true` to replace an existing profile, and keep the profile files regular files, free of symbolic links like their directory.");

    public static readonly ErrorCode RunnerFileUnusable = new("CAC-E040",
        "A runner command file (`GITHUB_ENV`, `GITHUB_OUTPUT`, `GITHUB_STATE`, `GITHUB_STEP_SUMMARY`) is missing, a dangling symbolic link, not a regular file or not writable",
        "The runner creates GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE and GITHUB_STEP_SUMMARY as regular files for every step: do not point them at other paths or links; on a self-hosted runner check its temp directory.");

    public static readonly ErrorCode WriteFailed = new("CAC-E041",
        "Writing the result failed (disk full, I/O error); what was written is removed again, nothing is handed out",
        "Free disk space on the runner (its temp directory and the home directory) and re-run; this run handed out nothing.");

    public static readonly ErrorCode ProfileFilesLocked = new("CAC-E042",
        "Another run kept the profile files locked for 30 seconds",
        "Another run kept the profile files locked: let parallel jobs on this runner finish, or give each job its own AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE.");

    public static readonly ErrorCode ContainerCredentials = new("CAC-E043",
        "Container credentials refused: `AWS_CONTAINER_CREDENTIALS_FULL_URI` is plain http to a host other than loopback or the ECS/EKS agent, or its token file is unusable",
        "Set AWS_CONTAINER_CREDENTIALS_FULL_URI to an https URL or to a loopback or ECS/EKS agent address, and AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE to a regular file, as ECS and EKS Pod Identity set them.");

    public static readonly ErrorCode AmbientProfileFiles = new("CAC-E044",
        "The shared profile files could not be read for ambient credentials (not a regular file, over 1 MiB, not UTF-8)",
        "Make the shared credentials and config files (~/.aws/credentials and ~/.aws/config, or AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE) regular UTF-8 files of at most 1 MiB.");

    public static readonly ErrorCode AmbientProfile = new("CAC-E045",
        "The profile named by AWS_PROFILE (or `default`) is set up for credentials but cannot produce them (a `source_profile` cycle, a failing `credential_process`, a missing token file, an expired SSO login)",
        "Fix the profile named by AWS_PROFILE (or [default]) in the runner's ~/.aws/config and ~/.aws/credentials: its source_profile chain, credential_source, web_identity_token_file, credential_process or SSO login (`aws sso login`), as the message says; or unset AWS_PROFILE.");

    public static readonly ErrorCode OpenSslMissing = new("CAC-E050",
        "OpenSSL (libssl) is missing on a Linux runner or in a container image",
        "Install OpenSSL on the runner (libssl3 on Debian and Ubuntu, openssl-libs on RHEL, Fedora and Amazon Linux); a container image needs libssl and libcrypto in it.");

    public static readonly ErrorCode Redirected = new("CAC-E030",
        "STS or the token service answered with a redirect (never followed: it would send the token elsewhere)",
        "The endpoint answered with a redirect, which this action never follows (it would send the token or the signed request to another host): point `sts-endpoint` (or AWS_ENDPOINT_URL_STS) at STS itself, and check any proxy in between.");

    public static readonly ErrorCode AnswerTooLarge = new("CAC-E031",
        "An answer from STS or the token service was larger than 1 MiB",
        "The endpoint's answer was larger than this action accepts: check that `sts-endpoint`, the proxy settings and ACTIONS_ID_TOKEN_REQUEST_URL lead to STS and GitHub's token service.");

    public static readonly ErrorCode Internal = new("CAC-E099",
        "Unexpected failure",
        "Unexpected failure; re-run with step debug logging (ACTIONS_STEP_DEBUG=true) and report it with that log.");
}
