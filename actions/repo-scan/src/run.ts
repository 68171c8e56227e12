import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type ActionDeps,
  CommandError,
  ConfigurationError,
  enforceGate,
  evaluateGate,
  type Finding,
  findingsToSarif,
  type GateResult,
  type IgnoreRule,
  type InstallRequest,
  installFromInputs,
  type OutputName,
  osvScanner,
  parseOsvReport,
  prepareTrivyCache,
  ReportError,
  type RunContext,
  readCycloneDx,
  readIgnoreFiles,
  readScannerReport,
  readSpdx,
  runTrivyScan,
  type SarifDocument,
  type SbomFormat,
  type ScanReport,
  scanSummary,
  syft,
  ToolInstaller,
  type TrivyDb,
  trivy,
  writeScanReport,
} from '@chain/core';
import type { outputs } from './inputs.ts';
import type { RepoScanPlan } from './plan.ts';

type Context = RunContext<OutputName<typeof outputs>>;

/** One scanner's part of the verdict. */
interface ScannerRun {
  findings: Finding[];
  sarif?: SarifDocument;
  version: string;
  note?: string;
  dbUpdatedAt?: string;
}

type SbomFiles = NonNullable<ScanReport['sbom']>;

interface SbomRun {
  files: SbomFiles;
  version: string;
}

export async function run(plan: RepoScanPlan, { deps, outputs }: Context): Promise<void> {
  const work = await deps.tempDir('repo-scan');
  const ignores = await readIgnoreFiles(plan.path);
  const installer = new ToolInstaller(deps);
  if (plan.osv?.localDb !== undefined && (await osvDbEcosystems(plan.osv.localDb)).length === 0)
    throw new ConfigurationError(
      `Input "osv-db": ${plan.osv.localDb} holds no offline OSV database (osv-scalibr/<Ecosystem>/all.zip)`,
      {
        input: 'osv-db',
        code: 'OSV_DB_MISSING',
        expected: 'osv-scalibr/<Ecosystem>/all.zip',
        actual: 'none',
      },
    );
  const trivyDb: TrivyDb | undefined = plan.trivy && {
    cacheDir: plan.trivy.cacheDir ?? trivy.defaultCacheDir(deps.paths.toolCache, work),
    dbRepository: plan.trivy.dbRepository,
    offline: plan.trivy.offline,
  };
  if (trivyDb !== undefined) await prepareTrivyCache(trivyDb, 'trivy-cache-dir');

  // Each scanner runs once, with JSON output; everything else is derived from that one run.
  const [osv, trivyRun, sbom] = await Promise.all([
    plan.osv && runOsv(plan.osv, { path: plan.path, config: ignores.osvConfig, work }, installer, deps),
    plan.trivy &&
      trivyDb &&
      runTrivy(plan.trivy.install, trivyDb, { ...ignores, path: plan.path, work }, installer, deps),
    plan.sbom && runSyft(plan.sbom, { path: plan.path, work }, installer, deps),
  ]);
  const runs: Record<string, ScannerRun> = {};
  if (osv) runs['osv-scanner'] = osv;
  if (trivyRun) runs.trivy = trivyRun;
  await report(plan, { runs, sbom, ignored: ignores.rules, work }, { deps, outputs });
}

