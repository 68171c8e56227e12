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
  /** A private Sigstore's keys (from its trusted root): Kyverno then needs no TUF and no public-good root. */
  trust?: KyvernoTrust | undefined;
  failureAction?: 'Enforce' | 'Audit';
}

/** PEM material Kyverno's attestors take for a Sigstore other than the public-good instance. */
export interface KyvernoTrust {
  /** The Fulcio CA chain. */
  roots: string;
  rekorPublicKey: string;
  /** The CT log's key; without one, SCTs are not checked (`ignoreSCT`). */
  ctlogPublicKey: string | undefined;
}

const pem = (label: string, base64: string) =>
  `-----BEGIN ${label}-----\n${(base64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`;

/**
 * The Kyverno trust material of a Sigstore trusted root (`trusted_root.json`, protobuf JSON): the first
 * certificate authority's chain, transparency log key and CT log key. Undefined when it has none.
 */
export function kyvernoTrust(trustedRoot: unknown): KyvernoTrust | undefined {
  const root = trustedRoot as {
    certificateAuthorities?: { certChain?: { certificates?: { rawBytes?: string }[] } }[];
    tlogs?: { publicKey?: { rawBytes?: string } }[];
    ctlogs?: { publicKey?: { rawBytes?: string } }[];
  };
  const chain = (root.certificateAuthorities?.[0]?.certChain?.certificates ?? []).flatMap((c) =>
    c.rawBytes ? [pem('CERTIFICATE', c.rawBytes)] : [],
  );
  const rekor = root.tlogs?.[0]?.publicKey?.rawBytes;
  if (chain.length === 0 || rekor === undefined) return undefined;
  const ctlog = root.ctlogs?.[0]?.publicKey?.rawBytes;
  return {
    roots: chain.join(''),
    rekorPublicKey: pem('PUBLIC KEY', rekor),
    ctlogPublicKey: ctlog === undefined ? undefined : pem('PUBLIC KEY', ctlog),
  };
}

/** A Kyverno ClusterPolicy (kyverno.io/v1) with one verifyImages rule for this image and signer. */
export function kyvernoPolicy(options: KyvernoPolicyOptions): Record<string, unknown> {
  const { image } = options;
  let entry: Record<string, unknown>;
  const { trust } = options;
  const rekor = {
    url: options.rekorUrl ?? 'https://rekor.sigstore.dev',
    ...(trust ? { pubkey: trust.rekorPublicKey } : {}),
  };
  const ctlog = trust
    ? { ctlog: trust.ctlogPublicKey ? { pubkey: trust.ctlogPublicKey } : { ignoreSCT: true } }
    : {};
  if (options.publicKey !== undefined) {
    entry = {
      keys: {
        publicKeys: options.publicKey,
        ...(options.rekorUrl || trust ? { rekor } : {}),
        ...ctlog,
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
        ...(trust ? { roots: trust.roots } : {}),
        rekor,
        ...ctlog,
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
