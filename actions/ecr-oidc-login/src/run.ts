import {
  type ActionDeps,
  type AwsSession,
  addLogin,
  assumeRoleWithWebIdentity,
  ConfigurationError,
  defineState,
  enforcesImmutable,
  getEcrLogins,
  getLifecyclePolicy,
  getTagMutability,
  type InputValues,
  JobSummary,
  type LoginRecord,
  loginFiles,
  loginKey,
  parseLoginRecord,
  putImmutableTags,
  putLifecyclePolicy,
  readInputs,
  removeLogins,
  requestIdToken,
  runnerDeps,
} from '@chain/core';
import { outputs, spec } from './inputs.ts';
import { accountOfRole, defaultSessionName, retentionPolicy, samePolicy } from './plan.ts';

export const loginState = defineState('ecr-oidc-login', parseLoginRecord('ecr-oidc-login'));

export async function main(deps: ActionDeps = runnerDeps()): Promise<void> {
  const values = readInputs(spec, deps.inputs, deps.inputContext);
  const region = values['aws-region'];
  const roleArn = values['role-to-assume'];
  if (values['tag-immutability'] !== 'off' && values['lifecycle-repository'] === undefined)
    throw new ConfigurationError(
      `Input "lifecycle-repository" is required when tag-immutability is "${values['tag-immutability']}" (the ECR repository it applies to)`,
      { input: 'lifecycle-repository' },
    );
  if (values['lifecycle-policy'] !== 'off' && values['lifecycle-repository'] === undefined) {
    throw new ConfigurationError(
      `Input "lifecycle-repository" is required when lifecycle-policy is "${values['lifecycle-policy']}"`,
      {
        input: 'lifecycle-repository',
      },
    );
  }

  const token = await requestIdToken(deps.env, values.audience, deps.logger);
  const sessionName = values['role-session-name'] ?? defaultSessionName(deps.env);
  const session = await assumeRoleWithWebIdentity({
    roleArn,
    sessionName,
    token,
    durationSeconds: values['role-duration-seconds'],
    sessionPolicy: values['session-policy'],
    region,
    logger: deps.logger,
  });
  deps.logger.info(`assumed ${session.assumedRoleArn ?? roleArn} as session ${sessionName}`);

  const registryIds = values.registries.length > 0 ? values.registries : [accountOfRole(roleArn)];
  const logins = await getEcrLogins(session, region, registryIds, deps.logger);
  if (logins.length === 0)
    throw new ConfigurationError(`ECR returned no login for ${registryIds.join(', ')} in ${region}`);

  // Write the logins, saving state after every write so post removes whatever was written.
  const files = loginFiles(deps.env, 'ecr-oidc-login');
  const state: LoginRecord = { keep: values['keep-login'], logins: [] };
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
  if (values['export-aws-credentials']) {
    deps.exportVariable('AWS_ACCESS_KEY_ID', session.accessKeyId);
    deps.exportVariable('AWS_SECRET_ACCESS_KEY', session.secretAccessKey);
    deps.exportVariable('AWS_SESSION_TOKEN', session.sessionToken);
    deps.exportVariable('AWS_REGION', region);
    deps.exportVariable('AWS_DEFAULT_REGION', region);
  }
  outputs.write(
    { registry: logins.map((l) => l.registry).join('\n'), 'auth-file': files.authFile },
    deps.outputs,
  );

  let lifecycle = 'off';
  const repository = values['lifecycle-repository'];
  if (values['lifecycle-policy'] !== 'off' && repository !== undefined) {
    const wanted = retentionPolicy(values['lifecycle-days']);
    const account = registryIds[0] ?? accountOfRole(roleArn);
    const current = await getLifecyclePolicy(session, region, account, repository);
    if (samePolicy(current, wanted))
      lifecycle = `${repository}: matches the retention rule (${values['lifecycle-days']} days)`;
    else if (values['lifecycle-policy'] === 'apply') {
      await putLifecyclePolicy(session, region, account, repository, wanted);
      lifecycle = `${repository}: retention rule applied (${values['lifecycle-days']} days)`;
    } else {
      lifecycle = `${repository}: ${current === undefined ? 'has no lifecycle policy' : 'has a different lifecycle policy'}`;
      deps.logger.warning(
        `lifecycle check: ${lifecycle}; set lifecycle-policy: apply to apply the retention rule`,
      );
    }
    deps.logger.info(`lifecycle policy: ${lifecycle}`);
  }

  const immutability = await tagImmutability(
    values,
    session,
    region,
    registryIds[0] ?? accountOfRole(roleArn),
    deps,
  );

  await deps.writeSummary(
    new JobSummary()
      .heading('ecr-oidc-login')
      .verdict(true, `Logged in to ${logins.map((l) => l.registry).join(', ')}`)
      .facts([
        ['role', { text: session.assumedRoleArn ?? roleArn, code: true }],
        ['session', sessionName],
        ['token subject', String(token.claims.sub ?? '')],
        ['expires', logins.map((l) => l.expiresAt?.toISOString() ?? 'unknown').join(', ')],
        ['credentials written to', `${files.dockerConfig}, ${files.authFile}`],
        ['after the job', values['keep-login'] ? 'kept (keep-login: true)' : 'removed by the post step'],
        ['lifecycle policy', lifecycle],
        ['tag immutability', immutability],
      ]),
  );
}

/**
 * ECR can keep immutable tags write-once itself, which closes what a client cannot (two pushes racing to
 * one new tag): check that it does, or make it so (those patterns immutable, every other tag movable).
 */
async function tagImmutability(
  values: InputValues<typeof spec>,
  session: AwsSession,
  region: string,
  account: string,
  deps: ActionDeps,
): Promise<string> {
  const repository = values['lifecycle-repository'];
  if (values['tag-immutability'] === 'off' || repository === undefined) return 'off';
  const patterns = values['immutable-tags'];
  const current = await getTagMutability(session, region, account, repository);
  const said = `${repository}: ${current.mode}${current.exceptions.length > 0 ? ` (except ${current.exceptions.join(', ')})` : ''}`;
  if (enforcesImmutable(current, patterns)) {
    deps.logger.info(`tag immutability: ${said} keeps ${patterns.join(', ')} write-once`);
    return `${said}: keeps ${patterns.join(', ')} write-once`;
  }
  if (values['tag-immutability'] === 'check')
    throw new ConfigurationError(
      `Input "tag-immutability": ECR repository ${said} lets ${patterns.join(', ')} tags be overwritten. Set tag-immutability: enforce ` +
        `(or: aws ecr put-image-tag-mutability --repository-name ${repository} --image-tag-mutability MUTABLE_WITH_EXCLUSION ` +
        `--image-tag-mutability-exclusion-filters ${patterns.map((p) => `filterType=WILDCARD,filter=${p}`).join(' ')})`,
      { input: 'tag-immutability' },
    );
  await putImmutableTags(session, region, account, repository, patterns);
  deps.logger.info(
    `tag immutability: ${repository} now keeps ${patterns.join(', ')} write-once (other tags stay movable)`,
  );
  return `${repository}: set to keep ${patterns.join(', ')} write-once`;
}

export async function post(deps: ActionDeps = runnerDeps()): Promise<void> {
  await removeLogins(loginState.load(deps.state), deps.logger);
}
