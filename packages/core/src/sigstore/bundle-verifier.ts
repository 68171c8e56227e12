import { createHash, createPublicKey } from 'node:crypto';
import { bundleFromJSON, isBundleWithDsseEnvelope } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { ConfigurationError, type ErrorDetails } from '../action/errors.ts';
import { certificateClaims } from './fulcio-certificate.ts';
import type { SignerPolicy } from './signer-policy.ts';

export interface VerifiedSignature {
  identity: string | undefined;
  issuer: string | undefined;
  mediaType: string;
}

/** A signature that does not verify, or does not match the policy. */
export class SignatureError extends ConfigurationError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, { code: 'SIGNATURE_INVALID', ...details });
  }
}

/** A trusted_root.json document (protobuf JSON); anything else is TRUSTED_ROOT_INVALID. */
export function parseTrustedRoot(json: unknown): TrustedRoot {
  try {
    return TrustedRoot.fromJSON(json);
  } catch (error) {
    throw new ConfigurationError(
      `the trusted root is not a Sigstore TrustedRoot document (${(error as Error).message})`,
      { code: 'TRUSTED_ROOT_INVALID', cause: error },
    );
  }
}

/** What verifyBundle checks a bundle against. */
export interface BundleCheck {
  trustedRoot: TrustedRoot;
  policy: SignerPolicy;
  artifact?: Buffer | undefined;
  artifactDigest?: string | undefined;
  /** For a DSSE in-toto statement: the predicate type it must carry (e.g. cosign's sign predicate). */
  predicateType?: string | undefined;
}

type Bundle = ReturnType<typeof bundleFromJSON>;

/**
 * Verifies a Sigstore bundle (v0.1–v0.3): signature, certificate chain to the trusted root's CAs, SCTs,
 * transparency-log proofs and timestamps (all by @sigstore/verify), then the policy. For a DSSE bundle
 * carrying an in-toto statement, `artifact`'s SHA-256 must be one of the statement's subjects.
 */
export function verifyBundle(bundleJson: unknown, options: BundleCheck): VerifiedSignature {
  const bundle = parseBundle(bundleJson);
  requireValidityStarts(options.trustedRoot);
  requireSignerKind(bundle, options.policy);
  const signer = verifySignature(bundle, options);
  requireSource(bundleJson, options.policy);
  requireArtifact(bundle, options);
  return {
    identity: signer.identity?.subjectAlternativeName,
    issuer: signer.identity?.extensions?.issuer,
    mediaType: bundle.mediaType,
  };
}

function parseBundle(bundleJson: unknown): Bundle {
  try {
    return bundleFromJSON(bundleJson);
  } catch (error) {
    throw new SignatureError(`the bundle is malformed: ${(error as Error).message}`);
  }
}

/** @sigstore/verify's checks, against the root's CAs and logs (or the policy's key), and the policy's identity. */
function verifySignature(bundle: Bundle, options: BundleCheck): ReturnType<Verifier['verify']> {
  const { policy } = options;
  const keyFinder =
    policy.publicKey === undefined
      ? undefined
      : () => ({ publicKey: createPublicKey(policy.publicKey ?? ''), validFor: () => true });
  const trust = toTrustMaterial(options.trustedRoot, keyFinder);
  const verifier = new Verifier(trust, {
    tlogThreshold: 1,
    ctlogThreshold: policy.publicKey === undefined ? 1 : 0,
  });
  try {
    const entity = toSignedEntity(bundle, isBundleWithDsseEnvelope(bundle) ? undefined : options.artifact);
    return verifier.verify(entity, identityPolicy(policy));
  } catch (error) {
    throw new SignatureError(`the signature does not verify: ${(error as Error).message}`);
  }
}

/** The certificate identity @sigstore/verify compares (nothing with a key: there is no certificate). */
function identityPolicy(policy: SignerPolicy): Parameters<Verifier['verify']>[1] {
  if (policy.publicKey !== undefined) return {};
  return {
    ...(policy.identity !== undefined ? { subjectAlternativeName: policy.identity } : {}),
    ...(policy.identityRegExp !== undefined ? { subjectAlternativeName: policy.identityRegExp } : {}),
    ...(policy.issuer !== undefined ? { extensions: { issuer: policy.issuer } } : {}),
  };
}

