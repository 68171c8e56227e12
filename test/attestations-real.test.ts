// cosign-sign's attestations (SLSA provenance v1, CycloneDX SBOM by syft per platform, cosign vuln from a
// real image-scan report), checked with the real cosign `verify-attestation` against the local Sigstore
// and the real registry, in both formats: classic `.att` and the bundle referrer (fallback tag here, Debian's
// registry has no referrers API). Forgeries are refused: another identity, a statement about another
// digest stored next to this image, and a scan report of another digest (cosign-sign refuses to attest).
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
  signAttestations,
  storeAttestations,
} from '@chain/core';
import { MemoryLogger } from '@chain/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/actions.ts';
import { type OidcStandIn, RECORDED_RUN_ENV, startOidcStandIn } from './helpers/aws-server.ts';
import {
  BOB,
  cosignKeylessPolicy,
  GITHUB_ISSUER,
  keylessSigner,
  keylessSignStep,
  type LocalSigstore,
  startLocalSigstore,
  writeTrustedRoot,
} from './helpers/local-sigstore.ts';
import { realTools, runImageScan, runTool, vulnDbs } from './helpers/real-scanners.ts';
import { buildahLayout, containerfileSha256, writeBuildRecord } from './helpers/real-tools.ts';
import {
  copyLayoutToRegistry,
  type LocalRegistry,
  pushTinyImage,
  startRegistry,
} from './helpers/registry.ts';
import { runBundleAsync, userErrorLine } from './helpers/runner.ts';

const { tools, skip } = realTools('cosign', 'syft', 'trivy');
const context = join(repoRoot, 'test', 'fixtures', 'images', 'vulnerable-app');
const JOB_WORKFLOW = 'acme/hello/.github/workflows/publish.yml@refs/heads/main';
const IDENTITY = `https://github.com/${JOB_WORKFLOW}`;

const cosign = (args: string[]) =>
  runTool(tools.cosign, args, { PATH: process.env.PATH, HOME: process.env.HOME });

