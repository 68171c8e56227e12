import {
  type AttestationConditions,
  type AttestationVerdict,
  ConfigurationError,
  type PolicyAttestation,
  type Severity,
  type SignerPolicy,
} from '@chain/core';

/** The inputs `require-attestations` reads, typed as inputs.ts returns them. */
export interface AttestationInputs {
  'require-attestations': PolicyAttestation[];
  'max-scan-age': number;
  'vuln-severities': Severity[];
  'provenance-builder-id': string | undefined;
  'provenance-source-repository': string | undefined;
  'require-signature': boolean;
}

/** What every required attestation must meet, but the clock and the identities that signed the image. */
export type PromotionConditions = Omit<AttestationConditions, 'now' | 'signerIdentities'>;

/**
 * What every required attestation must meet (undefined: none required), checked before any registry call:
 * the same signer policy as the signature (so require-signature must stay on), a builder id to bind the
 * provenance to when a key signs (keyless: each attestation's own signer identity, which is the workflow that
 * built and signed), and the source repository (default: this run's repository).
 */
export function attestationConditions(
  values: AttestationInputs,
  policy: SignerPolicy | undefined,
  env: Readonly<NodeJS.ProcessEnv>,
): PromotionConditions | undefined {
  const required = values['require-attestations'];
  if (required.length === 0) return undefined;
  if (!values['require-signature'] || policy === undefined)
    throw new ConfigurationError(
      'Input "require-attestations": attestations are verified against the signature\'s identity policy; set require-signature to true (with certificate-identity and certificate-oidc-issuer, or public-key)',
      { input: 'require-attestations' },
    );
  const builderId = values['provenance-builder-id'];
  if (required.includes('provenance') && builderId === undefined && policy.publicKey !== undefined)
    throw new ConfigurationError(
      'Input "provenance-builder-id": with public-key there is no signing identity to bind the provenance\'s builder to; give the builder id (e.g. https://github.com/acme/app/.github/workflows/publish.yml@refs/heads/main)',
      { input: 'provenance-builder-id' },
    );
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository } = env;
  const sourceRepository =
    values['provenance-source-repository'] ??
    (repository ? `${server ?? 'https://github.com'}/${repository}` : undefined);
  if (required.includes('provenance') && sourceRepository === undefined)
    throw new ConfigurationError(
      'Input "provenance-source-repository": GITHUB_REPOSITORY is not set, so give the repository the provenance must name (e.g. https://github.com/acme/app)',
      { input: 'provenance-source-repository' },
    );
  return {
    required,
    builderId,
    sourceRepository: sourceRepository ?? '',
    denySeverities: values['vuln-severities'],
    maxScanAgeMs: values['max-scan-age'],
  };
}

/** No tag moves unless every required attestation passed: the error names each one that did not, and why. */
export function requireVerdicts(verdicts: readonly AttestationVerdict[], where: string): void {
  const failed = verdicts.filter((v) => !v.ok);
  if (failed.length === 0) return;
  throw new ConfigurationError(
    `refusing to promote ${where}: ${failed.map((v) => `the ${v.kind} attestation: ${v.detail}`).join('; ')}. No tag was changed.`,
    { input: 'require-attestations' },
  );
}

/** The job summary's rows: each required attestation, where it was found, signer and what was checked. */
export function verdictRows(verdicts: readonly AttestationVerdict[]): string[][] {
  return verdicts.map((v) => [
    v.kind,
    v.ok ? 'verified' : 'refused',
    v.attestation === undefined ? '—' : `${v.attestation.format}, ${v.attestation.identity ?? 'key'}`,
    v.detail,
  ]);
}
