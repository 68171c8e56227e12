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
  for (const stored of await readBundleReferrers(client, image, digest.toString())) {
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
