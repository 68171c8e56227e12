import { describe, expect, it } from 'vitest';
import { isTransientText, retryAfterInText, withRetries } from './retry-policy.ts';

describe('what a tool printed: transient or final', () => {
  it.each([
    // skopeo (containers/image) prints distribution's codes in lower case, with the registry's message.
    [
      'writing manifest: uploading manifest sha-1 to r/x: toomanyrequests: You have reached your pull rate limit',
      true,
    ],
    [
      'writing blob: initiating layer upload to /v2/x/blobs/uploads/ in r: unavailable: registry is read-only',
      true,
    ],
    ['received unexpected HTTP status: 502 Bad Gateway', true],
    ["invalid character '<' looking for beginning of value: <html><body>502</body></html>", true],
    [
      'writing blob: Patch "http://r/v2/x/blobs/uploads/1": read tcp 127.0.0.1:1->127.0.0.1:2: read: connection reset by peer',
      true,
    ],
    ['writing manifest: uploading manifest latest to r/x: unauthorized: authentication required', false],
    ['reading manifest latest in r/x: denied: requested access to the resource is denied', false],
    ['reading manifest latest in r/x: manifest unknown: manifest unknown', false],
    [
      'initiating layer upload to /v2/x/blobs/uploads/ in r: name unknown: repository name not known to registry',
      false,
    ],
    ['received unexpected HTTP status: 403 Forbidden', false],
  ])('%s', (text, transient) => {
    expect(isTransientText(text)).toBe(transient);
  });

  it('reads a Retry-After a tool printed', () => {
    expect(retryAfterInText('toomanyrequests: slow down (Retry-After: 12)')).toBe(12_000);
    expect(retryAfterInText('nothing here')).toBeUndefined();
  });

  it('withRetries: retries transient failures with the backoff, stops at a final one', async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await withRetries(
      async () => {
        calls++;
        if (calls < 3) throw new Error('unavailable: busy');
        return 'ok';
      },
      (e) => ({ transient: isTransientText(String(e)), retryAfterMs: 2000, reason: String(e) }),
      { sleep: async (ms) => void delays.push(ms), random: () => 0 },
    );
    expect(result).toBe('ok');
    expect(delays).toEqual([2000, 2000]); // the Retry-After wins over a shorter backoff
    calls = 0;
    const unauthorized = new Error('unauthorized: authentication required');
    await expect(
      withRetries(
        async () => {
          calls++;
          throw unauthorized;
        },
        (e) => ({ transient: isTransientText(String(e)), reason: String(e) }),
        { sleep: async () => {} },
      ),
    ).rejects.toBe(unauthorized);
    expect(calls).toBe(1);
  });
});
