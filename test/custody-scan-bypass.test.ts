// Custody attack: an image disguised as a BuildKit attestation, which a scanner that skips attestations
// would never look at, while a client pulling that platform would run it. Real parts: layouts real buildah
// built, the real registry and skopeo; the hostile index is written over them. Each disguise is refused by
// image-scan, skopeo-push and oci-build join before anything is scanned, pushed or joined.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImageReference, OciLayout, RegistryClient, writeLayoutRoot } from '@chain/core';
import { MemoryLogger } from '@chain/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/actions.ts';
import {
  addAttestations,
  type Desc,
  editImageIndex,
  onlyManifest,
  writeBlob,
} from './helpers/layout-fixture.ts';
import { buildahLayout } from './helpers/real-tools.ts';
import { type LocalRegistry, startRegistry } from './helpers/registry.ts';
import { runBundle, runBundleAsync, userErrorLine } from './helpers/runner.ts';

const ATTESTATION = {
  'vnd.docker.reference.type': 'attestation-manifest',
};

let clean: string;
let intruder: string;
let intruderManifest: Desc;
let registry: LocalRegistry;
beforeAll(async () => {
  [clean, intruder, registry] = await Promise.all([
    buildahLayout(['linux/amd64', 'linux/arm64']),
    buildahLayout(['linux/amd64'], {
      context: join(repoRoot, 'test', 'fixtures', 'images', 'vulnerable-app'),
    }),
    startRegistry(),
  ]);
  intruderManifest = await onlyManifest(intruder);
});
afterAll(async () => {
  await registry?.stop();
});

/** A copy of the clean layout with the intruder image listed under `descriptor` (first, or last). */
async function hostile(
  extra: (images: Desc[]) => Desc,
  first = true,
): Promise<{ dir: string; digest: string }> {
  const dir = join(mkdtempSync(join(tmpdir(), 'hostile-')), 'layout');
  cpSync(clean, dir, { recursive: true });
  const digest = await editImageIndex(
    dir,
    (manifests) => (first ? [extra(manifests), ...manifests] : [...manifests, extra(manifests)]),
    [intruder],
  );
  return { dir, digest };
}

const disguises: [string, (images: Desc[]) => Desc, RegExp][] = [
  [
    'a linux/amd64 image with attestation annotations, listed first',
    (images) => ({
      ...intruderManifest,
      platform: { os: 'linux', architecture: 'amd64' },
      annotations: { ...ATTESTATION, 'vnd.docker.reference.digest': images[0]?.digest ?? '' },
    }),
    /is marked as a BuildKit attestation manifest but its platform is linux\/amd64, not unknown\/unknown/,
  ],
  [
    'an image claiming platform unknown/unknown, whose layers are filesystem tars',
    (images) => ({
      ...intruderManifest,
      platform: { os: 'unknown', architecture: 'unknown' },
      annotations: { ...ATTESTATION, 'vnd.docker.reference.digest': images[0]?.digest ?? '' },
    }),
    /its layers are not all in-toto statements \(application\/vnd\.oci\.image\.layer\.v1\.tar(\+gzip)?\)/,
  ],
];

