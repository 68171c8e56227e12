import { stringify } from 'yaml';
import { ConfigurationError } from '../action/errors.ts';
import type { ImageReference } from '../oci/image-reference.ts';
import { githubWorkflowRepository } from './fulcio-certificate.ts';
import {
  type AttestationRequirements,
  denySeverities,
  POLICY_ATTESTATION_TYPES,
  type PolicyAttestation,
  policyName,
  registryPrefix,
  TRIVY_FINDING_LISTS,
} from './kyverno-requirements.ts';
import { pem } from './pem.ts';
import { anchorPattern } from './signer-policy.ts';

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
  /**
   * Keyless: the repository the certificate must have been issued for (https://github.com/owner/repo), as
   * `additionalExtensions.githubWorkflowRepository` (owner/repo: Kyverno compares Fulcio's GitHub Workflow
   * Repository extension 1.3.6.1.4.1.57264.1.5). Kyverno 1.19 enforces it only for `type: Cosign`.
   */
  sourceRepository?: string | undefined;
  publicKey?: string | undefined;
  rekorUrl?: string | undefined;
  /** A private Sigstore's keys (from its trusted root): Kyverno then needs no TUF and no public-good root. */
  trust?: KyvernoTrust | undefined;
  failureAction?: 'Enforce' | 'Audit';
  /** Attestations that must be present and signed by the same attestor, with their conditions. */
  attestations?: AttestationRequirements | undefined;
  /** The registry-origin rule: Pods whose images are not under one of these prefixes are refused. */
  registries?: readonly string[] | undefined;
}

/** PEM material Kyverno's attestors take for a Sigstore other than the public-good instance. */
export interface KyvernoTrust {
  /** The Fulcio CA chain. */
  roots: string;
  rekorPublicKey: string;
  /** The CT log's key; without one, SCTs are not checked (`ignoreSCT`). */
  ctlogPublicKey: string | undefined;
  /** The trusted root itself (JSON), for the ImageValidatingPolicy's `trustedRoot` (Kyverno ≥ 1.19). */
  trustedRoot?: string | undefined;
}

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
      'it names no certificate authority or transparency log valid now, so no admission policy can be written from it',
      {
        code: 'TRUSTED_ROOT_NOT_CURRENT',
        actual: `${chains.length} current authorities, ${tlogs.length} current logs`,
      },
    );
  }
  const ct = ctlog?.publicKey?.rawBytes;
  return {
    roots: chains.join(''),
    rekorPublicKey: pem('PUBLIC KEY', rekor),
    ctlogPublicKey: ct === undefined ? undefined : pem('PUBLIC KEY', ct),
    trustedRoot: JSON.stringify(trustedRoot),
  };
}

/** The ClusterPolicy attestor entry: the key, or the keyless identity and issuer, with the Sigstore's keys. */
function attestorEntry(options: KyvernoPolicyOptions): Record<string, unknown> {
  const { trust } = options;
  const rekor = {
    url: options.rekorUrl ?? 'https://rekor.sigstore.dev',
    ...(trust ? { pubkey: trust.rekorPublicKey } : {}),
  };
  const ctlog = trust
    ? { ctlog: trust.ctlogPublicKey ? { pubkey: trust.ctlogPublicKey } : { ignoreSCT: true } }
    : {};
  if (options.publicKey !== undefined) {
    return {
      keys: { publicKeys: options.publicKey, ...(options.rekorUrl || trust ? { rekor } : {}), ...ctlog },
    };
  }
  const { identity, identityRegExp, issuer } = keylessIdentity(options);
  return {
    keyless: {
      ...(identity !== undefined ? { subject: identity } : { subjectRegExp: identityRegExp }),
      issuer,
      ...sourceExtensions(options.sourceRepository),
      ...(trust ? { roots: trust.roots } : {}),
      rekor,
      ...ctlog,
    },
  };
}

/** A keyless attestor's `additionalExtensions` binding the source repository (none when not given). */
export function sourceExtensions(sourceRepository: string | undefined): Record<string, unknown> {
  return sourceRepository === undefined
    ? {}
    : { additionalExtensions: { githubWorkflowRepository: githubWorkflowRepository(sourceRepository) } };
}

/** The keyless signer, checked: an identity (exact, or a regexp anchored here) and an issuer. */
export function keylessIdentity(options: KyvernoPolicyOptions): {
  identity: string | undefined;
  identityRegExp: string | undefined;
  issuer: string;
} {
  if (options.identity === undefined && options.identityRegExp === undefined) {
    throw new ConfigurationError(
      'a keyless admission policy needs the signer identity (exact or regular expression)',
    );
  }
  if (options.issuer === undefined)
    throw new ConfigurationError('a keyless admission policy needs the OIDC issuer');
  return {
    identity: options.identity,
    identityRegExp: options.identity === undefined ? anchorPattern(options.identityRegExp ?? '') : undefined,
    issuer: options.issuer,
  };
}

