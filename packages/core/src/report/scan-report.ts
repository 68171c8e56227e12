import type { Finding, Severity } from './findings.ts';
import { SEVERITIES } from './findings.ts';
import type { IgnoreRule } from './ignore-files.ts';
import { JobSummary } from './job-summary.ts';
import { validSarifUri } from './sarif.ts';
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

interface SarifDocument {
  version?: string;
  runs?: unknown[];
}

/**
 * One SARIF file from several, for one code-scanning upload: one run per tool. Code scanning refuses a
 * file with two runs of one tool under one category, which is what a scan per platform gives; those runs
 * become one, their rules merged by id (each result's `ruleIndex` re-pointed) and each result keeping
 * where it came from in `properties`.
 */
export function mergeSarif(documents: readonly SarifDocument[]): object {
  const byTool = new Map<string, SarifRun[]>();
  for (const run of documents.flatMap((d) => d.runs ?? []) as SarifRun[]) {
    const tool = run?.tool?.driver?.name ?? '';
    byTool.set(tool, [...(byTool.get(tool) ?? []), run]);
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [...byTool.values()].map((runs) => withValidUris(runs.length === 1 ? runs[0] : oneRun(runs))),
  };
}

interface SarifRule {
  id?: string;
}
interface SarifResult {
  ruleIndex?: number;
  properties?: Record<string, unknown>;
}
interface SarifRun {
  tool?: { driver?: { name?: string; rules?: SarifRule[] } & Record<string, unknown> } & Record<
    string,
    unknown
  >;
  results?: SarifResult[];
  artifacts?: unknown[];
  properties?: Record<string, unknown>;
}

function oneRun(runs: SarifRun[]): SarifRun {
  const rules: SarifRule[] = [];
  const position = new Map<string, number>();
  const results: SarifResult[] = [];
  for (const [i, run] of runs.entries()) {
    const remap = (run.tool?.driver?.rules ?? []).map((rule) => {
      const id = rule.id ?? `#${rules.length}`;
      if (!position.has(id)) {
        position.set(id, rules.length);
        rules.push(rule);
      }
      return position.get(id);
    });
    const origin = run.properties ?? { run: i };
    for (const result of run.results ?? []) {
      const { ruleIndex, ...rest } = result;
      const index = ruleIndex === undefined ? undefined : remap[ruleIndex];
      results.push({
        ...(stripArtifactIndex(rest) as SarifResult),
        ...(index !== undefined ? { ruleIndex: index } : {}),
        properties: { ...origin, ...(result.properties ?? {}) },
      });
    }
  }
  const { artifacts: _artifacts, properties: _properties, ...base } = runs[0] ?? {};
  return { ...base, tool: { ...base.tool, driver: { ...base.tool?.driver, rules } }, results };
}

/** `artifactLocation.index` points into a run's `artifacts`, which a merged run does not keep. */
function stripArtifactIndex(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripArtifactIndex);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'index' || !('uri' in value))
      .map(([key, child]) => [key, stripArtifactIndex(child)]),
  );
}

/**
 * Every `artifactLocation.uri` of a run made a valid URI reference (the SARIF schema requires it, and
 * code scanning rejects the file otherwise): Trivy names image targets with spaces and parentheses.
 */
function withValidUris(run: unknown): unknown {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (key === 'artifactLocation' && child !== null && typeof child === 'object' && 'uri' in child) {
        const location = child as Record<string, unknown>;
        out[key] = {
          ...location,
          ...(typeof location.uri === 'string' ? { uri: validSarifUri(location.uri) } : {}),
        };
      } else out[key] = visit(child);
    }
    return out;
  };
  return visit(run);
}

const TOP = 10;

export function scanSummary(report: ScanReport): JobSummary {
  const gate = `${report.severities.join(', ')}${report.ignoreUnfixed ? ', fixed only' : ''}`;
  const s = new JobSummary()
    .heading(report.tool)
    .verdict(
      report.passed,
      report.passed
        ? `Passed: no finding at ${gate}`
        : `Failed: ${report.failing.length} finding(s) at ${gate}`,
    );
  if (report.digest !== undefined) s.paragraph(`Scanned ${report.digest}`);
  s.table(
    ['scanner', ...SEVERITIES],
    Object.entries(report.counts).map(([scanner, counts]) => [
      [
        `${scanner} ${report.scanners[scanner]?.version ?? ''}`.trim(),
        report.scanners[scanner]?.dbUpdatedAt
          ? `(DB of ${report.scanners[scanner]?.dbUpdatedAt?.slice(0, 10)})`
          : '',
      ]
        .join(' ')
        .trim(),
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
  const row = (f: Finding) => [
    { text: f.id, code: true },
    f.package,
    f.installed,
    f.fixed ?? '—',
    f.severity,
    `${f.scanner}${f.platform ? ` (${f.platform})` : ''}`,
  ];
  const headers = ['id', 'package', 'installed', 'fixed', 'severity', 'scanner'];
  if (report.failing.length > 0) {
    s.heading('Findings that fail the gate', 3).table(headers, report.failing.slice(0, TOP).map(row));
    if (report.failing.length > TOP) {
      s.details(`${report.failing.length - TOP} more`, (inner) =>
        inner.table(headers, report.failing.slice(TOP).map(row)),
      );
    }
  }
  const others = report.findings.filter((f) => !report.failing.includes(f));
  if (others.length > 0)
    s.details(`${others.length} finding(s) below the gate`, (inner) => inner.table(headers, others.map(row)));
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
      inner.table(headers, report.ignoredUnfixed.map(row)),
    );
  }
  for (const [name, info] of Object.entries(report.scanners))
    if (info.note) s.warning(`${name}: ${info.note}`);
  return s;
}
