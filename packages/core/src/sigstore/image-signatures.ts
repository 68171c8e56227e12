import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { CommandError, ConfigurationError } from '../action/errors.ts';
import type { Digest } from '../oci/digest.ts';
import type { ImageReference } from '../oci/image-reference.ts';
import type { RegistryClient } from '../oci/registry-client.ts';
import {
  type AcceptedAttestation,
  type AttestationConditions,
  type AttestationVerdict,
  evaluateAttestations,
} from './attestation-conditions.ts';
import { COSIGN_SIGN_PREDICATE, readBundleReferrers, type StoredBundleReferrer } from './bundle-referrers.ts';
import { parseTrustedRoot, SignatureError, verifyBundle } from './bundle-verifier.ts';
import { readClassicSignatures, type StoredClassicSignature } from './classic-signatures.ts';
import { ANNOTATION, bundleFromClassicLayer, signedDigestOf } from './cosign-classic.ts';
import { type CertificateClaims, certificateClaims } from './fulcio-certificate.ts';
import type { SignerPolicy } from './signer-policy.ts';

export type { AcceptedAttestation } from './attestation-conditions.ts';

export interface AcceptedSignature {
  format: 'classic' | 'bundle';
  identity: string | undefined;
  issuer: string | undefined;
  /** classic: the base64 signature of the `.sig` layer; bundle: the referrer manifest's digest. */
  ref: string;
  /** The signing certificate's identity and Fulcio extensions (undefined when signed with a key). */
  certificate: CertificateClaims | undefined;
}

export interface ImageSignatureCheck {
  /** The first signature that matched the policy. */
  accepted: AcceptedSignature | undefined;
  /** Every signature that matched (only the first unless `all` was asked for). */
  verified: AcceptedSignature[];
  /** Why each other signature was not accepted. */
  rejected: string[];
}

/**
 * The trusted root: a given file, or the public-good instance's via TUF (network at run time), whose
 * metadata is cached under `temp` (the step's `ActionDeps.paths.temp`). A file that does not read as JSON
 * is TRUSTED_ROOT_UNREADABLE, one that is not a trusted root TRUSTED_ROOT_INVALID (ConfigurationErrors
 * without an input: the action that took the path names it, `error.forInput(…)`).
 */
export async function loadTrustedRoot(path: string | undefined, temp: string): Promise<TrustedRoot> {
  if (path !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new ConfigurationError(
        `the trusted root ${path} is not readable JSON (${(error as Error).message})`,
        {
          code: 'TRUSTED_ROOT_UNREADABLE',
          actual: path,
          cause: error,
        },
      );
    }
    return parseTrustedRoot(json);
  }
  // @sigstore/tuf is CommonJS: bundled, its exports sit on the default export of the chunk.
  const tuf = (await import('@sigstore/tuf')) as typeof import('@sigstore/tuf') & {
    default?: typeof import('@sigstore/tuf');
  };
  const getTrustedRoot = tuf.default?.getTrustedRoot ?? tuf.getTrustedRoot;
  try {
    return await getTrustedRoot({ cachePath: join(temp, 'sigstore-tuf') });
  } catch (error) {
    throw new CommandError(
      `could not get the public-good Sigstore trusted root through TUF (${(error as Error).message}); ` +
        'for a private Sigstore, or without network, give the trusted-root input',
      { tool: 'TUF', cause: error },
    );
  }
}

/**
 * What a registry holds next to a digest, read once: cosign classic signatures (`.sig`) and attestations
 * (`.att`), and the Sigstore bundles stored as referrers (referrers API or fallback tag). The three reads
 * run in parallel; `what` leaves out what the caller does not need.
 */
export interface SigstoreMaterial {
  signatures: StoredClassicSignature[];
  attestations: StoredClassicSignature[];
  referrers: StoredBundleReferrer[];
}

export async function readSigstoreMaterial(
  client: RegistryClient,
  image: ImageReference,
  digest: Digest,
  what: MaterialPart = 'all',
): Promise<SigstoreMaterial> {
  const none = async () => [];
  const isSignature = (type: string | undefined) => type === undefined || type === COSIGN_SIGN_PREDICATE;
  const part = PARTS[what];
  const [signatures, attestations, referrers] = await Promise.all([
    part.sig ? readClassicSignatures(client, image, digest) : none(),
    part.att ? readClassicSignatures(client, image, digest, 'att') : none(),
    part.signatureReferrers || part.attestationReferrers
      ? readBundleReferrers(client, image, digest.toString(), (type) =>
          isSignature(type) ? part.signatureReferrers : part.attestationReferrers,
        )
      : none(),
  ]);
  return { signatures, attestations, referrers };
}

/** Which of the material to read: signatures, attestations or both, in both formats or one. */
export type MaterialPart =
  | 'signatures'
  | 'attestations'
  | 'all'
  | 'classic'
  | 'classic-signatures'
  | 'referrers'
  | 'signature-referrers';

