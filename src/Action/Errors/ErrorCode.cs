namespace Cac.Action.Errors;

/// <summary>
/// The documented failure classes. Each has a stable code (printed as <c>[CAC-Ennn]</c> and listed in the
/// README) and a one-line fix hint, so a failed run says what to change rather than only what went wrong.
/// </summary>
public sealed record ErrorCode(string Code, string Hint)
{
    public static readonly ErrorCode InvalidInput = new("CAC-E001",
        "Fix the input named above; the README's Inputs table lists every accepted value.");

    public static readonly ErrorCode OidcPermissionMissing = new("CAC-E002",
        "Add `permissions: id-token: write` to the job or workflow. Pull requests from forks and Dependabot runs get no ID token: use access keys or skip this step there.");

    public static readonly ErrorCode OidcTokenFetch = new("CAC-E003",
        "GitHub's token service did not issue an ID token; check the `audience` input and https://www.githubstatus.com, then re-run the job.");

    public static readonly ErrorCode TrustPolicyMismatch = new("CAC-E004",
        "The role's trust policy does not accept this workflow's token: compare its `sub`/`aud` conditions with the claims printed above.");

    public static readonly ErrorCode AudienceMismatch = new("CAC-E005",
        "The token's audience is not one the IAM identity provider accepts: set `audience` to the provider's audience (default sts.amazonaws.com).");

    public static readonly ErrorCode IdentityProviderMissing = new("CAC-E006",
        "Create an IAM OIDC identity provider for https://token.actions.githubusercontent.com in the role's account.");

    public static readonly ErrorCode AssumeRoleDenied = new("CAC-E007",
        "Allow these credentials in the role's trust policy (`sts:AssumeRole`, plus `sts:TagSession` unless `role-skip-session-tagging` is true).");

    public static readonly ErrorCode SessionTags = new("CAC-E008",
        "Session tags were rejected: set `role-skip-session-tagging: true`, drop `custom-tags`, or allow `sts:TagSession` in the trust policy.");

    public static readonly ErrorCode DurationTooLong = new("CAC-E009",
        "Lower `role-duration-seconds` to at most the role's maximum session duration (chained roles: 3600).");

    public static readonly ErrorCode TokenExpired = new("CAC-E010",
        "The web identity token expired before STS accepted it; re-run the job, and check the runner's clock.");

    public static readonly ErrorCode Throttled = new("CAC-E011",
        "STS kept throttling the request; raise `retry-max-attempts` or spread out parallel jobs.");

    public static readonly ErrorCode Network = new("CAC-E012",
        "STS could not be reached; check `sts-endpoint`, `http-proxy`/`no-proxy`, and the runner's network.");

    public static readonly ErrorCode CredentialsInvalid = new("CAC-E013",
        "The credentials were rejected by STS; check that the access key is active and that the secret and session token belong to it.");

    public static readonly ErrorCode AccountNotAllowed = new("CAC-E015",
        "The credentials belong to an account not listed in `allowed-account-ids`; check the role ARN or the list.");

    public static readonly ErrorCode NoCredentialsReturned = new("CAC-E017",
        "STS answered without credentials; retry, and report it if it persists.");

    public static readonly ErrorCode RunnerEnvironment = new("CAC-E018",
        "Run this action as a step of a GitHub Actions job (GITHUB_ENV, GITHUB_OUTPUT and the GITHUB_* variables must be set).");

    public static readonly ErrorCode ActionTimeout = new("CAC-E019",
        "Raise `action-timeout-s`, or set it to 0 to remove the bound.");

    public static readonly ErrorCode TokenFile = new("CAC-E020",
        "Point `web-identity-token-file` at a readable regular file (not a symbolic link) inside the workspace.");

    public static readonly ErrorCode NoCredentialsFound = new("CAC-E021",
        "No credentials were found: pass `role-to-assume` with OIDC, access keys, or run on a runner with an instance role.");

    public static readonly ErrorCode ProfileFiles = new("CAC-E022",
        "Fix `aws-profile` (no whitespace, brackets or slashes), set `overwrite-aws-profile: true` to replace an existing profile, and keep the profile files regular files, free of symbolic links like their directory.");

    public static readonly ErrorCode RunnerFileUnusable = new("CAC-E040",
        "The runner creates GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE and GITHUB_STEP_SUMMARY as regular files for every step: do not point them at other paths or links; on a self-hosted runner check its temp directory.");

    public static readonly ErrorCode WriteFailed = new("CAC-E041",
        "Free disk space on the runner (its temp directory and the home directory) and re-run; this run handed out nothing.");

    public static readonly ErrorCode ProfileFilesLocked = new("CAC-E042",
        "Another run kept the profile files locked: let parallel jobs on this runner finish, or give each job its own AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE.");

    public static readonly ErrorCode ContainerCredentials = new("CAC-E043",
        "Set AWS_CONTAINER_CREDENTIALS_FULL_URI to an https URL or to a loopback or ECS/EKS agent address, and AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE to a regular file, as ECS and EKS Pod Identity set them.");

    public static readonly ErrorCode AmbientProfileFiles = new("CAC-E044",
        "Make the shared credentials and config files (~/.aws/credentials and ~/.aws/config, or AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE) regular UTF-8 files of at most 1 MiB.");

    public static readonly ErrorCode AmbientProfile = new("CAC-E045",
        "Fix the profile named by AWS_PROFILE (or [default]) in the runner's ~/.aws/config and ~/.aws/credentials: its source_profile chain, credential_source, web_identity_token_file, credential_process or SSO login (`aws sso login`), as the message says; or unset AWS_PROFILE.");

    public static readonly ErrorCode OpenSslMissing = new("CAC-E050",
        "Install OpenSSL on the runner (libssl3 on Debian and Ubuntu, openssl-libs on RHEL, Fedora and Amazon Linux); a container image needs libssl and libcrypto in it.");

    public static readonly ErrorCode Redirected = new("CAC-E030",
        "The endpoint answered with a redirect, which this action never follows (it would send the token or the signed request to another host): point `sts-endpoint` (or AWS_ENDPOINT_URL_STS) at STS itself, and check any proxy in between.");

    public static readonly ErrorCode AnswerTooLarge = new("CAC-E031",
        "The endpoint's answer was larger than this action accepts: check that `sts-endpoint`, the proxy settings and ACTIONS_ID_TOKEN_REQUEST_URL lead to STS and GitHub's token service.");

    public static readonly ErrorCode Internal = new("CAC-E099",
        "Unexpected failure; re-run with step debug logging (ACTIONS_STEP_DEBUG=true) and report it with that log.");
}
