import { readFileSync } from 'node:fs';
import {
  type AttestationRequirements,
  ConfigurationError,
  Digest,
  type ImageReference,
  InvalidValueError,
  type KyvernoPolicyKind,
  type PolicyAttestation,
  type PolicyKind,
  parseSeverityList,
  registryPrefix,
} from '@chain/core';

/** The repository and digest to sign: `repo@sha256:…`, or `repo` + `digest`. A tag alone is refused. */
export function resolveTarget(
  image: ImageReference,
  digest: Digest | undefined,
): { repository: ImageReference; digest: Digest } {
  if (image.digest !== undefined && digest !== undefined && !image.digest.equals(digest)) {
    throw new ConfigurationError(
      `Input "digest": ${digest} differs from the digest in "image" (${image.digest}); give one of them`,
      { input: 'digest' },
    );
  }
  const resolved = image.digest ?? digest;
  if (resolved === undefined) {
    throw new ConfigurationError(
      `Input "image": ${image} names no digest. Signatures are bound to a digest, never a tag: pass ` +
        `repo@sha256:<hex>, or the repository with "digest" (skopeo-push output "digest")`,
      { input: 'image' },
    );
  }
  if (image.tag !== undefined && image.digest === undefined) {
    throw new ConfigurationError(
      `Input "image": drop the tag ":${image.tag}" and give the repository with "digest"; a tag can move`,
      { input: 'image' },
    );
  }
  return { repository: image.repositoryOnly(), digest: Digest.parse(resolved.toString()) };
}

/** Which Kyverno verifyImages type the policy file uses: classic signatures are read by `Cosign`. */
export function policyKind(
  choice: 'auto' | PolicyKind | 'none',
  format: 'classic' | 'bundle' | 'both',
): PolicyKind | undefined {
  if (choice === 'none') return undefined;
  if (choice !== 'auto') {
    if (
      (choice === 'Cosign' && format === 'bundle') ||
      (choice === 'SigstoreBundle' && format === 'classic')
    ) {
      throw new ConfigurationError(
        `Input "kyverno-policy": a ${choice} policy cannot admit ${format === 'bundle' ? 'bundle-only' : 'classic-only'} signatures; use format "both" or the other kind`,
        { input: 'kyverno-policy' },
      );
    }
    return choice;
  }
  return format === 'bundle' ? 'SigstoreBundle' : 'Cosign';
}

/** Which Kyverno kinds the policy file holds; `kyverno-policy` Cosign/SigstoreBundle only means something to a ClusterPolicy. */
export function policyKinds(
  choice: 'ClusterPolicy' | 'ImageValidatingPolicy' | 'both',
  signatureType: 'auto' | PolicyKind | 'none',
): KyvernoPolicyKind[] {
  if (choice === 'ImageValidatingPolicy' && signatureType !== 'auto' && signatureType !== 'none') {
    throw new ConfigurationError(
      `Input "kyverno-policy": ${signatureType} is a ClusterPolicy verifyImages type; an ImageValidatingPolicy detects the signature format itself, so leave it "auto" or set kyverno-policy-kind to "both"`,
      { input: 'kyverno-policy' },
    );
  }
  return choice === 'both' ? ['ClusterPolicy', 'ImageValidatingPolicy'] : [choice];
}

/**
 * What the admission policy requires besides the signature, each input checked and named when wrong (before
 * anything is signed). The provenance's builder id is added once the signer is known: on GitHub the keyless
 * identity is the job's workflow ref, which is the SLSA `builder.id` of the workflow that built the image.
 */
