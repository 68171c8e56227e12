import { describe, expect, it } from 'vitest';
import {
  type AcceptedAttestation,
  type AttestationConditions,
  evaluateAttestations,
  vulnSeverities,
} from './attestation-conditions.ts';
import { POLICY_ATTESTATION_TYPES } from './kyverno-requirements.ts';

const BUILDER = 'https://github.com/acme/chain/.github/workflows/publish.yml@refs/heads/main';
const SOURCE = 'https://github.com/acme/hello';
const NOW = new Date('2026-11-29T12:00:00Z');
const HOUR = 3_600_000;

function attestation(
  kind: 'provenance' | 'sbom' | 'vuln',
  predicate: unknown,
  identity = BUILDER,
): AcceptedAttestation {
  return {
    format: 'classic',
    predicateType: POLICY_ATTESTATION_TYPES[kind],
    identity,
    issuer: 'https://token.actions.githubusercontent.com',
    ref: `sha256:${kind}`,
    statement: { subject: [], predicate },
  };
}
const provenance = (builder = BUILDER, source = SOURCE, dependency = `git+${source}@refs/heads/main`) =>
  attestation('provenance', {
    buildDefinition: {
      externalParameters: { workflow: { repository: source } },
      resolvedDependencies: [{ uri: dependency, digest: { gitCommit: 'a'.repeat(40) } }],
    },
    runDetails: { builder: { id: builder } },
  });
const vuln = (
  finished: string | undefined,
  severities: string[] = ['LOW'],
  extra: { started?: string; builder?: string; identity?: string } = {},
) =>
  attestation(
    'vuln',
    {
      invocation: { 'builder.id': extra.builder ?? BUILDER },
      scanner: {
        result: {
          SchemaVersion: 2,
          Results: [{ Target: 'linux/amd64', Vulnerabilities: severities.map((Severity) => ({ Severity })) }],
          passed: true,
        },
      },
      metadata: { scanStartedOn: extra.started ?? '2026-11-29T09:00:00Z', scanFinishedOn: finished },
    },
    extra.identity,
  );
const sbom = attestation('sbom', { bomFormat: 'CycloneDX', components: [] });

const CONDITIONS: AttestationConditions = {
  required: ['provenance', 'sbom', 'vuln'],
  sourceRepository: SOURCE,
  denySeverities: ['CRITICAL', 'HIGH'],
  maxScanAgeMs: 24 * HOUR,
  now: NOW,
  signerIdentities: [BUILDER],
};
const FRESH = '2026-11-29T10:00:00Z';

function verdict(verified: AcceptedAttestation[], conditions: Partial<AttestationConditions> = {}) {
  return evaluateAttestations(verified, [], { ...CONDITIONS, ...conditions });
}
const failed = (verified: AcceptedAttestation[], conditions: Partial<AttestationConditions> = {}) =>
  verdict(verified, conditions).filter((v) => !v.ok);

