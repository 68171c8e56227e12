import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  type ActionDeps,
  ConfigurationError,
  enforceGate,
  evaluateGate,
  type Finding,
  formatPlatform,
  type IgnoreRule,
  LayoutError,
  type LayoutImage,
  makeSbomSet,
  mergeSarif,
  OciLayout,
  parseTrivyReport,
  platformView,
  readIgnoreFiles,
  readInputs,
  readScannerJson,
  readScannerReport,
  readTrivyIgnoreFile,
  requireLayoutDigest,
  runnerDeps,
  type ScanReport,
  scanSummary,
  ToolInstaller,
  trivy,
} from '@chain/core';
import { outputs, spec } from './inputs.ts';

export async function main(deps: ActionDeps = runnerDeps()): Promise<void> {
  const values = readInputs(spec, deps.inputs, deps.inputContext);
  const expected = values.digest.toString();
  const ignores = await trivyIgnores(values.trivyignore, deps.inputContext.workspace);
  if (ignores.file !== undefined)
    deps.logger.info(
      `Trivy ignore file ${ignores.file}: ${ignores.rules.length} rule(s)${ignores.rules.length > 0 ? ` (${ignores.rules.map((r) => r.id).join(', ')})` : ''}`,
    );
  if (values.trivyignore !== undefined && ignores.rules.length === 0)
    deps.logger.warning(
      `Input "trivyignore": ${values.trivyignore} holds no ignore rule; nothing is ignored`,
    );

  // The bytes scanned are the bytes that will be pushed: the layout must verify and be this digest.
  const layout = await OciLayout.open(values.layout);
  // Manifests digest-checked and every blob present at its size here; every other blob is hashed below,
  // as it is copied into the private snapshot Trivy reads (Trivy checks no digest itself).
  const report = await layout.checkForStreaming();
  requireLayoutDigest(values.layout, report.root.digest, expected, 'refusing to scan other bytes');
  if (report.images.length === 0)
    throw new LayoutError(
      `the layout ${values.layout} holds no image to scan (${report.attestations.length} attestation(s), no image manifest): nothing would be checked`,
    );
  const images = selectImages(report.images, values.platforms.map(formatPlatform));
  if (report.attestations.length > 0)
    deps.logger.info(`skipping ${report.attestations.length} attestation manifest(s)`);

  const work = await mkdtemp(join(deps.env.RUNNER_TEMP ?? tmpdir(), 'image-scan-'));
  // Trivy reads a private snapshot of exactly what was verified, never the layout directory again.
  const verified = await layout.snapshot(report, join(work, 'verified'), 'copy-verified');
  const tool = await new ToolInstaller(deps).install('trivy', {
    path: values['trivy-path'],
    version: values['trivy-version'],
  });
  if (values.offline && values['db-repository'] !== undefined)
    throw new ConfigurationError(
      'Input "db-repository": offline: true uses the DB already in trivy-cache-dir and never reads a mirror; give one or the other',
      { input: 'db-repository' },
    );
  const cacheDir = values['trivy-cache-dir'] ?? trivy.defaultCacheDir(deps.env, work);
  if (values.offline) await trivy.requireOfflineDb(cacheDir, 'trivy-cache-dir');
  await mkdir(cacheDir, { recursive: true });

  // Trivy looks only at the first image of an index, so each platform image gets its own view. Platforms
  // are scanned in parallel (one per core; Trivy opens its DB read-only), each converted to SARIF as soon
  // as its scan ends.
  const scanOne = async (image: LayoutImage, i: number, dbFresh = false): Promise<PlatformScan> => {
    const view = await platformView(verified, image, join(work, `view-${i}`));
    const output = join(work, `trivy-${i}.json`);
    const args = trivy.imageArgs({
      layout: view,
      output,
      cacheDir,
      ignoreFile: ignores.file,
      dbRepository: values['db-repository'],
      offline: values.offline,
      dbFresh,
    });
    await deps.runner.run({ tool: 'trivy', command: tool.path, args, env: deps.env });
    const findings = parseTrivyReport(await readScannerReport(output, 'trivy'), image.platform);
    const sarifPath = join(work, `trivy-${i}.sarif`);
    await deps.runner.run({
      tool: 'trivy',
      command: tool.path,
      args: trivy.sarifArgs(output, sarifPath),
      env: deps.env,
    });
    const sarif = await readScannerJson<{ runs?: unknown[] }>(sarifPath, 'trivy convert');
    // Which platform image each result is from, kept when the platforms' runs are merged into one.
    for (const run of sarif.runs ?? [])
      if (run !== null && typeof run === 'object')
        Object.assign(run, { properties: { platform: image.platform, digest: image.digest } });
    return { image, findings, sarif };
  };
  // Online, the DB is brought up to date once, then every platform shares it instead of racing to update.
  if (!values.offline)
    await deps.runner.run({
      tool: 'trivy',
      command: tool.path,
      args: trivy.downloadDbArgs({ cacheDir, dbRepository: values['db-repository'] }),
      env: deps.env,
    });
  const parallel = Math.min(availableParallelism(), MAX_PARALLEL_SCANS, images.length);
  const startedAt = new Date().toISOString();
  // The SBOMs (every platform image, whatever `platforms` selects: they describe the digest) are made by
  // syft from the same verified snapshot, while Trivy scans it.
  const [perPlatform, sbomDir] = await Promise.all([
    inParallel(images, parallel, (image, i) => scanOne(image, i, !values.offline)),
    values.sbom
      ? sbomSet(deps, values, { verified, digest: expected, images: report.images, work })
      : Promise.resolve(''),
  ]);
  const finishedAt = new Date().toISOString();
  const db = await trivy.dbMetadata(cacheDir);

  const findings = perPlatform.flatMap((p) => p.findings);
  const gate = evaluateGate(
    findings,
    { severities: values.severity, ignoreUnfixed: values['ignore-unfixed'] },
    ['trivy'],
  );
  const platformCounts = perPlatform.map((p) => ({
    platform: p.image.platform,
    digest: p.image.digest,
    counts: evaluateGate(p.findings, { severities: values.severity, ignoreUnfixed: false }, ['trivy']).counts
      .trivy ?? { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
  }));
  const scan: ScanReport = {
    schema: 'scan-report/v1',
    tool: 'image-scan',
    passed: gate.passed,
    severities: [...values.severity],
    ignoreUnfixed: values['ignore-unfixed'],
    scanners: {
      trivy: {
        version: tool.version,
        ...(db.updatedAt ? { dbUpdatedAt: db.updatedAt } : {}),
        ...(db.version ? { dbVersion: db.version } : {}),
      },
    },
    counts: gate.counts,
    failing: gate.failing,
    findings,
    ignored: ignores.rules,
    ignoredUnfixed: gate.ignoredUnfixed,
    digest: expected,
    platforms: platformCounts,
    startedAt,
    finishedAt,
  };
  const reportPath = join(work, 'report.json');
  const sarifPath = join(work, 'results.sarif');
  await writeFile(reportPath, `${JSON.stringify(scan, null, 2)}\n`);
  const sarifText = `${JSON.stringify(mergeSarif(perPlatform.map((p) => p.sarif)), null, 2)}\n`;
  await writeFile(sarifPath, sarifText);
  // The same file in a directory named per scanner, as repo-scan writes it: one code-scanning category each.
  const sarifDir = join(work, 'sarif');
  await mkdir(sarifDir, { recursive: true });
  await writeFile(join(sarifDir, 'trivy.sarif'), sarifText);
  const counts = {
    ...gate.counts,
    platforms: Object.fromEntries(platformCounts.map((p) => [p.platform, p.counts])),
  };
  outputs.write(
    {
      passed: String(gate.passed),
      counts: JSON.stringify(counts),
      report: reportPath,
      sarif: sarifPath,
      'sarif-dir': sarifDir,
      digest: expected,
      'sbom-dir': sbomDir,
    },
    deps.outputs,
  );
  await deps.writeSummary(scanSummary(scan));

  const first = gate.failing.slice(0, 3).map((f) => `${f.id} in ${f.package} (${f.platform})`);
  const message = `image-scan: ${gate.failing.length} finding(s) at ${[...values.severity].join(', ')} in ${expected} (first: ${first.join(', ')})`;
  enforceGate(gate.passed, message, values['fail-on'], 'image-scan', (w) => deps.logger.warning(w));
}

/**
 * The Trivy ignore file and its rules: the one input `trivyignore` names (it must exist: Trivy itself would
 * take a missing file as no rule at all), else the workspace's own `.trivyignore.yaml` or `.trivyignore`.
 */
async function trivyIgnores(
  given: string | undefined,
  workspace: string,
): Promise<{ file: string | undefined; rules: IgnoreRule[] }> {
  if (given === undefined) {
    const found = await readIgnoreFiles(workspace);
    return { file: found.trivyIgnoreFile, rules: found.rules.filter((r) => r.scanner === 'trivy') };
  }
  try {
    return { file: given, rules: await readTrivyIgnoreFile(given, relative(workspace, given)) };
  } catch (error) {
    if (error instanceof ConfigurationError)
      throw new ConfigurationError(`Input "trivyignore": ${error.message}`, {
        input: 'trivyignore',
        cause: error,
      });
    throw error;
  }
}

/** sbom: syft (the pinned one, or syft-path) per platform image into `<work>/sbom`; returns that directory. */
async function sbomSet(
  deps: ActionDeps,
  values: { 'syft-path'?: string | undefined; 'syft-version'?: string | undefined },
  target: { verified: string; digest: string; images: LayoutImage[]; work: string },
): Promise<string> {
  const tool = await new ToolInstaller(deps).install('syft', {
    path: values['syft-path'],
    version: values['syft-version'],
  });
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

/** Trivy scans in flight at once, each holding an image's layers in memory. */
const MAX_PARALLEL_SCANS = 4;

interface PlatformScan {
  image: LayoutImage;
  findings: Finding[];
  sarif: { runs?: unknown[] };
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

function selectImages(images: LayoutImage[], wanted: string[]): LayoutImage[] {
  if (wanted.length === 0) return images;
  const missing = wanted.filter((p) => !images.some((i) => i.platform === p));
  if (missing.length > 0) {
    throw new ConfigurationError(
      `Input "platforms": the layout has no image for ${missing.join(', ')} (it has ${images.map((i) => i.platform).join(', ')})`,
      { input: 'platforms' },
    );
  }
  return images.filter((i) => wanted.includes(i.platform));
}
