import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where a step's temporary folders go: the runner's RUNNER_TEMP (emptied after each job), else the OS's. */
export function tempBase(env: Readonly<NodeJS.ProcessEnv>): string {
  return env.RUNNER_TEMP || tmpdir();
}

/**
 * The one way this code makes a temporary folder: a fresh `<prefix>-XXXXXX` directory under `base`, made
 * with mode 0700 (mkdtemp's), so nothing another user runs can read or plant files in it.
 */
export function tempFolder(base: string, prefix: string): Promise<string> {
  return mkdtemp(join(base, `${prefix.replace(/-$/, '')}-`));
}
