import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigurationError } from '../action/errors.ts';
import type { Logger } from '../action/logger.ts';

/** A login this step added, as recorded in post-step state: no secret, only a fingerprint of it. */
export interface AddedLogin {
  file: string;
  registry: string;
  /** sha256 of the `auth` value written, so post removes the entry only if it is still ours. */
  fingerprint: string;
  /** Whether an entry for this registry existed before (and was replaced). */
  replaced: boolean;
  /**
   * Where the replaced entry was kept (a 0600 file beside the credentials file, never in step state) so
   * that removing our login puts it back.
   */
  backup?: string | undefined;
}

type AuthDocument = Record<string, unknown> & { auths?: Record<string, Record<string, unknown>> };

export function authValue(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`).toString('base64');
}

export function fingerprint(auth: string): string {
  return createHash('sha256').update(auth).digest('hex');
}

async function readDocument(file: string): Promise<AuthDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  if (text.trim() === '') return {};
  try {
    const doc = JSON.parse(text) as unknown;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error('not an object');
    return doc as AuthDocument;
  } catch {
    throw new ConfigurationError(`${file} is not a valid JSON credentials file; refusing to overwrite it`, {
      code: 'CREDENTIALS_INVALID',
      reason: 'FILE_NOT_JSON',
      actual: file,
    });
  }
}

/**
 * Writes atomically with mode 0600 (a temporary file in the same directory, then rename). A symbolic link
 * (a config.json kept elsewhere) is written through, as docker does, not replaced by a file.
 */
async function writeDocument(file: string, doc: AuthDocument): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const target = await realpath(file).catch(() => file);
  const temporary = join(dirname(target), `.${randomUUID()}.tmp`);
  await writeFile(temporary, `${JSON.stringify(doc, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, target);
}

/** Merges one registry login into a Docker config.json or containers auth.json; other entries stay. */
export function addLogin(
  file: string,
  registry: string,
  username: string,
  password: string,
): Promise<AddedLogin> {
  return withFileLock(file, () => addUnlocked(file, registry, username, password));
}

async function addUnlocked(
  file: string,
  registry: string,
  username: string,
  password: string,
): Promise<AddedLogin> {
  const doc = await readDocument(file);
  const auths = { ...(doc.auths ?? {}) };
  const previous = auths[registry];
  const auth = authValue(username, password);
  let backup: string | undefined;
  if (previous !== undefined) {
    backup = join(dirname(file), `.${randomUUID()}.replaced-login`);
    await writeFile(backup, JSON.stringify(previous), { mode: 0o600 });
  }
  auths[registry] = { auth };
  await writeDocument(file, { ...doc, auths });
  return {
    file,
    registry,
    fingerprint: fingerprint(auth),
    replaced: previous !== undefined,
    ...(backup ? { backup } : {}),
  };
}

/**
 * Removes a login this step added, exactly: only that registry's entry, and only while it still holds
 * what was written (a later step's own login for the same registry is left alone).
 */
export function removeLogin(added: AddedLogin): Promise<RemoveResult> {
  return withFileLock(added.file, () => removeUnlocked(added));
}

export type RemoveResult = 'removed' | 'restored' | 'changed' | 'missing';

async function removeUnlocked(added: AddedLogin): Promise<RemoveResult> {
  const doc = await readDocument(added.file);
  const entry = doc.auths?.[added.registry];
  const previous = added.backup === undefined ? undefined : await readBackup(added.backup);
  try {
    if (entry === undefined) return 'missing';
    const retired = await readRetired(added.file);
    if (typeof entry.auth !== 'string' || fingerprint(entry.auth) !== added.fingerprint) {
      // A later login replaced ours and keeps ours as what it will put back: record that ours is gone, and
      // what should come back in its place, so that its post restores the login before ours instead.
      retired[added.fingerprint] = { entry: previous ?? null, at: Date.now() };
      await writeRetired(added.file, retired);
      return 'changed';
    }
    const restore = unretired(previous, retired);
    const auths = { ...doc.auths };
    // The login this step replaced goes back; otherwise our entry simply goes.
    if (restore !== undefined) auths[added.registry] = restore;
    else delete auths[added.registry];
    await writeDocument(added.file, { ...doc, auths });
    await writeRetired(added.file, retired);
    return restore !== undefined ? 'restored' : 'removed';
  } finally {
    if (added.backup !== undefined) await rm(added.backup, { force: true });
  }
}

type AuthEntry = NonNullable<AuthDocument['auths']>[string];
type Retired = Record<string, { entry: AuthEntry | null; at: number }>;
const RETIRED_KEEP_MS = 7 * 24 * 3600 * 1000;

/** What to put back for `previous`: itself, unless it is a login since removed by its own post step. */
function unretired(previous: AuthEntry | undefined, retired: Retired): AuthEntry | undefined {
  let restore = previous;
  while (restore !== undefined && typeof restore.auth === 'string') {
    const record = retired[fingerprint(restore.auth)];
    if (record === undefined) break;
    delete retired[fingerprint(restore.auth)];
    restore = record.entry ?? undefined;
  }
  return restore;
}

/** `<file>.retired-logins` (0600): logins removed while a later login still kept them to put back. */
async function readRetired(file: string): Promise<Retired> {
  try {
    const parsed = JSON.parse(await readFile(`${file}.retired-logins`, 'utf8')) as Retired;
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}

async function writeRetired(file: string, retired: Retired): Promise<void> {
  for (const [key, record] of Object.entries(retired))
    if (Date.now() - record.at > RETIRED_KEEP_MS) delete retired[key];
  const path = `${file}.retired-logins`;
  if (Object.keys(retired).length === 0) await rm(path, { force: true });
  else await writeFile(path, JSON.stringify(retired), { mode: 0o600 });
}

async function readBackup(file: string): Promise<AuthEntry | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as AuthEntry;
  } catch {
    return undefined;
  }
}

