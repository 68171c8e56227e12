import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thrownAs } from '../../../../test/helpers/errors.ts';
import { InvalidValueError } from '../action/errors.ts';
import type { Finding } from './findings.ts';
import { parseOsvReport } from './osv-report.ts';
import { ReportError } from './report-file.ts';
import { parseSeverityList, type Severity } from './severity.ts';
import { evaluateGate } from './severity-gate.ts';
import { parseTrivyReport } from './trivy-report.ts';

const fixture = (path: string) =>
  readFileSync(join(import.meta.dirname, '../../../../test/fixtures/scanners', path), 'utf8');
const bySeverity = (findings: Finding[]) => {
  const counts: Partial<Record<Severity, number>> = {};
  for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  return counts;
};

describe('Trivy JSON (schema v2), real published reports', () => {
  it('image scan: every vulnerability with package, versions and severity', () => {
    const findings = parseTrivyReport(fixture('trivy/alpine-39.json.golden'), 'linux/amd64');
    expect(bySeverity(findings)).toEqual({ MEDIUM: 4, CRITICAL: 2 });
    expect(findings[4]).toMatchObject({
      scanner: 'trivy',
      kind: 'vulnerability',
      id: 'CVE-2019-14697',
      package: 'musl',
      installed: '1.1.20-r4',
      fixed: '1.1.20-r5',
      severity: 'CRITICAL',
      platform: 'linux/amd64',
    });
  });

  it('.trivyignore applied by Trivy: ignored findings are simply absent', () => {
    expect(bySeverity(parseTrivyReport(fixture('trivy/alpine-39-ignore-cveids.json.golden')))).toEqual({
      MEDIUM: 2,
    });
  });

  it('no Results key, and a Result without Vulnerabilities, mean nothing found', () => {
    expect(parseTrivyReport(fixture('trivy/alpine-39-skip.json.golden'))).toEqual([]);
    expect(parseTrivyReport(fixture('trivy/cargo.lock.json.golden'))).toEqual([]);
  });

  it('several targets and UNKNOWN severities', () => {
    const findings = parseTrivyReport(fixture('trivy/gomod.json.golden'));
    expect(findings.map((f) => [f.target, f.id, f.severity])).toEqual([
      ['go.mod', 'GMS-2022-20', 'UNKNOWN'],
      ['go.mod', 'CVE-2022-23628', 'MEDIUM'],
      ['go.mod', 'CVE-2021-38561', 'UNKNOWN'],
      ['submod/go.mod', 'GMS-2022-20', 'UNKNOWN'],
      ['submod2/go.mod', 'GMS-2022-20', 'UNKNOWN'],
    ]);
  });

  it('secrets and failed misconfigurations are findings too', () => {
    expect(
      parseTrivyReport(fixture('trivy/secrets.json.golden')).map((f) => [f.kind, f.id, f.severity]),
    ).toEqual([
      ['secret', 'aws-access-key-id', 'CRITICAL'],
      ['secret', 'mysecret', 'HIGH'],
    ]);
    expect(
      parseTrivyReport(fixture('trivy/dockerfile.json.golden')).map((f) => [f.kind, f.id, f.severity]),
    ).toEqual([['misconfiguration', 'DS-0002', 'HIGH']]);
  });

  it.each([
    ['', /report is empty/],
    ['{"SchemaVersion": 2, "Results": [', /not valid JSON/],
    ['{"SchemaVersion": 1, "Results": []}', /not SchemaVersion 2 \(got 1\)/],
    ['[]', /not SchemaVersion 2/],
    ['{"SchemaVersion": 2, "Results": {}}', /Results value that is not a list/],
    [
      '{"SchemaVersion": 2, "Results": [{"Target": "x", "Vulnerabilities": [{"PkgName": "a"}]}]}',
      /no VulnerabilityID/,
    ],
  ])('refuses an untrustworthy report: %j', (text, message) => {
    expect(() => parseTrivyReport(text)).toThrow(ReportError);
    expect(() => parseTrivyReport(text)).toThrow(message);
  });
});

