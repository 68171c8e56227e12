import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AcceptedAttestation,
  type ActionDeps,
  type AttestationStatement,
  COSIGN_VULN_PREDICATE,
  CommandError,
  ConfigurationError,
  cosignVulnPredicate,
  Digest,
  githubRunFacts,
  type ImageReference,
  makeSbomSet,
  OciLayout,
  parseBuildRecord,
  platformsOf,
  type RegistryClient,
  readJsonInput,
  readSbomSet,
  requireLayoutDigest,
  SLSA_PROVENANCE_V1,
  type StoredAttestation,
  slsaProvenance,
  ToolInstaller,
} from '@chain/core';
import type { AttestationKind } from './inputs.ts';

export const CYCLONEDX_PREDICATE = 'https://cyclonedx.org/bom';

/** What the attestations are made from: the inputs each kind needs (checked before anything is signed). */
export interface AttestationSources {
  kinds: AttestationKind[];
  buildRecord?: string | undefined;
  scanReport?: string | undefined;
  layout?: string | undefined;
  /** image-scan's SBOM set (preferred: made in the scan's pass); else syft runs here on `layout`. */
  sbomDir?: string | undefined;
  syftPath?: string | undefined;
  syftVersion?: string | undefined;
  /** Provenance for a pull_request_target or workflow_run run (refused unless set). */
  allowPrivilegedEvent?: boolean | undefined;
}

const NEEDS: Record<AttestationKind, { input: keyof AttestationSources; name: string; from: string }> = {
  provenance: { input: 'buildRecord', name: 'build-record', from: 'oci-build output "build-record"' },
  sbom: { input: 'sbomDir', name: 'sbom-dir', from: 'image-scan output "sbom-dir" (sbom: true), or layout' },
  vuln: { input: 'scanReport', name: 'scan-report', from: 'image-scan output "report"' },
};

/** Each requested kind must have its source input: the error names it and where its value comes from. */
export function requireSources(sources: AttestationSources): void {
  if (sources.sbomDir !== undefined && sources.layout !== undefined)
    throw new ConfigurationError(
      'Input "layout": give sbom-dir (the SBOMs image-scan made) or layout (syft runs here), not both',
      { input: 'layout' },
    );
  for (const kind of sources.kinds) {
    const need = NEEDS[kind];
    if (kind === 'sbom' && sources.layout !== undefined) continue;
    if (sources[need.input] === undefined)
      throw new ConfigurationError(
        `Input "${need.name}": attestations lists ${kind}, which is made from it; pass ${need.from}`,
        { input: need.name },
      );
  }
}

/**
 * The run URL and the builder id the vuln invocation states. Keyless, from the job's OIDC token (what Fulcio
 * certified; a runner variable saying otherwise is refused), as the provenance's; with a key, the runner's.
 */
function runFacts(env: NodeJS.ProcessEnv, claims: Record<string, unknown>) {
  if (Object.keys(claims).length > 0) {
    const run = githubRunFacts(env, claims);
    return {
      runURL: `${run.server}/${run.repository}/actions/runs/${run.runId}/attempts/${run.runAttempt}`,
      runId: run.runId,
      builderId: `${run.server}/${run.jobWorkflowRef}`,
    };
  }
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const jobWorkflow = env.GITHUB_WORKFLOW_REF;
  return {
    runURL: `${server}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/${env.GITHUB_RUN_ID ?? ''}/attempts/${env.GITHUB_RUN_ATTEMPT ?? ''}`,
    runId: env.GITHUB_RUN_ID ?? '',
    builderId: jobWorkflow === undefined ? '' : `${server}/${jobWorkflow}`,
  };
}

/**
 * Every statement to sign, built before anything is signed: a missing or mismatched source (another
 * digest's build record or scan report, a layout of other bytes) fails the step with nothing written.
 */
export async function buildStatements(
  sources: AttestationSources,
  target: { repository: ImageReference; digest: Digest; client: RegistryClient },
  claims: Record<string, unknown>,
  deps: ActionDeps,
): Promise<AttestationStatement[]> {
  requireSources(sources);
  const subject = { name: target.repository.name, digest: target.digest };
  const statements: AttestationStatement[] = [];
  if (sources.kinds.includes('provenance')) {
    const record = parseBuildRecord(
      await readJsonInput(sources.buildRecord ?? '', 'build-record'),
      'build-record',
    );
    if (record.digest !== target.digest.toString())
      throw new ConfigurationError(
        `Input "build-record": the build record is for ${record.digest}, not ${target.digest}; no provenance is made`,
        { input: 'build-record' },
      );
    const predicate = slsaProvenance(deps.env, claims, record, 'attestations', {
      allowPrivilegedEvent: sources.allowPrivilegedEvent === true,
      allowInput: 'allow-privileged-event-provenance',
    });
    statements.push({
      kind: 'provenance',
      predicateType: SLSA_PROVENANCE_V1,
      subjects: [subject],
      predicate,
    });
  }
  if (sources.kinds.includes('vuln')) {
    const report = await readJsonInput(sources.scanReport ?? '', 'scan-report');
    const predicate = cosignVulnPredicate(report, target.digest, runFacts(deps.env, claims));
    statements.push({ kind: 'vuln', predicateType: COSIGN_VULN_PREDICATE, subjects: [subject], predicate });
  }
  if (sources.kinds.includes('sbom')) statements.push(...(await sbomStatements(sources, target, deps)));
  return statements;
}

