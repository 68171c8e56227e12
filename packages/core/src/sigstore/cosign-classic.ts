import { createHash } from 'node:crypto';
import type { Digest } from '../oci/digest.ts';
import type { ImageReference } from '../oci/image-reference.ts';
import { MediaType } from '../oci/media-types.ts';
import type { Descriptor, ImageManifestDocument } from '../oci/oci-layout.ts';

export const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const ANNOTATION = {
  signature: 'dev.cosignproject.cosign/signature',
  certificate: 'dev.sigstore.cosign/certificate',
  chain: 'dev.sigstore.cosign/chain',
  bundle: 'dev.sigstore.cosign/bundle',
  timestamp: 'dev.sigstore.cosign/rfc3161timestamp',
} as const;

/**
 * cosign's simple-signing payload, byte for byte (Go field order, no whitespace):
 * {"critical":{"identity":{"docker-reference":…},"image":{"docker-manifest-digest":…},"type":…},"optional":…}
 */
export function simpleSigningPayload(
  image: ImageReference,
  digest: Digest,
  optional?: Record<string, string>,
): Buffer {
  const critical = `{"identity":{"docker-reference":${JSON.stringify(image.name)}},"image":{"docker-manifest-digest":${JSON.stringify(digest.toString())}},"type":"cosign container image signature"}`;
  const opt =
    optional === undefined || Object.keys(optional).length === 0
      ? 'null'
      : JSON.stringify(Object.fromEntries(Object.entries(optional).sort()));
  return Buffer.from(`{"critical":${critical},"optional":${opt}}`);
}

/** The tag cosign stores classic signatures under: `sha256-<hex>.sig`. */
export function signatureTag(digest: Digest): string {
  return `${digest.toTagStem()}.sig`;
}

export interface SignatureLayer {
  payload: Buffer;
  /** base64 signature over the payload bytes. */
  signature: string;
  certificate?: string | undefined;
  chain?: string | undefined;
  /** The Rekor bundle annotation JSON ({"SignedEntryTimestamp", "Payload": {...}}). */
  rekorBundle?: string | undefined;
  timestamp?: string | undefined;
}

export function layerDescriptor(layer: SignatureLayer): Descriptor {
  const annotations: Record<string, string> = { [ANNOTATION.signature]: layer.signature };
  if (layer.certificate !== undefined) annotations[ANNOTATION.certificate] = layer.certificate;
  if (layer.chain !== undefined) annotations[ANNOTATION.chain] = layer.chain;
  if (layer.rekorBundle !== undefined) annotations[ANNOTATION.bundle] = layer.rekorBundle;
  if (layer.timestamp !== undefined) annotations[ANNOTATION.timestamp] = layer.timestamp;
  return {
    mediaType: SIMPLE_SIGNING_MEDIA_TYPE,
    size: layer.payload.length,
    digest: `sha256:${createHash('sha256').update(layer.payload).digest('hex')}`,
    annotations,
  };
}

/** The `.sig` manifest's config: an empty JSON object, as cosign writes it. */
export const EMPTY_CONFIG = Buffer.from('{}');

/**
 * Appends one signature layer to the `.sig` manifest (or starts one). Existing layers — other signers'
 * signatures — are kept as they are; adding a signature that is already there changes nothing.
 */
export function appendSignature(
  existing: ImageManifestDocument | undefined,
  layer: Descriptor,
): { manifest: ImageManifestDocument; added: boolean } {
  const layers = existing?.layers ?? [];
  const duplicate = layers.some(
    (l) =>
      l.digest === layer.digest &&
      l.annotations?.[ANNOTATION.signature] === layer.annotations?.[ANNOTATION.signature],
  );
  const manifest: ImageManifestDocument = {
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config: existing?.config ?? {
      mediaType: MediaType.ociConfig,
      size: EMPTY_CONFIG.length,
      digest: `sha256:${createHash('sha256').update(EMPTY_CONFIG).digest('hex')}`,
    },
    layers: duplicate ? layers : [...layers, layer],
    ...(existing?.annotations ? { annotations: existing.annotations } : {}),
  };
  return { manifest, added: !duplicate };
}
