// cosign, both directions, with the real cosign binary (pinned version) against the local Sigstore (real
// HTTP: Fulcio, Rekor and the trusted root of exactly their keys) and the real docker-registry:
//   - real `cosign verify` accepts what cosign-sign writes, classic and bundle, keyless and with a key;
//   - tag-promote's verifier accepts what real `cosign sign` writes, keyless and with a key;
//   - a wrong identity, issuer or key is refused by both.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Digest } from '@chain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OidcStandIn, startOidcStandIn } from './helpers/aws-server.ts';
import {
  ALICE,
  BOB,
  cosignKeylessPolicy,
  cosignSigningConfigArgs,
  GITHUB_ISSUER,
  githubLikeToken,
  keylessSignStep,
  type LocalSigstore,
  startLocalSigstore,
  writeTrustedRoot,
} from './helpers/local-sigstore.ts';
import { realTools, runTool } from './helpers/real-scanners.ts';
import { type LocalRegistry, pushTinyImage, startRegistry } from './helpers/registry.ts';
import { runBundleAsync, userErrorLine } from './helpers/runner.ts';

const { tools, skip } = realTools('cosign');
const KEY = join(import.meta.dirname, 'fixtures', 'sigstore', 'cosign-keys', 'conforma-empty-password.key');

/** Real cosign, asynchronously: the local Sigstore answers from this process while it runs. */
const cosign = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runTool(tools.cosign, args, { PATH: process.env.PATH, HOME: process.env.HOME, ...env });

/** cosign said no because the signature does not match the policy, not because something else failed. */
function refusedByCosign(result: { code: number; out: string }): void {
  expect(result.code).not.toBe(0);
  expect(result.out).toMatch(
    /no matching (signatures|attestations)|none of the expected identities matched|no signatures found/i,
  );
  expect(result.out).not.toMatch(/tuf|connection refused|no such host|i\/o timeout/i);
}

