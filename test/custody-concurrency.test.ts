// Concurrent signers (#14.4): cosign's `.sig` manifest and the referrers fallback index are one tag that
// every signer reads, appends to and writes back; registries have no conditional PUT, so racing signers
// overwrote each other. N cosign-sign steps on one digest, at once, against the real registry: every
// signature of every job that reports success is there at the end, in both formats.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImageReference, RegistryClient, readBundleReferrers, readClassicSignatures } from '@chain/core';
import { MemoryLogger } from '@chain/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeIntoTag } from '../packages/core/src/oci/tag-merge.ts';
import { type OidcStandIn, RECORDED_RUN_ENV, startOidcStandIn } from './helpers/aws-server.ts';
import {
  ALICE,
  keylessSignStep,
  type LocalSigstore,
  startLocalSigstore,
  writeTrustedRoot,
} from './helpers/local-sigstore.ts';
import { writeBuildRecord } from './helpers/real-tools.ts';
import { type LocalRegistry, pushTinyImage, startRegistry } from './helpers/registry.ts';
import { runBundleAsync } from './helpers/runner.ts';

const N = 6;
let sigstore: LocalSigstore;
let registry: LocalRegistry;
let oidc: OidcStandIn;
let rootFile: string;
beforeAll(async () => {
  [sigstore, registry, oidc] = await Promise.all([
    startLocalSigstore(),
    startRegistry(),
    startOidcStandIn({ sub: ALICE }),
  ]);
  rootFile = writeTrustedRoot(sigstore);
});
afterAll(async () => {
  await Promise.all([sigstore?.stop(), registry?.stop(), oidc?.stop()]);
});

describe('concurrent signers', () => {
  it(`${N} signers of one digest at once lose no signature, classic or bundle`, async () => {
    const digest = await pushTinyImage(registry.host, 'race/signed', '8181818');
    const runs = await Promise.all(
      Array.from({ length: N }, () =>
        runBundleAsync(
          'cosign-sign',
          'main',
          keylessSignStep(sigstore, rootFile, oidc, {
            inputs: { image: `${registry.host}/race/signed@${digest}`, 'kyverno-policy': 'none' },
          }),
        ),
      ),
    );
    for (const r of runs) expect(r.status, r.stdout + r.stderr).toBe(0);
    const client = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
    const repo = ImageReference.parse(`${registry.host}/race/signed`);
    const classic = await readClassicSignatures(client, repo, digest);
    const bundles = await readBundleReferrers(client, repo, digest.toString());
    expect(classic).toHaveLength(N);
    expect(bundles).toHaveLength(N);
    // Each job's own signatures (its outputs name them) are among them.
    for (const r of runs) {
      const refs = JSON.parse(r.outputs['signature-refs'] ?? '[]') as { format: string; ref: string }[];
      expect(refs.map((x) => x.format)).toEqual(['classic', 'bundle', 'referrers-fallback']);
    }
  });

  it('signers that also attest, at once, lose no signature and no attestation in either format', async () => {
    const M = 4;
    const digest = await pushTinyImage(registry.host, 'race/attested', '8282828');
    const record = writeBuildRecord(join(mkdtempSync(join(tmpdir(), 'record-')), 'build-record.json'), {
      digest: digest.toString(),
      containerfile: { path: 'Containerfile', sha256: 'b'.repeat(64) },
    });
    const runs = await Promise.all(
      Array.from({ length: M }, () =>
        runBundleAsync(
          'cosign-sign',
          'main',
          keylessSignStep(sigstore, rootFile, oidc, {
            inputs: {
              image: `${registry.host}/race/attested@${digest}`,
              'kyverno-policy': 'none',
              attestations: 'provenance',
              'build-record': record,
            },
            env: RECORDED_RUN_ENV,
          }),
        ),
      ),
    );
    for (const r of runs) expect(r.status, r.stdout + r.stderr).toBe(0);
    const client = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
    const repo = ImageReference.parse(`${registry.host}/race/attested`);
    const [classic, attestations, bundles] = await Promise.all([
      readClassicSignatures(client, repo, digest),
      readClassicSignatures(client, repo, digest, 'att'),
      readBundleReferrers(client, repo, digest.toString()),
    ]);
    expect(classic).toHaveLength(M);
    expect(attestations).toHaveLength(M);
    expect(bundles).toHaveLength(2 * M); // M signatures and M provenance attestations
    // Each job's own attestation refs (its output names them) are among what the registry holds.
    const referrers = new Set(bundles.map((b) => b.manifestDigest));
    for (const r of runs) {
      const kinds = JSON.parse(r.outputs.attestations ?? '{}') as Record<
        string,
        { refs: { format: string; ref: string }[] }
      >;
      const refs = kinds.provenance?.refs ?? [];
      expect(refs.map((x) => x.format).sort()).toEqual(['bundle', 'classic']);
      for (const ref of refs)
        if (ref.format === 'bundle') expect(referrers.has(ref.ref.split('@')[1] ?? '')).toBe(true);
        else expect(ref.ref).toBe(`${repo.toString()}:${digest.toTagStem()}.att`);
    }
  });
});

describe('the shared read-modify-write (mergeIntoTag), in process', () => {
  it('writers racing on one index tag each land their entry, paced by the core retry loop', async () => {
    const W = 8;
    const client = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
    const repo = ImageReference.parse(`${registry.host}/race/merged`);
    const images = await Promise.all(
      Array.from({ length: W }, (_, i) => pushTinyImage(registry.host, 'race/merged', `9${i}9${i}9${i}9`)),
    );
    const descriptors = await Promise.all(
      images.map(async (d) => {
        const head = await client.headManifest(repo, d.toString());
        return { mediaType: head?.mediaType ?? '', digest: d.toString(), size: head?.size ?? 0 };
      }),
    );
    type Index = { schemaVersion: 2; mediaType: string; manifests: typeof descriptors };
    const mediaType = 'application/vnd.oci.image.index.v1+json';
    const read = async (): Promise<Index | undefined> => {
      const found = await client.getManifest(repo, 'merged');
      return found === undefined ? undefined : (JSON.parse(found.bytes.toString('utf8')) as Index);
    };
    const attempts = await Promise.all(
      descriptors.map((mine) =>
        mergeIntoTag<Index>({
          what: 'the index race/merged:merged',
          read,
          holds: (index) => index?.manifests.some((m) => m.digest === mine.digest) ?? false,
          merge: (index) => ({
            schemaVersion: 2,
            mediaType,
            manifests: [...(index?.manifests ?? []), mine],
          }),
          write: async (index) => {
            await client.putManifest(repo, 'merged', Buffer.from(JSON.stringify(index)), mediaType);
          },
        }),
      ),
    );
    const final = await read();
    expect(new Set(final?.manifests.map((m) => m.digest))).toEqual(new Set(images.map((d) => d.toString())));
    // Somebody had to merge again: the race was real, and every writer still finished within its bound.
    expect(Math.max(...attempts)).toBeGreaterThan(1);
    expect(Math.max(...attempts)).toBeLessThanOrEqual(8);
  });
});
