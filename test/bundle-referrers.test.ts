// Sigstore bundles stored as OCI 1.1 referrers in the real docker-registry (no referrers API there, so
// the `sha256-<hex>` fallback index), read back and verified against the local Sigstore's root.

import {
  BUNDLE_MEDIA_TYPE,
  COSIGN_SIGN_PREDICATE,
  cosignSignStatement,
  type Digest,
  ImageReference,
  parseTrustedRoot,
  RegistryClient,
  readBundleReferrers,
  storeBundleReferrer,
  verifyBundle,
} from '@chain/core';
import { MemoryLogger } from '@chain/core/testing';
import { bundleToJSON } from '@sigstore/bundle';
import { DSSEBundleBuilder, RekorWitness } from '@sigstore/sign';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALICE,
  BOB,
  GITHUB_ISSUER,
  keylessSigner,
  type LocalSigstore,
  startLocalSigstore,
} from './helpers/local-sigstore.ts';
import { startReferrersRegistry } from './helpers/referrers-registry.ts';
import { type LocalRegistry, pushTinyImage, startRegistry } from './helpers/registry.ts';

const ISSUER = GITHUB_ISSUER;
let sigstore: LocalSigstore;
let registry: LocalRegistry;
beforeAll(async () => {
  [sigstore, registry] = await Promise.all([startLocalSigstore(), startRegistry()]);
});
afterAll(async () => {
  await Promise.all([sigstore?.stop(), registry?.stop()]);
});

async function signBundle(identity: string, digest: Digest): Promise<string> {
  const statement = cosignSignStatement(digest);
  const signer = keylessSigner(sigstore, identity);
  const builder = new DSSEBundleBuilder({
    signer,
    witnesses: [new RekorWitness({ rekorBaseURL: sigstore.rekorURL, entryType: 'dsse' })],
  });
  return JSON.stringify(
    bundleToJSON(await builder.create({ data: statement, type: 'application/vnd.in-toto+json' })),
  );
}

describe('bundle signatures as OCI 1.1 referrers', () => {
  it('two signers: both referrers land in the fallback index, read back, and verify against the subject digest', async () => {
    const client = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
    const image = ImageReference.parse(`${registry.host}/acme/app`);
    // The subject: a real manifest in the repository.
    const digest = await pushTinyImage(registry.host, 'acme/app', 'subject', 'v1');
    const subjectDigest = digest.toString();
    const subject = await client.headManifest(image, subjectDigest);
    if (subject === undefined) throw new Error('the subject was not stored');

    const first = await storeBundleReferrer(client, image, subject, await signBundle(ALICE, digest));
    await storeBundleReferrer(client, image, subject, await signBundle(BOB, digest));
    expect(first.fallbackTag).toBe(digest.toTagStem());
    const index = await client.getManifest(image, digest.toTagStem());
    const entries = (JSON.parse(index?.bytes.toString() ?? '{}') as { manifests: { artifactType: string }[] })
      .manifests;
    expect(entries.map((m) => m.artifactType)).toEqual([BUNDLE_MEDIA_TYPE, BUNDLE_MEDIA_TYPE]);

    const stored = await readBundleReferrers(client, image, subjectDigest);
    expect(stored).toHaveLength(2);
    expect(stored.every((s) => s.predicateType === COSIGN_SIGN_PREDICATE)).toBe(true);
    const trustedRoot = parseTrustedRoot(sigstore.trustedRoot);
    const identities = stored.map(
      (s) =>
        verifyBundle(s.bundle, {
          trustedRoot,
          policy: { identityRegExp: /.+/, issuer: ISSUER },
          artifactDigest: digest.hex,
        }).identity,
    );
    expect(identities).toEqual([ALICE, BOB]);
    expect(() =>
      verifyBundle(stored[0]?.bundle, {
        trustedRoot,
        policy: { identityRegExp: /.+/, issuer: ISSUER },
        artifactDigest: '9'.repeat(64),
      }),
    ).toThrow(/subjects do not include/);
  });

  it('junk pushed beside a bundle is rejected on its own and does not stop the others from verifying', async () => {
    const client = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
    const image = ImageReference.parse(`${registry.host}/acme/junk`);
    const digest = await pushTinyImage(registry.host, 'acme/junk', 'subject', 'v1');
    const subject = await client.headManifest(image, digest.toString());
    if (subject === undefined) throw new Error('the subject was not stored');
    await storeBundleReferrer(client, image, subject, 'not json', 'https://example.com/junk');
    await storeBundleReferrer(client, image, subject, await signBundle(ALICE, digest));
    const stored = await readBundleReferrers(client, image, digest.toString());
    expect(stored).toHaveLength(2);
    const trustedRoot = parseTrustedRoot(sigstore.trustedRoot);
    const outcomes = stored.map((s) => {
      try {
        return verifyBundle(s.bundle, {
          trustedRoot,
          policy: { identity: ALICE, issuer: ISSUER },
          artifactDigest: digest.hex,
        }).identity;
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(outcomes).toContain(ALICE);
    expect(outcomes.find((o) => o !== ALICE)).toMatch(/the bundle is malformed/);
  });

  it('a referrers API that pages its answer is read to the last page (an attestation there is not missed)', async () => {
    const paged = await startReferrersRegistry(registry.host, { pageSize: 1 });
    try {
      const client = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
      const image = ImageReference.parse(`${paged.host}/acme/paged`);
      const digest = await pushTinyImage(paged.host, 'acme/paged', 'subject', 'v1');
      const subject = await client.headManifest(image, digest.toString());
      if (subject === undefined) throw new Error('the subject was not stored');
      for (const who of [ALICE, BOB, ALICE])
        await storeBundleReferrer(client, image, subject, await signBundle(who, digest));
      const listed = await client.referrers(image, digest.toString(), BUNDLE_MEDIA_TYPE);
      expect(listed.via).toBe('api');
      expect(listed.manifests).toHaveLength(3);
      expect(paged.queries.some((q) => q.includes('page=2'))).toBe(true);
      expect(await readBundleReferrers(client, image, digest.toString())).toHaveLength(3);
    } finally {
      await paged.stop();
    }
  });
});