describe.skipIf(skip)('real cosign and our signing and verification', () => {
  let sigstore: LocalSigstore;
  let registry: LocalRegistry;
  let alice: OidcStandIn;
  let dir: string;
  let rootFile: string;
  let publicKey: string;
  beforeAll(async () => {
    [sigstore, registry, alice] = await Promise.all([
      startLocalSigstore(),
      startRegistry(),
      startOidcStandIn({ sub: ALICE }),
    ]);
    dir = mkdtempSync(join(tmpdir(), 'cosign-real-'));
    rootFile = writeTrustedRoot(sigstore, dir);
    writeFileSync(join(dir, 'alice.token'), githubLikeToken(ALICE));
    publicKey = join(dir, 'cosign.pub');
    expect(
      (await cosign(['public-key', '--key', KEY, '--outfile', publicKey], { COSIGN_PASSWORD: '' })).code,
    ).toBe(0);
    // A signing config naming the local Fulcio and Rekor (what cosign sign takes instead of TUF).
    const made = await cosign(cosignSigningConfigArgs(sigstore, join(dir, 'signing-config.json')));
    expect(made.code, made.out).toBe(0);
  });
  afterAll(async () => {
    await Promise.all([sigstore?.stop(), registry?.stop(), alice?.stop()]);
  });

  const ref = (name: string, digest: Digest | string) => `${registry.host}/${name}@${digest}`;
  const verifyKeyless = (image: string, identity = ALICE, issuer = GITHUB_ISSUER, extra: string[] = []) =>
    cosign([
      'verify',
      ...cosignKeylessPolicy(rootFile, identity, issuer),
      ...extra,
      '--allow-http-registry',
      image,
    ]);
  const verifyKey = (image: string, key = publicKey) =>
    cosign(['verify', '--key', key, '--trusted-root', rootFile, '--allow-http-registry', image]);

  function ourSign(image: string, inputs: Record<string, string>, oidc: OidcStandIn | null) {
    return runBundleAsync(
      'cosign-sign',
      'main',
      keylessSignStep(sigstore, rootFile, oidc, { inputs: { image, ...inputs } }),
    );
  }

  function promote(name: string, digest: Digest | string, policy: Record<string, string>) {
    return runBundleAsync('tag-promote', 'main', {
      inputs: {
        image: `${registry.host}/${name}`,
        digest: String(digest),
        tags: 'latest',
        'trusted-root': rootFile,
        'tls-verify': 'false',
        ...policy,
      },
    });
  }
  const keyless = { 'certificate-identity': ALICE, 'certificate-oidc-issuer': GITHUB_ISSUER };

  for (const format of ['classic', 'bundle'] as const) {
    it(`real cosign verify accepts cosign-sign's ${format} signature, keyless, and only for the right signer`, async () => {
      const digest = await pushTinyImage(registry.host, `ours/keyless-${format}`, '1111111');
      const image = ref(`ours/keyless-${format}`, digest);
      const r = await ourSign(image, { format }, alice);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      const ok = await verifyKeyless(image);
      expect(ok.code, ok.out).toBe(0);
      expect(ok.out).toContain(`"docker-manifest-digest":"${digest}"`);
      refusedByCosign(await verifyKeyless(image, BOB));
      refusedByCosign(await verifyKeyless(image, ALICE, 'https://accounts.google.com'));
      // The verify line binds the repository the certificate was issued for (alice's token: acme/hello).
      expect(r.outputs['verify-command']).toContain(' --certificate-github-workflow-repository=acme/hello ');
      const repo = (name: string) => ['--certificate-github-workflow-repository', name];
      const bound = await verifyKeyless(image, ALICE, GITHUB_ISSUER, repo('acme/hello'));
      expect(bound.code, bound.out).toBe(0);
      const elsewhere = await verifyKeyless(image, ALICE, GITHUB_ISSUER, repo('evil/hello'));
      expect(elsewhere.code, elsewhere.out).not.toBe(0);
      expect(elsewhere.out).toMatch(/repository|no matching signatures|none of the expected identities/i);
    });

    it(`real cosign verify accepts cosign-sign's ${format} signature made with a key, and not another key`, async () => {
      const digest = await pushTinyImage(registry.host, `ours/key-${format}`, '2222222');
      const image = ref(`ours/key-${format}`, digest);
      const r = await ourSign(image, { format, key: KEY, 'key-password': '' }, null);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      const ok = await verifyKey(image, r.outputs['public-key']);
      expect(ok.code, ok.out).toBe(0);
      const other = join(dir, `other-${format}`);
      expect(
        (await cosign(['generate-key-pair', '--output-key-prefix', other], { COSIGN_PASSWORD: '' })).code,
      ).toBe(0);
      refusedByCosign(await verifyKey(image, `${other}.pub`));
    });
  }

  it("tag-promote accepts real cosign's keyless bundle signature, and refuses another identity or issuer", async () => {
    const digest = await pushTinyImage(registry.host, 'theirs/keyless-bundle', '3333333');
    const signed = await cosign([
      'sign',
      '--yes',
      '--allow-http-registry',
      '--signing-config',
      join(dir, 'signing-config.json'),
      '--trusted-root',
      rootFile,
      '--identity-token',
      join(dir, 'alice.token'),
      ref('theirs/keyless-bundle', digest),
    ]);
    expect(signed.code, signed.out).toBe(0);
    const wrongIdentity = await promote('theirs/keyless-bundle', digest, {
      ...keyless,
      'certificate-identity': BOB,
    });
    expect(userErrorLine(wrongIdentity)).toMatch(/no valid signature matches the policy.*No tag was changed/);
    const wrongIssuer = await promote('theirs/keyless-bundle', digest, {
      ...keyless,
      'certificate-oidc-issuer': 'https://accounts.google.com',
    });
    expect(wrongIssuer.status).toBe(1);
    const r = await promote('theirs/keyless-bundle', digest, keyless);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`(bundle, ${GITHUB_ISSUER})`);
    expect(JSON.parse(r.outputs.tags ?? '[]')).toEqual(['latest']);
  });

  it("tag-promote accepts real cosign's keyless classic (.sig) signature", async () => {
    const digest = await pushTinyImage(registry.host, 'theirs/keyless-classic', '4444444');
    const signed = await cosign([
      'sign',
      '--yes',
      '--allow-http-registry',
      '--new-bundle-format=false',
      '--use-signing-config=false',
      '--fulcio-url',
      sigstore.fulcioURL,
      '--rekor-url',
      sigstore.rekorURL,
      '--trusted-root',
      rootFile,
      '--identity-token',
      join(dir, 'alice.token'),
      ref('theirs/keyless-classic', digest),
    ]);
    expect(signed.code, signed.out).toBe(0);
    const r = await promote('theirs/keyless-classic', digest, keyless);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`(classic, ${GITHUB_ISSUER})`);
  });

  it("tag-promote accepts real cosign's key signatures logged in Rekor (bundle and classic), and refuses another key", async () => {
    const rekorOnly = join(dir, 'rekor-only.json');
    await cosign(cosignSigningConfigArgs(sigstore, rekorOnly, 'rekor'));
    const bundleDigest = await pushTinyImage(registry.host, 'theirs/key-bundle', '5555555');
    const classicDigest = await pushTinyImage(registry.host, 'theirs/key-classic', '6666666');
    const signBundle = await cosign(
      [
        'sign',
        '--yes',
        '--allow-http-registry',
        '--key',
        KEY,
        '--signing-config',
        rekorOnly,
        '--trusted-root',
        rootFile,
        ref('theirs/key-bundle', bundleDigest),
      ],
      { COSIGN_PASSWORD: '' },
    );
    expect(signBundle.code, signBundle.out).toBe(0);
    const signClassic = await cosign(
      [
        'sign',
        '--yes',
        '--allow-http-registry',
        '--key',
        KEY,
        '--new-bundle-format=false',
        '--use-signing-config=false',
        '--rekor-url',
        sigstore.rekorURL,
        ref('theirs/key-classic', classicDigest),
      ],
      { COSIGN_PASSWORD: '' },
    );
    expect(signClassic.code, signClassic.out).toBe(0);
    const other = join(dir, 'other-promote');
    await cosign(['generate-key-pair', '--output-key-prefix', other], { COSIGN_PASSWORD: '' });
    for (const [name, digest, format] of [
      ['theirs/key-bundle', bundleDigest, 'bundle'],
      ['theirs/key-classic', classicDigest, 'classic'],
    ] as const) {
      const refused = await promote(name, digest, { 'public-key': `${other}.pub` });
      expect(userErrorLine(refused)).toMatch(/no valid signature matches the policy/);
      // The public key given as cosign-sign gives it (a path) or as PEM text.
      const r = await promote(name, digest, { 'public-key': publicKey });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain(`key (${format})`);
      expect((await promote(name, digest, { 'public-key': readFileSync(publicKey, 'utf8') })).status).toBe(0);
    }
  });

  it('a key signature that was never logged is refused by tag-promote, as cosign refuses it without --insecure-ignore-tlog', async () => {
    const digest = await pushTinyImage(registry.host, 'theirs/key-unlogged', '7777777');
    const image = ref('theirs/key-unlogged', digest);
    const signed = await cosign(
      [
        'sign',
        '--yes',
        '--allow-http-registry',
        '--key',
        KEY,
        '--use-signing-config=false',
        '--tlog-upload=false',
        image,
      ],
      { COSIGN_PASSWORD: '' },
    );
    expect(signed.code, signed.out).toBe(0);
    refusedByCosign(await verifyKey(image));
    const r = await promote('theirs/key-unlogged', digest, { 'public-key': publicKey });
    expect(userErrorLine(r)).toMatch(/no valid signature matches the policy/);
  });

  it('tag-promote names the input when public-key is neither a key nor a readable file', async () => {
    const r = await promote('theirs/key-bundle', 'sha256:'.padEnd(71, '0'), {
      'public-key': '/nonexistent/cosign.pub',
    });
    expect(userErrorLine(r)).toMatch(
      /Input "public-key" is neither a PEM public key nor a readable file \(ENOENT\)/,
    );
  });
});
