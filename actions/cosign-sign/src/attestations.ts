// The attestations' statements, built by run before anything is signed: the build record, the scan report
// and the SBOMs are read here (syft runs here when only a layout is given), each checked against the digest.
import { join } from 'node:path';
import {
  type ActionDeps,
  type AttestationStatement,
  COSIGN_VULN_PREDICATE,
  ConfigurationError,
  CYCLONEDX_PREDICATE,
  cosignVulnPredicate,
  Digest,
  type ImageReference,
  installFromInputs,
  makeSbomSet,
  OciLayout,
  parseBuildRecord,
  platformsOf,
  type RegistryClient,
  readJsonInput,
  readSbomSet,
  requireLayoutDigest,
  SLSA_PROVENANCE_V1,
  slsaProvenance,
  ToolInstaller,
} from '@chain/core';
import { type AttestationSources, vulnRunFacts } from './plan.ts';

interface Target {
  repository: ImageReference;
  digest: Digest;
  client: RegistryClient;
}

/**
 * Every statement to sign, built before anything is signed: a missing or mismatched source (another
 * digest's build record or scan report, a layout of other bytes) fails the step with nothing written.
 * `claims` are the job's OIDC token's (keyless), else empty.
 */
export async function buildStatements(
  sources: AttestationSources,
  target: Target,
  claims: Record<string, unknown>,
  deps: ActionDeps,
): Promise<AttestationStatement[]> {
  const statements: AttestationStatement[] = [];
  if (sources.kinds.includes('provenance'))
    statements.push(await provenanceStatement(sources, target, claims, deps));
  if (sources.kinds.includes('vuln')) statements.push(await vulnStatement(sources, target, claims, deps));
  if (sources.kinds.includes('sbom')) statements.push(...(await sbomStatements(sources, target, deps)));
  return statements;
}

function subjectOf(target: Target): AttestationStatement['subjects'][number] {
  return { name: target.repository.name, digest: target.digest };
}

/** SLSA provenance from oci-build's record of this digest; a privileged event is refused unless allowed. */
async function provenanceStatement(
  sources: AttestationSources,
  target: Target,
  claims: Record<string, unknown>,
  deps: ActionDeps,
): Promise<AttestationStatement> {
  const record = parseBuildRecord(
    await readJsonInput(sources.buildRecord ?? '', 'build-record'),
    'build-record',
  );
  if (record.digest !== target.digest.toString())
    throw new ConfigurationError(
      `Input "build-record": the build record is for ${record.digest}, not ${target.digest}; no provenance is made`,
      { input: 'build-record', expected: target.digest.toString(), actual: record.digest },
    );
  const predicate = slsaProvenance(deps.env, claims, record, 'attestations', {
    allowPrivilegedEvent: sources.allowPrivilegedEvent === true,
    allowInput: 'allow-privileged-event-provenance',
  });
  return { kind: 'provenance', predicateType: SLSA_PROVENANCE_V1, subjects: [subjectOf(target)], predicate };
}

/** cosign's vuln predicate from image-scan's report, which must be of this digest. */
async function vulnStatement(
  sources: AttestationSources,
  target: Target,
  claims: Record<string, unknown>,
  deps: ActionDeps,
): Promise<AttestationStatement> {
  const report = await readJsonInput(sources.scanReport ?? '', 'scan-report');
  const predicate = cosignVulnPredicate(report, target.digest, vulnRunFacts(deps.env, claims));
  return { kind: 'vuln', predicateType: COSIGN_VULN_PREDICATE, subjects: [subjectOf(target)], predicate };
}

/**
 * One CycloneDX SBOM per platform image: image-scan's set (sbom-dir), or one made here by syft from a private
 * snapshot of the verified layout (the same core code). Either way the set must be for this digest and
 * describe exactly the platform images the registry serves for it; each statement's subjects are the image
 * digest and that platform's manifest.
 */
async function sbomStatements(
  sources: AttestationSources,
  target: Target,
  deps: ActionDeps,
): Promise<AttestationStatement[]> {
  const platforms = await platformsOf(target.client, target.repository, target.digest).catch(
    (error: unknown) => {
      throw error instanceof ConfigurationError && error.code === 'IMAGE_NOT_FOUND'
        ? error.forInput('image')
        : error;
    },
  );
  const input = sources.sbomDir === undefined ? 'layout' : 'sbom-dir';
  const dir = sources.sbomDir ?? (await layoutSbomSet(sources, target.digest, deps));
  const boms = await readSbomSet(dir, target.digest.toString(), platforms, input);
  return boms.map((sbom) => ({
    kind: 'sbom',
    predicateType: CYCLONEDX_PREDICATE,
    platform: sbom.platform,
    subjects: [subjectOf(target), { name: target.repository.name, digest: Digest.parse(sbom.digest) }],
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
  const work = await deps.tempDir('cosign-sign-sbom');
  const verified = await layout.snapshot(graph, join(work, 'verified'), 'copy-verified');
  const tool = await installFromInputs(new ToolInstaller(deps), 'syft', {
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
