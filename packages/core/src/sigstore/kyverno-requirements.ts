import { ConfigurationError } from '../action/errors.ts';
import type { Severity } from '../report/severity.ts';

/** The attestations an admission policy can require, by the short name users write. */
export type PolicyAttestation = 'provenance' | 'sbom' | 'vuln';

/** The predicate type each required attestation must carry (what `cosign attest --type …` writes). */
export const POLICY_ATTESTATION_TYPES: Readonly<Record<PolicyAttestation, string>> = {
  provenance: 'https://slsa.dev/provenance/v1', // cosign --type slsaprovenance1
  sbom: 'https://cyclonedx.org/bom', // cosign --type cyclonedx
  vuln: 'https://cosign.sigstore.dev/attestation/vuln/v1', // cosign --type vuln
};

/** What the attestations must say, beyond being signed by the policy's attestor. */
export interface AttestationRequirements {
  required: readonly PolicyAttestation[];
  /** provenance: `runDetails.builder.id` must equal this (the workflow that built the image). */
  builderId?: string | undefined;
  /** provenance: `buildDefinition.externalParameters.workflow.repository` must equal this. */
  sourceRepository?: string | undefined;
  /** vuln: no finding of these severities in `scanner.result.Results[]` (Trivy's layout, as `trivy --format cosign-vuln` writes): vulnerabilities, secrets, misconfigurations. */
  denySeverities?: readonly Severity[] | undefined;
}

/** The finding lists of a Trivy Result, each entry with a `Severity` (the vuln predicate's `scanner.result`). */
export const TRIVY_FINDING_LISTS = ['Vulnerabilities', 'Secrets', 'Misconfigurations'] as const;

/** The default gate of the vuln condition. */
export const DEFAULT_DENY_SEVERITIES: readonly Severity[] = ['CRITICAL', 'HIGH'];

/**
 * A registry prefix of the registry-origin rule (`ghcr.io`, `ghcr.io/acme`, `localhost:5000/team`), made into
 * the string an image reference must start with: always ending in `/`, so `ghcr.io/acme` does not admit
 * `ghcr.io/acme-evil/app`. Wildcards and other pattern characters are refused: the prefix is written into
 * Kyverno patterns and CEL, and must mean only itself there.
 */
export function registryPrefix(prefix: string, input = 'policy-registries'): string {
  const trimmed = prefix.trim().replace(/\/+$/, '');
  if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/.test(trimmed)) {
    throw new ConfigurationError(
      `Input "${input}": "${prefix}" is not a registry prefix (registry host[:port] and optional repository path, lower case, no wildcards), e.g. ghcr.io/acme`,
      { input },
    );
  }
  return `${trimmed}/`;
}

/** The vuln gate, checked: known severity names, no duplicates, at least one. */
export function denySeverities(requirements: AttestationRequirements): readonly Severity[] {
  const list = requirements.denySeverities ?? DEFAULT_DENY_SEVERITIES;
  if (list.length === 0) {
    throw new ConfigurationError('the vuln attestation condition needs at least one severity to deny');
  }
  return [...new Set(list)];
}

/** A CEL string literal (single-quoted, escaped), so a value can never end the literal. */
export const celString = (value: string): string =>
  `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;

/** A Kubernetes object name from an image repository: lower case, `-`-separated, at most 63 characters. */
export function policyName(prefix: string, repository: string): string {
  return `${prefix}-${repository.replace(/[^a-z0-9]+/g, '-')}`.slice(0, 63).replace(/-+$/, '');
}
