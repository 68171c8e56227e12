import { readFile } from 'node:fs/promises';
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { ConfigurationError } from '../action/errors.ts';
import type { Digest } from '../oci/digest.ts';
import type { ImageReference } from '../oci/image-reference.ts';
import type { RegistryClient } from '../oci/registry-client.ts';
import { readBundleReferrers } from './bundle-referrers.ts';
import { parseTrustedRoot, SignatureError, type SignerPolicy, verifyBundle } from './bundle-verifier.ts';
import { readClassicSignatures } from './classic-signatures.ts';
import { bundleFromClassicLayer, signedDigestOf } from './cosign-classic.ts';

export interface ImageSignatureCheck {
  /** The first signature that matched the policy. */
  accepted:
    | { format: 'classic' | 'bundle'; identity: string | undefined; issuer: string | undefined }
    | undefined;
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
  const { getTrustedRoot } = await import('@sigstore/tuf');
  return getTrustedRoot();
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
): Promise<ImageSignatureCheck> {
  const rejected: string[] = [];
  for (const stored of await readClassicSignatures(client, image, digest)) {
    if (signedDigestOf(stored.payload) !== digest.toString()) {
      rejected.push(
        `classic: the payload vouches for ${signedDigestOf(stored.payload) ?? 'nothing'}, not ${digest}`,
      );
      continue;
    }
    try {
      const ok = verifyBundle(bundleFromClassicLayer(stored.annotations, stored.payload), {
        trustedRoot,
        policy,
        artifact: stored.payload,
      });
      return { accepted: { format: 'classic', identity: ok.identity, issuer: ok.issuer }, rejected };
    } catch (error) {
      rejected.push(`classic: ${error instanceof SignatureError ? error.message : String(error)}`);
    }
  }
  for (const stored of await readBundleReferrers(client, image, digest.toString())) {
    try {
      const ok = verifyBundle(stored.bundle, { trustedRoot, policy, artifactDigest: digest.hex });
      return { accepted: { format: 'bundle', identity: ok.identity, issuer: ok.issuer }, rejected };
    } catch (error) {
      rejected.push(
        `bundle ${stored.manifestDigest}: ${error instanceof SignatureError ? error.message : String(error)}`,
      );
    }
  }
  return { accepted: undefined, rejected };
}
