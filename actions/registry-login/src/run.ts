import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  type ActionDeps,
  addLogin,
  authValue,
  ConfigurationError,
  defineState,
  ImageReference,
  JobSummary,
  type LoginFiles,
  type LoginRecord,
  loginKey,
  type OutputName,
  openRegistry,
  parseLoginRecord,
  type RunContext,
  removeLogins,
  withSecretFile,
} from '@chain/core';
import type { outputs } from './inputs.ts';
import { dockerShadow, type LoginPlan, type PlannedLogin } from './plan.ts';

type Context = RunContext<OutputName<typeof outputs>>;

export const loginState = defineState('registry-login', parseLoginRecord('registry-login'));

export async function run(plan: LoginPlan, { deps, outputs }: Context): Promise<void> {
  const { logins, files } = plan;
  for (const login of logins) deps.logger.setSecret(authValue(login.username, login.password));
  if (plan.verify) for (const login of logins) await verifyLogin(login, plan.tlsVerify, deps);

  const state: LoginRecord = { keep: plan.keep, logins: [] };
  await writeLogins(logins, files, state, deps);
  if (files.exportAuthFile) deps.exportVariable('REGISTRY_AUTH_FILE', files.authFile);
  if (files.exportDockerConfig) deps.exportVariable('DOCKER_CONFIG', dirname(files.dockerConfig));
  outputs.write({
    registries: logins.map((l) => l.registry).join('\n'),
    'auth-file': files.authFile,
    'docker-config': dirname(files.dockerConfig),
  });
  await deps.writeSummary(loginSummary(plan));
}

function loginSummary({ logins, files, verify, keep }: LoginPlan): JobSummary {
  return new JobSummary()
    .heading('registry-login')
    .verdict(true, `Logged in to ${logins.map((l) => l.registry).join(', ')}`)
    .table(
      ['registry', 'user', 'credential', 'checked'],
      logins.map((l) => [
        { text: l.registry, code: true },
        { text: l.username, code: true },
        l.source,
        verify ? 'accepted by the registry (GET /v2/)' : 'not checked (verify: false)',
      ]),
    )
    .facts([
      ['containers auth.json', { text: files.authFile, code: true }],
      ['Docker config.json', { text: files.dockerConfig, code: true }],
      ['after the job', keep ? 'kept (keep-login: true)' : 'removed by the post step'],
    ]);
}

/**
 * Asks the registry whether it accepts the credential before anything is written (as `docker login`
 * does), so a wrong or empty secret fails here, naming the input, not at the push. The credential is
 * read from a 0600 file that is removed at once.
 */
async function verifyLogin(login: PlannedLogin, tlsVerify: boolean, deps: ActionDeps): Promise<void> {
  const key = loginKey(login.registry, 'containers');
  const document = JSON.stringify({ auths: { [key]: { auth: authValue(login.username, login.password) } } });
  await withSecretFile(
    document,
    async (authFile) => {
      const client = openRegistry(deps, { authFile, tlsVerify });
      try {
        await client.ping(ImageReference.parse(`${login.registry}/login-check`));
      } catch (error) {
        if (!(error instanceof ConfigurationError)) throw error;
        const input = login.source === 'github-token' ? 'github-token' : 'password';
        throw new ConfigurationError(
          `Input "${input}": ${login.registry} did not accept the login of "${login.username}": ${error.message.replace(/ Log in first.*$/s, '')}`,
          { input },
        );
      }
      deps.logger.info(`${login.registry} accepted the login of ${login.username} (${login.source})`);
    },
    { directory: deps.paths.temp, name: 'auth.json' },
  );
}

/** Writes each login to both files, saving state after every write so post removes whatever was written. */
async function writeLogins(
  logins: PlannedLogin[],
  files: LoginFiles,
  state: LoginRecord,
  deps: ActionDeps,
): Promise<void> {
  for (const login of logins) {
    for (const [file, kind] of [
      [files.dockerConfig, 'docker'],
      [files.authFile, 'containers'],
    ] as const) {
      const key = loginKey(login.registry, kind);
      const added = await addLogin(file, key, login.username, login.password);
      state.logins.push(added);
      loginState.save(deps.state, state);
      if (added.replaced)
        deps.logger.warning(`replaced a login for ${key} in ${file}; the post step puts it back`);
      if (kind === 'docker') {
        const shadow = dockerShadow(await readJson(file), key);
        if (shadow !== undefined)
          deps.logger.warning(
            `docker will ask ${shadow} in ${file} for ${key}, not this login; skopeo, buildah, cosign and trivy use ${files.authFile}`,
          );
      }
    }
  }
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export async function post(deps: ActionDeps): Promise<void> {
  await removeLogins(loginState.load(deps.state), deps.logger);
}
