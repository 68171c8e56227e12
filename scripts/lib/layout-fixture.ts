import { createHash, randomFillSync } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { writeLayoutRoot } from '@chain/core';

export interface Desc {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  platform?: { os: string; architecture: string; variant?: string };
}

export interface SyntheticLayout {
  dir: string;
  root: Desc;
  manifests: Desc[];
  attestations: Desc[];
  layers: Desc[];
  configs: Desc[];
}

/** The bytes of an OCI image manifest of this config blob and these layers (blobs written or uploaded). */
export function imageManifest(
  config: { digest: string; size: number },
  layers: { mediaType: string; digest: string; size: number }[] = [],
): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
      layers,
    }),
  );
}

/** Writes one blob into the layout at `dir` (its blobs/sha256 must exist) and returns its descriptor. */
export async function writeBlob(dir: string, content: Buffer | string, mediaType: string): Promise<Desc> {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const hex = createHash('sha256').update(bytes).digest('hex');
  await writeFile(join(dir, 'blobs', 'sha256', hex), bytes);
  return { mediaType, digest: `sha256:${hex}`, size: bytes.length };
}

/** Writes a random blob of `size` bytes in 4 MiB chunks (bounded memory) and returns its descriptor. */
async function writeRandomBlob(dir: string, size: number, mediaType: string): Promise<Desc> {
  const tmp = join(dir, 'blobs', 'sha256', `tmp-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const out = createWriteStream(tmp);
  const hash = createHash('sha256');
  const chunk = Buffer.alloc(Math.min(size, 4 * 1024 * 1024));
  for (let left = size; left > 0; left -= chunk.length) {
    const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
    randomFillSync(part);
    hash.update(part);
    if (!out.write(Buffer.from(part))) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  out.end();
  await finished(out);
  const hex = hash.digest('hex');
  await rename(tmp, join(dir, 'blobs', 'sha256', hex));
  return { mediaType, digest: `sha256:${hex}`, size };
}

export interface SyntheticOptions {
  platforms?: string[];
  layerSizes?: number[];
  /** Add a BuildKit-style attestation manifest per platform image. */
  attestations?: boolean;
  /** Wrap the image index in one more index (index.json → index → index → manifests). */
  nested?: boolean;
  /** A single-platform layout whose index.json points straight at a manifest. */
  single?: boolean;
}

/** Writes a spec-conformant OCI layout with random layers: the shape buildah/buildx produce. */
export async function writeSyntheticLayout(
  dir: string,
  options: SyntheticOptions = {},
): Promise<SyntheticLayout> {
  const platforms = options.platforms ?? ['linux/amd64', 'linux/arm64'];
  const layerSizes = options.layerSizes ?? [1024, 4096];
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
  const result: SyntheticLayout = {
    dir,
    root: undefined as unknown as Desc,
    manifests: [],
    attestations: [],
    layers: [],
    configs: [],
  };
  const entries: Desc[] = [];
  for (const p of platforms) {
    const [os = 'linux', architecture = 'amd64', variant] = p.split('/');
    const layers: Desc[] = [];
    for (const size of layerSizes)
      layers.push(await writeRandomBlob(dir, size, 'application/vnd.oci.image.layer.v1.tar+gzip'));
    const config = await writeBlob(
      dir,
      JSON.stringify({
        architecture,
        os,
        ...(variant ? { variant } : {}),
        rootfs: { type: 'layers', diff_ids: [] },
        config: {},
      }),
      'application/vnd.oci.image.config.v1+json',
    );
    const manifest = await writeBlob(
      dir,
      imageManifest(config, layers),
      'application/vnd.oci.image.manifest.v1+json',
    );
    const platform = variant ? { os, architecture, variant } : { os, architecture };
    result.layers.push(...layers);
    result.configs.push(config);
    result.manifests.push({ ...manifest, platform });
    entries.push({ ...manifest, platform });
    if (options.attestations) {
      const statement = await writeBlob(
        dir,
        JSON.stringify({
          _type: 'https://in-toto.io/Statement/v1',
          subject: [{ digest: { sha256: manifest.digest.slice(7) } }],
        }),
        'application/vnd.in-toto+json',
      );
      const aconfig = await writeBlob(dir, '{}', 'application/vnd.oci.image.config.v1+json');
      const att = await writeBlob(
        dir,
        imageManifest(aconfig, [statement]),
        'application/vnd.oci.image.manifest.v1+json',
      );
      const attDesc: Desc = {
        ...att,
        platform: { os: 'unknown', architecture: 'unknown' },
        annotations: {
          'vnd.docker.reference.type': 'attestation-manifest',
          'vnd.docker.reference.digest': manifest.digest,
        },
      };
      result.attestations.push(attDesc);
      entries.push(attDesc);
    }
  }
  let root: Desc;
  const first = entries[0];
  if (options.single && first !== undefined && entries.length === 1) {
    root = { mediaType: first.mediaType, digest: first.digest, size: first.size };
  } else {
    root = await writeBlob(
      dir,
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: entries,
      }),
      'application/vnd.oci.image.index.v1+json',
    );
    if (options.nested) {
      root = await writeBlob(
        dir,
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.index.v1+json',
          manifests: [root],
        }),
        'application/vnd.oci.image.index.v1+json',
      );
    }
  }
  result.root = root;
  await writeLayoutRoot(dir, [{ ...root, annotations: { 'org.opencontainers.image.ref.name': 'latest' } }]);
  return result;
}

export function blobFile(layout: { dir: string }, digest: string): string {
  return join(layout.dir, 'blobs', 'sha256', digest.replace('sha256:', ''));
}

/**
 * Adds BuildKit-style attestation manifests to a real multi-platform layout (index.json → image index):
 * for each platform image, an in-toto statement layer in a manifest listed with platform unknown/unknown
 * and the `vnd.docker.reference.*` annotations pointing at that image, as BuildKit writes them.
 * Returns the new top-level index descriptor.
 */
export async function addAttestations(dir: string): Promise<Desc> {
  const { readFile } = await import('node:fs/promises');
  const blob = async (digest: string) => readFile(join(dir, 'blobs', 'sha256', digest.slice(7)), 'utf8');
  const outer = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { manifests: Desc[] };
  const top = outer.manifests[0];
  if (top === undefined) throw new Error('empty layout');
  const index = JSON.parse(await blob(top.digest)) as { manifests: Desc[] };
  const images = index.manifests.filter((m) => m.platform?.os !== 'unknown');
  for (const image of images) {
    const statement = await writeBlob(
      dir,
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v0.1',
        predicateType: 'https://slsa.dev/provenance/v0.2',
        subject: [{ name: 'fixture', digest: { sha256: image.digest.slice(7) } }],
        predicate: {},
      }),
      'application/vnd.in-toto+json',
    );
    statement.annotations = { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' };
    const config = await writeBlob(
      dir,
      '{"architecture":"unknown","os":"unknown","rootfs":{"type":"layers","diff_ids":[]}}',
      'application/vnd.oci.image.config.v1+json',
    );
    const manifest = await writeBlob(
      dir,
      imageManifest(config, [statement]),
      'application/vnd.oci.image.manifest.v1+json',
    );
    index.manifests.push({
      ...manifest,
      annotations: {
        'vnd.docker.reference.digest': image.digest,
        'vnd.docker.reference.type': 'attestation-manifest',
      },
      platform: { os: 'unknown', architecture: 'unknown' },
    });
  }
  const root = await writeBlob(dir, JSON.stringify(index), 'application/vnd.oci.image.index.v1+json');
  outer.manifests[0] = { ...root, ...(top.annotations ? { annotations: top.annotations } : {}) };
  await writeLayoutRoot(dir, outer.manifests);
  return root;
}

/**
 * Rewrites the image index of a real layout (index.json → image index): `edit` gets its manifest list and
 * returns the new one; blobs of `imports` (other layouts) are copied in first, so their manifests can be
 * listed. Returns the new top-level index digest. Used to build hostile layouts from real ones.
 */
export async function editImageIndex(
  dir: string,
  edit: (manifests: Desc[]) => Desc[],
  imports: string[] = [],
): Promise<string> {
  const { copyFile, readdir, readFile } = await import('node:fs/promises');
  for (const from of imports)
    for (const name of await readdir(join(from, 'blobs', 'sha256')))
      await copyFile(join(from, 'blobs', 'sha256', name), join(dir, 'blobs', 'sha256', name));
  const outer = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { manifests: Desc[] };
  const top = outer.manifests[0];
  if (top === undefined) throw new Error('empty layout');
  const index = JSON.parse(await readFile(join(dir, 'blobs', 'sha256', top.digest.slice(7)), 'utf8')) as {
    manifests: Desc[];
  };
  index.manifests = edit(index.manifests);
  const root = await writeBlob(dir, JSON.stringify(index), 'application/vnd.oci.image.index.v1+json');
  outer.manifests[0] = { ...root, ...(top.annotations ? { annotations: top.annotations } : {}) };
  await writeLayoutRoot(dir, outer.manifests);
  return root.digest;
}

/** The descriptor of a single-platform layout's one image manifest. */
export async function onlyManifest(dir: string): Promise<Desc> {
  const { readFile } = await import('node:fs/promises');
  const outer = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { manifests: Desc[] };
  const top = outer.manifests[0];
  if (top === undefined || !top.mediaType.includes('manifest'))
    throw new Error(`${dir} is not a single-image layout`);
  return { mediaType: top.mediaType, digest: top.digest, size: top.size };
}
