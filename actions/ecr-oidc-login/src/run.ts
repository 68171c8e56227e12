import {
  type ActionDeps,
  type AwsSession,
  addLogin,
  assumeRoleWithWebIdentity,
  awsEndpoint,
  ConfigurationError,
  defineState,
  type EcrAccess,
  type EcrRegistryLogin,
  enforcesImmutable,
  getEcrLogins,
  getLifecyclePolicy,
  getTagMutability,
  type IdToken,
  JobSummary,
  type LoginRecord,
  loginKey,
  type OutputName,
  parseLoginRecord,
  putImmutableTags,
  putLifecyclePolicy,
  type RunContext,
  removeLogins,
  requestIdToken,
} from '@chain/core';
import type { outputs } from './inputs.ts';
import { type EcrLoginPlan, type ImmutabilityPlan, type LifecyclePlan, samePolicy } from './plan.ts';

type Context = RunContext<OutputName<typeof outputs>>;

export const loginState = defineState('ecr-oidc-login', parseLoginRecord('ecr-oidc-login'));

/** AWS's answers that mean the region is wrong name the step's region input. */
const REGION_CODES = new Set(['AWS_UNREACHABLE', 'AWS_SESSION_REJECTED']);

export async function run(plan: EcrLoginPlan, { deps, outputs }: Context): Promise<void> {
  const token = await requestIdToken(deps.env, plan.audience, deps.logger);
  const session = await namingRegion(assumeRole(plan, token, deps));
  const access: EcrAccess = { session, ecr: awsEndpoint(deps.env, 'ECR', plan.region) };
  const logins = await namingRegion(getEcrLogins(access, plan.registryIds, deps.logger));
  if (logins.length === 0)
    throw new ConfigurationError(
      `ECR returned no login for ${plan.registryIds.join(', ')} in ${plan.region}`,
    );

  await writeLogins(plan, logins, deps);
  exportSession(plan, session, deps);
  outputs.write({ registry: logins.map((l) => l.registry).join('\n'), 'auth-file': plan.files.authFile });

  const lifecycle = await namingRegion(lifecyclePolicy(plan.lifecycle, plan.account, access, deps));
  const immutability = await namingRegion(tagImmutability(plan.immutability, plan.account, access, deps));
  await deps.writeSummary(loginSummary({ plan, session, token, logins, lifecycle, immutability }));
}

async function namingRegion<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ConfigurationError && REGION_CODES.has(error.code))
      throw error.forInput('aws-region');
    throw error;
  }
}

/** STS AssumeRoleWithWebIdentity with the job's token: short-lived credentials, masked at once. */
async function assumeRole(plan: EcrLoginPlan, token: IdToken, deps: ActionDeps): Promise<AwsSession> {
  const session = await assumeRoleWithWebIdentity({
    roleArn: plan.roleArn,
    sessionName: plan.sessionName,
    token,
    durationSeconds: plan.durationSeconds,
    sessionPolicy: plan.sessionPolicy,
    sts: awsEndpoint(deps.env, 'STS', plan.region),
    logger: deps.logger,
  });
  deps.logger.info(`assumed ${session.assumedRoleArn ?? plan.roleArn} as session ${plan.sessionName}`);
  return session;
}

/** Writes each login to both files, saving state after every write so post removes whatever was written. */
async function writeLogins(plan: EcrLoginPlan, logins: EcrRegistryLogin[], deps: ActionDeps): Promise<void> {
  const { files } = plan;
  const state: LoginRecord = { keep: plan.keep, logins: [] };
  for (const login of logins) {
    for (const [file, kind] of [
      [files.dockerConfig, 'docker'],
      [files.authFile, 'containers'],
    ] as const) {
      const added = await addLogin(file, loginKey(login.registry, kind), login.username, login.password);
      if (added.replaced) deps.logger.warning(`replaced an existing login for ${login.registry} in ${file}`);
      state.logins.push(added);
      loginState.save(deps.state, state);
    }
  }
  if (files.exportAuthFile) deps.exportVariable('REGISTRY_AUTH_FILE', files.authFile);
}

/** The session as AWS_* variables for later steps, only when asked (its secrets are masked already). */
function exportSession(plan: EcrLoginPlan, session: AwsSession, deps: ActionDeps): void {
  if (!plan.exportCredentials) return;
  deps.exportVariable('AWS_ACCESS_KEY_ID', session.accessKeyId);
  deps.exportVariable('AWS_SECRET_ACCESS_KEY', session.secretAccessKey);
  deps.exportVariable('AWS_SESSION_TOKEN', session.sessionToken);
  deps.exportVariable('AWS_REGION', plan.region);
  deps.exportVariable('AWS_DEFAULT_REGION', plan.region);
}

