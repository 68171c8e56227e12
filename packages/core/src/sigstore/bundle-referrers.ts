import { createHash } from 'node:crypto';
import { Digest } from '../oci/digest.ts';
import type { ImageReference } from '../oci/image-reference.ts';
import { MediaType } from '../oci/media-types.ts';
import type { Descriptor, ImageIndexDocument } from '../oci/oci-layout.ts';
import type { RegistryClient } from '../oci/registry-client.ts';
import { mergeIntoTag } from '../oci/tag-merge.ts';

export const BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
export const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';
const EMPTY = Buffer.from('{}');

/** A Sigstore bundle to store as a referrer of an image, and the predicate type it carries. */
export interface BundleToStore {
  bundleJson: string;
  predicateType?: string | undefined;
}

/**
 * Stores a Sigstore bundle as cosign v3 does: an OCI 1.1 artifact manifest (artifactType = the bundle
 * media type, empty config, the bundle as its one layer, `subject` = the image) pushed by digest. Where
 * the registry has no referrers API, the fallback index tagged `sha256-<hex>` gets the new descriptor
 * appended (other referrers stay).
 */
export async function storeBundleReferrer(
  client: RegistryClient,
  image: ImageReference,
  subject: Descriptor,
  bundleJson: string,
  predicateType = COSIGN_SIGN_PREDICATE,
): Promise<{ manifestDigest: string; fallbackTag: string | undefined; descriptor: Descriptor }> {
  const repository = image.repositoryOnly();
  const [pushed] = await pushBundleReferrers(client, repository, subject, [{ bundleJson, predicateType }]);
  if (pushed === undefined) throw new Error('pushBundleReferrers pushed nothing');
  const fallbackTag = await addReferrers(client, repository, subject.digest, [pushed.descriptor]);
  return { ...pushed, fallbackTag };
}

/**
 * Pushes each bundle's referrer manifest (its blobs, then the manifest, all bundles at once) without
 * indexing them: addReferrers makes them findable. `upload` lets a caller share blob uploads.
 */
