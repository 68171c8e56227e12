// npm run bench, attestation rows (issue 16), both measured in the same run on a demo-like image (examples/hello
// built by buildah for linux/amd64 and linux/arm64, scanned by the real image-scan with sbom: true):
//   cosign-sign with attestations provenance,sbom,vuln (the SBOM set image-scan made in its pass) vs
//   cosign-sign signing alone (keyless, both formats, self-check)                         target <= 1.50
//   verify-image (the bundled CLI: signature, provenance, sbom, vuln, certificate = provenance, tags) vs
//   real `cosign verify` + `cosign verify-attestation --type slsaprovenance1|cyclonedx|vuln` target <= 1.00
// Each round signs in fresh repositories (the same digest pushed again), so no round reads what an earlier one
// stored.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OciLayout } from '@chain/core';
import { RECORDED_RUN_ENV, startOidcStandIn } from './lib/aws-server.ts';
import {
  cosignKeylessPolicy,
  keylessSignStep,
  startLocalSigstore,
  writeTrustedRoot,
} from './lib/local-sigstore.ts';
import { runImageScan } from './lib/real-scanners.ts';
import { buildahLayout, containerfileSha256, exampleContext, writeBuildRecord } from './lib/real-tools.ts';
import { copyLayoutToRegistry, startRegistry } from './lib/registry.ts';

const root = join(import.meta.dirname, '..');
const JOB_WORKFLOW = 'acme/hello/.github/workflows/publish.yml@refs/heads/main';
const IDENTITY = `https://github.com/${JOB_WORKFLOW}`;
const SHA = '0123456789abcdef0123456789abcdef01234567';
const CLAIMS = {
  sub: IDENTITY,
  repository: 'acme/hello',
  repository_id: '123456',
  repository_owner: 'acme',
  repository_owner_id: '7890',
  runner_environment: 'github-hosted',
  ref: 'refs/heads/main',
  sha: SHA,
  run_id: '4242',
  run_attempt: '1',
  job_workflow_ref: JOB_WORKFLOW,
  workflow_ref: JOB_WORKFLOW,
  event_name: 'push',
};

interface Sample {
  ms: number;
  kb: number;
}
export interface AttestationRow {
  what: string;
  peer: string;
  ours: Sample[];
  theirs: Sample[];
  target: number;
}
type Timed = (command: string, args: string[], env?: NodeJS.ProcessEnv) => Promise<Sample>;
type Step = (
  action: string,
  inputs: Record<string, string>,
  options?: { env?: NodeJS.ProcessEnv },
) => Promise<Sample>;

/** The image, its scan report and SBOM set (the real image-scan, sbom: true) and a build record. */
async function attestedInputs(
  tools: { trivy: string; syft: string },
  dir: string,
): Promise<{ layout: string; digest: string; report: string; sbomDir: string; buildRecord: string }> {
  const layout = await buildahLayout(['linux/amd64', 'linux/arm64'], { context: exampleContext() });
  const digest = (await OciLayout.open(layout)).topLevel().digest;
  const scan = await runImageScan(layout, digest, {
    trivy: tools.trivy,
    inputs: { 'syft-path': tools.syft, sbom: 'true' },
  });
  if (scan.status !== 0) throw new Error(`image-scan failed: ${scan.stdout.slice(-800)}`);
  const buildRecord = writeBuildRecord(join(dir, 'build-record.json'), {
    digest,
    containerfile: { path: 'Containerfile', sha256: containerfileSha256(exampleContext()) },
    platforms: ['linux/amd64', 'linux/arm64'],
  });
  return {
    layout,
    digest,
    report: scan.outputs.report ?? '',
    sbomDir: scan.outputs['sbom-dir'] ?? '',
    buildRecord,
  };
}

export async function attestationRows(
  tools: { trivy: string; syft: string; cosign: string },
  rounds: number,
  measure: { timed: Timed; step: Step },
): Promise<AttestationRow[]> {
  const [sigstore, registry, oidc] = await Promise.all([
    startLocalSigstore(),
    startRegistry(),
    startOidcStandIn(CLAIMS),
  ]);
  try {
    const dir = mkdtempSync(join(tmpdir(), 'bench-attest-'));
    const rootFile = writeTrustedRoot(sigstore, dir);
    process.stdout.write('building and scanning the demo image (buildah, image-scan with sbom)… ');
    const made = await attestedInputs(tools, dir);
    console.log('done');
    const sign = (repository: string, attest: boolean) => {
      const step = keylessSignStep(sigstore, rootFile, oidc, {
        inputs: {
          image: `${registry.host}/${repository}@${made.digest}`,
          'kyverno-policy': 'none',
          ...(attest
            ? {
                attestations: 'provenance,sbom,vuln',
                'build-record': made.buildRecord,
                'scan-report': made.report,
                'sbom-dir': made.sbomDir,
              }
            : {}),
        },
        env: RECORDED_RUN_ENV,
      });
      return measure.step('cosign-sign', step.inputs, { env: step.env });
    };
    const signing = { ours: [] as Sample[], theirs: [] as Sample[] };
    const verifying = { ours: [] as Sample[], theirs: [] as Sample[] };
    for (let i = 0; i < rounds; i++) {
      // ABBA order, fresh repositories each round.
      for (const attest of i % 2 === 0 ? [false, true] : [true, false]) {
        const repository = `bench/${attest ? 'attested' : 'signed'}-${i}`;
        copyLayoutToRegistry(made.layout, `${registry.host}/${repository}:sha-0123456`);
        (attest ? signing.ours : signing.theirs).push(await sign(repository, attest));
      }
      const ref = `${registry.host}/bench/attested-${i}@${made.digest}`;
      const policy = cosignKeylessPolicy(rootFile, IDENTITY);
      const cosign = ['verify', ...['slsaprovenance1', 'cyclonedx', 'vuln'].map((t) => `attestation:${t}`)];
      let theirs: Sample = { ms: 0, kb: 0 };
      for (const what of cosign) {
        const args =
          what === 'verify'
            ? ['verify', ...policy, '--allow-http-registry', ref]
            : [
                'verify-attestation',
                '--type',
                what.split(':')[1] ?? '',
                ...policy,
                '--allow-http-registry',
                ref,
              ];
        const s = await measure.timed(tools.cosign, args);
        theirs = { ms: theirs.ms + s.ms, kb: Math.max(theirs.kb, s.kb) };
      }
      verifying.theirs.push(theirs);
      verifying.ours.push(
        await measure.timed(process.execPath, [
          join(root, 'actions', 'verify-image', 'dist', 'cli.mjs'),
          ref,
          ...policy,
          '--tls-verify',
          'false',
          '--json',
        ]),
      );
    }
    return [
      {
        what: 'cosign-sign + 3 attestations',
        peer: 'signing alone',
        ...signing,
        target: 1.5,
      },
      {
        what: 'verify-image (sig, 3 att., tags)',
        peer: 'cosign verify + 3 verify-att.',
        ...verifying,
        target: 1.0,
      },
    ];
  } finally {
    await Promise.all([sigstore.stop(), registry.stop(), oidc.stop()]);
  }
}
