import { CommandError } from '../action/errors.ts';

export interface TagMerge<T> {
  /** What the tag holds now (undefined: no such tag). */
  read(): Promise<T | undefined>;
  /** Whether `doc` already holds our change. */
  holds(doc: T | undefined): boolean;
  /** `doc` with our change merged in. */
  merge(doc: T | undefined): T;
  /** Writes the merged document under the tag. */
  write(doc: T): Promise<void>;
  /** For the error: what is being written, e.g. "the signature manifest repo:sha256-….sig". */
  what: string;
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * A read-modify-write of a tag that several writers share (cosign's `.sig` manifest, the referrers
 * fallback index). Registries have no conditional manifest PUT, so a writer whose read came before
 * another's write overwrites that write. Here every write is read back: when our change is missing (a
 * concurrent writer's PUT landed on a state without it), it is merged into what the tag holds then and
 * written again, a bounded number of times with growing, jittered pauses; and it counts only when it is
 * still there after a settle pause (see SETTLE_MS). Returns the attempts used.
 */
/**
 * How long a write must stay in the tag before it counts: longer than another writer's read-to-PUT gap
 * (milliseconds to tens of milliseconds), so that a PUT based on a read from before ours, landing just
 * after our read-back, is seen and answered by writing ours again.
 */
const SETTLE_MS = 100;

export async function mergeIntoTag<T>(merge: TagMerge<T>): Promise<number> {
  const attempts = merge.attempts ?? 8;
  const sleep = merge.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = merge.random ?? Math.random;
  let current = await merge.read();
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (merge.holds(current)) return attempt;
    await merge.write(merge.merge(current));
    current = await merge.read();
    if (merge.holds(current)) {
      // Still there once a writer that read before our write has had time to land its stale PUT?
      await sleep(Math.round(SETTLE_MS * (1 + random())));
      current = await merge.read();
      if (merge.holds(current)) return attempt;
      continue;
    }
    await sleep(Math.round((20 + 80 * random()) * attempt));
    current = await merge.read();
  }
  throw new CommandError(
    `${merge.what}: another writer replaced it each time, ${attempts} times; our change is not in it`,
    { tool: 'registry' },
  );
}
