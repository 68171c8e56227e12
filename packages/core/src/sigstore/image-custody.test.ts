import { generateKeyPairSync } from 'node:crypto';
import { initializeCA, initializeCTLog } from '@sigstore/mock';
import { describe, expect, it } from 'vitest';
import { Digest } from '../oci/digest.ts';
import type { AttestedLink } from './custody-links.ts';
import { CYCLONEDX_PREDICATE, provenanceFacts, sbomComponentCount, scanFacts } from './custody-predicates.ts';
import { type CertificateClaims, certificateClaims } from './fulcio-certificate.ts';
import { assessCustody, type CustodyEvidence } from './image-custody.ts';
import type { VerifiedAttestation } from './image-signatures.ts';
import { SLSA_PROVENANCE_V1, slsaProvenance } from './slsa-provenance.ts';
import { COSIGN_VULN_PREDICATE } from './vuln-predicate.ts';

const DIGEST = Digest.parse(`sha256:${'a'.repeat(64)}`);
const AMD = `sha256:${'b'.repeat(64)}`;
const ARM = `sha256:${'c'.repeat(64)}`;
const SHA = '0123456789abcdef0123456789abcdef01234567';
const REPO = 'https://github.com/acme/hello';
const WORKFLOW = 'acme/hello/.github/workflows/publish.yml@refs/heads/main';
const BUILDER = `https://github.com/${WORKFLOW}`;
const RUN = `${REPO}/actions/runs/42/attempts/1`;

const ENV = {
  GITHUB_REPOSITORY: 'acme/hello',
  GITHUB_REPOSITORY_ID: '1',
  GITHUB_REPOSITORY_OWNER_ID: '2',
  GITHUB_SHA: SHA,
  GITHUB_REF: 'refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_WORKFLOW_REF: WORKFLOW,
};
const RECORD = {
  schema: 'build-record/v1' as const,
  digest: DIGEST.toString(),
  builder: 'buildah',
  containerfile: { path: 'Containerfile', sha256: 'd'.repeat(64) },
  context: '.',
  platforms: ['linux/amd64', 'linux/arm64'],
  buildArgs: {},
};
const provenance = (env: Record<string, string> = ENV) => slsaProvenance(env, {}, RECORD);
const vuln = (passed = true, finishedOn = '2026-11-28T10:00:00Z') => ({
  scanner: {
    uri: 'pkg:github/aquasecurity/trivy@v0.74.0',
    version: '0.74.0',
    db: { uri: 'pkg:oci/trivy-db', version: '2@2026-11-28T00:00:00Z' },
    result: { SchemaVersion: 2, Results: [], passed, counts: { HIGH: passed ? 0 : 2 }, platforms: [] },
  },
  metadata: { scanStartedOn: '2026-11-28T09:59:00Z', scanFinishedOn: finishedOn },
});
const bom = (n: number) => ({
  bomFormat: 'CycloneDX',
  components: Array.from({ length: n }, (_, i) => ({ name: `c${i}` })),
});

const CERT: CertificateClaims = {
  subject: BUILDER,
  sourceRepositoryURI: REPO,
  sourceRepositoryDigest: SHA,
  buildSignerURI: BUILDER,
  runInvocationURI: RUN,
};

function attestation(
  predicateType: string,
  predicate: unknown,
  subjects: string[] = [DIGEST.toString()],
  certificate: CertificateClaims | undefined = CERT,
): VerifiedAttestation {
  return {
    format: 'bundle',
    predicateType,
    identity: certificate?.subject,
    issuer: 'https://token.actions.githubusercontent.com',
    ref: `sha256:${predicateType.length.toString(16).padStart(64, '0')}`,
    certificate,
    statement: {
      subject: subjects.map((s) => ({ digest: { sha256: s.slice('sha256:'.length) } })),
      predicate,
    },
  };
}

