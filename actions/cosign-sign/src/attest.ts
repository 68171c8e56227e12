import { mkdtemp, readFile } from 'node:fs/promises';
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
  type ImageReference,
  OciLayout,
  parseBuildRecord,
  platformView,
  requireLayoutDigest,
  SLSA_PROVENANCE_V1,
  type StoredAttestation,
  slsaProvenance,
  syft,
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
  syftPath?: string | undefined;
  syftVersion?: string | undefined;
}

const NEEDS: Record<AttestationKind, { input: keyof AttestationSources; name: string; from: string }> = {
  provenance: { input: 'buildRecord', name: 'build-record', from: 'oci-build output "build-record"' },
  sbom: { input: 'layout', name: 'layout', from: 'oci-build output "layout"' },
  vuln: { input: 'scanReport', name: 'scan-report', from: 'image-scan output "report"' },
};

/** Each requested kind must have its source input: the error names it and where its value comes from. */
export function requireSources(sources: AttestationSources): void {
  for (const kind of sources.kinds) {
    const need = NEEDS[kind];
    if (sources[need.input] === undefined)
      throw new ConfigurationError(
        `Input "${need.name}": attestations lists ${kind}, which is made from it; pass ${need.from}`,
        { input: need.name },
      );
  }
}

/** The runner's run URL and the builder id the provenance and the vuln invocation share. */
function runFacts(env: NodeJS.ProcessEnv, claims: Record<string, unknown>) {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const jobWorkflow =
    typeof claims.job_workflow_ref === 'string' ? claims.job_workflow_ref : env.GITHUB_WORKFLOW_REF;
  return {
    runURL: `${server}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/${env.GITHUB_RUN_ID ?? ''}/attempts/${env.GITHUB_RUN_ATTEMPT ?? ''}`,
    runId: env.GITHUB_RUN_ID ?? '',
    builderId: jobWorkflow === undefined ? '' : `${server}/${jobWorkflow}`,
  };
}

async function readJson(path: string, input: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    throw new ConfigurationError(
      `Input "${input}": ${path} is not readable JSON (${(error as Error).message})`,
      {
        input,
      },
    );
  }
}

/**
 * Every statement to sign, built before anything is signed: a missing or mismatched source (another
 * digest's build record or scan report, a layout of other bytes) fails the step with nothing written.
 */
export async function buildStatements(
  sources: AttestationSources,
  target: { repository: ImageReference; digest: Digest },
  claims: Record<string, unknown>,
  deps: ActionDeps,
): Promise<AttestationStatement[]> {
  requireSources(sources);
  const subject = { name: target.repository.name, digest: target.digest };
  const statements: AttestationStatement[] = [];
  if (sources.kinds.includes('provenance')) {
    const record = parseBuildRecord(
      await readJson(sources.buildRecord ?? '', 'build-record'),
      'build-record',
    );
    if (record.digest !== target.digest.toString())
      throw new ConfigurationError(
        `Input "build-record": the build record is for ${record.digest}, not ${target.digest}; no provenance is made`,
        { input: 'build-record' },
      );
    const predicate = slsaProvenance(deps.env, claims, record);
    statements.push({
      kind: 'provenance',
      predicateType: SLSA_PROVENANCE_V1,
      subjects: [subject],
      predicate,
    });
  }
  if (sources.kinds.includes('vuln')) {
    const report = await readJson(sources.scanReport ?? '', 'scan-report');
    const predicate = cosignVulnPredicate(report, target.digest, runFacts(deps.env, claims));
    statements.push({ kind: 'vuln', predicateType: COSIGN_VULN_PREDICATE, subjects: [subject], predicate });
  }
  if (sources.kinds.includes('sbom')) statements.push(...(await sbomStatements(sources, target, deps)));
  return statements;
}

/**
 * One CycloneDX SBOM per platform image, made by syft from a private snapshot of the verified layout
 * (the layout must be this digest); its subjects are the image digest and that platform's manifest.
 */
async function sbomStatements(
  sources: AttestationSources,
  target: { repository: ImageReference; digest: Digest },
  deps: ActionDeps,
): Promise<AttestationStatement[]> {
  const dir = sources.layout ?? '';
  const layout = await OciLayout.open(dir);
  const graph = await layout.checkForStreaming();
  requireLayoutDigest(
    dir,
    graph.root.digest,
    target.digest.toString(),
    'refusing to attest an SBOM of other bytes',
  );
  if (graph.images.length === 0)
    throw new ConfigurationError(`Input "layout": ${dir} holds no platform image to describe`, {
      input: 'layout',
    });
  const work = await mkdtemp(join(deps.env.RUNNER_TEMP ?? tmpdir(), 'cosign-sign-sbom-'));
  const verified = await layout.snapshot(graph, join(work, 'verified'), 'copy-verified');
  const tool = await new ToolInstaller({ logger: deps.logger, runner: deps.runner }).install('syft', {
    path: sources.syftPath,
    version: sources.syftVersion,
  });
  return Promise.all(
    graph.images.map(async (image, i) => {
      const view = await platformView(verified, image, join(work, `view-${i}`));
      const output = join(work, `sbom-${i}.cdx.json`);
      await deps.runner.run({
        tool: 'syft',
        command: tool.path,
        args: syft.args({ path: view, source: 'oci-dir', outputs: { 'cyclonedx-json': output } }),
        env: { ...deps.env, ...syft.env },
      });
      const bom = await readJson(output, 'layout');
      if ((bom as { bomFormat?: unknown }).bomFormat !== 'CycloneDX')
        throw new CommandError(`syft wrote no CycloneDX document for ${image.platform}`, { tool: 'syft' });
      return {
        kind: 'sbom',
        predicateType: CYCLONEDX_PREDICATE,
        platform: image.platform,
        subjects: [
          { name: target.repository.name, digest: target.digest },
          { name: target.repository.name, digest: Digest.parse(image.digest) },
        ],
        predicate: bom,
      };
    }),
  );
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
