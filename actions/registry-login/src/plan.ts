import {
  ConfigurationError,
  DOCKER_HUB,
  ImageReference,
  type InputValues,
  type LoginFiles,
  loginFiles,
  type PlanContext,
} from '@chain/core/entry';
import type { spec } from './inputs.ts';

/** What the step will do: check each login with its registry, then write it to both login files. */
export interface LoginPlan {
  logins: PlannedLogin[];
  files: LoginFiles;
  /** Ask each registry to accept its credential (GET /v2/) before anything is written. */
  verify: boolean;
  tlsVerify: boolean;
  /** Leave the logins in place after the job (no post clean-up). */
  keep: boolean;
}

export function plan(values: InputValues<typeof spec>, context: PlanContext): LoginPlan {
  return {
    logins: planLogins(values.registry, values, context.env),
    files: loginFiles(context.env, 'registry-login', {
      authFile: values['auth-file'],
      dockerConfigDir: values['docker-config'],
    }),
    verify: values.verify,
    tlsVerify: values['tls-verify'],
    keep: values['keep-login'],
  };
}

/** One registry login to write. The password never leaves the step: not in state, outputs or logs. */
export interface PlannedLogin {
  registry: string;
  username: string;
  password: string;
  /** Where the credential came from, for the log and summary. */
  source: 'username/password' | 'github-token';
}

const GHCR = 'ghcr.io';

/**
 * The registry host of one `registry` item: a bare host (`ghcr.io`, `registry.example.com:5000`,
 * `docker.io`), or an image reference whose host is taken (`ghcr.io/acme/app` → `ghcr.io`;
 * `acme/app` → `docker.io`, as docker reads it).
 */
export function registryHost(item: string): string {
  let reference: ImageReference;
  try {
    reference = ImageReference.parse(item.includes('/') ? item : `${item}/login`);
  } catch (error) {
    throw new ConfigurationError(`Input "registry": ${(error as Error).message}`, { input: 'registry' });
  }
  if (!item.includes('/') && reference.registry === DOCKER_HUB && !isDockerHub(item))
    throw new ConfigurationError(
      `Input "registry": "${item}" is not a registry host (write ghcr.io, docker.io or host:port)`,
      { input: 'registry' },
    );
  return reference.registry;
}

function isDockerHub(host: string): boolean {
  return ['docker.io', 'index.docker.io', 'registry-1.docker.io'].includes(host);
}

export interface CredentialInputs {
  username?: string | undefined;
  password?: string | undefined;
  'github-token'?: string | undefined;
}

/**
 * Who logs in where. Given a username and password, every registry gets them. Without them, ghcr.io
 * takes the job's GITHUB_TOKEN as the run's actor; any other registry needs a password, and a missing one
 * is named (an empty secret is how a pull request from a fork sees the repository's secrets).
 */
export function planLogins(
  registries: string[],
  credentials: CredentialInputs,
  env: Readonly<NodeJS.ProcessEnv>,
): PlannedLogin[] {
  const password = nonEmpty(credentials.password);
  const token = nonEmpty(credentials['github-token']);
  const hosts = [...new Set(registries.map(registryHost))];
  return hosts.map((registry) => {
    if (password !== undefined) {
      if (credentials.username === undefined)
        throw new ConfigurationError(`Input "username" is required with a password (registry ${registry})`, {
          input: 'username',
        });
      return { registry, username: credentials.username, password, source: 'username/password' };
    }
    if (registry === GHCR && token !== undefined)
      return {
        registry,
        username: credentials.username ?? env.GITHUB_ACTOR ?? 'github-actions',
        password: token,
        source: 'github-token',
      };
    throw new ConfigurationError(
      `Input "password" is empty for ${registry}: pass it from a secret (secrets are empty in runs from forks and in Dependabot runs)${registry === GHCR ? ', or leave github-token at its default' : ''}`,
      { input: 'password' },
    );
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/**
 * A credential helper or store that docker would ask instead of the `auths` entry we write: docker uses
 * `credHelpers[host]`, else `credsStore`, before `auths`.
 */
export function dockerShadow(config: unknown, key: string): string | undefined {
  if (typeof config !== 'object' || config === null) return undefined;
  const c = config as { credHelpers?: Record<string, unknown>; credsStore?: unknown };
  const helper = c.credHelpers?.[key];
  if (typeof helper === 'string' && helper !== '') return `credHelpers["${key}"] = ${helper}`;
  if (typeof c.credsStore === 'string' && c.credsStore !== '') return `credsStore = ${c.credsStore}`;
  return undefined;
}