describe('OSV-Scanner JSON (v2), real published reports', () => {
  it('one finding per group; severity from max_severity, else the advisory label, else UNKNOWN', () => {
    const findings = parseOsvReport(fixture('osv-scanner/smithy-golang-raw-results.json'));
    expect(findings).toHaveLength(21);
    expect(findings.slice(0, 3).map((f) => [f.package, f.id, f.severity])).toEqual([
      ['golang.org/x/crypto', 'GO-2025-3487', 'HIGH'],
      ['golang.org/x/net', 'GO-2025-3503', 'MEDIUM'],
      ['golang.org/x/net', 'GO-2025-3595', 'MEDIUM'],
    ]);
    expect(findings.filter((f) => f.package === 'stdlib').every((f) => f.severity === 'UNKNOWN')).toBe(true);
    expect(findings[0]).toMatchObject({
      installed: '0.32.0',
      fixed: '0.35.0',
      aliases: ['CVE-2025-22869', 'GHSA-hcg3-q754-cr77'],
    });
  });

  it('a label-only CRITICAL (no CVSS vector) is CRITICAL', () => {
    expect(
      parseOsvReport(fixture('osv-scanner/smithy-elixir-raw-results.json')).map((f) => [f.id, f.severity]),
    ).toEqual([['GHSA-w98m-2xqg-9cvj', 'CRITICAL']]);
  });

  it('tolerates the older shape without aliases or max_severity', () => {
    const findings = parseOsvReport(fixture('osv-scanner/test-vuln-results-b.json'));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.find((f) => f.id === 'GHSA-c3h9-896r-86jm')).toMatchObject({
      package: 'github.com/gogo/protobuf',
      severity: 'HIGH',
    });
  });

  it('empty results are nothing found', () => {
    expect(parseOsvReport(fixture('osv-scanner/results-empty.json'))).toEqual([]);
    expect(parseOsvReport(fixture('osv-scanner/no-vulns.from-snapshot.json'))).toEqual([]);
  });

  it.each([
    ['', /report is empty/],
    ['not json', /not valid JSON/],
    ['{"vulns": []}', /no "results" list/],
    [
      '{"results": [{"packages": [{"package": {"name": "x"}, "groups": [{"ids": []}]}]}]}',
      /group for x has no ids/,
    ],
  ])('refuses an untrustworthy report: %j', (text, message) => {
    expect(() => parseOsvReport(text)).toThrow(message);
  });
});

describe('unreadable fields fail closed (a real report, one field changed)', () => {
  const trivy = () =>
    JSON.parse(fixture('trivy/alpine-39.json.golden')) as {
      Results: { Vulnerabilities: { Severity: unknown }[] }[];
    } & Record<string, unknown>;
  it.each([
    ['a number', 9.8],
    ['an unknown word', 'SEVERE'],
    ['nothing', undefined],
  ])(
    'a Trivy severity that is %s is a report error, never an UNKNOWN that passes the gate',
    (_label, value) => {
      const doc = trivy();
      const v = doc.Results[0]?.Vulnerabilities[0];
      if (v === undefined) throw new Error('fixture');
      v.Severity = value;
      expect(thrownAs(ReportError, () => parseTrivyReport(JSON.stringify(doc)))).toMatchObject({
        code: 'REPORT_UNREADABLE',
        reason: 'SEVERITY_UNREADABLE',
      });
    },
  );
  it('results under another key are a report error, not "nothing found"', () => {
    const { Results, ...rest } = trivy();
    expect(
      thrownAs(ReportError, () => parseTrivyReport(JSON.stringify({ ...rest, results: Results }))),
    ).toMatchObject({ code: 'REPORT_UNREADABLE', reason: 'UNKNOWN_FIELDS', actual: 'results' });
    expect(parseTrivyReport(JSON.stringify(rest))).toEqual([]);
  });

  const osv = () =>
    JSON.parse(fixture('osv-scanner/smithy-golang-raw-results.json')) as {
      results: {
        packages: {
          groups: { ids: string[]; max_severity?: unknown }[];
          vulnerabilities: { id: string; database_specific?: Record<string, unknown> }[];
        }[];
      }[];
    };
  it('an OSV group naming a record the report does not hold is a report error', () => {
    const doc = osv();
    const pkg = doc.results[0]?.packages.find((p) => p.groups.length > 0);
    if (pkg === undefined) throw new Error('fixture');
    pkg.groups[0]?.ids.push('GHSA-xxxx-xxxx-xxxx');
    expect(thrownAs(ReportError, () => parseOsvReport(JSON.stringify(doc)))).toMatchObject({
      code: 'REPORT_UNREADABLE',
      reason: 'RECORD_MISSING',
      expected: 'GHSA-xxxx-xxxx-xxxx',
    });
  });
  it.each([
    ['max_severity "high"', (g: { max_severity?: unknown }) => (g.max_severity = 'high'), '"high"'],
    ['max_severity 11', (g: { max_severity?: unknown }) => (g.max_severity = '11'), '"11"'],
  ])('an OSV %s is a report error', (_label, mutate, actual) => {
    const doc = osv();
    const group = doc.results[0]?.packages.find((p) => p.groups.length > 0)?.groups[0];
    if (group === undefined) throw new Error('fixture');
    mutate(group);
    expect(thrownAs(ReportError, () => parseOsvReport(JSON.stringify(doc)))).toMatchObject({
      code: 'REPORT_UNREADABLE',
      reason: 'SEVERITY_UNREADABLE',
      actual,
    });
  });
  it('an OSV advisory label that is not a severity is a report error; an absent one is UNKNOWN', () => {
    const doc = osv();
    for (const pkg of doc.results[0]?.packages ?? []) for (const g of pkg.groups) g.max_severity = '';
    const record = doc.results[0]?.packages.find((p) => p.vulnerabilities.length > 0)?.vulnerabilities[0];
    if (record === undefined) throw new Error('fixture');
    record.database_specific = { severity: 7 };
    expect(thrownAs(ReportError, () => parseOsvReport(JSON.stringify(doc)))).toMatchObject({
      code: 'REPORT_UNREADABLE',
      reason: 'SEVERITY_UNREADABLE',
      actual: '7',
    });
    record.database_specific = {};
    expect(() => parseOsvReport(JSON.stringify(doc))).not.toThrow();
  });
});

