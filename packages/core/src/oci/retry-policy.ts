/**
 * When to retry a registry operation, and how long to wait. Only transient faults are retried:
 * 429, 5xx and network errors. 401/403/404 and every other 4xx are final.
 */
export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts after this much time since the first attempt. */
  deadlineMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 15_000,
  deadlineMs: 120_000,
};

export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

export function isNetworkError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && NETWORK_CODES.has(code);
}

/** Retry-After in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Delay before attempt `attempt + 1` (attempt counts from 1): full-jitter exponential backoff capped at
 * maxDelayMs; a server's Retry-After wins when it is longer (capped at the same bound).
 */
export function backoffDelay(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(exponential / 2 + (random() * exponential) / 2);
  if (retryAfterMs === undefined) return jittered;
  return Math.min(policy.maxDelayMs, Math.max(retryAfterMs, jittered));
}

/** Distribution's error codes for faults that pass (spec: TOOMANYREQUESTS, UNAVAILABLE). */
const TRANSIENT_CODES = /\b(TOOMANYREQUESTS|UNAVAILABLE)\b/;
/**
 * Final whatever else is said: credentials, permissions, a repository or manifest that does not exist
 * (skopeo's words for 401, 403 and a 404 of a name or manifest). A lost blob-upload session after a
 * reset is not among them: the upload starts again.
 */
const FINAL_TEXT =
  /\b(401|403)\b|unauthorized|denied|authentication required|invalid username|manifest invalid|name unknown|manifest unknown/i;
/**
 * What skopeo (containers/image) prints for transient registry faults: the distribution error codes in
 * lower case (`toomanyrequests: …`, `unavailable: …`), the status texts, HTML error pages from proxies
 * and network failures — a reset mid-upload reads "connection reset by peer" or, when Go's writer sees it
 * first, "use of closed network connection" (net.ErrClosed).
 */
const TRANSIENT_TEXT =
  /\b(429|500|502|503|504)\b|toomanyrequests|\bunavailable\b|too many requests|service unavailable|bad gateway|gateway time-?out|internal server error|<html|connection reset|broken pipe|use of closed network connection|unexpected EOF|: EOF\b|i\/o timeout|TLS handshake timeout|connection refused/i;

/** Whether a tool's failure text describes a transient registry fault (never a 401, 403 or 404). */
export function isTransientText(text: string): boolean {
  if (FINAL_TEXT.test(text)) return false;
  return TRANSIENT_CODES.test(text) || TRANSIENT_TEXT.test(text);
}

/** Retry-After as a tool printed it (`Retry-After: 12` or "retry after 12s"), in milliseconds. */
export function retryAfterInText(text: string): number | undefined {
  const m = /retry[- ]after:?\s*(\d+)\s*s?/i.exec(text);
  return m?.[1] === undefined ? undefined : Number(m[1]) * 1000;
}

export interface RetryOptions {
  policy?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told before each pause: the attempt that failed, the delay, and why. */
  onRetry?: (attempt: number, delayMs: number, reason: string) => void;
  /**
   * A clock (ms). With it, the deadline bounds the time since the first attempt began, attempts included
   * (no retry starts once it has passed), as the registry client wants: each of its attempts is bounded
   * by a request timeout, and the whole request by the deadline. Without it, the deadline bounds only the
   * time spent waiting between attempts.
   */
  elapsedClock?: () => number;
}

/**
 * The one retry loop: runs `operation` until it succeeds, `classify` calls its failure final, the attempts
 * run out or the deadline passes. `classify` says whether a failure is transient and may give a
 * Retry-After it saw; the backoff honours it.
 */
export async function withRetries<T>(
  operation: (attempt: number) => Promise<T>,
  classify: (error: unknown) => { transient: boolean; retryAfterMs?: number | undefined; reason: string },
  options: RetryOptions = {},
): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const clock = options.elapsedClock;
  const started = clock?.() ?? 0;
  // Without a clock the deadline bounds the time spent waiting between attempts, not the attempts
  // themselves: a push that runs for minutes before a transient fault still gets its retries.
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      const verdict = classify(error);
      if (!verdict.transient || attempt >= policy.maxAttempts) throw error;
      if (clock !== undefined && clock() - started >= policy.deadlineMs) throw error;
      const delay = backoffDelay(policy, attempt, verdict.retryAfterMs, options.random ?? Math.random);
      if (clock === undefined && waited + delay > policy.deadlineMs) throw error;
      waited += delay;
      options.onRetry?.(attempt, delay, verdict.reason);
      await sleep(delay);
    }
  }
}
