import { Digest } from '../oci/digest.ts';
import type { ImageReference } from '../oci/image-reference.ts';
import { MediaType } from '../oci/media-types.ts';
import type { Descriptor, ImageManifestDocument } from '../oci/oci-layout.ts';
import type { RegistryClient } from '../oci/registry-client.ts';
import { mergeIntoTag } from '../oci/tag-merge.ts';
import {
  ANNOTATION,
  appendSignature,
  type ClassicSuffix,
  EMPTY_CONFIG,
  layerDescriptor,
  type SignatureLayer,
  signatureTag,
} from './cosign-classic.ts';

/**
 * Read-modify-writes the `sha256-<hex>.sig` (or `.att`) manifest, appending each layer that is not there
 * yet (cosign's own scheme; other signers' layers stay). The layers' blobs must already be in the repository.
 */
export async function appendClassicLayers(
  client: RegistryClient,
  repository: ImageReference,
  digest: Digest,
  layers: readonly Descriptor[],
  suffix: ClassicSuffix = 'sig',
): Promise<{ tag: string; manifestDigest: string; added: number }> {
  const tag = signatureTag(digest, suffix);
  const read = async () => {
    const found = await client.getManifest(repository, tag);
    return found === undefined
      ? undefined
      : { digest: found.digest, doc: JSON.parse(found.bytes.toString('utf8')) as ImageManifestDocument };
  };
  const first = await read();
  const added = layers.filter((l) => appendSignature(first?.doc, l).added).length;
  let written = first;
  // Concurrent signers each read, append and write this one manifest: write, read back, merge again.
  await mergeIntoTag({
    what: `the signature manifest ${repository}:${tag}`,
    read: async () => (written = await read()),
    holds: (state) => state !== undefined && layers.every((l) => !appendSignature(state.doc, l).added),
    merge: (state) => {
      let manifest = state?.doc;
      for (const layer of layers) manifest = appendSignature(manifest, layer).manifest;
      return { digest: '', doc: manifest as ImageManifestDocument };
    },
    write: async (state) => {
      await client.putManifest(
        repository,
        tag,
        Buffer.from(JSON.stringify(state.doc)),
        MediaType.ociManifest,
      );
    },
  });
  return { tag, manifestDigest: written?.digest ?? '', added };
}

/**
 * Stores classic signatures (`.sig`) or attestations (`.att`): uploads the payloads and the empty config,
 * then appends the layers in one read-modify-write of the tag.
 */
export async function storeClassicSignature(
  client: RegistryClient,
  image: ImageReference,
  digest: Digest,
  layer: SignatureLayer | readonly SignatureLayer[],
  suffix: ClassicSuffix = 'sig',
): Promise<{ tag: string; manifestDigest: string; added: boolean }> {
  const repository = image.repositoryOnly();
  const layers = Array.isArray(layer) ? layer : [layer as SignatureLayer];
  await Promise.all([
    ...layers.map((l) => client.uploadBlob(repository, l.payload)),
    client.uploadBlob(repository, EMPTY_CONFIG),
  ]);
  const { tag, manifestDigest, added } = await appendClassicLayers(
    client,
    repository,
    digest,
    layers.map(layerDescriptor),
    suffix,
  );
  return { tag, manifestDigest, added: added > 0 };
}

export interface StoredClassicSignature {
  payload: Buffer;
  annotations: Record<string, string>;
  /** The layer's digest (the payload's). */
  digest: string;
}

/**
 * Every classic signature (or, with `att`, attestation) stored for a digest (payloads fetched and
 * digest-checked by the client).
 */
export async function readClassicSignatures(
  client: RegistryClient,
  image: ImageReference,
  digest: Digest,
  suffix: ClassicSuffix = 'sig',
): Promise<StoredClassicSignature[]> {
  const repository = image.repositoryOnly();
  const manifest = await client.getManifest(repository, signatureTag(digest, suffix));
  if (manifest === undefined) return [];
  const doc = JSON.parse(manifest.bytes.toString('utf8')) as ImageManifestDocument;
  // Every payload at once: an `.att` manifest holds one layer per attestation (and per platform).
  return Promise.all(
    doc.layers.flatMap((layer) => {
      const annotations = layer.annotations;
      if (annotations?.[ANNOTATION.signature] === undefined) return [];
      return [
        (async () => ({
          payload: await client.getBlob(repository, Digest.parse(layer.digest).toString()),
          annotations,
          digest: layer.digest,
        }))(),
      ];
    }),
  );
}
