// The chain's own attestations as gates, end to end against the real registry and the local Sigstore:
// cosign-sign signs and attests (SLSA provenance, CycloneDX SBOM by the real syft, cosign vuln from a real
// image-scan report of that image) and writes the ClusterPolicy requiring all three; the real Kyverno CLI
// admits the clean image and refuses the one whose scan has a HIGH finding. tag-promote with
// require-attestations moves tags only when every required attestation verifies against the signature's
// identity policy and meets its conditions; each refusal names the attestation and why, and moves nothing.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  COSIGN_VULN_PREDICATE,
  checkImageAttestations,
  Digest,
  ImageReference,
  OciLayout,
  parseTrustedRoot,
  RegistryClient,
  type VulnScanResult,
  vulnSeverities,
} from '@chain/core';
import { MemoryLogger } from '@chain/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/actions.ts';
import { type OidcStandIn, RECORDED_RUN_ENV, startOidcStandIn } from './helpers/aws-server.ts';
import { kyvernoApply } from './helpers/kyverno.ts';
import {
  GITHUB_ISSUER,
  keylessSignStep,
  type LocalSigstore,
  startLocalSigstore,
  writeTrustedRoot,
} from './helpers/local-sigstore.ts';
import { devTool, realTools, runImageScan, vulnDbs } from './helpers/real-scanners.ts';
import {
  buildahLayout,
  containerfileSha256,
  exampleContext,
  writeBuildRecord,
} from './helpers/real-tools.ts';
import { copyLayoutToRegistry, type LocalRegistry, startRegistry } from './helpers/registry.ts';
import { type RunnerResult, runBundleAsync, userErrorLine } from './helpers/runner.ts';

const { tools, skip } = realTools('syft', 'trivy');
const kyverno = devTool('kyverno');
const JOB_WORKFLOW = 'acme/hello/.github/workflows/publish.yml@refs/heads/main';
const IDENTITY = `https://github.com/${JOB_WORKFLOW}`;
const OTHER = 'https://github.com/acme/hello/.github/workflows/other.yml@refs/heads/main';
const EVIL_WORKFLOW = 'evil/fork/.github/workflows/x.yml@refs/heads/main';
const PLATFORM = 'linux/amd64';

/** One built image: its layout, digest, the real image-scan report and oci-build's build record. */
interface Built {
  layout: string;
  digest: string;
  report: string;
  record: string;
}

