// An upstream-shaped OIDC run for the benchmark only (scripts/bench-upstream-shaped bundles it outside the
// repository): the steps the upstream JavaScript action takes, with the packages it is built on
// (@actions/core, @aws-sdk/client-sts), bundled into one file as a released JavaScript action is.
// It is not the upstream action, whose code cannot be fetched here: ID token, AssumeRoleWithWebIdentity,
// masks, exports, then GetCallerIdentity with the new credentials for the account outputs.
import * as core from '@actions/core';
import { STSClient, AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
const region = core.getInput('aws-region', { required: true });
const roleArn = core.getInput('role-to-assume', { required: true });
const audience = core.getInput('audience') || 'sts.amazonaws.com';
const token = await core.getIDToken(audience);
const sts = new STSClient({ region, customUserAgent: 'configure-aws-credentials-for-github-actions' });
const { Credentials: c } = await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'GitHubActions', WebIdentityToken: token, DurationSeconds: 3600 }));
for (const secret of [c.AccessKeyId, c.SecretAccessKey, c.SessionToken]) core.setSecret(secret);
core.exportVariable('AWS_ACCESS_KEY_ID', c.AccessKeyId);
core.exportVariable('AWS_SECRET_ACCESS_KEY', c.SecretAccessKey);
core.exportVariable('AWS_SESSION_TOKEN', c.SessionToken);
core.exportVariable('AWS_REGION', region);
core.exportVariable('AWS_DEFAULT_REGION', region);
const identity = await new STSClient({ region, credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken } }).send(new GetCallerIdentityCommand({}));
core.setOutput('aws-account-id', identity.Account);
core.setOutput('authenticated-arn', identity.Arn);
core.info('Authenticated as assumedRoleId ' + identity.UserId);