const LOCK_WAIT_MS = 15_000;
const LOCK_STALE_MS = 30_000;

/**
 * Serialises read-modify-write of one credentials file across processes: two jobs of a self-hosted
 * runner share ~/.docker/config.json, and two logins racing would each write back the file without the
 * other's entry. `<file>.lock` is created exclusively and holds a token of its owner; a lock older than
 * 30 s is from a process that died, and is removed by one breaker at a time (see takeOverStale). A lock
 * is released only by the owner of its token.
 */
async function withFileLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const lock = `${file}.lock`;
  const token = `${process.pid}:${randomUUID()}`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  while (!(await tryLock(lock, token))) {
    if (await takeOverStale(lock)) continue;
    if (Date.now() > deadline)
      throw new ConfigurationError(
        `${file} stayed locked by another login for ${LOCK_WAIT_MS / 1000} s (${lock}); remove the lock file if no login is running`,
        { code: 'CREDENTIALS_FILE_LOCKED', actual: lock },
      );
    await new Promise((r) => setTimeout(r, 10 + Math.floor(Math.random() * 40)));
  }
  try {
    return await work();
  } finally {
    if ((await readFile(lock, 'utf8').catch(() => '')) === token) await rm(lock, { force: true });
  }
}

async function tryLock(lock: string, token: string): Promise<boolean> {
  try {
    await writeFile(lock, token, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Removes a stale lock. Only the holder of `<lock>.break` (created exclusively) may, and it checks again
 * that the lock is stale while holding it: nobody else removes a stale lock, and a live lock cannot turn
 * stale in that instant, so a lock taken meanwhile by a live login is never removed. Returns whether to
 * try to lock again at once.
 */
async function takeOverStale(lock: string): Promise<boolean> {
  const stale = async (path: string) => {
    const s = await stat(path).catch(() => undefined);
    return s === undefined ? undefined : Date.now() - s.mtimeMs > LOCK_STALE_MS;
  };
  const seen = await stale(lock);
  if (seen === undefined) return true;
  if (!seen) return false;
  const breaker = `${lock}.break`;
  if (!(await tryLock(breaker, randomUUID()))) {
    // A breaker that died while breaking (rare): its file goes once it is stale itself.
    if ((await stale(breaker)) === true) await rm(breaker, { force: true });
    return false;
  }
  try {
    if ((await stale(lock)) === true) await rm(lock, { force: true });
  } finally {
    await rm(breaker, { force: true });
  }
  return true;
}

/** Docker keeps Docker Hub's login under its v1 index URL; containers auth.json under `docker.io`. */
export const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';

/** The key a registry's login is written under, in a Docker config.json or a containers auth.json. */
export function loginKey(registry: string, file: 'docker' | 'containers'): string {
  const hub = ['docker.io', 'index.docker.io', 'registry-1.docker.io'].includes(registry);
  if (!hub) return registry;
  return file === 'docker' ? DOCKER_HUB_CONFIG_KEY : 'docker.io';
}

export interface LoginFiles {
  /** Docker's config.json: docker and buildx read it; skopeo, buildah, cosign and trivy fall back to it. */
  dockerConfig: string;
  /** containers auth.json for skopeo, buildah and podman (cosign and trivy read it too). */
  authFile: string;
  /** Whether later steps need REGISTRY_AUTH_FILE set to find `authFile`. */
  exportAuthFile: boolean;
  /** Whether later steps need DOCKER_CONFIG set to find `dockerConfig` (a directory given by the user). */
  exportDockerConfig: boolean;
}

/**
 * Where a login step writes: the given paths, else where the tools already look (REGISTRY_AUTH_FILE,
 * DOCKER_CONFIG or ~/.docker), else a containers auth.json of the step's own under RUNNER_TEMP.
 */
export function loginFiles(
  env: Readonly<NodeJS.ProcessEnv>,
  owner: string,
  given: { authFile?: string | undefined; dockerConfigDir?: string | undefined } = {},
): LoginFiles {
  const defaultDockerDir = env.DOCKER_CONFIG ?? join(env.HOME ?? homedir(), '.docker');
  const dockerDir = given.dockerConfigDir ?? defaultDockerDir;
  const exportDockerConfig =
    given.dockerConfigDir !== undefined && given.dockerConfigDir !== env.DOCKER_CONFIG;
  const dockerConfig = join(dockerDir, 'config.json');
  if (given.authFile !== undefined)
    return {
      dockerConfig,
      authFile: given.authFile,
      exportAuthFile: given.authFile !== env.REGISTRY_AUTH_FILE,
      exportDockerConfig,
    };
  if (env.REGISTRY_AUTH_FILE)
    return { dockerConfig, authFile: env.REGISTRY_AUTH_FILE, exportAuthFile: false, exportDockerConfig };
  const base = env.RUNNER_TEMP ?? env.XDG_RUNTIME_DIR ?? join(env.HOME ?? homedir(), '.config');
  return { dockerConfig, authFile: join(base, owner, 'auth.json'), exportAuthFile: true, exportDockerConfig };
}

/** What a login step's post needs: the entries to remove. No secret, only a fingerprint of each value. */
export interface LoginRecord {
  keep: boolean;
  logins: AddedLogin[];
}

/** Validates a LoginRecord read back from post-step state. */
export function parseLoginRecord(owner: string): (value: unknown) => LoginRecord {
  return (value) => {
    const v = value as Partial<LoginRecord> | null;
    if (typeof v !== 'object' || v === null || typeof v.keep !== 'boolean' || !Array.isArray(v.logins))
      throw new Error(`${owner} state is malformed`);
    for (const l of v.logins) {
      if (
        typeof l?.file !== 'string' ||
        typeof l.registry !== 'string' ||
        !/^[0-9a-f]{64}$/.test(String(l.fingerprint)) ||
        (l.backup !== undefined && typeof l.backup !== 'string')
      )
        throw new Error(`${owner} state has a malformed login entry`);
    }
    return v as LoginRecord;
  };
}

/** The post step of a login: removes each entry it wrote (restoring what it replaced), unless kept. */
export async function removeLogins(record: LoginRecord | undefined, logger: Logger): Promise<void> {
  if (record === undefined || record.logins.length === 0) {
    logger.info('no registry login to remove');
    return;
  }
  if (record.keep) {
    logger.info(`keep-login is true: leaving ${record.logins.length} login entries in place`);
    // Nothing will be put back: the copies of replaced logins are not kept either.
    for (const login of record.logins)
      if (login.backup !== undefined) await rm(login.backup, { force: true });
    return;
  }
  for (const login of record.logins) {
    const result = await removeLogin(login);
    const what = {
      removed: 'removed',
      restored: 'put back to the login it had replaced',
      changed: 'left alone (changed since this step wrote it)',
      missing: 'already gone',
    }[result];
    logger.info(`login for ${login.registry} in ${login.file}: ${what}`);
  }
}
