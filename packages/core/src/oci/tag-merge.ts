import { CommandError } from '../action/errors.ts';
import { type RetryPolicy, withRetries } from './retry-policy.ts';

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
 * How long a write must stay in the tag before it counts: longer than another writer's read-to-PUT gap,
 * so that a PUT based on a read from before ours, landing just after our read-back, is seen and answered
 * by writing ours again. The gap is about a round trip to the registry: the pause is several of our own
 * PUT's round trips (jittered up to twice that), within bounds.
 */
const SETTLE_ROUND_TRIPS = 6;
const SETTLE_MIN_MS = 30;
const SETTLE_MAX_MS = 1_000;

/**
 * The pause between merges when another writer's PUT replaced ours: short and jittered (writers that
 * collided once should not collide again), growing with each collision. The attempts bound the loop, not
 * a deadline.
 */
function mergePolicy(attempts: number): RetryPolicy {
  return { maxAttempts: attempts, baseDelayMs: 50, maxDelayMs: 1_000, deadlineMs: 60_000 };
}

/** Our change was not in the tag when read back: merge again into what is there now. */
class ChangeLost extends Error {}

/**
 * A read-modify-write of a tag that several writers share (cosign's `.sig` manifest, the referrers
 * fallback index). Registries have no conditional manifest PUT, so a writer whose read came before
 * another's write overwrites that write. Here every write is read back: when our change is missing (a
 * concurrent writer's PUT landed on a state without it), it is merged into what the tag holds then and
 * written again, a bounded number of times with growing, jittered pauses (the core's one retry loop,
 * withRetries); and it counts only when it is still there after a settle pause (see SETTLE_ROUND_TRIPS).
 * A failed read or write is not retried here (the registry client retries transient faults itself).
 * Returns the attempts used.
 */
export async function mergeIntoTag<T>(merge: TagMerge<T>): Promise<number> {
  const attempts = merge.attempts ?? 8;
  const sleep = merge.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = merge.random ?? Math.random;
  let current = await merge.read();
  const attempt = async (n: number): Promise<number> => {
    if (n > 1) current = await merge.read();
    if (merge.holds(current)) return n;
    const started = Date.now();
    await merge.write(merge.merge(current));
    const putMs = Date.now() - started;
    current = await merge.read();
    if (!merge.holds(current)) throw new ChangeLost();
    // Still there once a writer that read before our write has had time to land its stale PUT? Its
    // read-to-PUT gap is about one round trip to this registry, so the pause scales with ours.
    const settle = Math.min(SETTLE_MAX_MS, Math.max(SETTLE_MIN_MS, SETTLE_ROUND_TRIPS * putMs));
    await sleep(Math.round(settle * (1 + random())));
    current = await merge.read();
    if (!merge.holds(current)) throw new ChangeLost();
    return n;
  };
  try {
    return await withRetries(
      attempt,
      (error) => ({ transient: error instanceof ChangeLost, reason: 'another writer replaced it' }),
      { policy: mergePolicy(attempts), sleep, random },
    );
  } catch (error) {
    if (!(error instanceof ChangeLost)) throw error;
    throw new CommandError(
      `${merge.what}: another writer replaced it each time, ${attempts} times; our change is not in it`,
      { tool: 'registry' },
    );
  }
}