describe('an image disguised as an attestation', () => {
  for (const [label, disguise, message] of disguises) {
    it(`is refused by image-scan, skopeo-push and oci-build join: ${label}`, async () => {
      const { dir, digest } = await hostile(disguise);
      const scan = runBundle('image-scan', 'main', {
        inputs: { layout: dir, digest, 'trivy-path': '/bin/false' },
      });
      expect(scan.status).toBe(1);
      expect(userErrorLine(scan)).toMatch(message);

      const repo = `attack/${Math.random().toString(36).slice(2, 8)}`;
      const push = await runBundleAsync('skopeo-push', 'main', {
        inputs: { layout: dir, digest, image: `${registry.host}/${repo}`, 'tls-verify': 'false' },
        env: { GITHUB_SHA: '1'.repeat(40) },
      });
      expect(push.status).toBe(1);
      expect(userErrorLine(push)).toMatch(message);
      const client = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
      expect(
        await client.headManifest(ImageReference.parse(`${registry.host}/${repo}`), digest),
      ).toBeUndefined();

      const joined = runBundle('oci-build', 'main', {
        inputs: {
          join: `${dir}\n${intruder}`,
          'output-dir': join(mkdtempSync(join(tmpdir(), 'join-')), 'out'),
        },
      });
      expect(joined.status).toBe(1);
      expect(userErrorLine(joined)).toMatch(message);
    });
  }

  it('is refused when its statement layers refer to no image of the same index', async () => {
    const genuine = join(mkdtempSync(join(tmpdir(), 'att-')), 'layout');
    cpSync(clean, genuine, { recursive: true });
    await addAttestations(genuine);
    const digest = await editImageIndex(genuine, (manifests) =>
      manifests.map((m) =>
        m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest'
          ? {
              ...m,
              annotations: { ...m.annotations, 'vnd.docker.reference.digest': `sha256:${'e'.repeat(64)}` },
            }
          : m,
      ),
    );
    const scan = runBundle('image-scan', 'main', {
      inputs: { layout: genuine, digest, 'trivy-path': '/bin/false' },
    });
    expect(userErrorLine(scan)).toMatch(/it refers to sha256:e{64}, which is not an image of the same index/);
  });

  it('a layout holding no image at all is refused by image-scan instead of passing with no platform', async () => {
    const genuine = join(mkdtempSync(join(tmpdir(), 'att-')), 'layout');
    cpSync(clean, genuine, { recursive: true });
    await addAttestations(genuine);
    // Keep only the attestations, each still pointing at its (now unlisted) image: not a valid attestation.
    const onlyAttestations = await editImageIndex(genuine, (manifests) =>
      manifests.filter((m) => m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest'),
    );
    const refused = runBundle('image-scan', 'main', {
      inputs: { layout: genuine, digest: onlyAttestations, 'trivy-path': '/bin/false' },
    });
    expect(userErrorLine(refused)).toMatch(/which is not an image of the same index/);

    // An index of nothing but a non-image artifact: verified bytes, but nothing to scan.
    const empty = join(mkdtempSync(join(tmpdir(), 'empty-')), 'layout');
    cpSync(clean, empty, { recursive: true });
    const none = await editImageIndex(empty, () => []);
    const scan = runBundle('image-scan', 'main', {
      inputs: { layout: empty, digest: none, 'trivy-path': '/bin/false' },
    });
    expect(scan.status).toBe(1);
    expect(userErrorLine(scan)).toMatch(/holds no image to scan/);
    expect((await (await OciLayout.open(empty)).verify()).images).toEqual([]);
  });

  it('an image reached first as an attestation\'s in-toto "layer" is refused, not left unparsed (one blob, one role)', async () => {
    // Found by review: an attestation that passes every rule lists the vulnerable image's manifest, config
    // and layers as its in-toto layers; the same manifest is then listed as a linux/arm64 image. A walk
    // that reads each blob once would never parse it as a manifest, so it would be pushed unscanned.
    const out = join(mkdtempSync(join(tmpdir(), 'hidden-')), 'layout');
    cpSync(clean, out, { recursive: true });
    const put = async (b: Buffer, mediaType: string) => writeBlob(out, b, mediaType);
    cpSync(join(intruder, 'blobs'), join(out, 'blobs'), { recursive: true });
    const cleanIndex = JSON.parse(
      readFileSync(
        join(out, 'blobs', 'sha256', (await OciLayout.open(out)).topLevel().digest.slice(7)),
        'utf8',
      ),
    ) as { manifests: Desc[] };
    const cleanImage = cleanIndex.manifests[0] as Desc;
    const hidden = JSON.parse(
      readFileSync(join(intruder, 'blobs', 'sha256', intruderManifest.digest.slice(7)), 'utf8'),
    ) as {
      config: Desc;
      layers: Desc[];
    };
    const inToto = (d: Desc) => ({
      mediaType: 'application/vnd.in-toto+json',
      digest: d.digest,
      size: d.size,
    });
    const config = Buffer.from(
      '{"architecture":"unknown","os":"unknown","rootfs":{"type":"layers","diff_ids":[]}}',
    );
    const attestation = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: await put(config, 'application/vnd.oci.image.config.v1+json'),
        layers: [inToto(intruderManifest), inToto(hidden.config), ...hidden.layers.map(inToto)],
      }),
    );
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          cleanImage,
          {
            ...(await put(attestation, 'application/vnd.oci.image.manifest.v1+json')),
            platform: { os: 'unknown', architecture: 'unknown' },
            annotations: { ...ATTESTATION, 'vnd.docker.reference.digest': cleanImage.digest },
          },
          { ...intruderManifest, platform: { os: 'linux', architecture: 'arm64' } },
        ],
      }),
    );
    const top = await put(index, 'application/vnd.oci.image.index.v1+json');
    const root = top.digest;
    await writeLayoutRoot(out, [{ ...top, annotations: { 'org.opencontainers.image.ref.name': 'latest' } }]);
    const message = new RegExp(
      `blob ${intruderManifest.digest} is declared as .* but as .*; one blob, one role`,
    );
    const scan = runBundle('image-scan', 'main', {
      inputs: { layout: out, digest: root, 'trivy-path': '/bin/false' },
    });
    expect(userErrorLine(scan)).toMatch(message);
    const repo = `attack/hidden-${Math.random().toString(36).slice(2, 8)}`;
    const push = await runBundleAsync('skopeo-push', 'main', {
      inputs: { layout: out, digest: root, image: `${registry.host}/${repo}`, 'tls-verify': 'false' },
      env: { GITHUB_SHA: '4'.repeat(40) },
    });
    expect(userErrorLine(push)).toMatch(message);
    const client = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
    expect(await client.headManifest(ImageReference.parse(`${registry.host}/${repo}`), root)).toBeUndefined();
  });
});