/** A DSSE statement must be about the artifact (when one is given), and of the predicate type asked for. */
function requireArtifact(bundle: Bundle, options: BundleCheck): void {
  const content = bundle.content;
  if (content.$case !== 'dsseEnvelope') return;
  if (options.artifact === undefined && options.artifactDigest === undefined) return;
  const digest =
    options.artifactDigest ??
    createHash('sha256')
      .update(options.artifact ?? Buffer.alloc(0))
      .digest('hex');
  requireSubject(
    content.dsseEnvelope.payload,
    content.dsseEnvelope.payloadType,
    digest,
    options.predicateType,
  );
}

/**
 * The policy decides what kind of signer is acceptable, and only that kind is verified: with a key, a
 * bundle carrying a certificate (anyone can get one from Fulcio) is refused rather than checked against
 * the CA; without a key, the policy must name an identity, or any certificate would do.
 */
function requireSignerKind(bundle: Bundle, policy: SignerPolicy): void {
  const material = bundle.verificationMaterial.content.$case;
  if (policy.publicKey !== undefined) {
    if (material !== 'publicKey')
      throw new SignatureError(
        'the signature carries a certificate (a keyless signer), but the policy requires the public key',
      );
    return;
  }
  if (policy.identity === undefined && policy.identityRegExp === undefined)
    throw new ConfigurationError(
      'a keyless signature policy needs the signer identity (certificate-identity or certificate-identity-regexp)',
    );
  if (material === 'publicKey')
    throw new SignatureError('the signature was made with a key, but the policy requires a keyless signer');
}

/**
 * The source the certificate was issued for (its Fulcio extensions, read from the leaf that just verified):
 * each that the policy names must be there and equal. A certificate without the extension fails.
 */
function requireSource(bundleJson: unknown, policy: SignerPolicy): void {
  if (policy.publicKey !== undefined) return;
  const wanted = [
    ['sourceRepositoryURI', 'source repository', policy.sourceRepository],
    ['sourceRepositoryRef', 'source ref', policy.sourceRef],
  ] as const;
  if (wanted.every(([, , value]) => value === undefined)) return;
  const claims = certificateClaims(bundleJson);
  for (const [claim, what, value] of wanted) {
    if (value === undefined) continue;
    const actual = claims?.[claim];
    if (actual === undefined)
      throw new SignatureError(
        `the signing certificate names no ${what} (Fulcio extension ${claim}), but the policy requires ${value}`,
      );
    if (actual !== value)
      throw new SignatureError(`the signing certificate's ${what} is ${actual}, not ${value}`);
  }
}

function requireSubject(
  payload: Buffer,
  payloadType: string,
  sha256Hex: string,
  predicateType: string | undefined,
): void {
  if (payloadType !== 'application/vnd.in-toto+json')
    throw new SignatureError(`unexpected DSSE payload type ${payloadType}`);
  let statement: { subject?: { digest?: Record<string, string> }[]; predicateType?: string };
  try {
    statement = JSON.parse(payload.toString('utf8')) as typeof statement;
  } catch {
    throw new SignatureError('the DSSE payload is not a JSON in-toto statement');
  }
  if (!(statement.subject ?? []).some((s) => s.digest?.sha256 === sha256Hex)) {
    throw new SignatureError(`the signed statement's subjects do not include sha256:${sha256Hex}`);
  }
  if (predicateType !== undefined && statement.predicateType !== predicateType) {
    throw new SignatureError(
      `the signed statement is a ${statement.predicateType ?? 'statement without predicate type'}, not a ${predicateType} signature`,
    );
  }
}

/**
 * Every authority of a trusted root must say from when it is valid. A missing start is a malformed root,
 * not an unbounded validity (sigstore-conformance: trust-root-*-missing-validity-start).
 */
function requireValidityStarts(root: TrustedRoot): void {
  const problems: string[] = [];
  for (const log of root.tlogs)
    if (log.publicKey?.validFor?.start === undefined) problems.push(`transparency log ${log.baseUrl}`);
  for (const log of root.ctlogs)
    if (log.publicKey?.validFor?.start === undefined) problems.push(`CT log ${log.baseUrl}`);
  for (const ca of root.certificateAuthorities)
    if (ca.validFor?.start === undefined) problems.push(`certificate authority ${ca.uri}`);
  for (const tsa of root.timestampAuthorities)
    if (tsa.validFor?.start === undefined) problems.push(`timestamp authority ${tsa.uri}`);
  if (problems.length > 0)
    throw new SignatureError(`the trusted root is malformed: no validity start for ${problems.join(', ')}`);
}
