import type { Digest } from '../oci/digest.ts';
import type { ImageReference } from '../oci/image-reference.ts';
import type { Descriptor } from '../oci/oci-layout.ts';
import type { RegistryClient } from '../oci/registry-client.ts';
import { addReferrers, type BundleToStore, pushBundleReferrers } from './bundle-referrers.ts';
import { appendClassicLayers } from './classic-signatures.ts';
import { EMPTY_CONFIG, layerDescriptor, type SignatureLayer } from './cosign-classic.ts';

/** Everything one signer writes next to an image digest in one go. */
export interface MaterialToStore {
  client: RegistryClient;
  /** The repository (no tag, no digest). */
  image: ImageReference;
  digest: Digest;
  /** The image's manifest descriptor: the referrers' `subject`. */
  subject: Descriptor;
  /** Layers appended to the classic `sha256-<hex>.sig` manifest. */
  signatures: readonly SignatureLayer[];
  /** Layers appended to the classic `sha256-<hex>.att` manifest. */
  attestations: readonly SignatureLayer[];
  /** Sigstore bundles stored as OCI 1.1 referrers of the image. */
  referrers: readonly BundleToStore[];
}

export interface StoredMaterial {
  sig: { tag: string; manifestDigest: string } | undefined;
  att: { tag: string; manifestDigest: string } | undefined;
  /** One per bundle to store, in order. */
  referrers: { manifestDigest: string; descriptor: Descriptor }[];
  /** The referrers fallback tag, where the registry has no referrers API. */
  fallbackTag: string | undefined;
  /**
   * Merges everything of ours into the shared tags again (idempotent): for when a concurrent signer's
   * write, based on an older read, dropped some of it after our own read-back.
   */
  restore(): Promise<void>;
}

type Upload = (bytes: Buffer, fresh: boolean) => Promise<string>;

/**
 * Stores a signer's signatures and attestations with as few round trips as the formats allow: every blob
 * uploaded at once (each distinct blob once), the referrer manifests pushed at once, then each shared tag
 * — `.sig`, `.att` and the referrers fallback index — written by ONE read-modify-write, the three in
 * parallel. Each of those writes is read back and merged again when a concurrent signer replaced it.
 */
export async function storeSignedMaterial(request: MaterialToStore): Promise<StoredMaterial> {
  const upload = uploadOnce(request.client, request.image.repositoryOnly());
  const [sig, att, referrers] = await Promise.all([
    storeClassic(request, request.signatures, 'sig', upload),
    storeClassic(request, request.attestations, 'att', upload),
    storeReferrers(request, upload),
  ]);
  const descriptors = referrers.pushed.map((p) => p.descriptor);
  return {
    sig,
    att,
    referrers: referrers.pushed,
    fallbackTag: referrers.fallbackTag,
    restore: () => restore(request, descriptors),
  };
}

/** Each distinct blob once; `fresh` ones (carrying a signature just made) are sent without asking first. */
function uploadOnce(client: RegistryClient, repository: ImageReference): Upload {
  const uploads = new Map<string, Promise<string>>();
  return (bytes, fresh) => {
    const key = bytes.toString('base64');
    let pending = uploads.get(key);
    if (pending === undefined) {
      pending = client.uploadBlob(repository, bytes, { fresh });
      uploads.set(key, pending);
    }
    return pending;
  };
}

/** Appends layers to the classic `.sig` or `.att` manifest, their blobs uploaded first. */
async function storeClassic(
  request: MaterialToStore,
  layers: readonly SignatureLayer[],
  suffix: 'sig' | 'att',
  upload: Upload,
): Promise<{ tag: string; manifestDigest: string } | undefined> {
  if (layers.length === 0) return undefined;
  // A `.sig` payload is the simple-signing document of the digest (every signer's is the same); an `.att`
  // payload is a DSSE envelope with a signature just made.
  await Promise.all([...layers.map((l) => upload(l.payload, suffix === 'att')), upload(EMPTY_CONFIG, false)]);
  const { tag, manifestDigest } = await appendClassicLayers(
    request.client,
    request.image.repositoryOnly(),
    request.digest,
    layers.map(layerDescriptor),
    suffix,
  );
  return { tag, manifestDigest };
}

/** Pushes the bundles as referrer manifests, then adds them to the fallback index where there is one. */
async function storeReferrers(request: MaterialToStore, upload: Upload) {
  if (request.referrers.length === 0) return { pushed: [], fallbackTag: undefined };
  const { client, subject } = request;
  const repository = request.image.repositoryOnly();
  const pushed = await pushBundleReferrers(client, repository, subject, request.referrers, upload);
  const descriptors = pushed.map((p) => p.descriptor);
  const fallbackTag = await addReferrers(client, repository, subject.digest, descriptors);
  return { pushed, fallbackTag };
}

/** Merges everything of ours into the shared tags again (idempotent). */
async function restore(request: MaterialToStore, descriptors: readonly Descriptor[]): Promise<void> {
  const { client, digest, subject } = request;
  const repository = request.image.repositoryOnly();
  await Promise.all([
    request.signatures.length === 0
      ? undefined
      : appendClassicLayers(client, repository, digest, request.signatures.map(layerDescriptor)),
    request.attestations.length === 0
      ? undefined
      : appendClassicLayers(client, repository, digest, request.attestations.map(layerDescriptor), 'att'),
    descriptors.length === 0 ? undefined : addReferrers(client, repository, subject.digest, descriptors),
  ]);
}