/** Checks the repository's lifecycle policy against the retention rule, or applies the rule. */
async function lifecyclePolicy(
  lifecycle: LifecyclePlan | undefined,
  account: string,
  access: EcrAccess,
  deps: ActionDeps,
): Promise<string> {
  if (lifecycle === undefined) return 'off';
  const { repository, days, policy } = lifecycle;
  const current = await getLifecyclePolicy(access, account, repository);
  let said: string;
  if (samePolicy(current, policy)) said = `${repository}: matches the retention rule (${days} days)`;
  else if (lifecycle.mode === 'apply') {
    await putLifecyclePolicy(access, account, repository, policy);
    said = `${repository}: retention rule applied (${days} days)`;
  } else {
    said = `${repository}: ${current === undefined ? 'has no lifecycle policy' : 'has a different lifecycle policy'}`;
    deps.logger.warning(`lifecycle check: ${said}; set lifecycle-policy: apply to apply the retention rule`);
  }
  deps.logger.info(`lifecycle policy: ${said}`);
  return said;
}

/**
 * ECR can keep immutable tags write-once itself, which closes what a client cannot (two pushes racing to
 * one new tag): check that it does, or make it so (those patterns immutable, every other tag movable).
 */
async function tagImmutability(
  immutability: ImmutabilityPlan | undefined,
  account: string,
  access: EcrAccess,
  deps: ActionDeps,
): Promise<string> {
  if (immutability === undefined) return 'off';
  const { repository, patterns } = immutability;
  const current = await getTagMutability(access, account, repository);
  const said = `${repository}: ${current.mode}${current.exceptions.length > 0 ? ` (except ${current.exceptions.join(', ')})` : ''}`;
  if (enforcesImmutable(current, patterns)) {
    deps.logger.info(`tag immutability: ${said} keeps ${patterns.join(', ')} write-once`);
    return `${said}: keeps ${patterns.join(', ')} write-once`;
  }
  if (immutability.mode === 'check')
    throw new ConfigurationError(
      `Input "tag-immutability": ECR repository ${said} lets ${patterns.join(', ')} tags be overwritten. Set tag-immutability: enforce ` +
        `(or: aws ecr put-image-tag-mutability --repository-name ${repository} --image-tag-mutability MUTABLE_WITH_EXCLUSION ` +
        `--image-tag-mutability-exclusion-filters ${patterns.map((p) => `filterType=WILDCARD,filter=${p}`).join(' ')})`,
      {
        code: 'TAGS_MUTABLE',
        input: 'tag-immutability',
        expected: `${patterns.join(', ')} write-once`,
        actual: said,
      },
    );
  await putImmutableTags(access, account, repository, patterns);
  deps.logger.info(
    `tag immutability: ${repository} now keeps ${patterns.join(', ')} write-once (other tags stay movable)`,
  );
  return `${repository}: set to keep ${patterns.join(', ')} write-once`;
}

interface LoginOutcome {
  plan: EcrLoginPlan;
  session: AwsSession;
  token: IdToken;
  logins: EcrRegistryLogin[];
  lifecycle: string;
  immutability: string;
}

function loginSummary({ plan, session, token, logins, lifecycle, immutability }: LoginOutcome): JobSummary {
  return new JobSummary()
    .heading('ecr-oidc-login')
    .verdict(true, `Logged in to ${logins.map((l) => l.registry).join(', ')}`)
    .facts([
      ['role', { text: session.assumedRoleArn ?? plan.roleArn, code: true }],
      ['session', plan.sessionName],
      ['token subject', String(token.claims.sub ?? '')],
      ['expires', logins.map((l) => l.expiresAt?.toISOString() ?? 'unknown').join(', ')],
      ['credentials written to', `${plan.files.dockerConfig}, ${plan.files.authFile}`],
      ['after the job', plan.keep ? 'kept (keep-login: true)' : 'removed by the post step'],
      ['lifecycle policy', lifecycle],
      ['tag immutability', immutability],
    ]);
}

export async function post(deps: ActionDeps): Promise<void> {
  await removeLogins(loginState.load(deps.state), deps.logger);
}