describe('severity gate', () => {
  const trivy = parseTrivyReport(fixture('trivy/alpine-39.json.golden'));
  const osv = parseOsvReport(fixture('osv-scanner/smithy-golang-raw-results.json'));

  it('one verdict across scanners, most severe first, with counts per scanner', () => {
    const result = evaluateGate(
      [...trivy, ...osv],
      { severities: parseSeverityList(['HIGH', 'CRITICAL']), ignoreUnfixed: false },
      ['trivy', 'osv-scanner'],
    );
    expect(result.passed).toBe(false);
    expect(result.failing.map((f) => [f.scanner, f.id])).toEqual([
      ['trivy', 'CVE-2019-14697'],
      ['trivy', 'CVE-2019-14697'],
      ['osv-scanner', 'GO-2025-3487'],
    ]);
    expect(result.counts.trivy).toEqual({ CRITICAL: 2, HIGH: 0, MEDIUM: 4, LOW: 0, UNKNOWN: 0 });
    expect(result.counts['osv-scanner']).toEqual({ CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 0, UNKNOWN: 18 });
  });

  it('passes when nothing reaches the gated severities', () => {
    expect(evaluateGate(trivy, { severities: parseSeverityList(['LOW']), ignoreUnfixed: false }).passed).toBe(
      true,
    );
  });

  it('ignore-unfixed leaves out gated findings without a fix, and says which', () => {
    const unfixed: Finding = { ...(trivy[4] as Finding), id: 'CVE-0000-0001', fixed: undefined };
    const result = evaluateGate([unfixed], {
      severities: parseSeverityList(['CRITICAL']),
      ignoreUnfixed: true,
    });
    expect(result.passed).toBe(true);
    expect(result.ignoredUnfixed.map((f) => f.id)).toEqual(['CVE-0000-0001']);
    expect(
      evaluateGate([unfixed], { severities: parseSeverityList(['CRITICAL']), ignoreUnfixed: false }).passed,
    ).toBe(false);
  });

  it('refuses unknown severities by name', () => {
    expect(thrownAs(InvalidValueError, () => parseSeverityList(['HIGH', 'SEVERE']))).toMatchObject({
      reason: 'NOT_ALLOWED',
      expected: 'CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN',
      actual: 'SEVERE',
    });
    expect(parseSeverityList(['high', 'Critical'])).toEqual(new Set(['HIGH', 'CRITICAL']));
  });
});
