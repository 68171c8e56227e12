import { Digest } from '../oci/digest.ts';
import type { ImageReference } from '../oci/image-reference.ts';
import { MediaType } from '../oci/media-types.ts';
import type { Descriptor, ImageManifestDocument } from '../oci/oci-layout.ts';
import type { RegistryClient } from '../oci/registry-client.ts';
import {
  ANNOTATION,
  appendSignature,
  EMPTY_CONFIG,
  layerDescriptor,
  type SignatureLayer,
  signatureTag,
} from './cosign-classic.ts';

/**
 * Read-modify-writes the `sha256-<hex>.sig` manifest, appending each layer that is not there yet
 * (cosign's own scheme; other signers' layers stay). The layers' blobs must already be in the repository.
 */
export async function appendClassicLayers(
  client: RegistryClient,
  repository: ImageReference,
  digest: Digest,
  layers: readonly Descriptor[],
): Promise<{ tag: string; manifestDigest: string; added: number }> {
  const tag = signatureTag(digest);
  const existing = await client.getManifest(repository, tag);
  let manifest =
    existing === undefined
      ? undefined
      : (JSON.parse(existing.bytes.toString('utf8')) as ImageManifestDocument);
  let added = 0;
  for (const layer of layers) {
    const next = appendSignature(manifest, layer);
    manifest = next.manifest;
    if (next.added) added++;
  }
  const manifestDigest =
    added > 0 && manifest !== undefined
      ? await client.putManifest(
          repository,
          tag,
          Buffer.from(JSON.stringify(manifest)),
          MediaType.ociManifest,
        )
      : (existing?.digest ?? '');
  return { tag, manifestDigest, added };
}

/** Stores one classic signature: uploads the payload and the empty config, then appends the layer. */
export async function storeClassicSignature(
  client: RegistryClient,
  image: ImageReference,
  digest: Digest,
  layer: SignatureLayer,
): Promise<{ tag: string; manifestDigest: string; added: boolean }> {
  const repository = image.repositoryOnly();
  await client.uploadBlob(repository, layer.payload);
  await client.uploadBlob(repository, EMPTY_CONFIG);
  const { tag, manifestDigest, added } = await appendClassicLayers(client, repository, digest, [
    layerDescriptor(layer),
  ]);
  return { tag, manifestDigest, added: added > 0 };
}

export interface StoredClassicSignature {
  payload: Buffer;
  annotations: Record<string, string>;
}

/** Every classic signature stored for a digest (payloads fetched and digest-checked by the client). */
export async function readClassicSignatures(
  client: RegistryClient,
  image: ImageReference,
  digest: Digest,
): Promise<StoredClassicSignature[]> {
  const repository = image.repositoryOnly();
  const manifest = await client.getManifest(repository, signatureTag(digest));
  if (manifest === undefined) return [];
  const doc = JSON.parse(manifest.bytes.toString('utf8')) as ImageManifestDocument;
  const out: StoredClassicSignature[] = [];
  for (const layer of doc.layers) {
    if (layer.annotations?.[ANNOTATION.signature] === undefined) continue;
    out.push({
      payload: await client.getBlob(repository, Digest.parse(layer.digest).toString()),
      annotations: layer.annotations,
    });
  }
  return out;
}