function evidence(overrides: {
  attestations?: VerifiedAttestation[];
  rejections?: { predicateType: string | undefined; reason: string }[];
  certificate?: CertificateClaims | undefined;
  signed?: boolean;
  keyless?: boolean;
  require?: AttestedLink[];
}): CustodyEvidence {
  const accepted =
    overrides.signed === false
      ? undefined
      : {
          format: 'bundle' as const,
          identity: BUILDER,
          issuer: 'i',
          ref: 'r',
          certificate: overrides.certificate,
        };
  const rejections = overrides.rejections ?? [];
  return {
    digest: DIGEST,
    signatures: { accepted, verified: accepted ? [accepted] : [], rejected: [] },
    attestations: {
      verified: overrides.attestations ?? [
        attestation(SLSA_PROVENANCE_V1, provenance()),
        attestation(COSIGN_VULN_PREDICATE, vuln()),
        attestation(CYCLONEDX_PREDICATE, bom(3), [DIGEST.toString(), AMD]),
        attestation(CYCLONEDX_PREDICATE, bom(5), [DIGEST.toString(), ARM]),
      ],
      rejected: rejections.map((r) => r.reason),
      rejections,
    },
    platforms: [
      { platform: 'linux/amd64', digest: AMD },
      { platform: 'linux/arm64', digest: ARM },
    ],
    keyless: overrides.keyless ?? true,
    require: overrides.require ?? ['provenance', 'sbom', 'vuln'],
  };
}
const codes = (e: CustodyEvidence) => assessCustody(e).failures.map((f) => `${f.link}:${f.code}`);

describe('predicate readers', () => {
  it('reads source, commit, builder and run from the provenance cosign-sign writes', () => {
    expect(provenanceFacts(provenance())).toEqual({
      repository: REPO,
      commit: SHA,
      ref: 'refs/heads/main',
      builder: BUILDER,
      invocation: RUN,
      workflow: `${REPO}/.github/workflows/publish.yml@refs/heads/main`,
      buildType: 'https://actions.github.io/buildtypes/workflow/v1',
    });
  });
  it('says why a provenance cannot be read', () => {
    expect(provenanceFacts({})).toMatch(/no source repository at a commit/);
    const p = provenance() as { runDetails: { builder: Record<string, unknown> } };
    p.runDetails.builder = {};
    expect(provenanceFacts(p)).toMatch(/no builder/);
    expect(provenanceFacts(provenance({ ...ENV, GITHUB_SHA: 'main' }))).toMatch(/not a git commit id/);
  });
  it('reads the verdict, counts, time and DB of the vuln predicate, and refuses one without verdict or time', () => {
    expect(scanFacts(vuln(false))).toMatchObject({
      passed: false,
      counts: { HIGH: 2 },
      db: '2@2026-11-28T00:00:00Z',
      finishedOn: '2026-11-28T10:00:00Z',
    });
    expect(scanFacts({ scanner: { result: {} } })).toMatch(/no verdict/);
    expect(scanFacts({ ...vuln(), metadata: { scanFinishedOn: 'yesterday' } })).toMatch(/scanFinishedOn/);
  });
  it('counts CycloneDX components (nested too) and SPDX packages', () => {
    expect(
      sbomComponentCount(CYCLONEDX_PREDICATE, {
        bomFormat: 'CycloneDX',
        components: [{ components: [{}] }, {}],
      }),
    ).toBe(3);
    expect(sbomComponentCount('https://spdx.dev/Document/v2.3', { packages: [{}, {}] })).toBe(2);
    expect(sbomComponentCount(CYCLONEDX_PREDICATE, {})).toMatch(/not a CycloneDX document/);
  });
});

