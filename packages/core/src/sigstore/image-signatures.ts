import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { CommandError, ConfigurationError } from '../action/errors.ts';
import type { Digest } from '../oci/digest.ts';
import type { ImageReference } from '../oci/image-reference.ts';
import type { RegistryClient } from '../oci/registry-client.ts';
import { COSIGN_SIGN_PREDICATE, readBundleReferrers } from './bundle-referrers.ts';
import { parseTrustedRoot, SignatureError, type SignerPolicy, verifyBundle } from './bundle-verifier.ts';
import { readClassicSignatures } from './classic-signatures.ts';
import { ANNOTATION, bundleFromClassicLayer, signedDigestOf } from './cosign-classic.ts';

export interface AcceptedSignature {
  format: 'classic' | 'bundle';
  identity: string | undefined;
  issuer: string | undefined;
  /** classic: the base64 signature of the `.sig` layer; bundle: the referrer manifest's digest. */
  ref: string;
}

export interface ImageSignatureCheck {
  /** The first signature that matched the policy. */
  accepted: AcceptedSignature | undefined;
  /** Every signature that matched (only the first unless `all` was asked for). */
  verified: AcceptedSignature[];
  /** Why each other signature was not accepted. */
  rejected: string[];
}

/** The trusted root: a given file, or the public-good instance's via TUF (network at run time). */
export async function loadTrustedRoot(path: string | undefined): Promise<TrustedRoot> {
  if (path !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new ConfigurationError(
        `Input "trusted-root": ${path} is not readable JSON (${(error as Error).message})`,
        { input: 'trusted-root' },
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
    return await getTrustedRoot({ cachePath: join(process.env.RUNNER_TEMP ?? tmpdir(), 'sigstore-tuf') });
  } catch (error) {
    throw new CommandError(
      `could not get the public-good Sigstore trusted root through TUF (${(error as Error).message}); ` +
        'for a private Sigstore, or without network, give the trusted-root input',
      { tool: 'TUF', cause: error },
    );
  }
}

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
  const rejected: string[] = [];
  const verified: AcceptedSignature[] = [];
  const done = () => ({ accepted: verified[0], verified, rejected });
  const reason = (error: unknown) => (error instanceof SignatureError ? error.message : String(error));
  for (const stored of await readClassicSignatures(client, image, digest)) {
    const signed = signedDigestOf(stored.payload);
    if (signed !== digest.toString()) {
      rejected.push(`classic: the payload vouches for ${signed ?? 'nothing'}, not ${digest}`);
      continue;
    }
    try {
      const ok = verifyBundle(bundleFromClassicLayer(stored.annotations, stored.payload), {
        trustedRoot,
        policy,
        artifact: stored.payload,
      });
      const ref = stored.annotations[ANNOTATION.signature] ?? '';
      verified.push({ format: 'classic', identity: ok.identity, issuer: ok.issuer, ref });
      if (options.all !== true) return done();
    } catch (error) {
      rejected.push(`classic: ${reason(error)}`);
    }
  }
  // Attestations (another predicate type) are referrers too, but no signature of the image.
  const signatures = (type: string | undefined) => type === undefined || type === COSIGN_SIGN_PREDICATE;
  for (const stored of await readBundleReferrers(client, image, digest.toString(), signatures)) {
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
      });
      if (options.all !== true) return done();
    } catch (error) {
      rejected.push(`bundle ${stored.manifestDigest}: ${reason(error)}`);
    }
  }
  return done();
}

export interface AcceptedAttestation {
  format: 'classic' | 'bundle';
  predicateType: string;
  identity: string | undefined;
  issuer: string | undefined;
  /** classic: the `.att` layer's digest; bundle: the referrer manifest's digest. */
  ref: string;
  /** The verified in-toto statement. */
  statement: { subject: { name?: string; digest: Record<string, string> }[]; predicate: unknown };
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
): Promise<{ verified: AcceptedAttestation[]; rejected: string[] }> {
  const verified: AcceptedAttestation[] = [];
  const rejected: string[] = [];
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
      verified.push({ format, predicateType: type, ref, ...ok, statement });
    } catch (error) {
      rejected.push(
        `${format} attestation ${ref}: ${error instanceof SignatureError ? error.message : String(error)}`,
      );
    }
  };
  for (const stored of await readClassicSignatures(client, image, digest, 'att'))
    check(
      'classic',
      stored.digest,
      () => bundleFromClassicLayer(stored.annotations, stored.payload),
      stored.annotations[ANNOTATION.predicateType],
    );
  const attestations = (type: string | undefined) => type !== undefined && type !== COSIGN_SIGN_PREDICATE;
  for (const stored of await readBundleReferrers(client, image, digest.toString(), attestations))
    check('bundle', stored.manifestDigest, () => stored.bundle, stored.predicateType);
  return { verified, rejected };
}

/** The in-toto statement inside a (verified) DSSE bundle. */
function statementOf(bundle: unknown): AcceptedAttestation['statement'] {
  const envelope = (bundle as { dsseEnvelope?: { payload?: string } }).dsseEnvelope;
  if (typeof envelope?.payload !== 'string') throw new SignatureError('it is not a DSSE envelope');
  return JSON.parse(
    Buffer.from(envelope?.payload ?? '', 'base64').toString('utf8'),
  ) as AcceptedAttestation['statement'];
}
