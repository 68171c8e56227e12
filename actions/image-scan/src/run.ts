import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import {
  type ActionDeps,
  enforceGate,
  evaluateGate,
  type Finding,
  fromInput,
  type GateResult,
  type IgnoreRule,
  type InstallRequest,
  installFromInputs,
  LayoutError,
  type LayoutImage,
  makeSbomSet,
  OciLayout,
  type OutputName,
  platformView,
  prepareTrivyCache,
  type RunContext,
  readIgnoreFiles,
  readTrivyIgnoreFile,
  requireLayoutDigest,
  runTrivyScan,
  type ScanReport,
  type Severity,
  scanSummary,
  ToolInstaller,
  type TrivyDb,
  type TrivyScan,
  trivy,
  updateTrivyDb,
  type VerifyReport,
  writeScanReport,
} from '@chain/core';
import type { outputs } from './inputs.ts';
import { type ImageScanPlan, selectImages } from './plan.ts';

type Context = RunContext<OutputName<typeof outputs>>;

/** Trivy scans in flight at once, each holding an image's layers in memory. */
const MAX_PARALLEL_SCANS = 4;

interface PlatformScan extends TrivyScan {
  image: LayoutImage;
}

/** What the scans found out besides their findings, for the report. */
interface ScanFacts {
  trivyVersion: string;
  db: { version?: string; updatedAt?: string };
  ignored: IgnoreRule[];
  startedAt: string;
  finishedAt: string;
}

export async function run(plan: ImageScanPlan, { deps, outputs }: Context): Promise<void> {
  const ignores = await trivyIgnores(plan.trivy.ignoreFile, deps);
  const { layout, check, images } = await verifiedLayout(plan, deps);
  // The `digest` output means "scanned": it is set with the verdict, never before every platform's report
  // was read (a caller that continues past a failed scan must not get an unscanned digest).

  const work = await deps.tempDir('image-scan');
  const db: TrivyDb = {
    cacheDir: plan.trivy.cacheDir ?? trivy.defaultCacheDir(deps.paths.toolCache, work),
    dbRepository: plan.trivy.dbRepository,
    offline: plan.trivy.offline,
  };
  await prepareTrivyCache(db, 'trivy-cache-dir');
  // Trivy reads a private snapshot of exactly what was verified, never the layout directory again.
  const verified = await layout.snapshot(check, join(work, 'verified'), 'copy-verified');
  const tool = await installFromInputs(new ToolInstaller(deps), 'trivy', plan.trivy.install);
  // Online, the DB is brought up to date once, then every platform shares it instead of racing to update.
  if (!db.offline) await updateTrivyDb(deps, tool.path, db);

  const startedAt = deps.now().toISOString();
  // The SBOMs (every platform image, whatever `platforms` selects: they describe the digest) are made by
  // syft from the same verified snapshot, while Trivy scans it.
  const [scans, sbomDir] = await Promise.all([
    scanPlatforms(images, { verified, work, executable: tool.path, db, ignoreFile: ignores.file }, deps),
    plan.sbom === undefined
      ? ''
      : sbomSet(plan.sbom, { verified, digest: plan.digest, images: check.images, work }, deps),
  ]);
  const facts: ScanFacts = {
    trivyVersion: tool.version,
    db: await trivy.dbMetadata(db.cacheDir),
    ignored: ignores.rules,
    startedAt,
    finishedAt: deps.now().toISOString(),
  };
  await report(plan, scans, facts, { work, sbomDir }, { deps, outputs });
}

/**
 * The layout, checked to be the planned digest before anything reads it further: manifests digest-checked
 * and every blob present at its size here; every other blob is hashed as it is copied into the snapshot
 * Trivy reads (Trivy checks no digest itself). A layout with no image (attestations only) is refused.
 */
async function verifiedLayout(
  plan: ImageScanPlan,
  deps: ActionDeps,
): Promise<{ layout: OciLayout; check: VerifyReport; images: LayoutImage[] }> {
  const layout = await OciLayout.open(plan.layout);
  const check = await layout.checkForStreaming();
  requireLayoutDigest(plan.layout, check.root.digest, plan.digest, 'refusing to scan other bytes');
  if (check.images.length === 0)
    throw new LayoutError(
      `the layout ${plan.layout} holds no image to scan (${check.attestations.length} attestation(s), no image manifest): nothing would be checked`,
      { reason: 'NO_IMAGE' },
    );
  const images = selectImages(check.images, plan.platforms);
  if (check.attestations.length > 0)
    deps.logger.info(`skipping ${check.attestations.length} attestation manifest(s)`);
  return { layout, check, images };
}

/**
 * Trivy looks only at the first image of an index, so each platform image gets its own view of the
 * snapshot. Platforms are scanned in parallel (at most one per core; Trivy opens its DB read-only), each
 * converted to SARIF as soon as its scan ends.
 */
async function scanPlatforms(
  images: LayoutImage[],
  scan: { verified: string; work: string; executable: string; db: TrivyDb; ignoreFile: string | undefined },
  deps: ActionDeps,
): Promise<PlatformScan[]> {
  const parallel = Math.min(availableParallelism(), MAX_PARALLEL_SCANS, images.length);
  return inParallel(images, parallel, async (image, i) => {
    const view = await platformView(scan.verified, image, join(scan.work, `view-${i}`));
    const result = await runTrivyScan(deps, {
      ...scan.db,
      executable: scan.executable,
      target: { kind: 'image', layout: view, platform: image.platform, digest: image.digest },
      files: join(scan.work, `trivy-${i}`),
      ignoreFile: scan.ignoreFile,
      dbFresh: !scan.db.offline,
    });
    return { image, ...result };
  });
}