describe('evaluateAttestations', () => {
  const complete = [provenance(), sbom, vuln(FRESH)];

  it('passes every required kind when each verifies and meets its conditions', () => {
    const verdicts = verdict(complete);
    expect(verdicts.map((v) => [v.kind, v.ok])).toEqual([
      ['provenance', true],
      ['sbom', true],
      ['vuln', true],
    ]);
    expect(verdicts[0]?.detail).toContain(BUILDER);
    expect(verdicts[2]?.detail).toContain('2026-11-29T10:00:00.000Z');
  });

  it('refuses a missing attestation, naming it', () => {
    const [v] = failed([provenance(), sbom]);
    expect(v?.kind).toBe('vuln');
    expect(v?.detail).toMatch(
      /no https:\/\/cosign.sigstore.dev\/attestation\/vuln\/v1 attestation .*there is none/,
    );
  });

  it("a missing kind's error carries why the stored ones of that kind were rejected, not others' reasons", () => {
    const [v] = evaluateAttestations(
      [provenance(), sbom],
      [
        { predicateType: POLICY_ATTESTATION_TYPES.vuln, reason: 'bundle sha256:1: identity mismatch' },
        { predicateType: POLICY_ATTESTATION_TYPES.sbom, reason: 'classic sha256:2: bad signature' },
      ],
      CONDITIONS,
    ).filter((x) => !x.ok);
    expect(v?.detail).toContain('bundle sha256:1: identity mismatch');
    expect(v?.detail).not.toContain('sha256:2');
  });

  it('refuses an attestation by an identity other than the image signer (same policy, other workflow)', () => {
    const other = 'https://github.com/acme/chain/.github/workflows/other.yml@refs/heads/main';
    const [v] = failed([provenance(), sbom, vuln(FRESH, ['LOW'], { identity: other, builder: other })]);
    expect(v?.kind).toBe('vuln');
    expect(v?.detail).toContain(`signed by ${other}, not the image's signer`);
  });

  it('provenance: refuses another builder, another source, and a source missing from the dependencies', () => {
    const evil = 'https://github.com/evil/fork/.github/workflows/x.yml@refs/heads/main';
    expect(failed([provenance(evil), sbom, vuln(FRESH)])[0]?.detail).toMatch(/its builder is .*evil/);
    expect(
      failed([provenance(BUILDER, 'https://github.com/evil/fork'), sbom, vuln(FRESH)])[0]?.detail,
    ).toMatch(/source repository is .*evil\/fork/);
    const noSource = provenance(BUILDER, SOURCE, 'git+https://github.com/evil/fork@refs/heads/main');
    expect(failed([noSource, sbom, vuln(FRESH)])[0]?.detail).toMatch(/resolved dependencies/);
    // Every provenance statement must match: a good one does not hide a bad one.
    expect(failed([provenance(), provenance(evil), sbom, vuln(FRESH)])[0]?.kind).toBe('provenance');
  });

  it('provenance: keyless, the builder is the attestation signer; given, the builder id input decides', () => {
    expect(failed(complete, { builderId: 'https://github.com/acme/other' })[0]?.detail).toMatch(
      /not https:\/\/github.com\/acme\/other/,
    );
    // A key signs: no identity, no builder id given: refused (nothing to compare with).
    const keyed = [{ ...provenance(), identity: undefined }];
    expect(failed(keyed, { required: ['provenance'], signerIdentities: undefined })[0]?.detail).toMatch(
      /no builder id known/,
    );
  });

  it('vuln: refuses findings at the denied severities (vulnerabilities and secrets), not below them', () => {
    expect(failed([provenance(), sbom, vuln(FRESH, ['LOW', 'critical'])])[0]?.detail).toMatch(
      /1 finding\(s\) at CRITICAL/,
    );
    expect(failed([provenance(), sbom, vuln(FRESH, ['MEDIUM'])])).toEqual([]);
    expect(
      failed([provenance(), sbom, vuln(FRESH, ['MEDIUM'])], { denySeverities: ['MEDIUM'] }),
    ).toHaveLength(1);
    const secret = vuln(FRESH, []);
    const result = (
      secret.statement.predicate as { scanner: { result: { Results: Record<string, unknown>[] } } }
    ).scanner.result.Results[0];
    if (result) result.Secrets = [{ RuleID: 'aws-access-key-id', Severity: 'HIGH' }];
    expect(failed([provenance(), sbom, secret])[0]?.detail).toMatch(/at HIGH/);
  });

  it("vuln: fails closed on a result not in Trivy's layout or a finding without a known severity", () => {
    const old = vuln(FRESH);
    (old.statement.predicate as { scanner: { result: unknown } }).scanner.result = {
      passed: false,
      findings: [{ severity: 'CRITICAL' }],
    };
    expect(failed([provenance(), sbom, old])[0]?.detail).toMatch(/no Results list/);
    expect(failed([provenance(), sbom, vuln(FRESH, ['SEVERE'])])[0]?.detail).toMatch(/no known Severity/);
    expect(vulnSeverities({ scanner: { result: { Results: [] } } })).toEqual([]);
  });

  it('vuln: refuses a scan older than max-scan-age, in the future beyond the skew, or without valid times', () => {
    expect(
      failed([
        provenance(),
        sbom,
        vuln('2026-11-28T11:59:00Z', ['LOW'], { started: '2026-11-28T11:00:00Z' }),
      ])[0]?.detail,
    ).toMatch(/older than max-scan-age/);
    expect(
      failed([
        provenance(),
        sbom,
        vuln('2026-11-29T12:04:00Z', ['LOW'], { started: '2026-11-29T12:03:00Z' }),
      ]),
    ).toEqual([]); // within the 5-minute skew
    expect(failed([provenance(), sbom, vuln('2026-11-29T13:00:00Z')])[0]?.detail).toMatch(/in the future/);
    for (const bad of [undefined, 'yesterday', '2026-11-29 10:00:00', '2026-11-29T10:00:00']) {
      expect(failed([provenance(), sbom, vuln(bad)])[0]?.detail, String(bad)).toMatch(
        /no verified scan has a valid/,
      );
    }
    expect(failed([provenance(), sbom, vuln(FRESH, ['LOW'], { started: 'soon' })])[0]?.detail).toMatch(
      /scanStartedOn/,
    );
  });

  it('vuln: the newest scan decides (an older clean scan does not hide newer findings)', () => {
    const older = vuln('2026-11-29T08:00:00Z', ['LOW'], { started: '2026-11-29T07:00:00Z' });
    expect(failed([provenance(), sbom, older, vuln(FRESH, ['HIGH'])])[0]?.detail).toMatch(/at HIGH/);
    expect(
      failed([
        provenance(),
        sbom,
        vuln(FRESH, ['HIGH'], { started: '2026-11-29T07:00:00Z', builder: BUILDER }),
        vuln('2026-11-29T11:00:00Z'),
      ]),
    ).toEqual([]);
  });

  it('vuln: refuses a scan whose invocation names another pipeline', () => {
    expect(
      failed([provenance(), sbom, vuln(FRESH, ['LOW'], { builder: 'https://github.com/evil/x' })])[0]?.detail,
    ).toMatch(/not this pipeline/);
  });

  it('sbom: refuses a document that is not CycloneDX', () => {
    const spdx = attestation('sbom', { spdxVersion: 'SPDX-2.3' });
    expect(failed([provenance(), spdx, vuln(FRESH)])[0]?.detail).toMatch(/not a CycloneDX/);
  });
});