/** The verdict: the report and SARIF written, the outputs set, the summary, then the gate's consequence. */
async function report(
  plan: RepoScanPlan,
  scan: { runs: Record<string, ScannerRun>; sbom: SbomRun | undefined; ignored: IgnoreRule[]; work: string },
  { deps, outputs }: Pick<Context, 'deps' | 'outputs'>,
): Promise<void> {
  const findings = Object.values(scan.runs).flatMap((r) => r.findings);
  const gate = evaluateGate(findings, plan.gate, Object.keys(scan.runs));
  const merged = scanReport(plan, { ...scan, findings, gate });
  const sarif = Object.fromEntries(Object.entries(scan.runs).map(([k, r]) => [k, r.sarif ? [r.sarif] : []]));
  const files = await writeScanReport(scan.work, merged, sarif);
  outputs.write({
    passed: String(gate.passed),
    counts: JSON.stringify(gate.counts),
    report: files.report,
    sarif: files.sarif,
    'sarif-dir': files.sarifDir,
    sbom: sbomOutput(scan.sbom?.files),
  });
  await deps.writeSummary(scanSummary(merged));

  const message = `repo-scan: ${gate.failing.length} finding(s) at ${[...plan.gate.severities].join(', ')} (first: ${gate.failing
    .slice(0, 3)
    .map((f) => `${f.id} in ${f.package}`)
    .join(', ')}); see the job summary and ${files.report}`;
  enforceGate(gate.passed, message, plan.gate.failOn, 'repo-scan', (w) => deps.logger.warning(w));
}

function scanReport(
  plan: RepoScanPlan,
  scan: {
    runs: Record<string, ScannerRun>;
    sbom: SbomRun | undefined;
    ignored: IgnoreRule[];
    findings: Finding[];
    gate: GateResult;
  },
): ScanReport {
  const { gate, sbom } = scan;
  const report: ScanReport = {
    schema: 'scan-report/v1',
    tool: 'repo-scan',
    passed: gate.passed,
    severities: [...plan.gate.severities],
    ignoreUnfixed: plan.gate.ignoreUnfixed,
    scanners: Object.fromEntries(
      Object.entries(scan.runs).map(([k, r]) => [
        k,
        {
          version: r.version,
          ...(r.note ? { note: r.note } : {}),
          ...(r.dbUpdatedAt ? { dbUpdatedAt: r.dbUpdatedAt } : {}),
        },
      ]),
    ),
    counts: gate.counts,
    failing: gate.failing,
    findings: scan.findings,
    ignored: scan.ignored,
    ignoredUnfixed: gate.ignoredUnfixed,
    ...(sbom ? { sbom: sbom.files } : {}),
  };
  if (sbom) report.scanners.syft = { version: sbom.version };
  return report;
}

/** The `sbom` output: the CycloneDX file's path, or a JSON map of format to path for several formats. */
function sbomOutput(files: SbomFiles | undefined): string {
  if (files === undefined) return '';
  if (Object.keys(files).length === 1)
    return files['cyclonedx-json']?.path ?? Object.values(files)[0]?.path ?? '';
  return JSON.stringify(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.path])));
}

/** Trivy on the checkout, through the shared Trivy flow (scan → findings → SARIF). */
async function runTrivy(
  install: InstallRequest,
  db: TrivyDb,
  scan: { path: string; work: string; trivyIgnoreFile: string | undefined },
  installer: ToolInstaller,
  deps: ActionDeps,
): Promise<ScannerRun> {
  const tool = await installFromInputs(installer, 'trivy', install);
  const { findings, sarif } = await runTrivyScan(deps, {
    ...db,
    executable: tool.path,
    target: { kind: 'fs', path: scan.path },
    files: join(scan.work, 'trivy'),
    ignoreFile: scan.trivyIgnoreFile,
  });
  const { updatedAt } = await trivy.dbMetadata(db.cacheDir);
  return { findings, sarif, version: tool.version, ...(updatedAt ? { dbUpdatedAt: updatedAt } : {}) };
}

