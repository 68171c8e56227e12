import { stringify } from 'yaml';
import { ConfigurationError } from '../action/errors.ts';
import type { ImageReference } from '../oci/image-reference.ts';
import { anchorPattern } from './bundle-verifier.ts';

export type PolicyKind = 'Cosign' | 'SigstoreBundle';

export interface KyvernoPolicyOptions {
  /** The repository whose images must be signed (tags and digests of it are matched). */
  image: ImageReference;
  /** `Cosign` reads the classic `.sig` format; `SigstoreBundle` reads OCI 1.1 referrer bundles. */
  kind: PolicyKind;
  identity?: string | undefined;
  /** Anchored (^…$) before it is written: an unanchored pattern would match look-alike identities. */
  identityRegExp?: string | undefined;
  issuer?: string | undefined;
  publicKey?: string | undefined;
  rekorUrl?: string | undefined;
  failureAction?: 'Enforce' | 'Audit';
}

/** A Kyverno ClusterPolicy (kyverno.io/v1) with one verifyImages rule for this image and signer. */
export function kyvernoPolicy(options: KyvernoPolicyOptions): Record<string, unknown> {
  const { image } = options;
  let entry: Record<string, unknown>;
  if (options.publicKey !== undefined) {
    entry = {
      keys: {
        publicKeys: options.publicKey,
        ...(options.rekorUrl ? { rekor: { url: options.rekorUrl } } : {}),
      },
    };
  } else {
    if (options.identity === undefined && options.identityRegExp === undefined) {
      throw new ConfigurationError(
        'a keyless admission policy needs the signer identity (exact or regular expression)',
      );
    }
    if (options.issuer === undefined)
      throw new ConfigurationError('a keyless admission policy needs the OIDC issuer');
    entry = {
      keyless: {
        ...(options.identity !== undefined
          ? { subject: options.identity }
          : { subjectRegExp: anchorPattern(options.identityRegExp ?? '') }),
        issuer: options.issuer,
        rekor: { url: options.rekorUrl ?? 'https://rekor.sigstore.dev' },
      },
    };
  }
  const name = `verify-${image.repository.replace(/[^a-z0-9]+/g, '-')}`.slice(0, 63).replace(/-+$/, '');
  return {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: {
      name,
      annotations: {
        'policies.kyverno.io/title': `Verify signatures of ${image.name}`,
        'policies.kyverno.io/description': `Admit ${image.name} images only when signed (${options.kind}) by the expected signer.`,
      },
    },
    spec: {
      webhookTimeoutSeconds: 30,
      background: false,
      rules: [
        {
          name: 'verify-signature',
          match: { any: [{ resources: { kinds: ['Pod'] } }] },
          verifyImages: [
            {
              imageReferences: [`${image.name}:*`, `${image.name}@*`],
              type: options.kind,
              failureAction: options.failureAction ?? 'Enforce',
              mutateDigest: true,
              verifyDigest: true,
              required: true,
              attestors: [{ count: 1, entries: [entry] }],
            },
          ],
        },
      ],
    },
  };
}

export function kyvernoPolicyYaml(options: KyvernoPolicyOptions): string {
  return stringify(kyvernoPolicy(options), { lineWidth: 0 });
}
