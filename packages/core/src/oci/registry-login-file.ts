import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ConfigurationError } from '../action/errors.ts';

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
    throw new ConfigurationError(`${file} is not a valid JSON credentials file; refusing to overwrite it`);
  }
}

/** Writes atomically with mode 0600 (a temporary file in the same directory, then rename). */
async function writeDocument(file: string, doc: AuthDocument): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = join(dirname(file), `.${randomUUID()}.tmp`);
  await writeFile(temporary, `${JSON.stringify(doc, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
}

/** Merges one registry login into a Docker config.json or containers auth.json; other entries stay. */
export async function addLogin(
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
export async function removeLogin(
  added: AddedLogin,
): Promise<'removed' | 'restored' | 'changed' | 'missing'> {
  const doc = await readDocument(added.file);
  const entry = doc.auths?.[added.registry];
  const previous = added.backup === undefined ? undefined : await readBackup(added.backup);
  try {
    if (entry === undefined) return 'missing';
    if (typeof entry.auth !== 'string' || fingerprint(entry.auth) !== added.fingerprint) return 'changed';
    const auths = { ...doc.auths };
    // The login this step replaced goes back; otherwise our entry simply goes.
    if (previous !== undefined) auths[added.registry] = previous;
    else delete auths[added.registry];
    await writeDocument(added.file, { ...doc, auths });
    return previous !== undefined ? 'restored' : 'removed';
  } finally {
    if (added.backup !== undefined) await rm(added.backup, { force: true });
  }
}

async function readBackup(file: string): Promise<NonNullable<AuthDocument['auths']>[string] | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as NonNullable<AuthDocument['auths']>[string];
  } catch {
    return undefined;
  }
}