async function runOsv(
  osv: NonNullable<RepoScanPlan['osv']>,
  scan: { path: string; config: string | undefined; work: string },
  installer: ToolInstaller,
  deps: ActionDeps,
): Promise<ScannerRun> {
  const tool = await installFromInputs(installer, 'osv-scanner', osv.install);
  const output = join(scan.work, 'osv-scanner.json');
  const { localDb, offline } = osv;
  const result = await deps.runner
    .run({
      tool: 'osv-scanner',
      command: tool.path,
      args: osvScanner.args({ path: scan.path, output, config: scan.config, localDb, offline }),
      env: deps.env,
      okExitCodes: osvScanner.okExitCodes,
    })
    .catch(async (error: unknown) => {
      if (error instanceof CommandError) await failOnIncompleteScan(error.stderrTail, localDb);
      throw error;
    });
  // osv-scanner logs a missing offline database, or any extraction error, and still exits 0 or 1 with a
  // report of what it did match: a partial result that must not pass as a verdict.
  await failOnIncompleteScan(result.stderrTail, localDb);
  if (osvScanner.explainExit(result.exitCode) === 'no-packages') {
    return { findings: [], version: tool.version, note: 'found no packages to scan (exit 128)' };
  }
  const findings = parseOsvReport(await readScannerReport(output, 'osv-scanner'));
  if (result.exitCode === 0 && findings.length > 0)
    throw new ReportError('osv-scanner exited 0 but its report lists vulnerabilities');
  const sarif = findingsToSarif(
    findings,
    { name: 'osv-scanner', version: tool.version, uri: 'https://google.github.io/osv-scanner/' },
    { root: deps.inputContext.workspace },
  );
  return { findings, sarif, version: tool.version };
}

/** Every SBOM format asked for, from one syft run, each read back (an unreadable one fails closed). */
async function runSyft(
  sbom: NonNullable<RepoScanPlan['sbom']>,
  scan: { path: string; work: string },
  installer: ToolInstaller,
  deps: ActionDeps,
): Promise<SbomRun> {
  const tool = await installFromInputs(installer, 'syft', sbom.install);
  const files: Partial<Record<SbomFormat, string>> = {};
  for (const format of sbom.formats)
    files[format] = join(scan.work, format === 'cyclonedx-json' ? 'sbom.cdx.json' : 'sbom.spdx.json');
  await deps.runner.run({
    tool: 'syft',
    command: tool.path,
    args: syft.args({ path: scan.path, outputs: files }),
    env: { ...deps.env, ...syft.env },
  });
  const out: SbomFiles = {};
  for (const [format, path] of Object.entries(files)) {
    const text = await readScannerReport(path, 'syft');
    const info = format === 'cyclonedx-json' ? readCycloneDx(text) : readSpdx(text);
    out[format] = { path, version: info.version, components: info.components };
  }
  return { files: out, version: tool.version };
}

/** The ecosystems an offline OSV database has archives for (`osv-scalibr/<Ecosystem>/all.zip`). */
async function osvDbEcosystems(dir: string): Promise<string[]> {
  const entries = await readdir(join(dir, 'osv-scalibr'), { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    if (
      await access(join(dir, 'osv-scalibr', entry.name, 'all.zip')).then(
        () => true,
        () => false,
      )
    )
      found.push(entry.name);
  }
  return found.sort();
}

/** Fails when osv-scanner's log says part of the scan did not happen (its exit code does not say so). */
async function failOnIncompleteScan(stderr: string, localDb: string | undefined): Promise<void> {
  const missing = [...stderr.matchAll(/could not load db for (\S+) ecosystem/g)].map((m) => m[1] ?? '');
  if (
    localDb !== undefined &&
    (missing.length > 0 || /no offline version of the OSV database/.test(stderr))
  ) {
    const has = (await osvDbEcosystems(localDb)).join(', ') || 'none';
    const lacks = missing.length > 0 ? [...new Set(missing)].join(', ') : 'an ecosystem';
    throw new ConfigurationError(
      `Input "osv-db": it has no offline database for ${lacks} ` +
        `that this repository uses (${localDb} has ${has}). Add ` +
        'osv-scalibr/<Ecosystem>/all.zip for each ecosystem (osv-scanner --download-offline-databases writes them all)',
      { input: 'osv-db', code: 'OSV_DB_INCOMPLETE', expected: lacks, actual: has },
    );
  }
  const failed = /^.*Error during extraction.*$/m.exec(stderr)?.[0];
  if (failed !== undefined)
    throw new ReportError(
      `osv-scanner could not complete the scan, so its report is partial: ${failed.trim()}`,
    );
}
