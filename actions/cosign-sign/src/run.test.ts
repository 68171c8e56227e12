// cosign-sign in process: the failure paths that end before the registry, through the step's seam
// (runAction), with every effect in memory. Signing itself (a registry and a Sigstore, both local and real)
// is tested in process and as the bundle in test/cosign-sign.test.ts.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '@chain/core/testing';
import { describe, expect, it } from 'vitest';
import { action } from './action.ts';

const KEY = readFileSync(
  join(import.meta.dirname, '../../../test/fixtures/sigstore/cosign-keys/conforma-empty-password.key'),
  'utf8',
);
const IMAGE = `127.0.0.1:1/acme/app@sha256:${'a'.repeat(64)}`;

function job() {
  const dir = mkdtempSync(join(tmpdir(), 'cosign-sign-run-'));
  return { dir, env: { RUNNER_TEMP: dir, HOME: dir } };
}

/** Nothing was done: no tool ran, no output was set, nothing was written to the summary. */
function nothingDone(r: Awaited<ReturnType<typeof runAction>>) {
  expect(r.calls).toEqual([]);
  expect(r.output).toEqual({});
  expect(r.summaries).toEqual([]);
}

describe('cosign-sign, in process', () => {
  it('a missing image is INPUT_REQUIRED', async () => {
    const r = await runAction(action, { inputs: {}, env: job().env });
    expect(r.code).toBe('INPUT_REQUIRED');
    expect(r.error).toMatchObject({ input: 'image' });
    nothingDone(r);
  });

  it.each([
    [{ image: '127.0.0.1:1/acme/app:latest' }, 'image'],
    [{ attestations: 'provenance' }, 'build-record'],
    [{ attestations: 'vuln' }, 'scan-report'],
    [{ 'github-attestations': 'true' }, 'github-attestations'],
    [{ 'policy-attestations': 'sbom' }, 'policy-attestations'],
    [{ format: 'classic', 'kyverno-policy': 'SigstoreBundle' }, 'kyverno-policy'],
  ])('refuses %j before loading anything, naming %s', async (inputs, input) => {
    const r = await runAction(action, { inputs: { image: IMAGE, ...inputs }, env: job().env });
    expect(r.code).toBe('INPUT_INVALID');
    expect(r.error).toMatchObject({ input });
    expect(r.logger.messages()).toEqual([]);
    nothingDone(r);
  });

  it('with a key: masks every line of it first, then refuses a wrong password naming key-password', async () => {
    const r = await runAction(action, {
      inputs: { image: IMAGE, key: KEY, 'key-password': 'not-the-password' },
      env: job().env,
    });
    expect(r.code).toBe('KEY_PASSWORD_WRONG');
    expect(r.error).toMatchObject({ input: 'key-password' });
    const body = KEY.split('\n').filter((line) => line.trim().length >= 8);
    expect(body.length).toBeGreaterThan(2);
    for (const line of body) expect(r.logger.secrets).toContain(line.trim());
    expect(r.logger.secrets).toContain('not-the-password');
    nothingDone(r);
  });

  it('with a key: a public key, or a path that is no file, is refused naming key', async () => {
    const { dir, env } = job();
    const publicKey = await runAction(action, {
      inputs: { image: IMAGE, key: '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----' },
      env,
    });
    expect(publicKey.code).toBe('KEY_TYPE_UNSUPPORTED');
    expect(publicKey.error).toMatchObject({ input: 'key', actual: 'PUBLIC KEY' });
    nothingDone(publicKey);
    const missing = await runAction(action, {
      inputs: { image: IMAGE, key: 'keys/missing.key' },
      env,
      workspace: dir,
    });
    expect(missing.code).toBe('INPUT_INVALID');
    expect(missing.error).toMatchObject({ input: 'key' });
    expect((missing.error as Error).message).toContain('ENOENT');
    nothingDone(missing);
  });

  it('with an encrypted PKCS#8 key and no key-password: names key-password, as the input layer words it', async () => {
    const encrypted = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      .privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'pw' })
      .toString();
    const r = await runAction(action, { inputs: { image: IMAGE, key: encrypted }, env: job().env });
    expect(r.code).toBe('KEY_PASSWORD_REQUIRED');
    expect(r.error).toMatchObject({ input: 'key-password' });
    expect((r.error as Error).message).toBe('Input "key-password" is required for an encrypted PKCS#8 key');
    nothingDone(r);
  });

  it('with a key file: reads it relative to the workspace', async () => {
    const { dir, env } = job();
    writeFileSync(join(dir, 'cosign.key'), KEY);
    const r = await runAction(action, {
      inputs: { image: IMAGE, key: 'cosign.key', 'key-password': 'not-the-password' },
      env,
      workspace: dir,
    });
    // The key file was read (its password is what is wrong), so the path resolved in the workspace.
    expect(r.error).toMatchObject({ code: 'KEY_PASSWORD_WRONG', input: 'key-password' });
  });
});
