import { sign as cryptoSign, generateKeyPairSync } from 'node:crypto';
import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import {
  DSSEBundleBuilder,
  FulcioSigner,
  MessageSignatureBundleBuilder,
  RekorWitness,
  type Signature,
  type Signer,
  TSAWitness,
  type Witness,
} from '@sigstore/sign';
import { CommandError } from '../action/errors.ts';
import type { Digest } from '../oci/digest.ts';
import type { ImageReference } from '../oci/image-reference.ts';
import type { Descriptor } from '../oci/oci-layout.ts';
import type { RegistryClient } from '../oci/registry-client.ts';
import { COSIGN_SIGN_PREDICATE } from './bundle-referrers.ts';
import { classicLayerFromBundle, type SignatureLayer, simpleSigningPayload } from './cosign-classic.ts';
import { type StoredMaterial, storeSignedMaterial } from './signed-material.ts';

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
   * Writes the signatures (and whatever was stored with them: see storeSigned) into the shared tags again
   * (idempotent merges): for when a concurrent signer's write, based on an older read, dropped ours after
   * our own read-back.
   */
  restore(): Promise<void>;
}

/**
 * Keyless: an ephemeral key whose certificate Fulcio issues for the OIDC token, once: every signature this
 * signer makes (the image's, each attestation's) is made with that key and carries that certificate, as
 * cosign does for all the images of one `cosign sign`. Each signature still gets its own Rekor entry. A
 * failed certificate request is not cached (the next signature asks again).
 */
export function fulcioSigner(fulcioURL: string, getToken: () => Promise<string>): Signer {
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicKey = key.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const keyHolder: Signer = {
    sign: async (data) => ({
      signature: cryptoSign('sha256', data, key.privateKey),
      key: { $case: 'publicKey', publicKey },
    }),
  };
  const fulcio = new FulcioSigner({ fulcioBaseURL: fulcioURL, identityProvider: { getToken }, keyHolder });
  let certificate: Promise<Signature['key']> | undefined;
  return {
    sign: async (data) => {
      if (certificate === undefined) {
        const first = fulcio.sign(data);
        certificate = first.then((s) => s.key);
        certificate.catch(() => {
          certificate = undefined;
        });
        return first;
      }
      const issued = await certificate;
      return { signature: (await keyHolder.sign(data)).signature, key: issued };
    },
  };
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

/** An image digest signed in cosign's formats, not stored yet. */
export interface ImageSignatures {
  /** The message signature over the simple-signing payload, as its `.sig` layer. */
  classic?: { bundle: SerializedBundle; layer: SignatureLayer } | undefined;
  /** The DSSE bundle of cosign's sign statement (stored as a referrer). */
  bundle?: SerializedBundle | undefined;
}

/**
 * Signs an image digest in cosign's formats (both at once), writing nothing anywhere. Classic: a message
 * signature over the simple-signing payload. Bundle: a DSSE statement of cosign's sign predicate.
 */
export async function signDigest(
  request: SigningServices & Pick<SignImageRequest, 'image' | 'digest' | 'classic' | 'bundle'>,
): Promise<ImageSignatures> {
  const payload = simpleSigningPayload(request.image, request.digest);
  const classic = async () => {
    if (!request.classic) return undefined;
    const builder = new MessageSignatureBundleBuilder({
      signer: request.signer,
      witnesses: witnesses(request, false),
    });
    try {
      const bundle = bundleToJSON(await builder.create({ data: payload }));
      return { bundle, layer: classicLayerFromBundle(bundle, payload) };
    } catch (error) {
      throw signingFailure(error, 'classic simple-signing payload');
    }
  };
  const [classicSigned, dsse] = await Promise.all([
    classic(),
    request.bundle
      ? signStatement(request, cosignSignStatement(request.digest), 'in-toto statement')
      : undefined,
  ]);
  return { classic: classicSigned, bundle: dsse };
}

/** Where the signatures went (see storeSignedMaterial), as the SignedImage a caller checks and reports. */
export function signedImageOf(signatures: ImageSignatures, stored: StoredMaterial): SignedImage {
  const out: SignedImage = { restore: () => stored.restore() };
  if (signatures.classic !== undefined && stored.sig !== undefined)
    out.classic = {
      tag: stored.sig.tag,
      manifestDigest: stored.sig.manifestDigest,
      signature: signatures.classic.layer.signature,
      bundle: signatures.classic.bundle,
    };
  // The signature's referrer is the first one stored.
  const referrer = stored.referrers[0];
  if (signatures.bundle !== undefined && referrer !== undefined)
    out.bundle = {
      manifestDigest: referrer.manifestDigest,
      fallbackTag: stored.fallbackTag,
      bundle: signatures.bundle,
    };
  return out;
}

/**
 * Signs an image digest in cosign's formats and stores the signatures next to it. Everything is signed
 * (and logged in Rekor) before anything is written to the registry, so a signing failure leaves the
 * registry untouched. Classic: appended to the `.sig` manifest. Bundle: stored as an OCI 1.1 referrer
 * (or in the fallback index).
 */
export async function signImage(request: SignImageRequest): Promise<SignedImage> {
  const signatures = await signDigest(request);
  const stored = await storeSignedMaterial({
    ...request,
    signatures: signatures.classic === undefined ? [] : [signatures.classic.layer],
    attestations: [],
    referrers: signatures.bundle === undefined ? [] : [{ bundleJson: JSON.stringify(signatures.bundle) }],
  });
  return signedImageOf(signatures, stored);
}

/** The Rekor log index of a bundle's (first) transparency-log entry. */
export function rekorLogIndex(bundle: SerializedBundle): string | undefined {
  return bundle.verificationMaterial.tlogEntries[0]?.logIndex;
}
