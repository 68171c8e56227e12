import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  type ActionDeps,
  addLogin,
  authValue,
  ConfigurationError,
  defineState,
  exportVariable,
  ImageReference,
  JobSummary,
  type LoginFiles,
  type LoginRecord,
  loginFiles,
  loginKey,
  openRegistry,
  parseLoginRecord,
  readInputs,
  removeLogins,
  runnerDeps,
  withSecretFile,
} from '@chain/core';
import { outputs, spec } from './inputs.ts';
import { dockerShadow, type PlannedLogin, planLogins } from './plan.ts';

export const loginState = defineState('registry-login', parseLoginRecord('registry-login'));

export async function main(deps: ActionDeps = runnerDeps()): Promise<void> {
  const values = readInputs(spec, deps.inputs, deps.inputContext);
  for (const secret of [values.password, values['github-token']])
    if (secret !== undefined && secret !== '') deps.logger.setSecret(secret);
  const logins = planLogins(values.registry, values, deps.env);
  for (const login of logins) deps.logger.setSecret(authValue(login.username, login.password));

  if (values.verify) for (const login of logins) await verifyLogin(login, values['tls-verify'], deps);

  const files = loginFiles(deps.env, 'registry-login', {
    authFile: values['auth-file'],
    dockerConfigDir: values['docker-config'],
  });
  const state: LoginRecord = { keep: values['keep-login'], logins: [] };
  await writeLogins(logins, files, state, deps);
  if (files.exportAuthFile) exportVariable('REGISTRY_AUTH_FILE', files.authFile);
  if (files.exportDockerConfig) exportVariable('DOCKER_CONFIG', dirname(files.dockerConfig));
  outputs.write(
    {
      registries: logins.map((l) => l.registry).join('\n'),
      'auth-file': files.authFile,
      'docker-config': dirname(files.dockerConfig),
    },
    deps.outputs,
  );
  await deps.writeSummary(
    new JobSummary()
      .heading('registry-login')
      .verdict(true, `Logged in to ${logins.map((l) => l.registry).join(', ')}`)
      .table(
        ['registry', 'user', 'credential', 'checked'],
        logins.map((l) => [
          { text: l.registry, code: true },
          { text: l.username, code: true },
          l.source,
          values.verify ? 'accepted by the registry (GET /v2/)' : 'not checked (verify: false)',
        ]),
      )
      .facts([
        ['containers auth.json', { text: files.authFile, code: true }],
        ['Docker config.json', { text: files.dockerConfig, code: true }],
        ['after the job', values['keep-login'] ? 'kept (keep-login: true)' : 'removed by the post step'],
      ]),
  );
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
    { ...(deps.env.RUNNER_TEMP ? { directory: deps.env.RUNNER_TEMP } : {}), name: 'auth.json' },
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
      loginState.save(state);
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

export async function post(deps: Pick<ActionDeps, 'logger'> = runnerDeps()): Promise<void> {
  await removeLogins(loginState.load(), deps.logger);
}