export function policyRequirements(input: {
  attestations: readonly PolicyAttestation[];
  /** What this step attests (`attestations`): a policy may require only those. */
  written: readonly PolicyAttestation[];
  severities: readonly string[];
  registries: readonly string[];
  env: NodeJS.ProcessEnv;
}): { attestations: AttestationRequirements; registries: string[] } {
  // A policy requiring an attestation this step does not write would refuse every image it signs.
  const unwritten = input.attestations.filter((kind) => !input.written.includes(kind));
  if (unwritten.length > 0)
    throw new ConfigurationError(
      `Input "policy-attestations": the admission policy would require ${unwritten.join(', ')}, which this step does not attest; add ${unwritten.length === 1 ? 'it' : 'them'} to "attestations" (with ${unwritten.map((k) => ATTESTATION_SOURCE[k]).join(', ')}) or drop ${unwritten.length === 1 ? 'it' : 'them'} from "policy-attestations"`,
      { input: 'policy-attestations' },
    );
  let severities: ReturnType<typeof parseSeverityList>;
  try {
    severities = parseSeverityList(input.severities);
  } catch (error) {
    if (!(error instanceof InvalidValueError)) throw error;
    throw new ConfigurationError(`Input "policy-vuln-severities": ${error.message}`, {
      input: 'policy-vuln-severities',
    });
  }
  for (const prefix of input.registries) registryPrefix(prefix, 'policy-registries');
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository } = input.env;
  return {
    attestations: {
      required: [...input.attestations],
      sourceRepository:
        repository === undefined ? undefined : `${server ?? 'https://github.com'}/${repository}`,
      denySeverities: [...severities],
    },
    registries: [...input.registries],
  };
}

/** The input each attestation kind is made from (for the error above). */
const ATTESTATION_SOURCE: Record<PolicyAttestation, string> = {
  provenance: 'build-record',
  sbom: 'sbom-dir or layout',
  vuln: 'scan-report',
};

export const PUBLIC_REKOR = 'https://rekor.sigstore.dev';

/**
 * The policies bind the source repository through `additionalExtensions`, which Kyverno 1.19 enforces only
 * for a ClusterPolicy of type Cosign: for SigstoreBundle and the ImageValidatingPolicy it is accepted by the
 * CRD and ignored by the verifier, so any repository calling the same reusable workflow would be admitted.
 */
export function kyvernoSourceWarning(
  kind: PolicyKind | undefined,
  kinds: readonly KyvernoPolicyKind[],
  sourceRepository: string | undefined,
): string | undefined {
  if (kind === undefined || sourceRepository === undefined) return undefined;
  const unenforced = [
    ...(kinds.includes('ClusterPolicy') && kind === 'SigstoreBundle'
      ? ['the SigstoreBundle ClusterPolicy']
      : []),
    ...(kinds.includes('ImageValidatingPolicy') ? ['the ImageValidatingPolicy'] : []),
  ];
  if (unenforced.length === 0) return undefined;
  return (
    `the Kyverno policy requires the source repository ${sourceRepository} (additionalExtensions), but in ` +
    `${unenforced.join(' and ')} ` +
    'Kyverno 1.19 does not enforce it: any repository calling the same reusable workflow would be ' +
    'admitted. Use kyverno-policy: Cosign with kyverno-policy-kind: ClusterPolicy where the signer is a reusable workflow.'
  );
}

/**
 * Signing from a private or internal repository against the public log publishes the repository and
 * workflow names (they are in the certificate). The event payload says whether the repository is private.
 */
export function publicLogWarning(env: NodeJS.ProcessEnv, rekorURL: string): string | undefined {
  if (new URL(rekorURL).origin !== PUBLIC_REKOR) return undefined;
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return undefined;
  let event: { repository?: { private?: unknown; visibility?: unknown; full_name?: unknown } };
  try {
    event = JSON.parse(readFileSync(path, 'utf8')) as typeof event;
  } catch {
    return undefined;
  }
  const repo = event.repository;
  if (repo?.private !== true && repo?.visibility !== 'private' && repo?.visibility !== 'internal')
    return undefined;
  const name =
    typeof repo.full_name === 'string' ? repo.full_name : (env.GITHUB_REPOSITORY ?? 'this repository');
  return (
    `${name} is not public, but this signature is recorded in the public Rekor log (${PUBLIC_REKOR}): ` +
    'the repository name, workflow path and ref in the certificate are now public. Use a private Sigstore ' +
    '(fulcio-url, rekor-url, trusted-root) or a key if they must stay private.'
  );
}

/** The `key` input: the PEM itself (from a secret), or the path of a key file. */
export function readKeyInput(value: string, workspace: string): string {
  if (value.includes('-----BEGIN')) return value;
  const path = value.startsWith('/') ? value : `${workspace}/${value}`;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(
      `Input "key": it is neither a PEM key nor a readable key file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      { input: 'key' },
    );
  }
}
