import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, copyFile, link, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigurationError } from '../action/errors.ts';
import { Digest } from './digest.ts';
import { isIndexMediaType, MediaType } from './media-types.ts';
import { type Descriptor, type ImageIndexDocument, OciLayout, writeLayoutRoot } from './oci-layout.ts';

function platformOf(text: string): NonNullable<Descriptor['platform']> {
  const [os = '', architecture = '', variant] = text.split('/');
  return { os, architecture, ...(variant ? { variant } : {}) };
}

const exists = (path: string) =>
  access(path, constants.F_OK).then(
    () => true,
    () => false,
  );

/**
 * Joins per-platform OCI layouts (one build per native runner) into one layout whose top level is an
 * image index listing every platform — the multi-arch image, assembled from the very manifests that
 * were built (their digests do not change). Each source is verified in full first; a platform given
 * twice is refused. BuildKit attestation manifests travel with their images. Blobs are hard-linked
 * where possible, else copied. Returns the new top-level descriptor. Refusals carry codes
 * (LAYOUTS_TOO_FEW, DIRECTORY_NOT_EMPTY, PLATFORM_TWICE, and LAYOUT_INVALID from a source's verification);
 * the caller names its inputs.
 */
export async function joinLayouts(sources: readonly string[], outputDir: string): Promise<Descriptor> {
  if (sources.length < 2)
    throw new ConfigurationError('joining layouts needs at least two per-platform layouts', {
      code: 'LAYOUTS_TOO_FEW',
      expected: 'at least 2 layouts',
      actual: String(sources.length),
    });
  if ((await exists(outputDir)) && (await readdir(outputDir)).length > 0)
    throw new ConfigurationError(`${outputDir} is not empty; give a new or empty directory`, {
      code: 'DIRECTORY_NOT_EMPTY',
    });
  const blobDir = join(outputDir, 'blobs', 'sha256');
  await mkdir(blobDir, { recursive: true });

  const manifests: Descriptor[] = [];
  const platforms = new Map<string, string>();
  for (const source of sources) {
    const layout = await OciLayout.open(source);
    const graph = await layout.verify();
    const children: Descriptor[] = isIndexMediaType(graph.root.mediaType)
      ? ((await layout.readJsonBlob(graph.root)) as ImageIndexDocument).manifests
      : [{ ...graph.root, platform: platformOf(graph.images[0]?.platform ?? '') }];
    for (const image of graph.images) {
      const seen = platforms.get(image.platform);
      if (seen !== undefined) {
        throw new ConfigurationError(
          `platform ${image.platform} is in both ${seen} and ${source}; each layout must bring its own`,
          { code: 'PLATFORM_TWICE', actual: image.platform },
        );
      }
      platforms.set(image.platform, source);
    }
    manifests.push(
      ...children.map(({ annotations, ...d }) => {
        // A layout's own ref name is about that layout, not about the joined index.
        const kept = Object.fromEntries(
          Object.entries(annotations ?? {}).filter(([k]) => k !== 'org.opencontainers.image.ref.name'),
        );
        return Object.keys(kept).length > 0 ? { ...d, annotations: kept } : d;
      }),
    );
    for (const digest of graph.blobs.keys()) {
      const target = join(blobDir, Digest.parse(digest).hex);
      if (await exists(target)) continue;
      await link(layout.blobPath(digest), target).catch(() => copyFile(layout.blobPath(digest), target));
    }
  }
  const index: ImageIndexDocument = { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests };
  const bytes = Buffer.from(JSON.stringify(index));
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  await writeFile(join(blobDir, digest.slice(7)), bytes);
  const top: Descriptor = { mediaType: MediaType.ociIndex, digest, size: bytes.length };
  await writeLayoutRoot(outputDir, [top]);
  return top;
}
