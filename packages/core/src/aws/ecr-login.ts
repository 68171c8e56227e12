import type { AssumeRoleWithWebIdentityCommandOutput } from '@aws-sdk/client-sts';
import { CommandError, ConfigurationError } from '../action/errors.ts';
import type { Logger } from '../action/logger.ts';
import type { IdToken } from '../action/oidc-token.ts';

export interface AwsSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date | undefined;
  assumedRoleArn: string | undefined;
}

/**
 * Where the step reaches an AWS service: the region, and an endpoint only when the step's environment names
 * one (AWS_ENDPOINT_URL_<SERVICE>, else AWS_ENDPOINT_URL, as the SDK reads them); undefined is AWS's own.
 */
export interface AwsEndpoint {
  region: string;
  endpoint: string | undefined;
}

/** The endpoint of STS or ECR in `region`, from the step's environment (not the process's). */
export function awsEndpoint(
  env: Readonly<NodeJS.ProcessEnv>,
  service: 'STS' | 'ECR',
  region: string,
): AwsEndpoint {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true') return { region, endpoint: undefined };
  return { region, endpoint: env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL || undefined };
}

/** An ECR session: the assumed role's credentials and where ECR answers. */
export interface EcrAccess {
  session: AwsSession;
  ecr: AwsEndpoint;
}

export interface EcrRegistryLogin {
  /** `<account>.dkr.ecr.<region>.amazonaws.com` (the host of ECR's proxyEndpoint). */
  registry: string;
  username: string;
  password: string;
  expiresAt: Date | undefined;
}

