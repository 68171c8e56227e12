import { describe, expect, it } from 'vitest';
import { type RetryPolicy, withRetries } from './retry-policy.ts';

const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 100, deadlineMs: 1_000 };
const transient = (e: unknown) => ({ transient: true, reason: String(e) });

/** Runs a failing operation whose every attempt takes `attemptMs` on a fake clock; returns attempts made. */
async function attemptsMade(attemptMs: number, withClock: boolean): Promise<number> {
  let clock = 0;
  let attempts = 0;
  await withRetries(
    async () => {
      attempts++;
      clock += attemptMs;
      throw new Error('503');
    },
    transient,
    {
      policy,
      random: () => 1,
      sleep: async (ms) => {
        clock += ms;
      },
      ...(withClock ? { elapsedClock: () => clock } : {}),
    },
  ).catch(() => undefined);
  return attempts;
}

describe('withRetries: the deadline', () => {
  it('without a clock bounds only the waiting: slow attempts still get every retry', async () => {
    expect(await attemptsMade(10_000, false)).toBe(5);
  });

  it('with a clock bounds the time since the first attempt, attempts included (the registry client)', async () => {
    // 400 ms per attempt + 100 ms wait: no retry starts once 1 s has passed (after the 2nd attempt, at 900 ms
    // a 3rd starts; at 1 400 ms none does).
    expect(await attemptsMade(400, true)).toBe(3);
    expect(await attemptsMade(10_000, true)).toBe(1);
    // Fast attempts: the attempt budget is what ends it.
    expect(await attemptsMade(1, true)).toBe(5);
  });

  it('never retries a final failure, clock or not', async () => {
    let attempts = 0;
    await withRetries(
      async () => {
        attempts++;
        throw new Error('401');
      },
      (e) => ({ transient: false, reason: String(e) }),
      { policy, sleep: async () => {}, elapsedClock: () => 0 },
    ).catch(() => undefined);
    expect(attempts).toBe(1);
  });
});