/** The verdict: the report and SARIF written, the outputs set, the summary, then the gate's consequence. */
async function report(
  plan: ImageScanPlan,
  scans: PlatformScan[],
  facts: ScanFacts,
  dirs: { work: string; sbomDir: string },
  { deps, outputs }: Pick<Context, 'deps' | 'outputs'>,
): Promise<void> {
  const findings = scans.flatMap((p) => p.findings);
  const gate = evaluateGate(findings, plan.gate, ['trivy']);
  const scan = scanReport(plan, scans, gate, facts);
  const files = await writeScanReport(dirs.work, scan, { trivy: scans.map((p) => p.sarif) });
  const platforms = Object.fromEntries((scan.platforms ?? []).map((p) => [p.platform, p.counts]));
  outputs.write({
    passed: String(gate.passed),
    counts: JSON.stringify({ ...gate.counts, platforms }),
    report: files.report,
    sarif: files.sarif,
    'sarif-dir': files.sarifDir,
    digest: plan.digest,
    'sbom-dir': dirs.sbomDir,
  });
  await deps.writeSummary(scanSummary(scan));

  const first = gate.failing.slice(0, 3).map((f) => `${f.id} in ${f.package} (${f.platform})`);
  const message = `image-scan: ${gate.failing.length} finding(s) at ${[...plan.gate.severities].join(', ')} in ${plan.digest} (first: ${first.join(', ')})`;
  enforceGate(gate.passed, message, plan.gate.failOn, 'image-scan', (w) => deps.logger.warning(w));
}

function scanReport(
  plan: ImageScanPlan,
  scans: PlatformScan[],
  gate: GateResult,
  facts: ScanFacts,
): ScanReport {
  return {
    schema: 'scan-report/v1',
    tool: 'image-scan',
    passed: gate.passed,
    severities: [...plan.gate.severities],
    ignoreUnfixed: plan.gate.ignoreUnfixed,
    scanners: {
      trivy: {
        version: facts.trivyVersion,
        ...(facts.db.updatedAt ? { dbUpdatedAt: facts.db.updatedAt } : {}),
        ...(facts.db.version ? { dbVersion: facts.db.version } : {}),
      },
    },
    counts: gate.counts,
    failing: gate.failing,
    findings: scans.flatMap((p) => p.findings),
    ignored: facts.ignored,
    ignoredUnfixed: gate.ignoredUnfixed,
    digest: plan.digest,
    platforms: scans.map((p) => ({
      platform: p.image.platform,
      digest: p.image.digest,
      counts: platformCounts(p.findings, plan.gate.severities),
    })),
    startedAt: facts.startedAt,
    finishedAt: facts.finishedAt,
  };
}

/** One platform's findings counted by severity. */
function platformCounts(findings: Finding[], severities: ReadonlySet<Severity>): Record<Severity, number> {
  const { counts } = evaluateGate(findings, { severities, ignoreUnfixed: false }, ['trivy']);
  return counts.trivy ?? { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
}

/**
 * The Trivy ignore file and its rules: the one input `trivyignore` names (it must exist: Trivy itself would
 * take a missing file as no rule at all), else the workspace's own `.trivyignore.yaml` or `.trivyignore`.
 */
async function trivyIgnores(
  given: string | undefined,
  deps: ActionDeps,
): Promise<{ file: string | undefined; rules: IgnoreRule[] }> {
  const ignores = await readTrivyIgnores(given, deps.inputContext.workspace);
  const { file, rules } = ignores;
  if (file !== undefined)
    deps.logger.info(
      `Trivy ignore file ${file}: ${rules.length} rule(s)${rules.length > 0 ? ` (${rules.map((r) => r.id).join(', ')})` : ''}`,
    );
  if (given !== undefined && rules.length === 0)
    deps.logger.warning(`Input "trivyignore": ${given} holds no ignore rule; nothing is ignored`);
  return ignores;
}

async function readTrivyIgnores(
  given: string | undefined,
  workspace: string,
): Promise<{ file: string | undefined; rules: IgnoreRule[] }> {
  if (given === undefined) {
    const found = await readIgnoreFiles(workspace);
    return { file: found.trivyIgnoreFile, rules: found.rules.filter((r) => r.scanner === 'trivy') };
  }
  const rules = await fromInput('trivyignore', () => readTrivyIgnoreFile(given, relative(workspace, given)));
  return { file: given, rules };
}

/** sbom: syft (the pinned one, or syft-path) per platform image into `<work>/sbom`; returns that directory. */
async function sbomSet(
  install: InstallRequest,
  target: { verified: string; digest: string; images: LayoutImage[]; work: string },
  deps: ActionDeps,
): Promise<string> {
  const tool = await installFromInputs(new ToolInstaller(deps), 'syft', install);
  const dir = join(target.work, 'sbom');
  const set = await makeSbomSet({
    ...target,
    dir,
    syft: { path: tool.path, version: tool.version },
    runner: deps.runner,
    env: deps.env,
  });
  deps.logger.info(
    `SBOMs (syft ${tool.version}): ${set.sboms.map((s) => `${s.platform} ${s.digest}`).join(', ')}`,
  );
  return dir;
}

/** Runs `work` over every item, at most `limit` at a time; results keep the items' order. */
async function inParallel<T, R>(
  items: T[],
  limit: number,
  work: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, lane));
  return results;
}