export async function pushBundleReferrers(
  client: RegistryClient,
  repository: ImageReference,
  subject: Descriptor,
  bundles: readonly BundleToStore[],
  upload: (bytes: Buffer, fresh: boolean) => Promise<string> = (bytes, fresh) =>
    client.uploadBlob(repository, bytes, { fresh }),
): Promise<{ manifestDigest: string; descriptor: Descriptor }[]> {
  const emptyDigest = upload(EMPTY, false);
  return Promise.all(
    bundles.map(async ({ bundleJson, predicateType = COSIGN_SIGN_PREDICATE }) => {
      const bundleBytes = Buffer.from(bundleJson);
      // A bundle carries a signature just made: it cannot be in the repository yet.
      const [layerDigest, configDigest] = await Promise.all([upload(bundleBytes, true), emptyDigest]);
      const annotations = {
        'dev.sigstore.bundle.content': 'dsse-envelope',
        'dev.sigstore.bundle.predicateType': predicateType,
      };
      const manifest = {
        schemaVersion: 2,
        mediaType: MediaType.ociManifest,
        artifactType: BUNDLE_MEDIA_TYPE,
        config: {
          mediaType: MediaType.ociEmpty,
          digest: configDigest,
          size: EMPTY.length,
          data: EMPTY.toString('base64'),
        },
        layers: [{ mediaType: BUNDLE_MEDIA_TYPE, digest: layerDigest, size: bundleBytes.length }],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
        annotations,
      };
      const bytes = Buffer.from(JSON.stringify(manifest));
      const manifestDigest = await client.putManifest(
        repository,
        `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
        bytes,
        MediaType.ociManifest,
      );
      const descriptor: Descriptor = {
        mediaType: MediaType.ociManifest,
        digest: manifestDigest,
        size: bytes.length,
        artifactType: BUNDLE_MEDIA_TYPE,
        annotations,
      };
      return { manifestDigest, descriptor };
    }),
  );
}

/**
 * Makes a referrer manifest (already pushed) findable from its subject: nothing to do where the
 * registry has the referrers API; otherwise its descriptor is appended to the fallback index tagged
 * `sha256-<hex>` (other referrers stay). Returns the fallback tag when one was used.
 */
export async function addReferrer(
  client: RegistryClient,
  repository: ImageReference,
  subjectDigest: string,
  descriptor: Descriptor,
): Promise<string | undefined> {
  return addReferrers(client, repository, subjectDigest, [descriptor]);
}

/**
 * The same for several referrers of one subject, in one read-modify-write of the fallback index (each
 * descriptor not there yet is appended; other referrers stay).
 */
export async function addReferrers(
  client: RegistryClient,
  repository: ImageReference,
  subjectDigest: string,
  descriptors: readonly Descriptor[],
): Promise<string | undefined> {
  const { via } = await client.referrers(repository, subjectDigest);
  if (via === 'api') return undefined;
  const fallbackTag = Digest.parse(subjectDigest).toTagStem();
  const empty: ImageIndexDocument = { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: [] };
  const missing = (index: ImageIndexDocument | undefined) =>
    descriptors.filter(
      (d, i) =>
        !(index?.manifests.some((m) => m.digest === d.digest) ?? false) &&
        descriptors.findIndex((o) => o.digest === d.digest) === i,
    );
  // Concurrent signers each read, append and write this one index: write, read back, merge again.
  await mergeIntoTag<ImageIndexDocument>({
    what: `the referrers index ${repository}:${fallbackTag}`,
    read: async () => {
      const found = await client.getManifest(repository, fallbackTag);
      return found === undefined
        ? undefined
        : (JSON.parse(found.bytes.toString('utf8')) as ImageIndexDocument);
    },
    holds: (index) => missing(index).length === 0,
    merge: (index) => ({
      ...(index ?? empty),
      manifests: [...(index ?? empty).manifests, ...missing(index)],
    }),
    write: async (index) => {
      await client.putManifest(
        repository,
        fallbackTag,
        Buffer.from(JSON.stringify(index)),
        MediaType.ociIndex,
      );
    },
  });
  return fallbackTag;
}

export interface StoredBundleReferrer {
  manifestDigest: string;
  bundle: unknown;
  predicateType: string | undefined;
}

/**
 * Every Sigstore bundle stored as a referrer of the digest (referrers API or fallback tag), as JSON; with
 * `wanted`, only those whose descriptor's or manifest's predicate-type annotation it accepts (others are
 * not fetched). The referrers are fetched in parallel.
 */
export async function readBundleReferrers(
  client: RegistryClient,
  image: ImageReference,
  digest: string,
  wanted: (predicateType: string | undefined) => boolean = () => true,
): Promise<StoredBundleReferrer[]> {
  const repository = image.repositoryOnly();
  const listed = (await client.referrers(repository, digest, BUNDLE_MEDIA_TYPE)).manifests;
  // Anyone who can push to the repository can add referrers: each is read once, and only so many.
  const manifests = [...new Map(listed.map((m) => [m.digest, m])).values()].slice(0, MAX_REFERRERS);
  const read = async (descriptor: Descriptor): Promise<StoredBundleReferrer | undefined> => {
    const manifest = await client.getManifest(repository, descriptor.digest);
    if (manifest === undefined) return undefined;
    const doc = JSON.parse(manifest.bytes.toString('utf8')) as {
      layers?: Descriptor[];
      subject?: Descriptor;
      annotations?: Record<string, string>;
    };
    const layer = doc.layers?.find((l) => l.mediaType === BUNDLE_MEDIA_TYPE);
    const predicateType = doc.annotations?.['dev.sigstore.bundle.predicateType'];
    if (layer === undefined || doc.subject?.digest !== digest || !wanted(predicateType)) return undefined;
    const bundle = JSON.parse((await client.getBlob(repository, layer.digest)).toString('utf8')) as unknown;
    return { manifestDigest: descriptor.digest, bundle, predicateType };
  };
  // One unreadable referrer (junk pushed beside ours) is kept as a malformed bundle, which verification
  // rejects with its reason, instead of failing the whole read.
  const found = await Promise.all(
    manifests.map((descriptor) =>
      read(descriptor).catch(
        (error: unknown): StoredBundleReferrer => ({
          manifestDigest: descriptor.digest,
          bundle: { unreadable: (error as Error).message },
          predicateType: descriptor.annotations?.['dev.sigstore.bundle.predicateType'],
        }),
      ),
    ),
  );
  return found.filter((r): r is StoredBundleReferrer => r !== undefined);
}

/** Referrers read per image at most: a repository flooded with more fails closed (ours may be unread). */
const MAX_REFERRERS = 256;
