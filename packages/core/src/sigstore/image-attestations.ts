import type { SerializedBundle } from '@sigstore/bundle';
import type { Digest } from '../oci/digest.ts';
import type { ImageReference } from '../oci/image-reference.ts';
import type { Descriptor } from '../oci/oci-layout.ts';
import type { RegistryClient } from '../oci/registry-client.ts';
import type { BundleToStore } from './bundle-referrers.ts';
import { classicAttestationLayer, layerDescriptor, type SignatureLayer } from './cosign-classic.ts';
import {
  type ImageSignatures,
  type SignedImage,
  type SigningServices,
  signedImageOf,
  signStatement,
} from './sign-image.ts';
import { type StoredMaterial, storeSignedMaterial } from './signed-material.ts';

export const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';

/** What one attestation says: an in-toto Statement v1 about one or more digests. */
export interface AttestationStatement {
  /** A short name for people and outputs (provenance, sbom, vuln). */
  kind: string;
  predicateType: string;
  /** The image digest first; per-platform statements add that platform's manifest digest. */
  subjects: { name: string; digest: Digest }[];
  predicate: unknown;
  /** Which platform a per-platform statement is about. */
  platform?: string | undefined;
}

export interface SignedAttestation {
  statement: AttestationStatement;
  bundle: SerializedBundle;
}

export interface StoredAttestation {
  kind: string;
  predicateType: string;
  platform?: string | undefined;
  /** classic: `repo:sha256-<hex>.att` and the layer digest; bundle: the referrer manifest digest. */
  classic?: { tag: string; layerDigest: string } | undefined;
  bundle?: { manifestDigest: string; fallbackTag: string | undefined } | undefined;
  bundleJson: SerializedBundle;
}

/** The statement's bytes: `_type`, `subject`, `predicateType`, `predicate` (nothing else: cosign's parser is strict). */
export function inTotoStatement(statement: AttestationStatement): Buffer {
  return Buffer.from(
    JSON.stringify({
      _type: IN_TOTO_STATEMENT_V1,
      subject: statement.subjects.map((s) => ({
        name: s.name,
        digest: { [s.digest.algorithm]: s.digest.hex },
      })),
      predicateType: statement.predicateType,
      predicate: statement.predicate,
    }),
  );
}

/**
 * Signs every statement at once (each a Fulcio certificate, or the key, and a Rekor `dsse` entry); nothing
 * is written anywhere. One DSSE bundle per statement serves both storage formats.
 */
export async function signAttestations(
  services: SigningServices,
  statements: readonly AttestationStatement[],
): Promise<SignedAttestation[]> {
  return Promise.all(
    statements.map(async (statement) => ({
      statement,
      bundle: await signStatement(
        services,
        inTotoStatement(statement),
        `${statement.kind} attestation${statement.platform ? ` (${statement.platform})` : ''}`,
      ),
    })),
  );
}

/**
 * Stores signed attestations next to the image as cosign does: classic, every envelope one layer of the
 * `sha256-<hex>.att` manifest; bundle, each an OCI 1.1 referrer of the image (referrers API or the fallback
 * index), annotated with its predicate type. See storeSigned.
 */
export async function storeAttestations(request: {
  client: RegistryClient;
  image: ImageReference;
  digest: Digest;
  subject: Descriptor;
  signed: readonly SignedAttestation[];
  classic: boolean;
  bundle: boolean;
}): Promise<StoredAttestation[]> {
  return (await storeSigned({ ...request, attestations: request.signed })).attested;
}

/** What storeSigned stores: an image's signatures (if any) and attestations, in the formats asked for. */
export interface SignedToStore {
  client: RegistryClient;
  image: ImageReference;
  digest: Digest;
  subject: Descriptor;
  signatures?: ImageSignatures | undefined;
  attestations: readonly SignedAttestation[];
  classic: boolean;
  bundle: boolean;
}

/**
 * Stores an image's signatures and its attestations together (storeSignedMaterial): every blob and referrer
 * manifest at once, then ONE read-modify-write each of `.sig`, `.att` and the referrers fallback index, in
 * parallel. The returned SignedImage's restore() merges all of it into the shared tags again.
 */
export async function storeSigned(
  request: SignedToStore,
): Promise<{ signed: SignedImage | undefined; attested: StoredAttestation[] }> {
  const { signatures, attestations } = request;
  const layers = request.classic
    ? attestations.map((s) => classicAttestationLayer(s.bundle, s.statement.predicateType))
    : [];
  const signatureReferrer = request.bundle ? signatures?.bundle : undefined;
  const stored = await storeSignedMaterial({
    client: request.client,
    image: request.image,
    digest: request.digest,
    subject: request.subject,
    signatures: request.classic && signatures?.classic !== undefined ? [signatures.classic.layer] : [],
    attestations: layers,
    referrers: referrersToStore(request, signatureReferrer),
  });
  const offset = signatureReferrer === undefined ? 0 : 1;
  const attested = attestations.map((signed, i) =>
    storedAttestation(signed, layers[i], stored, stored.referrers[offset + i]),
  );
  const signed =
    signatures === undefined
      ? undefined
      : signedImageOf(
          { classic: request.classic ? signatures.classic : undefined, bundle: signatureReferrer },
          stored,
        );
  return { signed, attested };
}

/** The signature's referrer first (signedImageOf reads it there), then one per attestation. */
function referrersToStore(
  request: SignedToStore,
  signatureReferrer: SerializedBundle | undefined,
): BundleToStore[] {
  return [
    ...(signatureReferrer === undefined ? [] : [{ bundleJson: JSON.stringify(signatureReferrer) }]),
    ...(request.bundle
      ? request.attestations.map((s) => ({
          bundleJson: JSON.stringify(s.bundle),
          predicateType: s.statement.predicateType,
        }))
      : []),
  ];
}

/** Where one attestation went: its `.att` layer and its referrer, as stored. */
function storedAttestation(
  { statement, bundle }: SignedAttestation,
  layer: SignatureLayer | undefined,
  stored: StoredMaterial,
  referrer: StoredMaterial['referrers'][number] | undefined,
): StoredAttestation {
  return {
    kind: statement.kind,
    predicateType: statement.predicateType,
    ...(statement.platform === undefined ? {} : { platform: statement.platform }),
    ...(layer === undefined || stored.att === undefined
      ? {}
      : { classic: { tag: stored.att.tag, layerDigest: layerDescriptor(layer).digest } }),
    ...(referrer === undefined
      ? {}
      : { bundle: { manifestDigest: referrer.manifestDigest, fallbackTag: stored.fallbackTag } }),
    bundleJson: bundle,
  };
}