describe.skipIf(skip)('cosign-sign attestations, checked by the real cosign verify-attestation', () => {
  let sigstore: LocalSigstore;
  let registry: LocalRegistry;
  let oidc: OidcStandIn;
  let dir: string;
  let rootFile: string;
  let layout: string;
  let digest: string;
  let image: string;
  let scanReport: string;
  let buildRecord: string;
  let attested: { status: number | null; outputs: Record<string, string>; stdout: string; stderr: string };
  let seconds: { sign: number; attest: number };

  beforeAll(async () => {
    vulnDbs();
    [sigstore, registry, oidc, layout] = await Promise.all([
      startLocalSigstore(),
      startRegistry(),
      startOidcStandIn({ sub: IDENTITY, job_workflow_ref: JOB_WORKFLOW, workflow_ref: JOB_WORKFLOW }),
      buildahLayout(['linux/amd64', 'linux/arm64'], { context }),
    ]);
    digest = (await OciLayout.open(layout)).topLevel().digest;
    dir = mkdtempSync(join(tmpdir(), 'attest-real-'));
    rootFile = writeTrustedRoot(sigstore, dir);
    copyLayoutToRegistry(layout, `${registry.host}/acme/hello:build`);
    image = `${registry.host}/acme/hello@${digest}`;
    const scan = await runImageScan(layout, digest, { trivy: tools.trivy, inputs: { 'fail-on': 'never' } });
    expect(scan.status, scan.stdout + scan.stderr).toBe(0);
    scanReport = scan.outputs.report ?? '';
    buildRecord = writeBuildRecord(join(dir, 'build-record.json'), {
      digest,
      containerfile: {
        path: 'test/fixtures/images/vulnerable-app/Containerfile',
        sha256: containerfileSha256(context),
      },
      context: 'test/fixtures/images/vulnerable-app',
      platforms: ['linux/amd64', 'linux/arm64'],
    });
    // Signing time alone, then with all three kinds, in the same run (the bench's ratio).
    const plain = await pushTinyImage(registry.host, 'acme/plain', '1010101');
    let t = performance.now();
    const r0 = await sign(`${registry.host}/acme/plain@${plain}`, {});
    expect(r0.status, r0.stdout + r0.stderr).toBe(0);
    const signOnly = (performance.now() - t) / 1000;
    t = performance.now();
    attested = await sign(image, {
      attestations: 'provenance,sbom,vuln',
      'build-record': buildRecord,
      'scan-report': scanReport,
      layout,
    });
    seconds = { sign: signOnly, attest: (performance.now() - t) / 1000 };
  }, 600_000);
  afterAll(async () => {
    await Promise.all([sigstore?.stop(), registry?.stop(), oidc?.stop()]);
  });

  function sign(ref: string, inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}, token = oidc) {
    return runBundleAsync(
      'cosign-sign',
      'main',
      keylessSignStep(sigstore, rootFile, token, {
        inputs: { image: ref, 'kyverno-policy': 'none', 'syft-path': tools.syft, ...inputs },
        env: { ...RECORDED_RUN_ENV, ...env },
      }),
    );
  }
  const verifyAttestation = (type: string, format: 'classic' | 'bundle', identity = IDENTITY, ref = image) =>
    cosign([
      'verify-attestation',
      '--type',
      type,
      ...cosignKeylessPolicy(rootFile, identity),
      '--allow-http-registry',
      `--new-bundle-format=${format === 'bundle'}`,
      ref,
    ]);
  const statements = (out: string) =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map(
        (l) =>
          JSON.parse(Buffer.from((JSON.parse(l) as { payload: string }).payload, 'base64').toString()) as {
            subject: { digest: { sha256: string } }[];
            predicate: Record<string, unknown>;
          },
      );

  it('writes the three kinds in both formats and reports where (output attestations)', () => {
    expect(attested.status, attested.stdout + attested.stderr).toBe(0);
    const out = JSON.parse(attested.outputs.attestations ?? '{}') as Record<
      string,
      { predicateType: string; refs: { format: string }[] }
    >;
    expect(Object.keys(out).sort()).toEqual(['provenance', 'sbom', 'vuln']);
    expect(out.provenance?.predicateType).toBe('https://slsa.dev/provenance/v1');
    expect(out.sbom?.refs.filter((r) => r.format === 'classic')).toHaveLength(2);
    expect(out.vuln?.refs.map((r) => r.format).sort()).toEqual(['bundle', 'classic']);
    console.log(
      `signing alone ${seconds.sign.toFixed(2)} s; signing + 4 attestations ${seconds.attest.toFixed(2)} s`,
    );
  });

  for (const format of ['classic', 'bundle'] as const) {
    it(`real cosign verify-attestation accepts slsaprovenance1, cyclonedx and vuln (${format})`, async () => {
      const provenance = await verifyAttestation('slsaprovenance1', format);
      expect(provenance.code, provenance.out).toBe(0);
      const [p] = statements(provenance.out);
      expect(p?.subject[0]?.digest.sha256).toBe(Digest.parse(digest).hex);
      expect(p?.predicate.runDetails).toEqual({
        builder: { id: IDENTITY },
        metadata: { invocationId: 'https://github.com/acme/hello/actions/runs/4242/attempts/1' },
      });
      const sbom = await verifyAttestation('cyclonedx', format);
      expect(sbom.code, sbom.out).toBe(0);
      const boms = statements(sbom.out);
      expect(boms).toHaveLength(2);
      for (const b of boms) expect(b.subject).toHaveLength(2);
      const vuln = await verifyAttestation('vuln', format);
      expect(vuln.code, vuln.out).toBe(0);
      const [v] = statements(vuln.out);
      expect((v?.predicate.scanner as { version?: string } | undefined)?.version).toBe(
        (JSON.parse(readFileSync(scanReport, 'utf8')) as { scanners: { trivy: { version: string } } })
          .scanners.trivy.version,
      );
      // scanner.result in Trivy's layout (what Kyverno's conditions read), one Result per platform.
      const result = (
        (v?.predicate.scanner ?? {}) as {
          result?: {
            SchemaVersion?: number;
            Results?: { Target: string; Vulnerabilities: { PkgName: string; Severity: string }[] }[];
            passed?: boolean;
          };
        }
      ).result;
      expect(result?.SchemaVersion).toBe(2);
      expect(result?.passed).toBe(false);
      expect(result?.Results?.map((r) => r.Target).sort()).toEqual(['linux/amd64', 'linux/arm64']);
      for (const r of result?.Results ?? [])
        expect(r.Vulnerabilities.map((x) => x.PkgName)).toContain('lodash'); // on every platform
      // Another identity: refused.
      const other = await verifyAttestation('vuln', format, BOB);
      expect(other.code).not.toBe(0);
      expect(other.out).toMatch(/none of the expected identities matched|no matching attestations/i);
    });
  }

  it('a statement about another digest, stored next to this image, is refused by cosign and the core verifier', async () => {
    const client = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
    const repo = ImageReference.parse(`${registry.host}/acme/forged`);
    const victim = await pushTinyImage(registry.host, 'acme/forged', '2020202');
    const other = await pushTinyImage(registry.host, 'acme/forged', '3030303');
    const subject = await client.headManifest(repo, victim.toString());
    if (subject === undefined) throw new Error('no subject');
    const signed = await signAttestations(
      { signer: keylessSigner(sigstore, IDENTITY), rekorURL: sigstore.rekorURL, tsaURL: undefined },
      [
        {
          kind: 'vuln',
          predicateType: COSIGN_VULN_PREDICATE,
          subjects: [{ name: repo.name, digest: other }],
          predicate: {},
        },
      ],
    );
    await storeAttestations({
      client,
      image: repo,
      digest: victim,
      subject,
      signed,
      classic: true,
      bundle: true,
    });
    const check = await checkImageAttestations(client, repo, victim, parseTrustedRoot(sigstore.trustedRoot), {
      identity: IDENTITY,
      issuer: GITHUB_ISSUER,
    });
    expect(check.verified).toEqual([]);
    expect(check.rejected).toHaveLength(2);
    for (const reason of check.rejected) expect(reason).toMatch(/subjects do not include/);
    for (const format of ['classic', 'bundle'] as const) {
      const r = await verifyAttestation('vuln', format, IDENTITY, `${repo}@${victim}`);
      expect(r.code, r.out).not.toBe(0);
    }
  });

  it('refuses to attest a scan report of another digest, and signs nothing', async () => {
    const plain = await pushTinyImage(registry.host, 'acme/mismatch', '4040404');
    const r = await sign(`${registry.host}/acme/mismatch@${plain}`, {
      attestations: 'vuln',
      'scan-report': scanReport,
    });
    expect(userErrorLine(r)).toMatch(
      /Input "scan-report": the report is for sha256:[0-9a-f]{64}, not for sha256:/,
    );
    const client = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
    const repo = ImageReference.parse(`${registry.host}/acme/mismatch`);
    expect(
      await client.getManifest(repo, `${Digest.parse(plain.toString()).toTagStem()}.sig`),
    ).toBeUndefined();
  });

  /** A tiny image with a build record of its own digest: provenance for it is refused or made, nothing else. */
  async function provenanceCase(name: string, seed: string) {
    const digest = await pushTinyImage(registry.host, name, seed);
    const record = join(dir, `${seed}-build-record.json`);
    writeFileSync(
      record,
      JSON.stringify({ ...JSON.parse(readFileSync(buildRecord, 'utf8')), digest: `${digest}` }),
    );
    const client = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
    const unsigned = async () =>
      (await client.getManifest(
        ImageReference.parse(`${registry.host}/${name}`),
        `${Digest.parse(digest.toString()).toTagStem()}.sig`,
      )) === undefined;
    return {
      ref: `${registry.host}/${name}@${digest}`,
      inputs: { attestations: 'provenance', 'build-record': record },
      unsigned,
    };
  }

  it("keyless provenance is the OIDC token's: a runner variable that disagrees with it is refused, and nothing is signed", async () => {
    const c = await provenanceCase('acme/env-lies', '5050505');
    // An earlier step wrote GITHUB_ENV: the commit and repository the runner now reports are not the token's.
    const r = await sign(c.ref, c.inputs, {
      GITHUB_SHA: 'fedcba9876543210fedcba9876543210fedcba98',
      GITHUB_REPOSITORY: 'acme/other',
    });
    expect(r.status).toBe(1);
    expect(userErrorLine(r)).toMatch(
      /Input "attestations": the runner's environment disagrees with the job's OIDC token \(GITHUB_REPOSITORY=acme\/other, the token's repository=acme\/hello; GITHUB_SHA=fedcba98.*, the token's sha=0123456789/,
    );
    expect(await c.unsigned()).toBe(true);
  });

  it('refuses provenance in a pull_request_target or workflow_run run unless allowed explicitly', async () => {
    for (const [event, seed] of [
      ['pull_request_target', '6060606'],
      ['workflow_run', '7070707'],
    ] as const) {
      const privileged = await startOidcStandIn({
        sub: IDENTITY,
        job_workflow_ref: JOB_WORKFLOW,
        workflow_ref: JOB_WORKFLOW,
        event_name: event,
      });
      try {
        const c = await provenanceCase(`acme/${event}`, seed);
        const env = { GITHUB_EVENT_NAME: event };
        const r = await sign(c.ref, c.inputs, env, privileged);
        expect(r.status).toBe(1);
        expect(userErrorLine(r)).toContain(
          `Input "allow-privileged-event-provenance": refusing to make provenance for a ${event} run`,
        );
        expect(await c.unsigned()).toBe(true);
        const allowed = await sign(
          c.ref,
          { ...c.inputs, 'allow-privileged-event-provenance': 'true' },
          env,
          privileged,
        );
        expect(allowed.status, allowed.stdout + allowed.stderr).toBe(0);
      } finally {
        await privileged.stop();
      }
    }
  });
});
