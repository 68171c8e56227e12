import type { SerializedBundle } from '@sigstore/bundle';
import type { Digest } from '../oci/digest.ts';
import type { ImageReference } from '../oci/image-reference.ts';
import type { Descriptor } from '../oci/oci-layout.ts';
import type { RegistryClient } from '../oci/registry-client.ts';
import { storeBundleReferrer } from './bundle-referrers.ts';
import { storeClassicSignature } from './classic-signatures.ts';
import { classicAttestationLayer, layerDescriptor } from './cosign-classic.ts';
import { type SigningServices, signStatement } from './sign-image.ts';

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
 * `sha256-<hex>.att` manifest (one read-modify-write); bundle, each an OCI 1.1 referrer of the image
 * (referrers API or the fallback index), annotated with its predicate type.
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
  const { client, image, digest, signed } = request;
  const out: StoredAttestation[] = signed.map(({ statement, bundle }) => ({
    kind: statement.kind,
    predicateType: statement.predicateType,
    ...(statement.platform === undefined ? {} : { platform: statement.platform }),
    bundleJson: bundle,
  }));
  if (request.classic && signed.length > 0) {
    const layers = signed.map((s) => classicAttestationLayer(s.bundle, s.statement.predicateType));
    const { tag } = await storeClassicSignature(client, image, digest, layers, 'att');
    layers.forEach((layer, i) => {
      const entry = out[i];
      if (entry) entry.classic = { tag, layerDigest: layerDescriptor(layer).digest };
    });
  }
  if (request.bundle) {
    // One at a time: each appends to the same fallback index where the registry has no referrers API.
    for (const [i, s] of signed.entries()) {
      const { descriptor: _descriptor, ...stored } = await storeBundleReferrer(
        client,
        image,
        request.subject,
        JSON.stringify(s.bundle),
        s.statement.predicateType,
      );
      const entry = out[i];
      if (entry) entry.bundle = stored;
    }
  }
  return out;
}
