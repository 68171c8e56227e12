// The sigstore-conformance verification cases, run through the core verifier: every case must give the
// expected result (a `_fail` suffix means it must be rejected).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseTrustedRoot, SignatureError, verifyBundle } from '@chain/core';
import { describe, expect, it } from 'vitest';

const base = join(import.meta.dirname, 'fixtures', 'sigstore', 'conformance', 'bundle-verify');
const DEFAULT_IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const DEFAULT_ISSUER = 'https://token.actions.githubusercontent.com';

/** The public-good trusted root as @sigstore/tuf ships it (no network). */
function publicGoodRoot(): unknown {
  const seeds = createRequire(import.meta.url)('@sigstore/tuf/seeds.json') as Record<
    string,
    { targets: Record<string, string> }
  >;
  const target = seeds['https://tuf-repo-cdn.sigstore.dev']?.targets['trusted_root.json'] ?? '';
  return JSON.parse(Buffer.from(target, 'base64').toString('utf8'));
}

const read = (dir: string, name: string) => readFileSync(join(base, dir, name), 'utf8').trim();
const cases = readdirSync(base, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('sigstore-conformance bundle-verify cases', () => {
  it('are all here', () => expect(cases.length).toBeGreaterThan(50));

  it.each(cases)('%s', (name) => {
    const has = (file: string) => existsSync(join(base, name, file));
    const trustedRoot = parseTrustedRoot(
      has('trusted_root.json') ? JSON.parse(read(name, 'trusted_root.json')) : publicGoodRoot(),
    );
    const artifact = readFileSync(has('artifact') ? join(base, name, 'artifact') : join(base, 'a.txt'));
    const policy = has('key.pub')
      ? { publicKey: read(name, 'key.pub') }
      : {
          identity: has('identity') ? read(name, 'identity') : DEFAULT_IDENTITY,
          issuer: has('issuer') ? read(name, 'issuer') : DEFAULT_ISSUER,
        };
    let bundle: unknown;
    try {
      bundle = JSON.parse(read(name, 'bundle.sigstore.json'));
    } catch {
      bundle = undefined;
    }
    const run = () => {
      if (bundle === undefined) throw new SignatureError('the bundle is not JSON');
      return verifyBundle(bundle, { trustedRoot, policy, artifact });
    };
    if (name.endsWith('_fail')) expect(run).toThrow(SignatureError);
    else expect(run()).toBeDefined();
  });
});
