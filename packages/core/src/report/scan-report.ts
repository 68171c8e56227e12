import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding } from './findings.ts';
import type { IgnoreRule } from './ignore-files.ts';
import { type Cell, JobSummary } from './job-summary.ts';
import { mergeSarif, type SarifDocument } from './sarif.ts';
import { SEVERITIES, type Severity } from './severity.ts';
import type { GateResult } from './severity-gate.ts';

/**
 * The merged report both scan actions write (`report` output). Schema `scan-report/v1`:
 * - passed: the verdict; severities/ignoreUnfixed: the gate that produced it
 * - scanners: name → {version, exitCode?, note?}
 * - counts: scanner → severity → number (every finding)
 * - failing: the findings that fail the gate, most severe first; findings: all findings
 * - ignored: rules from the scanners' own ignore files, with reasons; ignoredUnfixed: left out by ignore-unfixed
 * - sbom: format → {path, version, components} (repo-scan); digest/platforms (image-scan)
 * - startedAt/finishedAt: when the scan ran (RFC 3339; image-scan), for the vuln attestation
 */
export interface ScanReport {
  schema: 'scan-report/v1';
  tool: 'repo-scan' | 'image-scan';
  passed: boolean;
  severities: Severity[];
  ignoreUnfixed: boolean;
  scanners: Record<
    string,
    {
      version: string;
      note?: string;
      /** When the vulnerability DB used was built. */
      dbUpdatedAt?: string;
      /** The DB's schema version (Trivy's metadata.json `Version`). */
      dbVersion?: string;
    }
  >;
  counts: GateResult['counts'];
  failing: Finding[];
  findings: Finding[];
  ignored: IgnoreRule[];
  ignoredUnfixed: Finding[];
  sbom?: Record<string, { path: string; version: string; components: number }>;
  digest?: string;
  platforms?: { platform: string; digest: string; counts: Record<Severity, number> }[];
  startedAt?: string;
  finishedAt?: string;
}

/** Where `writeScanReport` put the report and its SARIF (the actions' `report`, `sarif`, `sarif-dir`). */
export interface ScanReportFiles {
  report: string;
  sarif: string;
  sarifDir: string;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Writes the merged report (`report.json`), every scanner's SARIF merged into one file (`results.sarif`:
 * one run per tool) and the same per scanner (`sarif/<scanner>.sarif`, one code-scanning category each;
 * a scanner with no SARIF gets no file) into `dir`.
 */
export async function writeScanReport(
  dir: string,
  report: ScanReport,
  sarifByScanner: Readonly<Record<string, readonly SarifDocument[]>>,
): Promise<ScanReportFiles> {
  const files = {
    report: join(dir, 'report.json'),
    sarif: join(dir, 'results.sarif'),
    sarifDir: join(dir, 'sarif'),
  };
  await writeFile(files.report, json(report));
  await writeFile(files.sarif, json(mergeSarif(Object.values(sarifByScanner).flat())));
  await mkdir(files.sarifDir, { recursive: true });
  for (const [scanner, documents] of Object.entries(sarifByScanner))
    if (documents.length > 0)
      await writeFile(join(files.sarifDir, `${scanner}.sarif`), json(mergeSarif(documents)));
  return files;
}

const TOP = 10;
const HEADERS = ['id', 'package', 'installed', 'fixed', 'severity', 'scanner'];

function findingRow(f: Finding): Cell[] {
  return [
    { text: f.id, code: true },
    f.package,
    f.installed,
    f.fixed ?? '—',
    f.severity,
    `${f.scanner}${f.platform ? ` (${f.platform})` : ''}`,
  ];
}

/** The job summary of a scan: the verdict, counts per scanner (and platform), then the findings. */
export function scanSummary(report: ScanReport): JobSummary {
  const s = new JobSummary();
  verdictAndCounts(s, report);
  findingTables(s, report);
  ignoredTables(s, report);
  for (const [name, info] of Object.entries(report.scanners))
    if (info.note) s.warning(`${name}: ${info.note}`);
  return s;
}

function verdictAndCounts(s: JobSummary, report: ScanReport): void {
  const gate = `${report.severities.join(', ')}${report.ignoreUnfixed ? ', fixed only' : ''}`;
  s.heading(report.tool).verdict(
    report.passed,
    report.passed
      ? `Passed: no finding at ${gate}`
      : `Failed: ${report.failing.length} finding(s) at ${gate}`,
  );
  if (report.digest !== undefined) s.paragraph(`Scanned ${report.digest}`);
  s.table(
    ['scanner', ...SEVERITIES],
    Object.entries(report.counts).map(([scanner, counts]) => [
      scannerLabel(scanner, report.scanners[scanner]),
      ...SEVERITIES.map((sev) => String(counts[sev])),
    ]),
  );
  if (report.platforms !== undefined) {
    s.table(
      ['platform', 'digest', ...SEVERITIES],
      report.platforms.map((p) => [
        p.platform,
        { text: p.digest, code: true },
        ...SEVERITIES.map((sev) => String(p.counts[sev])),
      ]),
    );
  }
}

/** `trivy 0.74.0 (DB of 2026-07-01)`: the scanner, its version, and when its DB was built, if known. */
function scannerLabel(scanner: string, info: ScanReport['scanners'][string] | undefined): string {
  return [
    `${scanner} ${info?.version ?? ''}`.trim(),
    info?.dbUpdatedAt ? `(DB of ${info.dbUpdatedAt.slice(0, 10)})` : '',
  ]
    .join(' ')
    .trim();
}

function findingTables(s: JobSummary, report: ScanReport): void {
  if (report.failing.length > 0) {
    s.heading('Findings that fail the gate', 3).table(HEADERS, report.failing.slice(0, TOP).map(findingRow));
    if (report.failing.length > TOP) {
      s.details(`${report.failing.length - TOP} more`, (inner) =>
        inner.table(HEADERS, report.failing.slice(TOP).map(findingRow)),
      );
    }
  }
  const others = report.findings.filter((f) => !report.failing.includes(f));
  if (others.length > 0)
    s.details(`${others.length} finding(s) below the gate`, (inner) =>
      inner.table(HEADERS, others.map(findingRow)),
    );
}

function ignoredTables(s: JobSummary, report: ScanReport): void {
  if (report.ignored.length > 0) {
    s.details(`${report.ignored.length} ignore rule(s) from the scanners' own files`, (inner) =>
      inner.table(
        ['id', 'reason', 'file', 'expires'],
        report.ignored.map((r) => [
          { text: r.id, code: true },
          r.reason || '(no reason given)',
          r.source,
          r.expires ?? 'never',
        ]),
      ),
    );
  }
  if (report.ignoredUnfixed.length > 0) {
    s.details(`${report.ignoredUnfixed.length} finding(s) left out by ignore-unfixed`, (inner) =>
      inner.table(HEADERS, report.ignoredUnfixed.map(findingRow)),
    );
  }
}