describe.skipIf(skip)('attestations as gates: Kyverno admission and tag-promote require-attestations', () => {
  let sigstore: LocalSigstore;
  let registry: LocalRegistry;
  let oidc: OidcStandIn;
  let other: OidcStandIn;
  let evil: OidcStandIn;
  let dir: string;
  let rootFile: string;
  let clean: Built;
  let vulnerable: Built;
  const signed: Record<string, RunnerResult> = {};
  const client = () => new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });

  /** Built with real buildah, pushed by digest into each repository, scanned by image-scan with the real Trivy. */
  async function build(context: string, containerfile: string, repositories: string[]): Promise<Built> {
    const layout = await buildahLayout([PLATFORM], { context });
    const digest = (await OciLayout.open(layout)).topLevel().digest;
    for (const repository of repositories)
      copyLayoutToRegistry(layout, `${registry.host}/${repository}:build`);
    const scan = await runImageScan(layout, digest, { trivy: tools.trivy, inputs: { 'fail-on': 'never' } });
    expect(scan.status, scan.stdout + scan.stderr).toBe(0);
    const record = writeBuildRecord(join(mkdtempSync(join(dir, 'record-')), 'build-record.json'), {
      digest,
      containerfile: { path: containerfile, sha256: containerfileSha256(context) },
      context: 'ctx',
      platforms: [PLATFORM],
    });
    return { layout, digest, report: scan.outputs.report ?? '', record };
  }

  /** cosign-sign, keyless through this OIDC stand-in, signing and attesting `kinds` of the built image. */
  function sign(
    repository: string,
    built: Built,
    kinds: string,
    token: OidcStandIn,
    inputs: Record<string, string> = {},
  ) {
    return runBundleAsync(
      'cosign-sign',
      'main',
      keylessSignStep(sigstore, rootFile, token, {
        inputs: {
          image: `${registry.host}/${repository}@${built.digest}`,
          attestations: kinds,
          'build-record': built.record,
          'scan-report': built.report,
          layout: built.layout,
          'syft-path': tools.syft,
          'kyverno-policy': kinds === '' ? 'none' : 'auto',
          'policy-attestations': kinds,
          ...inputs,
        },
        env: RECORDED_RUN_ENV,
      }),
    );
  }

  /** A copy of the image-scan report that says the scan finished two days ago. */
  function staleReport(report: string): string {
    const json = JSON.parse(readFileSync(report, 'utf8')) as Record<string, unknown>;
    const day = 86_400_000;
    json.startedAt = new Date(Date.now() - 2 * day - 60_000).toISOString();
    json.finishedAt = new Date(Date.now() - 2 * day).toISOString();
    const path = join(mkdtempSync(join(dir, 'stale-')), 'report.json');
    writeFileSync(path, JSON.stringify(json));
    return path;
  }

  beforeAll(async () => {
    vulnDbs();
    [sigstore, registry, oidc, other, evil] = await Promise.all([
      startLocalSigstore(),
      startRegistry(),
      startOidcStandIn({ sub: IDENTITY, job_workflow_ref: JOB_WORKFLOW, workflow_ref: JOB_WORKFLOW }),
      startOidcStandIn({ sub: OTHER, job_workflow_ref: OTHER.slice(19), workflow_ref: JOB_WORKFLOW }),
      // The signer is the expected identity, but the workflow that built the image is another one.
      startOidcStandIn({ sub: IDENTITY, job_workflow_ref: EVIL_WORKFLOW, workflow_ref: JOB_WORKFLOW }),
    ]);
    dir = mkdtempSync(join(tmpdir(), 'attestation-gates-'));
    rootFile = writeTrustedRoot(sigstore, dir);
    const app = join(repoRoot, 'test', 'fixtures', 'images', 'vulnerable-app');
    [clean, vulnerable] = await Promise.all([
      build(exampleContext(), 'Containerfile', ['g/clean', 'g/foreign', 'g/stale', 'g/builder']),
      build(app, 'test/fixtures/images/vulnerable-app/Containerfile', ['g/vulnerable']),
    ]);
    const all = 'provenance,sbom,vuln';
    const runs = await Promise.all([
      sign('g/clean', clean, all, oidc),
      sign('g/vulnerable', vulnerable, all, oidc),
      // Signed by the expected identity; attested only by another one (which signs too, under its name).
      sign('g/foreign', clean, '', oidc),
      sign('g/foreign', clean, 'provenance,vuln', other),
      sign('g/stale', clean, 'vuln', oidc, { 'scan-report': staleReport(clean.report) }),
      sign('g/builder', clean, 'provenance', evil),
    ]);
    for (const [i, name] of [
      'clean',
      'vulnerable',
      'foreign',
      'foreign-other',
      'stale',
      'builder',
    ].entries()) {
      const r = runs[i];
      if (r === undefined) throw new Error(name);
      expect(r.status, `${name}: ${r.stdout}${r.stderr}`).toBe(0);
      signed[name] = r;
    }
  }, 600_000);
  afterAll(async () => {
    await Promise.all([sigstore?.stop(), registry?.stop(), oidc?.stop(), other?.stop(), evil?.stop()]);
  });

  it('the vuln attestation carries the real scan in Trivy’s layout, one Result per platform', async () => {
    const check = await checkImageAttestations(
      client(),
      ImageReference.parse(`${registry.host}/g/vulnerable`),
      Digest.parse(vulnerable.digest),
      parseTrustedRoot(sigstore.trustedRoot),
      { identity: IDENTITY, issuer: GITHUB_ISSUER },
    );
    const vuln = check.verified.find((v) => v.predicateType === COSIGN_VULN_PREDICATE);
    if (vuln === undefined) throw new Error(`no vuln attestation verified: ${check.rejected.join('; ')}`);
    const result = (vuln.statement.predicate as { scanner: { result: VulnScanResult } }).scanner.result;
    expect(result.SchemaVersion).toBe(2);
    expect(result.passed).toBe(false);
    expect(result.Results.map((r) => r.Target)).toEqual([PLATFORM]);
    expect(result.Results[0]?.Vulnerabilities).toContainEqual(
      expect.objectContaining({ PkgName: 'lodash', InstalledVersion: '4.17.20' }),
    );
    expect(result.counts.HIGH ?? 0).toBeGreaterThan(0);
    expect(vulnSeverities(vuln.statement.predicate)).toContain('HIGH');
  });

  describe.skipIf(kyverno.skip)('the real Kyverno CLI applies cosign-sign’s ClusterPolicy', () => {
    const apply = (policy: string, image: string) =>
      kyvernoApply(kyverno.path ?? 'kyverno', policy, [image], dir);

    it('admits the image signed and attested by cosign-sign; refuses a HIGH finding and a missing attestation', async () => {
      const policy = signed.clean?.outputs['kyverno-policy'] ?? '';
      const text = readFileSync(policy, 'utf8');
      for (const type of [
        'https://slsa.dev/provenance/v1',
        'https://cyclonedx.org/bom',
        'https://cosign.sigstore.dev/attestation/vuln/v1',
      ])
        expect(text).toContain(type);
      const admitted = await apply(policy, `${registry.host}/g/clean@${clean.digest}`);
      expect(admitted.code, admitted.out).toBe(0);
      expect(admitted.out).toMatch(/pass: [1-9]\d*, fail: 0/);

      const vulnerablePolicy = signed.vulnerable?.outputs['kyverno-policy'] ?? '';
      const refused = await apply(vulnerablePolicy, `${registry.host}/g/vulnerable@${vulnerable.digest}`);
      expect(refused.code, refused.out).not.toBe(0);
      expect(refused.out).toMatch(/fail: [1-9]/);
      expect(refused.out).toContain('the vulnerability scan has findings of severity CRITICAL or HIGH');

      // Signed by the same identity, attested by another: the policy's attestor refuses the attestations.
      const foreignPolicy = readFileSync(policy, 'utf8')
        .replaceAll('g/clean', 'g/foreign')
        .replaceAll('g-clean', 'g-foreign');
      const file = join(mkdtempSync(join(dir, 'foreign-')), 'policy.yaml');
      writeFileSync(file, foreignPolicy);
      const missing = await apply(file, `${registry.host}/g/foreign@${clean.digest}`);
      expect(missing.code, missing.out).not.toBe(0);
      expect(missing.out).toMatch(/fail: [1-9]/);
    });
  });

  describe('tag-promote require-attestations', () => {
    const policy = {
      'certificate-identity': IDENTITY,
      'certificate-oidc-issuer': GITHUB_ISSUER,
      'tls-verify': 'false',
    };
    function promote(repository: string, digest: string, inputs: Record<string, string>) {
      return runBundleAsync('tag-promote', 'main', {
        inputs: {
          image: `${registry.host}/${repository}`,
          digest,
          tags: 'latest',
          'trusted-root': rootFile,
          'require-attestations': 'provenance,sbom,vuln',
          'max-scan-age': '1h',
          ...policy,
          ...inputs,
        },
        env: { GITHUB_REPOSITORY: 'acme/hello' },
      });
    }
    const latest = async (repository: string) =>
      (await client().headManifest(ImageReference.parse(`${registry.host}/${repository}`), 'latest'))?.digest;

    it('promotes the image whose three attestations verify, and reports them in the job summary', async () => {
      const r = await promote('g/clean', clean.digest, {});
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(await latest('g/clean')).toBe(clean.digest);
      for (const kind of ['provenance', 'sbom', 'vuln'])
        expect(r.summary).toContain(`<tr><td>${kind}</td><td>verified</td>`);
      expect(r.summary).toContain(`builder ${IDENTITY}, source https://github.com/acme/hello`);
      expect(r.summary).toMatch(/no finding at CRITICAL, HIGH/);
    });

    const refusals: [string, () => [string, string, Record<string, string>], RegExp][] = [
      [
        'a missing attestation (signed only)',
        () => ['g/foreign', clean.digest, {}],
        /the sbom attestation: no https:\/\/cyclonedx.org\/bom attestation verifies against the signer policy \(there is none\)/,
      ],
      [
        'attestations signed by another identity',
        () => ['g/foreign', clean.digest, { 'require-attestations': 'provenance,vuln' }],
        /the provenance attestation: no https:\/\/slsa.dev\/provenance\/v1 attestation verifies against the signer policy \(.*identity/,
      ],
      [
        'a vuln attestation with a HIGH finding',
        () => ['g/vulnerable', vulnerable.digest, {}],
        /the vuln attestation: it has \d+ finding\(s\) at (HIGH|CRITICAL)/,
      ],
      [
        'a vuln attestation older than max-scan-age',
        () => ['g/stale', clean.digest, { 'require-attestations': 'vuln', 'max-scan-age': '24h' }],
        /the vuln attestation: the newest scan finished at .*, older than max-scan-age \(86400 s\)/,
      ],
      [
        'provenance naming another builder',
        () => ['g/builder', clean.digest, { 'require-attestations': 'provenance' }],
        /the provenance attestation: its builder is "https:\/\/github.com\/evil\/fork\/.github\/workflows\/x.yml@refs\/heads\/main", not https:\/\/github.com\/acme\/hello/,
      ],
      [
        'provenance naming another source repository',
        () => ['g/clean', clean.digest, { 'provenance-source-repository': 'https://github.com/acme/other' }],
        /the provenance attestation: its source repository is "https:\/\/github.com\/acme\/hello", not https:\/\/github.com\/acme\/other/,
      ],
    ];
    for (const [name, args, reason] of refusals) {
      it(`refuses ${name}: the error names the attestation and why; no tag moves`, async () => {
        const [repository, digest, inputs] = args();
        const before = await latest(repository);
        const r = await promote(repository, digest, { tags: 'candidate', ...inputs });
        expect(r.status, r.stdout).toBe(1);
        expect(userErrorLine(r)).toMatch(reason);
        expect(userErrorLine(r)).toContain('No tag was changed.');
        expect(await latest(repository)).toBe(before);
        expect(
          await client().headManifest(ImageReference.parse(`${registry.host}/${repository}`), 'candidate'),
        ).toBeUndefined();
      });
    }

    it('into another repository: the attestations are copied (classic .att and referrers) and verified there', async () => {
      const r = await promote('g/clean', clean.digest, {
        'target-image': `${registry.host}/g/prod`,
        tags: 'stable',
      });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain(`attestations verified in ${registry.host}/g/prod: provenance, sbom, vuln`);
      expect(
        (await client().headManifest(ImageReference.parse(`${registry.host}/g/prod`), 'stable'))?.digest,
      ).toBe(clean.digest);
    });
  });
});
