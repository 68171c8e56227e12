// Custody attack: an image disguised as a BuildKit attestation, which a scanner that skips attestations
// would never look at, while a client pulling that platform would run it. Real parts: layouts real buildah
// built, the real registry and skopeo; the hostile index is written over them. Each disguise is refused by
// image-scan, skopeo-push and oci-build join before anything is scanned, pushed or joined.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImageReference, MemoryLogger, OciLayout, RegistryClient } from '@chain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/actions.ts';
import { addAttestations, type Desc, editImageIndex, onlyManifest } from './helpers/layout-fixture.ts';
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
});
