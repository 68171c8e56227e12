// The hashing lanes start before anything else is loaded: a worker thread takes ~30 ms to boot, and that
// now overlaps loading the action, reading its inputs and asking the registry.
import { workerHasher } from '@chain/core/entry';

const hasher = workerHasher();
try {
  const { start } = await import('./run.ts');
  await start(hasher);
} finally {
  await hasher.close();
}
