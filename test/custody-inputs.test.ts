// Hostile and sloppy input (custody issue, items 5, 11, 13, 14), through the bundled actions under the
// runner contract: each is refused before anything runs, and the error names the input.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBundle, userErrorLine } from './helpers/runner.ts';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const layout = () => mkdtempSync(join(tmpdir(), 'layout-'));

describe('input that would silently do nothing, or fail late, is refused up front', () => {
  it.each([
    ['tag-promote', { image: 'ghcr.io/o/a', digest: DIGEST, tags: ',' }, /Input "tags" lists no item/],
    [
      'tag-promote',
      { image: 'ghcr.io/o/a', digest: DIGEST, tags: 'latest', 'immutable-tags': ',,' },
      /Input "immutable-tags" lists no item/,
    ],
    [
      'skopeo-push',
      { layout: '.', digest: DIGEST, image: 'ghcr.io/o/a', tags: ' , ' },
      /Input "tags" lists no item/,
    ],
    [
      'skopeo-push',
      { layout: '.', digest: `sha512:${'b'.repeat(128)}`, image: 'ghcr.io/o/a' },
      /Input "digest" is a sha512 digest/,
    ],
    [
      'tag-promote',
      { image: 'ghcr.io/o/a', digest: `sha512:${'b'.repeat(128)}`, tags: 'latest' },
      /Input "digest" is a sha512 digest/,
    ],
    [
      'skopeo-push',
      { layout: '.', digest: DIGEST, image: 'ghcr.io/o/a', 'auth-file': '/nonexistent/auth.json' },
      /Input "auth-file" names \/nonexistent\/auth\.json, which does not exist \(ENOENT\)/,
    ],
    [
      'tag-promote',
      { image: 'ghcr.io/o/a', digest: DIGEST, tags: 'latest', 'auth-file': '/nonexistent/auth.json' },
      /Input "auth-file" names \/nonexistent\/auth\.json, which does not exist/,
    ],
    [
      'repo-scan',
      { path: 'missing-dir' },
      /Input "path" names .*missing-dir, which does not exist \(ENOENT\)/,
    ],
    ['image-scan', { layout: layout(), digest: DIGEST, platforms: ',' }, /Input "platforms" lists no item/],
  ] as const)('%s %j', (action, inputs, message) => {
    const r = runBundle(action, 'main', { inputs });
    expect(r.status).toBe(1);
    expect(userErrorLine(r)).toMatch(message);
  });
});