interface AwsErrorShape {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

const GITHUB_ISSUER = 'token.actions.githubusercontent.com';

function claim(claims: Record<string, unknown>, name: string): string {
  const value = claims[name];
  return Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '(absent)';
}

/** Turns an STS failure into advice a user can act on; the token's claims say what the trust policy sees. */
export function adviseStsError(error: unknown, token: IdToken, roleArn: string): Error {
  const e = error as AwsErrorShape;
  const sub = claim(token.claims, 'sub');
  const aud = claim(token.claims, 'aud');
  const account = /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(roleArn)?.[1] ?? '<account>';
  // The SDK names modelled errors with an Exception suffix (InvalidIdentityTokenException); wire codes lack it.
  switch (e.name?.replace(/Exception$/, '')) {
    case 'AccessDenied':
      return new ConfigurationError(
        `AWS STS refused to let this job assume ${roleArn} (AccessDenied: ${e.message ?? ''}). ` +
          `The job's token has sub "${sub}" and aud "${aud}". The role's trust policy must allow exactly these, e.g. ` +
          `Principal {"Federated": "arn:aws:iam::${account}:oidc-provider/${GITHUB_ISSUER}"}, ` +
          `Action "sts:AssumeRoleWithWebIdentity", Condition {"StringEquals": {"${GITHUB_ISSUER}:aud": "${aud}"}, ` +
          `"StringLike": {"${GITHUB_ISSUER}:sub": "${sub.split(':').slice(0, 2).join(':')}:*"}}.`,
        { code: 'STS_ACCESS_DENIED', actual: `sub "${sub}", aud "${aud}"` },
      );
    case 'InvalidIdentityToken':
    case 'IDPRejectedClaim':
      return new ConfigurationError(
        `AWS STS rejected the job's token (${e.name}: ${e.message ?? ''}). Register the OIDC identity provider ` +
          `https://${GITHUB_ISSUER} in IAM of account ${account} with audience "${aud}" (the action's "audience" input).`,
        { code: 'STS_TOKEN_REJECTED', actual: `aud "${aud}"` },
      );
    case 'ExpiredToken':
      return new ConfigurationError(
        `AWS STS says the job's token has expired (${e.message ?? ''}). Tokens live a few minutes; re-run the job, and check the runner's clock.`,
        { code: 'STS_TOKEN_EXPIRED' },
      );
    default:
      return awsFailure('AWS STS', error);
  }
}

/**
 * An AWS failure as an error a user can act on. The two that mean the region is wrong carry the codes
 * AWS_UNREACHABLE and AWS_SESSION_REJECTED; the action names its region input on them.
 */
function awsFailure(service: string, error: unknown): Error {
  const e = error as AwsErrorShape;
  if (e.code === 'ENOTFOUND' || e.name === 'UnknownEndpoint') {
    return new ConfigurationError(
      `${service} could not be reached (${e.message ?? e.code}); check the "aws-region" input`,
      { code: 'AWS_UNREACHABLE' },
    );
  }
  if (e.name === 'UnrecognizedClientException' || e.name === 'InvalidSignatureException') {
    return new ConfigurationError(
      `${service} did not accept the session (${e.name}); is "aws-region" the region of the registry?`,
      { code: 'AWS_SESSION_REJECTED', actual: e.name },
    );
  }
  const status = e.$metadata?.httpStatusCode;
  return new CommandError(
    `${service} failed: ${e.name ?? 'error'}${status ? ` (HTTP ${status})` : ''}: ${e.message ?? String(error)}`,
    {
      tool: service,
      cause: error,
    },
  );
}

/** STS AssumeRoleWithWebIdentity (unsigned: the token is the credential). Masks the session at once. */
export async function assumeRoleWithWebIdentity(request: {
  roleArn: string;
  sessionName: string;
  token: IdToken;
  durationSeconds: number;
  sessionPolicy?: string | undefined;
  sts: AwsEndpoint;
  logger: Logger;
}): Promise<AwsSession> {
  const { STSClient, AssumeRoleWithWebIdentityCommand } = await import('@aws-sdk/client-sts');
  const client = new STSClient({ ...clientPlace(request.sts), maxAttempts: 3 });
  let out: AssumeRoleWithWebIdentityCommandOutput;
  try {
    out = await client.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: request.roleArn,
        RoleSessionName: request.sessionName,
        WebIdentityToken: request.token.value,
        DurationSeconds: request.durationSeconds,
        ...(request.sessionPolicy === undefined ? {} : { Policy: request.sessionPolicy }),
      }),
    );
  } catch (error) {
    throw adviseStsError(error, request.token, request.roleArn);
  } finally {
    client.destroy();
  }
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
    throw new CommandError('AWS STS answered without credentials', { tool: 'AWS STS' });
  }
  request.logger.setSecret(c.AccessKeyId);
  request.logger.setSecret(c.SecretAccessKey);
  request.logger.setSecret(c.SessionToken);
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
    expiration: c.Expiration,
    assumedRoleArn: out.AssumedRoleUser?.Arn,
  };
}

function clientPlace({ region, endpoint }: AwsEndpoint): { region: string; endpoint?: string } {
  return endpoint === undefined ? { region } : { region, endpoint };
}

async function ecrClient({ session, ecr: place }: EcrAccess) {
  const ecr = await import('@aws-sdk/client-ecr');
  const client = new ecr.ECRClient({
    ...clientPlace(place),
    maxAttempts: 3,
    credentials: {
      accessKeyId: session.accessKeyId,
      secretAccessKey: session.secretAccessKey,
      sessionToken: session.sessionToken,
    },
  });
  return { ecr, client };
}

type EcrModule = typeof import('@aws-sdk/client-ecr');

/** One ECR call: a client for the session, the call, AWS failures explained, the client closed. */
async function withEcr<T>(
  access: EcrAccess,
  call: (ecr: EcrModule, client: InstanceType<EcrModule['ECRClient']>) => Promise<T>,
): Promise<T> {
  const { ecr, client } = await ecrClient(access);
  try {
    return await call(ecr, client);
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw awsFailure('AWS ECR', error);
  } finally {
    client.destroy();
  }
}