type Condition = { key: string; operator: string; value: string | string[]; message: string };

/** The JMESPath conditions (over the predicate) each required attestation must meet. */
function attestationConditions(kind: PolicyAttestation, requirements: AttestationRequirements): Condition[] {
  switch (kind) {
    case 'provenance':
      return [
        ...(requirements.builderId === undefined
          ? []
          : [
              {
                key: '{{ runDetails.builder.id }}',
                operator: 'Equals',
                value: requirements.builderId,
                message: `the provenance's builder is not ${requirements.builderId}`,
              },
            ]),
        ...(requirements.sourceRepository === undefined
          ? []
          : [
              {
                key: '{{ buildDefinition.externalParameters.workflow.repository }}',
                operator: 'Equals',
                value: requirements.sourceRepository,
                message: `the provenance's source repository is not ${requirements.sourceRepository}`,
              },
            ]),
      ];
    case 'sbom':
      return [
        {
          key: '{{ bomFormat }}',
          operator: 'Equals',
          value: 'CycloneDX',
          message: 'the SBOM is not CycloneDX',
        },
      ];
    case 'vuln': {
      const severities = denySeverities(requirements);
      // Every finding's severity per Trivy list, [] when the report has none (a missing path must not error).
      return TRIVY_FINDING_LISTS.map((list) => ({
        key: `{{ scanner.result.Results[].${list}[].Severity || \`[]\` }}`,
        operator: 'AllNotIn',
        value: [...severities],
        message: `the vulnerability scan has ${list === 'Vulnerabilities' ? 'findings' : list.toLowerCase()} of severity ${severities.join(' or ')}`,
      }));
    }
  }
}

/** `verifyImages[].attestations`: each required predicate type, the same attestor, its conditions. */
function clusterPolicyAttestations(
  requirements: AttestationRequirements | undefined,
  attestors: unknown[],
): Record<string, unknown>[] {
  return (requirements?.required ?? []).map((kind) => {
    const conditions = attestationConditions(kind, requirements ?? { required: [] });
    return {
      type: POLICY_ATTESTATION_TYPES[kind],
      attestors,
      ...(conditions.length > 0 ? { conditions: [{ all: conditions }] } : {}),
    };
  });
}

/** The registry-origin rule: every container, init and ephemeral container image under one of the prefixes. */
function registryRule(registries: readonly string[], failureAction: string): Record<string, unknown> {
  const pattern = registries.map((r) => `${registryPrefix(r)}*`).join(' | ');
  return {
    name: 'allowed-registries',
    match: { any: [{ resources: { kinds: ['Pod'] } }] },
    validate: {
      failureAction,
      message: `images must come from ${registries.map((r) => registryPrefix(r)).join(', ')}`,
      pattern: {
        spec: {
          '=(ephemeralContainers)': [{ image: pattern }],
          '=(initContainers)': [{ image: pattern }],
          containers: [{ image: pattern }],
        },
      },
    },
  };
}

/**
 * A Kyverno ClusterPolicy (kyverno.io/v1, deprecated since Kyverno 1.17) with one verifyImages rule for this
 * image and signer, the required attestations signed by the same signer, and optionally the registry-origin rule.
 */
export function kyvernoPolicy(options: KyvernoPolicyOptions): Record<string, unknown> {
  const { image } = options;
  const failureAction = options.failureAction ?? 'Enforce';
  const attestors = [{ count: 1, entries: [attestorEntry(options)] }];
  const attestations = clusterPolicyAttestations(options.attestations, attestors);
  const required = options.attestations?.required ?? [];
  return {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: {
      name: policyName('verify', image.repository),
      annotations: {
        'policies.kyverno.io/title': `Verify signatures of ${image.name}`,
        'policies.kyverno.io/description':
          `Admit ${image.name} images only when signed (${options.kind}) by the expected signer` +
          (required.length > 0 ? ` and attested (${required.join(', ')}) by it.` : '.'),
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
              failureAction,
              mutateDigest: true,
              verifyDigest: true,
              required: true,
              attestors,
              ...(attestations.length > 0 ? { attestations } : {}),
            },
          ],
        },
        ...(options.registries?.length ? [registryRule(options.registries, failureAction)] : []),
      ],
    },
  };
}

export function kyvernoPolicyYaml(options: KyvernoPolicyOptions): string {
  return stringify(kyvernoPolicy(options), { lineWidth: 0, aliasDuplicateObjects: false });
}