/**
 * One CycloneDX SBOM per platform image: image-scan's set (sbom-dir), or one made here by syft from a private
 * snapshot of the verified layout (the same core code). Either way the set must be for this digest and
 * describe exactly the platform images the registry serves for it; each statement's subjects are the image
 * digest and that platform's manifest.
 */
async function sbomStatements(
  sources: AttestationSources,
  target: { repository: ImageReference; digest: Digest; client: RegistryClient },
  deps: ActionDeps,
): Promise<AttestationStatement[]> {
  const platforms = await platformsOf(target.client, target.repository, target.digest);
  const input = sources.sbomDir === undefined ? 'layout' : 'sbom-dir';
  const dir = sources.sbomDir ?? (await layoutSbomSet(sources, target.digest, deps));
  const boms = await readSbomSet(dir, target.digest.toString(), platforms, input);
  return boms.map((sbom) => ({
    kind: 'sbom',
    predicateType: CYCLONEDX_PREDICATE,
    platform: sbom.platform,
    subjects: [
      { name: target.repository.name, digest: target.digest },
      { name: target.repository.name, digest: Digest.parse(sbom.digest) },
    ],
    predicate: sbom.bom,
  }));
}

/** Without sbom-dir: syft runs here on a private snapshot of the layout, which must be this digest. */
async function layoutSbomSet(sources: AttestationSources, digest: Digest, deps: ActionDeps): Promise<string> {
  const dir = sources.layout ?? '';
  const layout = await OciLayout.open(dir);
  const graph = await layout.checkForStreaming();
  requireLayoutDigest(dir, graph.root.digest, digest.toString(), 'refusing to attest an SBOM of other bytes');
  if (graph.images.length === 0)
    throw new ConfigurationError(`Input "layout": ${dir} holds no platform image to describe`, {
      input: 'layout',
    });
  const work = await mkdtemp(join(deps.env.RUNNER_TEMP ?? tmpdir(), 'cosign-sign-sbom-'));
  const verified = await layout.snapshot(graph, join(work, 'verified'), 'copy-verified');
  const tool = await new ToolInstaller(deps).install('syft', {
    path: sources.syftPath,
    version: sources.syftVersion,
  });
  const set = join(work, 'sbom');
  await makeSbomSet({
    verified,
    digest: digest.toString(),
    images: graph.images,
    dir: set,
    work,
    syft: { path: tool.path, version: tool.version },
    runner: deps.runner,
    env: deps.env,
  });
  return set;
}

/**
 * Every attestation just stored must read back and verify, by the same signer as the signature: the
 * classic `.att` layer and the bundle referrer each.
 */
export function attestationSelfCheck(
  stored: readonly StoredAttestation[],
  verified: readonly AcceptedAttestation[],
  rejected: readonly string[],
  identity: string | undefined,
): void {
  const missing: string[] = [];
  const ok = (format: 'classic' | 'bundle', ref: string, type: string) =>
    verified.some(
      (v) => v.format === format && v.ref === ref && v.predicateType === type && v.identity === identity,
    );
  for (const a of stored) {
    const what = `the ${a.kind}${a.platform ? ` (${a.platform})` : ''} attestation`;
    if (a.classic && !ok('classic', a.classic.layerDigest, a.predicateType))
      missing.push(`${what} in ${a.classic.tag}`);
    if (a.bundle && !ok('bundle', a.bundle.manifestDigest, a.predicateType))
      missing.push(`${what} ${a.bundle.manifestDigest}`);
  }
  if (missing.length > 0)
    throw new CommandError(
      `self-check failed: ${missing.join(', ')} did not read back and verify from the registry` +
        (rejected.length > 0 ? ` (${rejected.join('; ')})` : ''),
      { tool: 'registry' },
    );
}

/** Whether every attestation just stored is among those that read back and verified (by where it is stored). */
export function attestationsPresent(
  stored: readonly StoredAttestation[],
  verified: readonly AcceptedAttestation[],
): boolean {
  const has = (format: 'classic' | 'bundle', ref: string) =>
    verified.some((v) => v.format === format && v.ref === ref);
  return stored.every(
    (a) =>
      (a.classic === undefined || has('classic', a.classic.layerDigest)) &&
      (a.bundle === undefined || has('bundle', a.bundle.manifestDigest)),
  );
}

/** The `attestations` output: kind → predicate type and where each attestation was stored. */
export function attestationRefs(stored: readonly StoredAttestation[], repository: string) {
  const out: Record<
    string,
    { predicateType: string; refs: { format: string; ref: string; platform?: string }[] }
  > = {};
  for (const a of stored) {
    const entry = out[a.kind] ?? { predicateType: a.predicateType, refs: [] };
    out[a.kind] = entry;
    const platform = a.platform === undefined ? {} : { platform: a.platform };
    if (a.classic) entry.refs.push({ format: 'classic', ref: `${repository}:${a.classic.tag}`, ...platform });
    if (a.bundle)
      entry.refs.push({ format: 'bundle', ref: `${repository}@${a.bundle.manifestDigest}`, ...platform });
  }
  return out;
}
