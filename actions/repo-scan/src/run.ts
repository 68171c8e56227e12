import { access, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ActionDeps,
  CommandError,
  ConfigurationError,
  enforceGate,
  evaluateGate,
  type Finding,
  findingsToSarif,
  type InputValues,
  mergeSarif,
  osvScanner,
  parseOsvReport,
  parseTrivyReport,
  ReportError,
  readCycloneDx,
  readIgnoreFiles,
  readInputs,
  readScannerJson,
  readScannerReport,
  readSpdx,
  runnerDeps,
  type SbomFormat,
  type ScanReport,
  scanSummary,
  syft,
  ToolInstaller,
  trivy,
} from '@chain/core';
import { outputs, spec } from './inputs.ts';

type Inputs = InputValues<typeof spec>;

interface SarifDocument {
  version?: string;
  runs?: unknown[];
}

interface ScannerRun {
  findings: Finding[];
  sarif?: SarifDocument;
  version: string;
  note?: string;
  dbUpdatedAt?: string;
}

export async function main(deps: ActionDeps = runnerDeps()): Promise<void> {
  const values = readInputs(spec, deps.inputs, deps.inputContext);
  const work = await mkdtemp(join(deps.env.RUNNER_TEMP ?? tmpdir(), 'repo-scan-'));
  const ignores = await readIgnoreFiles(values.path);
  const installer = new ToolInstaller(deps);
  const wants = new Set(values.scanners);
  if (
    values['osv-db'] !== undefined &&
    wants.has('osv') &&
    (await osvDbEcosystems(values['osv-db'])).length === 0
  )
    throw new ConfigurationError(
      `Input "osv-db": ${values['osv-db']} holds no offline OSV database (osv-scalibr/<Ecosystem>/all.zip)`,
      { input: 'osv-db' },
    );
  if (values.offline && wants.has('osv') && values['osv-db'] === undefined)
    throw new ConfigurationError(
      'Input "osv-db": offline: true needs an offline OSV database for osv-scanner (a folder with ' +
        'osv-scalibr/<Ecosystem>/all.zip); give its path, or leave osv out of "scanners"',
      { input: 'osv-db' },
    );
  if (values.offline && values['db-repository'] !== undefined)
    throw new ConfigurationError(
      'Input "db-repository": offline: true uses the DB already in trivy-cache-dir and never reads a mirror; give one or the other',
      { input: 'db-repository' },
    );
  const trivyCache = values['trivy-cache-dir'] ?? trivy.defaultCacheDir(deps.env, work);
  if (values.offline && wants.has('trivy')) await trivy.requireOfflineDb(trivyCache, 'trivy-cache-dir');

  // Each scanner runs once, with JSON output; everything else is derived from that one run.
  const [osv, trivyRun, sbom] = await Promise.all([
    wants.has('osv') ? runOsv(values, installer, ignores.osvConfig, work, deps) : undefined,
    wants.has('trivy')
      ? runTrivy(values, installer, ignores.trivyIgnoreFile, trivyCache, work, deps)
      : undefined,
    wants.has('sbom') ? runSyft(values, installer, work, deps) : undefined,
  ]);

  const runs: Record<string, ScannerRun> = {};
  if (osv) runs['osv-scanner'] = osv;
  if (trivyRun) runs.trivy = trivyRun;
  const findings = Object.values(runs).flatMap((r) => r.findings);
  const gate = evaluateGate(
    findings,
    { severities: values.severity, ignoreUnfixed: values['ignore-unfixed'] },
    Object.keys(runs),
  );

  const report: ScanReport = {
    schema: 'scan-report/v1',
    tool: 'repo-scan',
    passed: gate.passed,
    severities: [...values.severity],
    ignoreUnfixed: values['ignore-unfixed'],
    scanners: Object.fromEntries(
      Object.entries(runs).map(([k, r]) => [
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
    findings,
    ignored: ignores.rules,
    ignoredUnfixed: gate.ignoredUnfixed,
    ...(sbom ? { sbom: sbom.files } : {}),
  };
  if (sbom) report.scanners.syft = { version: sbom.version };
  const reportPath = join(work, 'report.json');
  const sarifPath = join(work, 'results.sarif');
  await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(
    sarifPath,
    `${JSON.stringify(mergeSarif(Object.values(runs).flatMap((r) => (r.sarif ? [r.sarif] : []))), null, 2)}\n`,
  );
  // One file per scanner as well, for one code-scanning category per scanner.
  const sarifDir = join(work, 'sarif');
  await mkdir(sarifDir, { recursive: true });
  for (const [scanner, r] of Object.entries(runs))
    if (r.sarif)
      await writeFile(
        join(sarifDir, `${scanner}.sarif`),
        `${JSON.stringify(mergeSarif([r.sarif]), null, 2)}\n`,
      );

  const sbomOutput =
    sbom === undefined
      ? ''
      : Object.keys(sbom.files).length === 1
        ? (sbom.files['cyclonedx-json']?.path ?? Object.values(sbom.files)[0]?.path ?? '')
        : JSON.stringify(Object.fromEntries(Object.entries(sbom.files).map(([k, v]) => [k, v.path])));
  outputs.write(
    {
      passed: String(gate.passed),
      counts: JSON.stringify(gate.counts),
      report: reportPath,
      sarif: sarifPath,
      'sarif-dir': sarifDir,
      sbom: sbomOutput,
    },
    deps.outputs,
  );
  await deps.writeSummary(scanSummary(report));

  const message = `repo-scan: ${gate.failing.length} finding(s) at ${[...values.severity].join(', ')} (first: ${gate.failing
    .slice(0, 3)
    .map((f) => `${f.id} in ${f.package}`)
    .join(', ')}); see the job summary and ${reportPath}`;
  enforceGate(gate.passed, message, values['fail-on'], 'repo-scan', (w) => deps.logger.warning(w));
}

async function runOsv(
  values: Inputs,
  installer: ToolInstaller,
  config: string | undefined,
  work: string,
  deps: ActionDeps,
): Promise<ScannerRun> {
  const tool = await installer.install('osv-scanner', {
    path: values['osv-scanner-path'],
    version: values['osv-scanner-version'],
  });
  const output = join(work, 'osv-scanner.json');
  const localDb = values['osv-db'];
  const result = await deps.runner
    .run({
      tool: 'osv-scanner',
      command: tool.path,
      args: osvScanner.args({ path: values.path, output, config, localDb, offline: values.offline }),
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
  return { findings, sarif: sarif as SarifDocument, version: tool.version };
}

async function runTrivy(
  values: Inputs,
  installer: ToolInstaller,
  ignoreFile: string | undefined,
  cacheDir: string,
  work: string,
  deps: ActionDeps,
): Promise<ScannerRun> {
  const tool = await installer.install('trivy', {
    path: values['trivy-path'],
    version: values['trivy-version'],
  });
  await mkdir(cacheDir, { recursive: true });
  const output = join(work, 'trivy.json');
  await deps.runner.run({
    tool: 'trivy',
    command: tool.path,
    args: trivy.fsArgs({
      path: values.path,
      output,
      cacheDir,
      ignoreFile,
      dbRepository: values['db-repository'],
      offline: values.offline,
    }),
    env: deps.env,
  });
  const findings = parseTrivyReport(await readScannerReport(output, 'trivy'));
  const sarifPath = join(work, 'trivy.sarif');
  await deps.runner.run({
    tool: 'trivy',
    command: tool.path,
    args: trivy.sarifArgs(output, sarifPath),
    env: deps.env,
  });
  const sarif = await readScannerJson<SarifDocument>(sarifPath, 'trivy convert');
  const dbUpdatedAt = await trivy.dbUpdatedAt(cacheDir);
  return { findings, sarif, version: tool.version, ...(dbUpdatedAt ? { dbUpdatedAt } : {}) };
}

async function runSyft(values: Inputs, installer: ToolInstaller, work: string, deps: ActionDeps) {
  const tool = await installer.install('syft', {
    path: values['syft-path'],
    version: values['syft-version'],
  });
  const files: Partial<Record<SbomFormat, string>> = {};
  for (const format of values['sbom-formats'])
    files[format] = join(work, format === 'cyclonedx-json' ? 'sbom.cdx.json' : 'sbom.spdx.json');
  await deps.runner.run({
    tool: 'syft',
    command: tool.path,
    args: syft.args({ path: values.path, outputs: files }),
    env: { ...deps.env, ...syft.env },
  });
  const out: NonNullable<ScanReport['sbom']> = {};
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
    throw new ConfigurationError(
      `Input "osv-db": it has no offline database for ${missing.length > 0 ? [...new Set(missing)].join(', ') : 'an ecosystem'} ` +
        `that this repository uses (${localDb} has ${(await osvDbEcosystems(localDb)).join(', ') || 'none'}). Add ` +
        'osv-scalibr/<Ecosystem>/all.zip for each ecosystem (osv-scanner --download-offline-databases writes them all)',
      { input: 'osv-db' },
    );
  }
  const failed = /^.*Error during extraction.*$/m.exec(stderr)?.[0];
  if (failed !== undefined)
    throw new ReportError(
      `osv-scanner could not complete the scan, so its report is partial: ${failed.trim()}`,
    );
}