const PARTS: Record<
  MaterialPart,
  { sig: boolean; att: boolean; signatureReferrers: boolean; attestationReferrers: boolean }
> = {
  signatures: { sig: true, att: false, signatureReferrers: true, attestationReferrers: false },
  attestations: { sig: false, att: true, signatureReferrers: false, attestationReferrers: true },
  all: { sig: true, att: true, signatureReferrers: true, attestationReferrers: true },
  classic: { sig: true, att: true, signatureReferrers: false, attestationReferrers: false },
  'classic-signatures': { sig: true, att: false, signatureReferrers: false, attestationReferrers: false },
  referrers: { sig: false, att: false, signatureReferrers: true, attestationReferrers: true },
  'signature-referrers': { sig: false, att: false, signatureReferrers: true, attestationReferrers: false },
};

/**
 * Reads every signature of a digest — cosign classic (`.sig` tag) and Sigstore bundles (referrers API or
 * fallback tag) — and verifies each against the trusted root and policy. The signed digest must be the
 * image digest in both formats.
 */
export async function checkImageSignatures(
  client: RegistryClient,
  image: ImageReference,
  digest: Digest,
  trustedRoot: TrustedRoot,
  policy: SignerPolicy,
  options: { all?: boolean } = {},
): Promise<ImageSignatureCheck> {
  const material = await readSigstoreMaterial(client, image, digest, 'signatures');
  return verifySignatures(material, digest, trustedRoot, policy, options);
}

const reasonOf = (error: unknown) => (error instanceof SignatureError ? error.message : String(error));

/** The signatures among material already read (see readSigstoreMaterial), verified. */
export function verifySignatures(
  material: SigstoreMaterial,
  digest: Digest,
  trustedRoot: TrustedRoot,
  policy: SignerPolicy,
  options: { all?: boolean } = {},
): ImageSignatureCheck {
  const rejected: string[] = [];
  const verified: AcceptedSignature[] = [];
  const done = () => ({ accepted: verified[0], verified, rejected });
  for (const stored of material.signatures) {
    const signed = signedDigestOf(stored.payload);
    if (signed !== digest.toString()) {
      rejected.push(`classic: the payload vouches for ${signed ?? 'nothing'}, not ${digest}`);
      continue;
    }
    try {
      const bundle = bundleFromClassicLayer(stored.annotations, stored.payload);
      const ok = verifyBundle(bundle, { trustedRoot, policy, artifact: stored.payload });
      const ref = stored.annotations[ANNOTATION.signature] ?? '';
      const certificate = certificateClaims(bundle);
      verified.push({ format: 'classic', identity: ok.identity, issuer: ok.issuer, ref, certificate });
      if (options.all !== true) return done();
    } catch (error) {
      rejected.push(`classic: ${reasonOf(error)}`);
    }
  }
  // Attestations (another predicate type) are referrers too, but no signature of the image.
  const signatures = material.referrers.filter(
    (r) => r.predicateType === undefined || r.predicateType === COSIGN_SIGN_PREDICATE,
  );
  for (const stored of signatures) {
    try {
      const ok = verifyBundle(stored.bundle, {
        trustedRoot,
        policy,
        artifactDigest: digest.hex,
        predicateType: COSIGN_SIGN_PREDICATE,
      });
      verified.push({
        format: 'bundle',
        identity: ok.identity,
        issuer: ok.issuer,
        ref: stored.manifestDigest,
        certificate: certificateClaims(stored.bundle),
      });
      if (options.all !== true) return done();
    } catch (error) {
      rejected.push(`bundle ${stored.manifestDigest}: ${reasonOf(error)}`);
    }
  }
  return done();
}

/**
 * Signatures and attestations of a digest from ONE read of the registry (readSigstoreMaterial's three
 * reads), each verified as checkImageSignatures and checkImageAttestations would. The classic `.sig` and
 * `.att` layers are verified while the referrers are still being read.
 */
