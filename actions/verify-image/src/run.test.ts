// verify-image in process: the failure paths that end before the registry, through the step's seam
// (runAction). The chain itself (each link present, missing or forged, with CustodyError's codes) is
// verified in process and as the bundle against a local registry and Sigstore in test/verify-image.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '@chain/core/testing';
import { describe, expect, it } from 'vitest';
import { action } from './action.ts';

const IMAGE = `127.0.0.1:1/acme/app@sha256:${'a'.repeat(64)}`;
const SIGNER = {
  'certificate-identity': 'https://github.com/acme/app/.github/workflows/publish.yml@refs/heads/main',
  'certificate-oidc-issuer': 'https://token.actions.githubusercontent.com',
  'certificate-source-repository': 'https://github.com/acme/app',
};

function job() {
  const dir = mkdtempSync(join(tmpdir(), 'verify-image-run-'));
  return { dir, env: { RUNNER_TEMP: dir, HOME: dir } };
}

describe('verify-image, in process', () => {
  it('a missing image is INPUT_REQUIRED', async () => {
    const r = await runAction(action, { inputs: SIGNER, env: job().env });
    expect(r.code).toBe('INPUT_REQUIRED');
    expect(r.error).toMatchObject({ input: 'image' });
  });

  it('without the expected signer it fails naming the input, before any registry or root is read', async () => {
    const r = await runAction(action, { inputs: { image: IMAGE }, env: job().env });
    expect(r.code).toBe('INPUT_INVALID');
    expect(r.error).toMatchObject({ input: 'certificate-identity' });
    expect(r.output).toEqual({});
    expect(r.summaries).toEqual([]);
    expect(r.calls).toEqual([]);
  });

  it('a trusted root that is not JSON is TRUSTED_ROOT_UNREADABLE, named as the trusted-root input', async () => {
    const { dir, env } = job();
    const root = join(dir, 'trusted_root.json');
    writeFileSync(root, 'not json');
    const r = await runAction(action, { inputs: { image: IMAGE, ...SIGNER, 'trusted-root': root }, env });
    expect(r.code).toBe('TRUSTED_ROOT_UNREADABLE');
    expect(r.error).toMatchObject({ input: 'trusted-root', actual: root });
    expect(r.output).toEqual({});
    expect(r.calls).toEqual([]);
  });

  it('a JSON file that is no trusted root is TRUSTED_ROOT_INVALID, named as the trusted-root input', async () => {
    const { dir, env } = job();
    const root = join(dir, 'trusted_root.json');
    writeFileSync(root, 'null');
    const r = await runAction(action, { inputs: { image: IMAGE, ...SIGNER, 'trusted-root': root }, env });
    expect(r.code).toBe('TRUSTED_ROOT_INVALID');
    expect(r.error).toMatchObject({ input: 'trusted-root' });
    expect(r.output).toEqual({});
    expect(r.calls).toEqual([]);
  });

  it('a GitHub identity without the source repository is warned about', async () => {
    const { dir, env } = job();
    const root = join(dir, 'trusted_root.json');
    writeFileSync(root, 'not json');
    const { 'certificate-source-repository': _, ...unbound } = SIGNER;
    const r = await runAction(action, { inputs: { image: IMAGE, ...unbound, 'trusted-root': root }, env });
    expect(r.logger.messages('warning').join('\n')).toMatch(/certificate-source-repository is not set/);
  });
});
