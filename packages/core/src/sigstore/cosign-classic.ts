import { createHash } from 'node:crypto';
import type { SerializedBundle } from '@sigstore/bundle';
import type { Digest } from '../oci/digest.ts';
import type { ImageReference } from '../oci/image-reference.ts';
import { MediaType } from '../oci/media-types.ts';
import type { Descriptor, ImageManifestDocument } from '../oci/oci-layout.ts';
import { pem, pemBody } from './pem.ts';

export const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
/** The layer media type of a classic attestation (`.att`): the DSSE envelope JSON. */
export const DSSE_ENVELOPE_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';
export const ANNOTATION = {
  signature: 'dev.cosignproject.cosign/signature',
  certificate: 'dev.sigstore.cosign/certificate',
  chain: 'dev.sigstore.cosign/chain',
  bundle: 'dev.sigstore.cosign/bundle',
  timestamp: 'dev.sigstore.cosign/rfc3161timestamp',
  /** On `.att` layers: the statement's predicate type. */
  predicateType: 'predicateType',
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

/** The tag cosign stores classic signatures under: `sha256-<hex>.sig` (attestations: `.att`). */
export function signatureTag(digest: Digest, suffix: ClassicSuffix = 'sig'): string {
  return `${digest.toTagStem()}.${suffix}`;
}

/** `.sig` holds simple-signing signatures, `.att` DSSE attestations. */
export type ClassicSuffix = 'sig' | 'att';

export interface SignatureLayer {
  /** The simple-signing payload, or (attestations) the DSSE envelope JSON. */
  payload: Buffer;
  /** base64 signature over the payload bytes; "" for an attestation (the signature is in the envelope). */
  signature: string;
  /** Default the simple-signing media type. */
  mediaType?: string | undefined;
  /** An attestation's predicate type (the `predicateType` annotation). */
  predicateType?: string | undefined;
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
  if (layer.predicateType !== undefined) annotations[ANNOTATION.predicateType] = layer.predicateType;
  return {
    mediaType: layer.mediaType ?? SIMPLE_SIGNING_MEDIA_TYPE,
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

type SerializedBundleLike = SerializedBundle;

/**
 * cosign's `.sig` layer annotations from a message-signature bundle over the simple-signing payload:
 * the signature, the leaf certificate (PEM), an empty chain (as cosign v3 writes it), and the Rekor v1
 * bundle (SignedEntryTimestamp + the logged entry), which older verifiers and Kyverno `type: Cosign` need.
 */
export function classicLayerFromBundle(bundle: SerializedBundleLike, payload: Buffer): SignatureLayer {
  const signature = bundle.messageSignature?.signature;
  if (signature === undefined) throw new Error('a classic signature needs a message-signature bundle');
  return { payload, signature, ...rekorAnnotations(bundle) };
}

/**
 * cosign's `.att` layer from a DSSE bundle: the envelope JSON exactly as it was logged in Rekor (its
 * SHA-256 is the `dsse` entry's envelopeHash, which cosign compares), an empty signature annotation, the
 * predicate type, and the same certificate and Rekor annotations as a `.sig` layer.
 */
export function classicAttestationLayer(bundle: SerializedBundleLike, predicateType: string): SignatureLayer {
  const envelope = bundle.dsseEnvelope;
  if (envelope === undefined) throw new Error('a classic attestation needs a DSSE bundle');
  const payload = Buffer.from(JSON.stringify(envelope));
  const body = JSON.parse(
    Buffer.from(bundle.verificationMaterial.tlogEntries[0]?.canonicalizedBody ?? '', 'base64').toString(),
  ) as { spec?: { envelopeHash?: { value?: string } } };
  const logged = body.spec?.envelopeHash?.value;
  if (logged !== createHash('sha256').update(payload).digest('hex')) {
    throw new Error('the DSSE envelope does not hash to the envelopeHash of its Rekor dsse entry');
  }
  return {
    payload,
    signature: '',
    mediaType: DSSE_ENVELOPE_MEDIA_TYPE,
    predicateType,
    ...rekorAnnotations(bundle),
  };
}

/** The certificate, chain, Rekor v1 bundle and timestamp annotations of a bundle's signature. */
function rekorAnnotations(
  bundle: SerializedBundleLike,
): Pick<SignatureLayer, 'certificate' | 'chain' | 'rekorBundle' | 'timestamp'> {
  const material = bundle.verificationMaterial;
  const certificate =
    material?.certificate?.rawBytes ?? material?.x509CertificateChain?.certificates[0]?.rawBytes;
  const entry = material?.tlogEntries?.[0];
  const timestamp = material?.timestampVerificationData?.rfc3161Timestamps?.[0]?.signedTimestamp;
  if (entry?.inclusionPromise === undefined) {
    throw new Error('classic signatures need a Rekor v1 entry carrying a SignedEntryTimestamp');
  }
  const rekorBundle = JSON.stringify({
    SignedEntryTimestamp: entry.inclusionPromise.signedEntryTimestamp,
    Payload: {
      body: entry.canonicalizedBody,
      integratedTime: Number(entry.integratedTime),
      logIndex: Number(entry.logIndex),
      logID: Buffer.from(entry.logId.keyId, 'base64').toString('hex'),
    },
  });
  return {
    ...(certificate === undefined ? {} : { certificate: pem('CERTIFICATE', certificate), chain: '' }),
    rekorBundle,
    ...(timestamp === undefined ? {} : { timestamp: JSON.stringify({ SignedRFC3161Timestamp: timestamp }) }),
  };
}

/**
 * The inverse, for verification: a `.sig` layer (annotations + payload) as a Sigstore v0.1 bundle that
 * @sigstore/verify checks — certificate chain, SCT, the SignedEntryTimestamp, the signature. An `.att`
 * layer (empty signature annotation, the DSSE envelope as payload) becomes a DSSE bundle.
 */
export function bundleFromClassicLayer(annotations: Record<string, string>, payload: Buffer): unknown {
  const signature = annotations[ANNOTATION.signature];
  const rekor = annotations[ANNOTATION.bundle];
  if (signature === undefined || rekor === undefined) {
    throw new Error('the .sig layer lacks the signature or the Rekor bundle annotation');
  }
  const entry = tlogEntry(rekor);
  const signedTimestamp = rfc3161Timestamp(annotations[ANNOTATION.timestamp]);
  const material = keyMaterial(annotations[ANNOTATION.certificate]);
  const content = signedContent(signature, payload);
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
    verificationMaterial: {
      ...material,
      tlogEntries: [entry],
      timestampVerificationData: {
        rfc3161Timestamps: signedTimestamp === undefined ? [] : [{ signedTimestamp }],
      },
    },
    ...content,
  };
}

/** The Rekor v1 bundle annotation as the bundle's transparency-log entry (with its inclusion promise). */
function tlogEntry(rekor: string): Record<string, unknown> {
  const parsed = JSON.parse(rekor) as {
    SignedEntryTimestamp: string;
    Payload: { body: string; integratedTime: number; logIndex: number; logID: string };
  };
  const logged = JSON.parse(Buffer.from(parsed.Payload.body, 'base64').toString('utf8')) as {
    kind?: string;
    apiVersion?: string;
  };
  return {
    logIndex: String(parsed.Payload.logIndex),
    logId: { keyId: Buffer.from(parsed.Payload.logID, 'hex').toString('base64') },
    kindVersion: { kind: logged.kind ?? 'hashedrekord', version: logged.apiVersion ?? '0.0.1' },
    integratedTime: String(parsed.Payload.integratedTime),
    inclusionPromise: { signedEntryTimestamp: parsed.SignedEntryTimestamp },
    canonicalizedBody: parsed.Payload.body,
  };
}

function rfc3161Timestamp(annotation: string | undefined): string | undefined {
  if (annotation === undefined) return undefined;
  return (JSON.parse(annotation) as { SignedRFC3161Timestamp?: string }).SignedRFC3161Timestamp;
}

/** The leaf certificate; a key-signed layer has none: the verifier is then given the public key by the policy. */
function keyMaterial(certificatePem: string | undefined): Record<string, unknown> {
  if (certificatePem === undefined || certificatePem === '') return { publicKey: { hint: '' } };
  return { x509CertificateChain: { certificates: [{ rawBytes: pemBody('CERTIFICATE', certificatePem) }] } };
}

/** `.att`: the DSSE envelope (empty signature annotation); `.sig`: a message signature over the payload. */
function signedContent(signature: string, payload: Buffer): Record<string, unknown> {
  if (signature === '') return { dsseEnvelope: JSON.parse(payload.toString('utf8')) as unknown };
  return {
    messageSignature: {
      messageDigest: { algorithm: 'SHA2_256', digest: createHash('sha256').update(payload).digest('base64') },
      signature,
    },
  };
}

/** The image digest a simple-signing payload vouches for (verifiers check only this, not the reference). */
export function signedDigestOf(payload: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(payload.toString('utf8')) as {
      critical?: { image?: { 'docker-manifest-digest'?: string } };
    };
    return parsed.critical?.image?.['docker-manifest-digest'];
  } catch {
    return undefined;
  }
}
