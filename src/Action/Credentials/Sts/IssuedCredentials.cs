using System;
using Cac.Abstractions;

namespace Cac.Action.Credentials.Sts;

/// <summary>Credentials the run hands to the workflow (role credentials, or the input keys without a role).</summary>
public sealed record IssuedCredentials(Secret AccessKeyId, Secret SecretAccessKey, Secret SessionToken, DateTimeOffset? Expiration);