export async function checkImageMaterial(
  client: RegistryClient,
  image: ImageReference,
  digest: Digest,
  trustedRoot: TrustedRoot,
  policy: SignerPolicy,
  options: { all?: boolean; attestations?: boolean } = {},
): Promise<{ signatures: ImageSignatureCheck; attestations: ImageAttestationCheck | undefined }> {
  const withAttestations = options.attestations === true;
  const verify = (material: SigstoreMaterial) => ({
    signatures: verifySignatures(material, digest, trustedRoot, policy, { all: true }),
    attestations: withAttestations ? verifyAttestations(material, digest, trustedRoot, policy) : undefined,
  });
  const none = { signatures: [], attestations: [], referrers: [] };
  const [classic, bundles] = await Promise.all([
    readSigstoreMaterial(client, image, digest, withAttestations ? 'classic' : 'classic-signatures').then(
      (material) => verify({ ...material, referrers: [] }),
    ),
    readSigstoreMaterial(client, image, digest, withAttestations ? 'referrers' : 'signature-referrers').then(
      (material) => verify({ ...none, referrers: material.referrers }),
    ),
  ]);
  // In the order one verifySignatures/verifyAttestations call over all of it gives: classic, then bundles.
  const verified = [...classic.signatures.verified, ...bundles.signatures.verified];
  const signatures: ImageSignatureCheck = {
    accepted: verified[0],
    verified: options.all === true ? verified : verified.slice(0, 1),
    rejected: [...classic.signatures.rejected, ...bundles.signatures.rejected],
  };
  const attestations =
    classic.attestations === undefined || bundles.attestations === undefined
      ? undefined
      : {
          verified: [...classic.attestations.verified, ...bundles.attestations.verified],
          rejected: [...classic.attestations.rejected, ...bundles.attestations.rejected],
          rejections: [...classic.attestations.rejections, ...bundles.attestations.rejections],
        };
  return { signatures, attestations };
}

/** An attestation that verified, with its signing certificate's identity and Fulcio extensions. */
export interface VerifiedAttestation extends AcceptedAttestation {
  /** Undefined when signed with a key. */
  certificate: CertificateClaims | undefined;
}

export interface ImageAttestationCheck {
  verified: VerifiedAttestation[];
  /** Why each other attestation was not accepted, one line each. */
  rejected: string[];
  /** The same, with the predicate type each was stored under (undefined: none named). */
  rejections: { predicateType: string | undefined; reason: string }[];
}

/**
 * Reads every attestation of a digest — cosign classic (`.att` layers) and Sigstore DSSE bundles (referrers
 * with a predicate type other than cosign's sign predicate) — and verifies each: the signature against the
 * trusted root, the signer against the policy, the statement's predicate type against the one it is
 * stored under, and the image digest among the statement's subjects.
 */
export async function checkImageAttestations(
  client: RegistryClient,
  image: ImageReference,
  digest: Digest,
  trustedRoot: TrustedRoot,
  policy: SignerPolicy,
  options: { require?: AttestationConditions | undefined } = {},
): Promise<ImageAttestationCheck & { verdicts?: AttestationVerdict[] }> {
  const material = await readSigstoreMaterial(client, image, digest, 'attestations');
  const check = verifyAttestations(material, digest, trustedRoot, policy);
  // With `require` (tag-promote's require-attestations): the verdict on each required kind and its conditions.
  if (options.require === undefined) return check;
  return { ...check, verdicts: evaluateAttestations(check.verified, check.rejections, options.require) };
}

/** The attestations among material already read (see readSigstoreMaterial), verified. */
export function verifyAttestations(
  material: SigstoreMaterial,
  digest: Digest,
  trustedRoot: TrustedRoot,
  policy: SignerPolicy,
): ImageAttestationCheck {
  const verified: VerifiedAttestation[] = [];
  const rejections: ImageAttestationCheck['rejections'] = [];
  const check = (
    format: 'classic' | 'bundle',
    ref: string,
    bundle: () => unknown,
    type: string | undefined,
  ) => {
    try {
      if (type === undefined) throw new SignatureError('it names no predicate type');
      const json = bundle();
      const statement = statementOf(json);
      const ok = verifyBundle(json, { trustedRoot, policy, artifactDigest: digest.hex, predicateType: type });
      verified.push({
        format,
        predicateType: type,
        ref,
        ...ok,
        certificate: certificateClaims(json),
        statement,
      });
    } catch (error) {
      rejections.push({ predicateType: type, reason: `${format} attestation ${ref}: ${reasonOf(error)}` });
    }
  };
  for (const stored of material.attestations)
    check(
      'classic',
      stored.digest,
      () => bundleFromClassicLayer(stored.annotations, stored.payload),
      stored.annotations[ANNOTATION.predicateType],
    );
  for (const stored of material.referrers)
    if (stored.predicateType !== undefined && stored.predicateType !== COSIGN_SIGN_PREDICATE)
      check('bundle', stored.manifestDigest, () => stored.bundle, stored.predicateType);
  return { verified, rejected: rejections.map((r) => r.reason), rejections };
}

/** The in-toto statement inside a (verified) DSSE bundle. */
function statementOf(bundle: unknown): AcceptedAttestation['statement'] {
  const envelope = (bundle as { dsseEnvelope?: { payload?: string } }).dsseEnvelope;
  if (typeof envelope?.payload !== 'string') throw new SignatureError('it is not a DSSE envelope');
  return JSON.parse(
    Buffer.from(envelope?.payload ?? '', 'base64').toString('utf8'),
  ) as AcceptedAttestation['statement'];
}