/** ECR GetAuthorizationToken for the given registries (account ids). Masks every token at once. */
export async function getEcrLogins(
  access: EcrAccess,
  registryIds: string[],
  logger: Logger,
): Promise<EcrRegistryLogin[]> {
  return withEcr(access, async (ecr, client) => {
    const out = await client.send(new ecr.GetAuthorizationTokenCommand({ registryIds }));
    return (out.authorizationData ?? []).map((data) => {
      const token = data.authorizationToken ?? '';
      logger.setSecret(token);
      const decoded = Buffer.from(token, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0 || !data.proxyEndpoint)
        throw new CommandError('ECR returned an authorization token of an unknown form', { tool: 'AWS ECR' });
      const password = decoded.slice(colon + 1);
      logger.setSecret(password);
      return {
        registry: new URL(data.proxyEndpoint).host,
        username: decoded.slice(0, colon),
        password,
        expiresAt: data.expiresAt,
      };
    });
  });
}

/** The repository's lifecycle policy text, or undefined when it has none. */
export async function getLifecyclePolicy(
  access: EcrAccess,
  registryId: string,
  repository: string,
): Promise<string | undefined> {
  return withEcr(access, async (ecr, client) => {
    try {
      const out = await client.send(
        new ecr.GetLifecyclePolicyCommand({ registryId, repositoryName: repository }),
      );
      return out.lifecyclePolicyText;
    } catch (error) {
      if ((error as AwsErrorShape).name === 'LifecyclePolicyNotFoundException') return undefined;
      throw error;
    }
  });
}

export async function putLifecyclePolicy(
  access: EcrAccess,
  registryId: string,
  repository: string,
  text: string,
): Promise<void> {
  await withEcr(access, (ecr, client) =>
    client.send(
      new ecr.PutLifecyclePolicyCommand({
        registryId,
        repositoryName: repository,
        lifecyclePolicyText: text,
      }),
    ),
  );
}

/** A repository's tag mutability as ECR reports it: the mode, and the wildcard filters of its exceptions. */
export interface TagMutability {
  mode: string;
  exceptions: string[];
}

export async function getTagMutability(
  access: EcrAccess,
  registryId: string,
  repository: string,
): Promise<TagMutability> {
  return withEcr(access, async (ecr, client) => {
    const out = await client.send(
      new ecr.DescribeRepositoriesCommand({ registryId, repositoryNames: [repository] }),
    );
    const repo = out.repositories?.[0];
    return {
      mode: repo?.imageTagMutability ?? 'MUTABLE',
      exceptions: (repo?.imageTagMutabilityExclusionFilters ?? [])
        .map((f) => f.filter ?? '')
        .filter((f) => f !== ''),
    };
  });
}

/**
 * Whether ECR itself keeps tags matching `patterns` write-once: IMMUTABLE (every tag), or
 * MUTABLE_WITH_EXCLUSION whose exceptions include every pattern, or IMMUTABLE_WITH_EXCLUSION whose
 * exceptions (the mutable tags) include none of them.
 */
export function enforcesImmutable(current: TagMutability, patterns: readonly string[]): boolean {
  if (current.mode === 'IMMUTABLE') return true;
  if (current.mode === 'MUTABLE_WITH_EXCLUSION') return patterns.every((p) => current.exceptions.includes(p));
  if (current.mode === 'IMMUTABLE_WITH_EXCLUSION')
    return patterns.every((p) => !current.exceptions.includes(p));
  return false;
}

/** Makes ECR keep tags matching `patterns` write-once, and every other tag (latest, nightly) movable. */
export async function putImmutableTags(
  access: EcrAccess,
  registryId: string,
  repository: string,
  patterns: readonly string[],
): Promise<void> {
  await withEcr(access, (ecr, client) =>
    client.send(
      new ecr.PutImageTagMutabilityCommand({
        registryId,
        repositoryName: repository,
        imageTagMutability: 'MUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: patterns.map((filter) => ({ filterType: 'WILDCARD', filter })),
      }),
    ),
  );
}
