import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../action/errors.ts';
import type { Logger } from '../action/logger.ts';
import type { ToolRunner } from '../exec/tool-runner.ts';

export interface Credential {
  username: string;
  password: string;
  /** Where it came from (file path or helper), for logs. Never the secret. */
  source: string;
}

interface AuthFile {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

/** The files skopeo, buildah and docker read, in their order of precedence. */
export function credentialFiles(env: NodeJS.ProcessEnv, explicit?: string): string[] {
  if (explicit !== undefined) return [explicit];
  const files: string[] = [];
  if (env.REGISTRY_AUTH_FILE) files.push(env.REGISTRY_AUTH_FILE);
  if (env.XDG_RUNTIME_DIR) files.push(join(env.XDG_RUNTIME_DIR, 'containers', 'auth.json'));
  files.push(join(env.DOCKER_CONFIG ?? join(env.HOME ?? homedir(), '.docker'), 'config.json'));
  return files;
}

/** Docker writes keys as hosts or URLs (`https://index.docker.io/v1/`); compare by host[/path]. */
function normaliseKey(key: string): string {
  let k = key.replace(/^https?:\/\//, '').replace(/\/+$/, '');
  if (k === 'index.docker.io/v1' || k === 'index.docker.io' || k === 'registry-1.docker.io') k = 'docker.io';
  return k;
}

function decodeAuth(entry: NonNullable<AuthFile['auths']>[string], source: string): Credential | undefined {
  if (entry.auth) {
    const text = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = text.indexOf(':');
    if (colon < 0)
      throw new ConfigurationError(`credentials in ${source} are not base64("user:password")`, {
        code: 'CREDENTIALS_INVALID',
        reason: 'AUTH_NOT_USER_PASSWORD',
      });
    return { username: text.slice(0, colon), password: text.slice(colon + 1), source };
  }
  if (entry.username !== undefined && entry.password !== undefined) {
    return { username: entry.username, password: entry.password, source };
  }
  return undefined;
}

/**
 * Finds the credential for `registry` (and optionally `repository`, for containers auth.json entries
 * scoped to a namespace) the way skopeo and docker do: per-registry credHelpers, then `auths` (the most
 * specific matching key), then credsStore. Every secret found is masked at once.
 */
export class CredentialStore {
  private readonly files: string[];
  private readonly env: NodeJS.ProcessEnv;
  private readonly runner: ToolRunner;
  private readonly logger: Logger;

  constructor(options: {
    env: NodeJS.ProcessEnv;
    runner: ToolRunner;
    logger: Logger;
    authFile?: string | undefined;
  }) {
    this.env = options.env;
    this.runner = options.runner;
    this.logger = options.logger;
    this.files = credentialFiles(options.env, options.authFile);
  }

  async lookup(registry: string, repository?: string): Promise<Credential | undefined> {
    const host = normaliseKey(registry);
    for (const file of this.files) {
      const parsed = await this.readFile(file);
      if (parsed === undefined) continue;
      const helper = parsed.credHelpers?.[host] ?? parsed.credHelpers?.[registry];
      if (helper !== undefined) return this.mask(await this.fromHelper(helper, registry));
      const candidates = Object.entries(parsed.auths ?? {})
        .map(([key, entry]) => [normaliseKey(key), entry] as const)
        .filter(
          ([key]) =>
            key === host || (repository !== undefined && `${host}/${repository}`.startsWith(`${key}/`)),
        )
        .sort((a, b) => b[0].length - a[0].length);
      for (const [, entry] of candidates) {
        const credential = decodeAuth(entry, file);
        if (credential !== undefined) return this.mask(credential);
      }
      if (parsed.credsStore !== undefined) {
        const credential = await this.fromHelper(parsed.credsStore, registry).catch(() => undefined);
        if (credential !== undefined) return this.mask(credential);
      }
    }
    return undefined;
  }

  private mask(credential: Credential): Credential {
    this.logger.setSecret(credential.password);
    this.logger.setSecret(Buffer.from(`${credential.username}:${credential.password}`).toString('base64'));
    return credential;
  }

  private async readFile(file: string): Promise<AuthFile | undefined> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new ConfigurationError(
        `cannot read registry credentials file ${file}: ${(error as Error).message}`,
        { code: 'CREDENTIALS_INVALID', reason: 'FILE_UNREADABLE', actual: file },
      );
    }
    try {
      return JSON.parse(text) as AuthFile;
    } catch {
      throw new ConfigurationError(`registry credentials file ${file} is not valid JSON`, {
        code: 'CREDENTIALS_INVALID',
        reason: 'FILE_NOT_JSON',
        actual: file,
      });
    }
  }

  private async fromHelper(helper: string, registry: string): Promise<Credential> {
    if (!/^[A-Za-z0-9_.-]+$/.test(helper))
      throw new ConfigurationError(`credential helper name "${helper}" is not valid`, {
        code: 'CREDENTIALS_INVALID',
        reason: 'HELPER_NAME_INVALID',
        actual: helper,
      });
    const { stdout } = await this.runner.run({
      tool: `docker-credential-${helper}`,
      command: `docker-credential-${helper}`,
      args: ['get'],
      stdin: registry,
      env: this.env,
      timeoutMs: 30_000,
    });
    let parsed: { Username?: unknown; Secret?: unknown };
    try {
      parsed = JSON.parse(stdout) as typeof parsed;
    } catch {
      throw new ConfigurationError(
        `docker-credential-${helper} printed something other than JSON for ${registry}`,
        { code: 'CREDENTIALS_INVALID', reason: 'HELPER_OUTPUT_NOT_JSON' },
      );
    }
    if (typeof parsed.Username !== 'string' || typeof parsed.Secret !== 'string') {
      throw new ConfigurationError(
        `docker-credential-${helper} returned no Username/Secret for ${registry}`,
        {
          code: 'CREDENTIALS_INVALID',
          reason: 'HELPER_NO_CREDENTIALS',
        },
      );
    }
    this.logger.setSecret(parsed.Secret);
    return { username: parsed.Username, password: parsed.Secret, source: `docker-credential-${helper}` };
  }
}