describe('assessCustody', () => {
  it('verifies a chain whose certificates and provenance agree, with its facts', () => {
    const c = assessCustody(evidence({ certificate: CERT }));
    expect(c.failures).toEqual([]);
    expect(c.source).toEqual({ repository: REPO, commit: SHA, ref: 'refs/heads/main' });
    expect([c.run, c.builder]).toEqual([RUN, BUILDER]);
    expect(c.sbom.map((s) => [s.platform, s.components])).toEqual([
      ['linux/amd64', 3],
      ['linux/arm64', 5],
    ]);
    expect(c.scan?.passed).toBe(true);
  });
  it('names each missing link, and tells missing from unverified', () => {
    expect(codes(evidence({ signed: false, attestations: [] }))).toEqual([
      'signature:MISSING',
      'provenance:MISSING',
      'sbom:MISSING',
      'vuln:MISSING',
    ]);
    const rejected = evidence({
      certificate: CERT,
      attestations: [attestation(COSIGN_VULN_PREDICATE, vuln())],
      rejections: [{ predicateType: SLSA_PROVENANCE_V1, reason: 'bundle x: another identity' }],
      require: ['provenance', 'vuln'],
    });
    expect(codes(rejected)).toEqual(['provenance:UNVERIFIED']);
    expect(assessCustody(rejected).warnings).toEqual([
      expect.stringMatching(/^sbom \(not required\): no SBOM/),
    ]);
  });
  it('refuses a certificate without GitHub claims, and a provenance of another commit or run', () => {
    expect(codes(evidence({ certificate: { subject: BUILDER } }))).toEqual(['certificate:INCOMPLETE']);
    const other = evidence({
      certificate: CERT,
      attestations: [
        attestation(SLSA_PROVENANCE_V1, provenance({ ...ENV, GITHUB_SHA: 'f'.repeat(40) })),
        attestation(COSIGN_VULN_PREDICATE, vuln()),
        attestation(CYCLONEDX_PREDICATE, bom(1), [DIGEST.toString(), AMD, ARM]),
      ],
    });
    expect(assessCustody(other).failures).toEqual([
      expect.objectContaining({
        link: 'provenance',
        code: 'DISAGREES',
        message: expect.stringContaining('f'.repeat(40)),
      }),
    ]);
    const rerun = evidence({
      certificate: CERT,
      attestations: [attestation(SLSA_PROVENANCE_V1, provenance({ ...ENV, GITHUB_RUN_ATTEMPT: '2' }))],
      require: ['provenance'],
    });
    expect(assessCustody(rerun).failures[0]?.message).toMatch(
      /its run .*attempts\/2 is not the run its certificate/,
    );
  });
  it('refuses an SBOM missing a platform, a failed scan, and provenances that disagree with each other', () => {
    const e = evidence({
      certificate: CERT,
      attestations: [
        attestation(SLSA_PROVENANCE_V1, provenance()),
        attestation(SLSA_PROVENANCE_V1, provenance({ ...ENV, GITHUB_REPOSITORY: 'acme/other' })),
        attestation(COSIGN_VULN_PREDICATE, vuln(true, '2026-11-27T10:00:00Z')),
        attestation(COSIGN_VULN_PREDICATE, vuln(false, '2026-11-28T10:00:00Z')),
        attestation(CYCLONEDX_PREDICATE, bom(1), [DIGEST.toString(), AMD]),
      ],
    });
    expect(codes(e).sort()).toEqual(['provenance:AMBIGUOUS', 'sbom:INCOMPLETE', 'vuln:SCAN_FAILED']);
  });
  it('with a key there is no certificate to cross-check: the source is the provenance', () => {
    const keyed = assessCustody(evidence({ certificate: undefined, keyless: false }));
    expect(keyed.failures).toEqual([]);
    expect(keyed.source?.commit).toBe(SHA);
  });
});

describe('certificateClaims', () => {
  it("reads the SAN and GitHub's Fulcio extensions of a certificate the mock Fulcio CA issued", async () => {
    const clock = new Date();
    const key = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const ca = await initializeCA(key(), await initializeCTLog(key(), clock), clock);
    const leaf = key().publicKey.export({ type: 'spki', format: 'der' });
    const cert = await ca.issueCertificate({
      publicKey: leaf,
      subjectAltName: BUILDER,
      extensions: [
        { oid: '1.3.6.1.4.1.57264.1.8', value: 'https://token.actions.githubusercontent.com' },
        { oid: '1.3.6.1.4.1.57264.1.12', value: REPO },
        { oid: '1.3.6.1.4.1.57264.1.13', value: SHA },
        { oid: '1.3.6.1.4.1.57264.1.21', value: RUN },
      ],
    });
    const bundle = {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: {
        certificate: {
          rawBytes: Buffer.from(cert.buffer, cert.byteOffset, cert.byteLength).toString('base64'),
        },
        tlogEntries: [],
      },
      messageSignature: { messageDigest: { algorithm: 'SHA2_256', digest: '' }, signature: '' },
    };
    expect(certificateClaims(bundle)).toEqual({
      subject: BUILDER,
      issuer: 'https://token.actions.githubusercontent.com',
      sourceRepositoryURI: REPO,
      sourceRepositoryDigest: SHA,
      runInvocationURI: RUN,
    });
    expect(certificateClaims({ mediaType: 'x' })).toBeUndefined();
  });
});
