// repo-scan, bundled, with scanner stand-ins (test/stand-ins) passed through the documented *-path
// inputs: they check their argv against the real CLIs' syntax and print recorded real reports.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/actions.ts';
import { runBundle, standInLog, userErrorLine } from './helpers/runner.ts';

const standIns = join(repoRoot, 'test', 'stand-ins');
const fixture = (path: string) => join(repoRoot, 'test', 'fixtures', 'scanners', path);
const tools = {
  'trivy-path': join(standIns, 'trivy'),
  'osv-scanner-path': join(standIns, 'osv-scanner'),
  'syft-path': join(standIns, 'syft'),
};

function scan(
  inputs: Record<string, string> = {},
  env: NodeJS.ProcessEnv = {},
  setup?: (workspace: string) => void,
) {
  const workspace = mkdtempSync(join(tmpdir(), 'repo-'));
  writeFileSync(join(workspace, 'go.mod'), 'module example.com/app\n');
  setup?.(workspace);
  const log = standInLog();
  const r = runBundle('repo-scan', 'main', {
    inputs: { ...tools, ...inputs },
    workspace,
    env: { ...log.env, ...env },
  });
  const calls = log.calls();
  return { r, calls, workspace };
}

const errorLine = userErrorLine;

describe('repo-scan with all three scanners', () => {
  it('runs each scanner once, gives one failing verdict, and writes report, SARIF and SBOM', () => {
    const { r, calls } = scan();
    expect(r.status).toBe(1);
    expect(errorLine(r)).toMatch(
      /^::error::repo-scan: 3 finding\(s\) at HIGH, CRITICAL \(first: CVE-2019-14697 in musl/,
    );
    expect(calls.map((c) => `${c.tool} ${c.argv[0]}`).sort()).toEqual([
      'osv-scanner scan',
      'syft scan',
      'trivy convert',
      'trivy fs',
    ]);

    expect(r.outputs.passed).toBe('false');
    expect(JSON.parse(r.outputs.counts ?? '{}')).toEqual({
      'osv-scanner': { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 0, UNKNOWN: 18 },
      trivy: { CRITICAL: 2, HIGH: 0, MEDIUM: 4, LOW: 0, UNKNOWN: 0 },
    });
    const report = JSON.parse(readFileSync(r.outputs.report ?? '', 'utf8'));
    expect(report).toMatchObject({
      schema: 'scan-report/v1',
      tool: 'repo-scan',
      passed: false,
      severities: ['HIGH', 'CRITICAL'],
    });
    expect(report.failing.map((f: { id: string }) => f.id)).toEqual([
      'CVE-2019-14697',
      'CVE-2019-14697',
      'GO-2025-3487',
    ]);
    expect(report.findings).toHaveLength(27);
    const sarif = JSON.parse(readFileSync(r.outputs.sarif ?? '', 'utf8'));
    expect(sarif.runs.map((run: { tool: { driver: { name: string } } }) => run.tool.driver.name)).toEqual([
      'osv-scanner',
      'Trivy',
    ]);
    expect(JSON.parse(readFileSync(r.outputs.sbom ?? '', 'utf8')).bomFormat).toBe('CycloneDX');

    expect(r.summary.indexOf('Failed: 3 finding(s)')).toBeLessThan(r.summary.indexOf('<table>'));
    expect(r.summary).toContain('CVE-2019-14697');
    expect(r.summary).toContain('24 finding(s) below the gate');
  });

  it('fail-on: never reports the same verdict but lets the step pass', () => {
    const { r } = scan({ 'fail-on': 'never' });
    expect(r.status).toBe(0);
    expect(r.outputs.passed).toBe('false');
    expect(r.stdout).toContain('::warning::repo-scan: 3 finding(s)');
  });

  it('passes when nothing reaches the gate', () => {
    const { r } = scan(
      {},
      {
        STANDIN_TRIVY_REPORT: fixture('trivy/alpine-39-ignore-cveids.json.golden'),
        STANDIN_OSV_SCANNER_REPORT: fixture('osv-scanner/results-empty.json'),
        STANDIN_OSV_SCANNER_EXIT: '0',
      },
    );
    expect(r.status, r.stdout).toBe(0);
    expect(r.outputs.passed).toBe('true');
    expect(r.summary).toContain('Passed: no finding at HIGH, CRITICAL');
  });

  it("honours and reports the scanners' own ignore files", () => {
    const { r, calls, workspace } = scan({ 'fail-on': 'never' }, {}, (ws) => {
      writeFileSync(join(ws, '.trivyignore'), '# musl is not linked into our binary\nCVE-2019-14697\n');
      writeFileSync(
        join(ws, 'osv-scanner.toml'),
        '[[IgnoredVulns]]\nid = "GO-2025-3487"\nreason = "x/crypto ssh server not used"\n',
      );
    });
    expect(calls.find((c) => c.tool === 'trivy' && c.argv[0] === 'fs')?.argv).toEqual(
      expect.arrayContaining(['--ignorefile', join(workspace, '.trivyignore')]),
    );
    expect(calls.find((c) => c.tool === 'osv-scanner')?.argv).toEqual(
      expect.arrayContaining(['--config', join(workspace, 'osv-scanner.toml')]),
    );
    expect(r.summary).toContain('musl is not linked into our binary');
    expect(r.summary).toContain('x/crypto ssh server not used');
    const report = JSON.parse(readFileSync(r.outputs.report ?? '', 'utf8'));
    expect(report.ignored.map((i: { id: string }) => i.id)).toEqual(['CVE-2019-14697', 'GO-2025-3487']);
  });

  it('several SBOM formats from one Syft run: a JSON map of paths', () => {
    const { r, calls } = scan({ scanners: 'sbom', 'sbom-formats': 'cyclonedx-json,spdx-json' });
    expect(r.status, r.stdout).toBe(0);
    expect(calls.filter((c) => c.tool === 'syft')).toHaveLength(1);
    const sbom = JSON.parse(r.outputs.sbom ?? '{}') as Record<string, string>;
    expect(Object.keys(sbom)).toEqual(['cyclonedx-json', 'spdx-json']);
    expect(JSON.parse(readFileSync(sbom['spdx-json'] ?? '', 'utf8')).spdxVersion).toBe('SPDX-2.3');
  });

  it('osv-scanner finding no packages (exit 128) is not a failure, and is said', () => {
    const { r } = scan({ scanners: 'osv' }, { STANDIN_OSV_SCANNER_EXIT: '128' });
    expect(r.status).toBe(0);
    expect(r.summary).toContain('found no packages to scan (exit 128)');
  });
});

describe('repo-scan fails closed', () => {
  it.each([
    ['an unreadable Trivy report', { STANDIN_TRIVY_CORRUPT: '1' }, /the Trivy report is not valid JSON/],
    ['a crashing Trivy', { STANDIN_TRIVY_EXIT: '3' }, /trivy failed with exit code 3/],
    [
      'an unreadable OSV report',
      { STANDIN_OSV_SCANNER_CORRUPT: '1' },
      /the OSV-Scanner report is not valid JSON/,
    ],
    [
      'osv-scanner with an error exit code',
      { STANDIN_OSV_SCANNER_EXIT: '127' },
      /osv-scanner failed with exit code 127/,
    ],
    ['a corrupt SBOM', { STANDIN_SYFT_CORRUPT: '1' }, /the CycloneDX SBOM report is not valid JSON/],
    [
      'osv-scanner saying "clean" over a report with findings',
      { STANDIN_OSV_SCANNER_EXIT: '0' },
      /exited 0 but its report lists vulnerabilities/,
    ],
  ])('%s', (_label, env, message) => {
    const { r } = scan({ 'fail-on': 'never' }, env);
    expect(r.status).toBe(1);
    expect(errorLine(r)).toMatch(message);
  });

  it('a tool path that does not exist', () => {
    const { r } = scan({ 'trivy-path': '/nonexistent/trivy' });
    expect(r.status).toBe(1);
    expect(errorLine(r)).toContain('trivy executable /nonexistent/trivy does not exist');
  });

  it.each([
    [
      { severity: 'HIGH,SEVERE' },
      /Input "severity" severity "SEVERE" is not one of CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN/,
    ],
    [{ scanners: 'osv,grype' }, /Input "scanners" scanner "grype" is not one of osv, trivy, sbom/],
    [{ path: '../elsewhere' }, /Input "path" must stay inside the workspace/],
    [{ 'sbom-formats': 'cyclonedx-xml' }, /Input "sbom-formats" SBOM format "cyclonedx-xml"/],
    [{ 'trivy-version': '0.1.0' }, /trivy 0.1.0 has no pinned SHA-256 \(pinned: 0.69.3\)/],
  ])('bad input %j', (inputs, message) => {
    const given = { ...inputs } as Record<string, string>;
    const { r, calls } = scan('trivy-version' in given ? { ...given, 'trivy-path': '' } : given);
    expect(r.status).toBe(1);
    expect(errorLine(r)).toMatch(message);
    if (!('trivy-version' in given)) expect(calls).toEqual([]);
  });
});
