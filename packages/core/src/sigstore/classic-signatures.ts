import { Digest } from '../oci/digest.ts';
import type { ImageReference } from '../oci/image-reference.ts';
import { MediaType } from '../oci/media-types.ts';
import type { ImageManifestDocument } from '../oci/oci-layout.ts';
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
 * Stores one classic signature: uploads the payload and the empty config, then read-modify-writes the
 * `sha256-<hex>.sig` manifest, appending the layer (cosign's own scheme; another signer's layers stay).
 */
export async function storeClassicSignature(
  client: RegistryClient,
  image: ImageReference,
  digest: Digest,
  layer: SignatureLayer,
): Promise<{ tag: string; manifestDigest: string; added: boolean }> {
  const repository = image.repositoryOnly();
  const tag = signatureTag(digest);
  await client.uploadBlob(repository, layer.payload);
  await client.uploadBlob(repository, EMPTY_CONFIG);
  const existing = await client.getManifest(repository, tag);
  const current =
    existing === undefined
      ? undefined
      : (JSON.parse(existing.bytes.toString('utf8')) as ImageManifestDocument);
  const { manifest, added } = appendSignature(current, layerDescriptor(layer));
  const bytes = Buffer.from(JSON.stringify(manifest));
  const manifestDigest = added
    ? await client.putManifest(repository, tag, bytes, MediaType.ociManifest)
    : (existing?.digest ?? '');
  return { tag, manifestDigest, added };
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
