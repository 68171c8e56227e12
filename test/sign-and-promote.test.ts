// The signing half of the chain, bundled steps only: cosign-sign signs a pushed digest, tag-promote
// verifies that signature and moves tags — in the same repository, and into another registry (one with
// the referrers API), where the image and both signature formats are copied by digest and verified again.
import { checkImageSignatures, ImageReference, parseTrustedRoot, RegistryClient } from '@chain/core';
import { MemoryLogger } from '@chain/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OidcStandIn, startOidcStandIn } from './helpers/aws-server.ts';
import {
  ALICE,
  GITHUB_ISSUER,
  keylessSignStep,
  type LocalSigstore,
  startLocalSigstore,
  writeTrustedRoot,
} from './helpers/local-sigstore.ts';
import { type ReferrersRegistry, startReferrersRegistry } from './helpers/referrers-registry.ts';
import { type LocalRegistry, pushTinyImage, startRegistry } from './helpers/registry.ts';
import { runBundleAsync } from './helpers/runner.ts';

let sigstore: LocalSigstore;
let source: LocalRegistry;
let other: LocalRegistry;
let otherWithReferrers: ReferrersRegistry;
let oidc: OidcStandIn;
let rootFile: string;
const client = () => new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });

beforeAll(async () => {
  [sigstore, source, other, oidc] = await Promise.all([
    startLocalSigstore(),
    startRegistry(),
    startRegistry(),
    startOidcStandIn({ sub: ALICE }),
  ]);
  otherWithReferrers = await startReferrersRegistry(other.host);
  rootFile = writeTrustedRoot(sigstore);
});
afterAll(async () => {
  await Promise.all([
    sigstore?.stop(),
    source?.stop(),
    other?.stop(),
    otherWithReferrers?.stop(),
    oidc?.stop(),
  ]);
});

const policy = () => ({
  'certificate-identity': ALICE,
  'certificate-oidc-issuer': GITHUB_ISSUER,
  'trusted-root': rootFile,
  'tls-verify': 'false',
});

describe('cosign-sign then tag-promote', () => {
  it('promotes what was signed, within the repository and into another registry', async () => {
    const digest = await pushTinyImage(source.host, 'acme/app', '1234567');
    const signed = await runBundleAsync(
      'cosign-sign',
      'main',
      keylessSignStep(sigstore, rootFile, oidc, {
        inputs: { image: `${source.host}/acme/app`, digest: digest.toString() },
      }),
    );
    expect(signed.status, signed.stdout).toBe(0);

    const here = await runBundleAsync('tag-promote', 'main', {
      inputs: {
        image: `${source.host}/acme/app`,
        digest: signed.outputs.digest ?? '',
        tags: 'latest',
        ...policy(),
      },
    });
    expect(here.status, here.stdout).toBe(0);

    const target = `${otherWithReferrers.host}/prod/app`;
    const there = await runBundleAsync('tag-promote', 'main', {
      inputs: {
        image: `${source.host}/acme/app`,
        digest: signed.outputs.digest ?? '',
        tags: 'latest\nstable',
        'target-image': target,
        ...policy(),
      },
    });
    expect(there.status, there.stdout + there.stderr).toBe(0);
    expect(there.stdout).toContain(`copied 1 classic signature(s) and 1 referrer(s) to ${target}`);
    expect(there.stdout).toContain(`signature verified in ${target}: ${ALICE}`);

    const t = ImageReference.parse(target);
    for (const tag of ['latest', 'stable'])
      expect((await client().headManifest(t, tag))?.digest).toBe(digest.toString());
    // Both formats now verify in the target, the bundle through its referrers API.
    const check = await checkImageSignatures(
      client(),
      t,
      digest,
      parseTrustedRoot(sigstore.trustedRoot),
      {
        identity: ALICE,
        issuer: GITHUB_ISSUER,
      },
      { all: true },
    );
    expect(check.verified.map((v) => v.format)).toEqual(['classic', 'bundle']);
    expect(otherWithReferrers.queries.length).toBeGreaterThan(0);
    // The source's tags are untouched by the cross-registry promotion.
    expect(
      await client().headManifest(ImageReference.parse(`${source.host}/acme/app`), 'stable'),
    ).toBeUndefined();
  });

  it('refuses to promote an unsigned digest into another registry and copies nothing', async () => {
    const digest = await pushTinyImage(source.host, 'acme/unsigned', '7654321');
    const r = await runBundleAsync('tag-promote', 'main', {
      inputs: {
        image: `${source.host}/acme/unsigned`,
        digest: digest.toString(),
        tags: 'latest',
        'target-image': `${other.host}/prod/unsigned`,
        ...policy(),
      },
    });
    expect(r.status).toBe(1);
    expect(
      await client().headManifest(ImageReference.parse(`${other.host}/prod/unsigned`), digest.toString()),
    ).toBeUndefined();
  });
});
