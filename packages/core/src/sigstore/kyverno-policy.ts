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

interface Validity {
  start?: string;
  end?: string;
}

/**
 * The Kyverno trust material of a Sigstore trusted root (`trusted_root.json`, protobuf JSON). A root lists
 * retired keys too (the public-good one starts with the 2021 Fulcio CA and a retired CT log), so only
 * what is valid now is taken: every current CA chain, the transparency log at `rekorUrl` (else the newest
 * valid one) and the newest valid CT log. A root with no current CA or log is refused.
 */
export function kyvernoTrust(
  trustedRoot: unknown,
  rekorUrl: string | undefined,
  now = new Date(),
): KyvernoTrust {
  const root = trustedRoot as {
    certificateAuthorities?: {
      certChain?: { certificates?: { rawBytes?: string }[] };
      validFor?: Validity;
    }[];
    tlogs?: { baseUrl?: string; publicKey?: { rawBytes?: string; validFor?: Validity } }[];
    ctlogs?: { publicKey?: { rawBytes?: string; validFor?: Validity } }[];
  };
  const current = (v: Validity | undefined) =>
    (v?.start === undefined || new Date(v.start) <= now) && (v?.end === undefined || new Date(v.end) > now);
  const chains = (root.certificateAuthorities ?? [])
    .filter((ca) => current(ca.validFor))
    .flatMap((ca) =>
      (ca.certChain?.certificates ?? []).flatMap((c) => (c.rawBytes ? [pem('CERTIFICATE', c.rawBytes)] : [])),
    );
  const tlogs = (root.tlogs ?? []).filter((t) => t.publicKey?.rawBytes && current(t.publicKey.validFor));
  const origin = (url: string | undefined) => {
    try {
      return url === undefined ? undefined : new URL(url).origin + new URL(url).pathname.replace(/\/$/, '');
    } catch {
      return undefined;
    }
  };
  const tlog = tlogs.find((t) => origin(t.baseUrl) === origin(rekorUrl)) ?? tlogs.at(-1);
  const ctlog = (root.ctlogs ?? [])
    .filter((c) => c.publicKey?.rawBytes && current(c.publicKey.validFor))
    .at(-1);
  const rekor = tlog?.publicKey?.rawBytes;
  if (chains.length === 0 || rekor === undefined) {
    throw new ConfigurationError(
      'Input "trusted-root": it names no certificate authority or transparency log valid now, so no admission policy can be written from it',
      { input: 'trusted-root' },
    );
  }
  const ct = ctlog?.publicKey?.rawBytes;
  return {
    roots: chains.join(''),
    rekorPublicKey: pem('PUBLIC KEY', rekor),
    ctlogPublicKey: ct === undefined ? undefined : pem('PUBLIC KEY', ct),
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
