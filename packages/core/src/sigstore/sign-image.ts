import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import {
  DSSEBundleBuilder,
  FulcioSigner,
  MessageSignatureBundleBuilder,
  RekorWitness,
  type Signer,
  TSAWitness,
  type Witness,
} from '@sigstore/sign';
import { CommandError } from '../action/errors.ts';
import type { Digest } from '../oci/digest.ts';
import type { ImageReference } from '../oci/image-reference.ts';
import type { Descriptor } from '../oci/oci-layout.ts';
import type { RegistryClient } from '../oci/registry-client.ts';
import { addReferrer, COSIGN_SIGN_PREDICATE, storeBundleReferrer } from './bundle-referrers.ts';
import { appendClassicLayers, storeClassicSignature } from './classic-signatures.ts';
import { classicLayerFromBundle, layerDescriptor, simpleSigningPayload } from './cosign-classic.ts';

export interface SignImageRequest {
  client: RegistryClient;
  /** The repository (no tag, no digest). */
  image: ImageReference;
  digest: Digest;
  /** The image's manifest descriptor: the referrer's `subject`. */
  subject: Descriptor;
  signer: Signer;
  /** Rekor **v1** (the classic format needs its SignedEntryTimestamp). */
  rekorURL: string;
  tsaURL?: string | undefined;
  classic: boolean;
  bundle: boolean;
}

export interface SignedImage {
  classic?: { tag: string; manifestDigest: string; signature: string; bundle: SerializedBundle };
  bundle?: { manifestDigest: string; fallbackTag: string | undefined; bundle: SerializedBundle };
  /**
   * Writes the signatures into the shared tags again (idempotent merges): for when a concurrent signer's
   * write, based on an older read, dropped ours after our own read-back.
   */
  restore(): Promise<void>;
}

/**
 * Keyless: an ephemeral key whose certificate Fulcio issues for the OIDC token. `getToken` is called for
 * each signature; the caller caches the token.
 */
export function fulcioSigner(fulcioURL: string, getToken: () => Promise<string>): Signer {
  return new FulcioSigner({ fulcioBaseURL: fulcioURL, identityProvider: { getToken } });
}

/** cosign's sign statement: the image digest as the only subject, the cosign sign predicate, `{}`. */
export function cosignSignStatement(digest: Digest): Buffer {
  return Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ digest: { [digest.algorithm]: digest.hex } }],
      predicateType: COSIGN_SIGN_PREDICATE,
      predicate: {},
    }),
  );
}

/** Where and with what a signature is made: the signer, Rekor v1 and an optional timestamp authority. */
export type SigningServices = Pick<SignImageRequest, 'signer' | 'rekorURL' | 'tsaURL'>;

/** Rekor v1 witnesses: message signatures become `hashedrekord` entries, DSSE envelopes `dsse` ones. */
function witnesses(request: SigningServices, dsse: boolean): Witness[] {
  const list: Witness[] = [
    new RekorWitness({ rekorBaseURL: request.rekorURL, ...(dsse ? { entryType: 'dsse' as const } : {}) }),
  ];
  if (request.tsaURL !== undefined) list.push(new TSAWitness({ tsaBaseURL: request.tsaURL }));
  return list;
}

/**
 * Signs an in-toto statement as a DSSE envelope (`application/vnd.in-toto+json`) logged in Rekor v1 as a
 * `dsse` entry: one bundle that serves both the referrer format and cosign's classic `.att` layer.
 */
export async function signStatement(
  services: SigningServices,
  statement: Buffer,
  what: string,
): Promise<SerializedBundle> {
  const builder = new DSSEBundleBuilder({ signer: services.signer, witnesses: witnesses(services, true) });
  try {
    return bundleToJSON(await builder.create({ data: statement, type: 'application/vnd.in-toto+json' }));
  } catch (error) {
    throw signingFailure(error, what);
  }
}

/** sigstore-js errors carry a code (CA_…, TLOG_…, TSA_…) that says which service failed. */
function signingFailure(error: unknown, what: string): CommandError {
  const code = (error as { code?: unknown }).code;
  const service =
    typeof code === 'string' && code.startsWith('CA_')
      ? 'Fulcio'
      : typeof code === 'string' && code.startsWith('TLOG_')
        ? 'Rekor'
        : typeof code === 'string' && code.startsWith('TSA_')
          ? 'the timestamp authority'
          : 'Sigstore';
  const cause = (error as { cause?: unknown }).cause;
  const detail = cause instanceof Error && cause.message !== '' ? ` (${cause.message})` : '';
  return new CommandError(
    `signing the ${what} failed at ${service}: ${(error as Error).message ?? String(error)}${detail}`,
    { tool: service, cause: error },
  );
}

/**
 * Signs an image digest in cosign's formats and stores the signatures next to it. Everything is signed
 * (and logged in Rekor) before anything is written to the registry, so a signing failure leaves the
 * registry untouched. Classic: a message signature over the simple-signing payload, appended to the
 * `.sig` manifest. Bundle: a DSSE statement stored as an OCI 1.1 referrer (or in the fallback index).
 */
export async function signImage(request: SignImageRequest): Promise<SignedImage> {
  const { client, image, digest } = request;
  const payload = simpleSigningPayload(image, digest);
  let classicBundle: SerializedBundle | undefined;
  let dsseBundle: SerializedBundle | undefined;
  if (request.classic) {
    const builder = new MessageSignatureBundleBuilder({
      signer: request.signer,
      witnesses: witnesses(request, false),
    });
    try {
      classicBundle = bundleToJSON(await builder.create({ data: payload }));
    } catch (error) {
      throw signingFailure(error, 'classic simple-signing payload');
    }
  }
  if (request.bundle)
    dsseBundle = await signStatement(request, cosignSignStatement(digest), 'in-toto statement');

  const repository = image.repositoryOnly();
  const restores: (() => Promise<unknown>)[] = [];
  const out: SignedImage = {
    restore: async () => {
      for (const again of restores) await again();
    },
  };
  if (classicBundle !== undefined) {
    const layer = classicLayerFromBundle(classicBundle, payload);
    const stored = await storeClassicSignature(client, image, digest, layer);
    out.classic = {
      tag: stored.tag,
      manifestDigest: stored.manifestDigest,
      signature: layer.signature,
      bundle: classicBundle,
    };
    restores.push(() => appendClassicLayers(client, repository, digest, [layerDescriptor(layer)]));
  }
  if (dsseBundle !== undefined) {
    const { descriptor, ...stored } = await storeBundleReferrer(
      client,
      image,
      request.subject,
      JSON.stringify(dsseBundle),
    );
    out.bundle = { ...stored, bundle: dsseBundle };
    restores.push(() => addReferrer(client, repository, request.subject.digest, descriptor));
  }
  return out;
}

/** The Rekor log index of a bundle's (first) transparency-log entry. */
export function rekorLogIndex(bundle: SerializedBundle): string | undefined {
  return bundle.verificationMaterial.tlogEntries[0]?.logIndex;
}
