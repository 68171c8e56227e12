// repo-scan in process: the step's decisions and failure paths through its seam (runAction). The workspace
// is a real folder; osv-scanner, trivy and syft are stand-ins that write real published reports
// (test/fixtures/scanners) where the real tools would, so the gate, the SARIF and the summary run on real
// reports without the real scanners.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { CommandError, type ExecRequest, type ExecResult, type ToolRunner } from '@chain/core';
import { runAction } from '@chain/core/testing';
import { describe, expect, it } from 'vitest';
import { action } from './action.ts';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'scanners');
const fixture = (path: string) => readFileSync(join(fixtures, path), 'utf8');
/** Real OSV-Scanner v2 reports: 2 HIGH (gogo/protobuf, regex), and nothing. */
const OSV_HIGH = fixture('osv-scanner/test-vuln-results-b.json');
const OSV_EMPTY = fixture('osv-scanner/results-empty.json');
/** Real Trivy fs reports: a CRITICAL and a HIGH secret; and no Results (nothing found). */
const TRIVY_SECRETS = fixture('trivy/secrets.json.golden');
const TRIVY_NOTHING = fixture('trivy/alpine-39-skip.json.golden');
const TRIVY_SARIF = fixture('trivy/alpine-310.sarif.golden');
const CYCLONEDX = fixture('syft/cyclonedx-1.5-directory.golden.json');
const SPDX = fixture('syft/spdx-2.3-image.golden.json');
const DB_BUILT = '2026-07-01T06:00:00Z';

function job(inputs: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'repo-scan-run-'));
  const workspace = join(dir, 'ws');
  mkdirSync(workspace);
  writeFileSync(join(workspace, 'go.mod'), 'module example.com/app\n');
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  for (const tool of ['trivy', 'osv-scanner', 'syft'])
    writeFileSync(join(bin, tool), '#!/bin/sh\nexit 99\n', { mode: 0o755 });
  const cache = join(dir, 'trivy-cache');
  mkdirSync(join(cache, 'db'), { recursive: true });
  writeFileSync(join(cache, 'db', 'trivy.db'), '');
  writeFileSync(join(cache, 'db', 'metadata.json'), JSON.stringify({ Version: 2, UpdatedAt: DB_BUILT }));
  const osvDb = join(dir, 'osv-db');
  mkdirSync(join(osvDb, 'osv-scalibr', 'Go'), { recursive: true });
  writeFileSync(join(osvDb, 'osv-scalibr', 'Go', 'all.zip'), '');
  return {
    dir,
    workspace,
    osvDb,
    env: { RUNNER_TEMP: dir, HOME: dir },
    inputs: {
      'trivy-path': join(bin, 'trivy'),
      'osv-scanner-path': join(bin, 'osv-scanner'),
      'syft-path': join(bin, 'syft'),
      'trivy-cache-dir': cache,
      ...inputs,
    } as Record<string, string>,
  };
}

const after = (request: ExecRequest, flag: string) => request.args[request.args.indexOf(flag) + 1] ?? '';

interface StandIn {
  /** osv-scanner's report (null: none), exit code and stderr. */
  osv?: { report?: string | null; exitCode?: number; stderr?: string };
  trivy?: { report?: string | null; exitCode?: number; sarif?: string | null };
  syft?: { cyclonedx?: string };
}

/**
 * The three scanners as the step calls them. They run in parallel, so the calls come in no fixed order:
 * each is answered by its tool, and any other call throws.
 */
function standIns(s: StandIn = {}): ToolRunner {
  const answer = (request: ExecRequest, exitCode = 0, stderrTail = ''): ExecResult => {
    if (!(request.okExitCodes ?? [0]).includes(exitCode))
      throw new CommandError(`${request.tool} failed with exit code ${exitCode}`, {
        tool: request.tool,
        exitCode,
        stderrTail,
      });
    return { exitCode, stdout: '', stderrTail, durationMs: 0 };
  };
  const write = (path: string, text: string | null | undefined) => {
    if (text !== null && text !== undefined) writeFileSync(path, text);
  };
  return {
    async run(request) {
      const tool = basename(request.command);
      const verb = request.args[0];
      if (tool === 'osv-scanner' && verb === 'scan') {
        const { report = OSV_HIGH, exitCode = 1, stderr = '' } = s.osv ?? {};
        write(after(request, '--output-file'), report);
        return answer(request, exitCode, stderr);
      }
      if (tool === 'trivy' && verb === 'fs') {
        write(after(request, '--output'), s.trivy?.report === undefined ? TRIVY_SECRETS : s.trivy.report);
        return answer(request, s.trivy?.exitCode);
      }
      if (tool === 'trivy' && verb === 'convert') {
        write(after(request, '--output'), s.trivy?.sarif === undefined ? TRIVY_SARIF : s.trivy.sarif);
        return answer(request);
      }
      if (tool === 'syft' && verb === 'scan') {
        for (const [i, arg] of request.args.entries()) {
          if (request.args[i - 1] !== '-o') continue;
          const [format, file = ''] = arg.split('=');
          write(file, format === 'spdx-json' ? SPDX : (s.syft?.cyclonedx ?? CYCLONEDX));
        }
        return answer(request);
      }
      throw new Error(`unexpected call: ${tool} ${request.args.join(' ')}`);
    },
  };
}

const verbs = (calls: ExecRequest[]) => calls.map((c) => `${basename(c.command)} ${c.args[0]}`).sort();

interface Report {
  passed: boolean;
  scanners: Record<string, unknown>;
  failing: { scanner: string; id: string; severity: string }[];
  ignored: { scanner: string; id: string; reason: string }[];
  sbom: Record<string, { path: string; components: number }>;
}
const readReport = (path: string | undefined) => JSON.parse(readFileSync(path ?? '', 'utf8')) as Report;

describe('repo-scan, in process', () => {
  it('runs each scanner once with its own ignore file, and gives one verdict over their findings', async () => {
    const j = job();
    writeFileSync(join(j.workspace, '.trivyignore'), '# test keys only\nCVE-2021-3807\n');
    writeFileSync(
      join(j.workspace, 'osv-scanner.toml'),
      '[[IgnoredVulns]]\nid = "GHSA-x"\nreason = "not reachable"\n',
    );
    const r = await runAction(action, { ...j, tools: standIns() });
    // Two HIGH advisories and a CRITICAL and a HIGH secret: the HIGH,CRITICAL gate fails the step.
    expect(r.code).toBe('COMMAND_FAILED');
    expect(r.error).toMatchObject({ tool: 'repo-scan' });
    expect(verbs(r.calls)).toEqual(['osv-scanner scan', 'syft scan', 'trivy convert', 'trivy fs']);
    const call = (verb: string) => r.calls.find((c) => `${basename(c.command)} ${c.args[0]}` === verb);
    expect(call('trivy fs')?.args).toEqual(
      expect.arrayContaining(['--ignorefile', join(j.workspace, '.trivyignore')]),
    );
    expect(call('trivy fs')?.args.at(-1)).toBe(j.workspace);
    expect(call('osv-scanner scan')?.args).toEqual(
      expect.arrayContaining(['--config', join(j.workspace, 'osv-scanner.toml')]),
    );

    expect(r.output.passed).toBe('false');
    expect(JSON.parse(r.output.counts ?? '')).toEqual({
      'osv-scanner': { CRITICAL: 0, HIGH: 2, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
      trivy: { CRITICAL: 1, HIGH: 1, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
    });
    const report = readReport(r.output.report);
    expect(report.scanners).toEqual({
      'osv-scanner': { version: 'unpinned' },
      trivy: { version: 'unpinned', dbUpdatedAt: DB_BUILT },
      syft: { version: 'unpinned' },
    });
    expect(report.failing.map((f) => [f.scanner, f.severity])).toEqual([
      ['trivy', 'CRITICAL'],
      ['osv-scanner', 'HIGH'],
      ['osv-scanner', 'HIGH'],
      ['trivy', 'HIGH'],
    ]);
    expect(report.ignored.map((i) => [i.scanner, i.id, i.reason])).toEqual([
      ['trivy', 'CVE-2021-3807', 'test keys only'],
      ['osv-scanner', 'GHSA-x', 'not reachable'],
    ]);
    expect(r.output.sbom).toBe(report.sbom['cyclonedx-json']?.path);

    // One SARIF run per scanner, and one file per scanner for one code-scanning category each.
    const sarif = JSON.parse(readFileSync(r.output.sarif ?? '', 'utf8')) as {
      runs: { tool: { driver: { name: string } } }[];
    };
    expect(sarif.runs.map((run) => run.tool.driver.name)).toEqual(['osv-scanner', 'Trivy']);
    expect(readdirSync(r.output['sarif-dir'] ?? '').sort()).toEqual(['osv-scanner.sarif', 'trivy.sarif']);
    expect(r.summaries).toHaveLength(1);
    expect(r.summaries[0]).toContain(`trivy unpinned (DB of ${DB_BUILT.slice(0, 10)})`);
    expect(r.summaries[0]).toContain('not reachable');
  });

  it('passes a repository where nothing is found', async () => {
    const j = job({ scanners: 'osv,trivy' });
    const r = await runAction(action, {
      ...j,
      tools: standIns({ osv: { report: OSV_EMPTY, exitCode: 0 }, trivy: { report: TRIVY_NOTHING } }),
    });
    expect(r.error).toBeUndefined();
    expect(r.output.passed).toBe('true');
    expect(r.output.sbom).toBe('');
    expect(r.summaries[0]).toContain('Passed: no finding at HIGH, CRITICAL');
  });

  it('osv-scanner finding no packages (exit 128) is no failure, and is said; it then has no SARIF', async () => {
    const j = job({ scanners: 'osv,trivy' });
    const r = await runAction(action, {
      ...j,
      tools: standIns({ osv: { report: null, exitCode: 128 }, trivy: { report: TRIVY_NOTHING } }),
    });
    expect(r.error).toBeUndefined();
    expect(r.summaries[0]).toContain('found no packages to scan (exit 128)');
    expect(readdirSync(r.output['sarif-dir'] ?? '')).toEqual(['trivy.sarif']);
  });

  it('fail-on: never reports the same verdict but lets the step pass, with a warning', async () => {
    const j = job({ scanners: 'osv', 'fail-on': 'never' });
    const r = await runAction(action, { ...j, tools: standIns() });
    expect(r.exitCode).toBe(0);
    expect(r.output.passed).toBe('false');
    expect(r.logger.messages('warning').join('\n')).toMatch(/^repo-scan: 2 finding\(s\) at HIGH, CRITICAL/);
  });

  it('several SBOM formats from one syft run: the sbom output maps each format to its file', async () => {
    const j = job({ scanners: 'sbom', 'sbom-formats': 'cyclonedx-json,spdx-json' });
    const r = await runAction(action, { ...j, tools: standIns() });
    expect(r.error).toBeUndefined();
    expect(verbs(r.calls)).toEqual(['syft scan']);
    const sbom = JSON.parse(r.output.sbom ?? '') as Record<string, string>;
    expect(Object.keys(sbom)).toEqual(['cyclonedx-json', 'spdx-json']);
    expect(readReport(r.output.report).sbom['spdx-json']?.path).toBe(sbom['spdx-json']);
  });
});

describe('repo-scan fails closed', () => {
  it.each([
    ['no Trivy report', { trivy: { report: null } }, 'REPORT_UNREADABLE'],
    [
      'an unreadable Trivy report',
      { trivy: { report: '{"SchemaVersion": 2, "Results": [' } },
      'REPORT_UNREADABLE',
    ],
    ['no SARIF from trivy convert', { trivy: { sarif: null } }, 'REPORT_UNREADABLE'],
    ['no OSV report', { osv: { report: null } }, 'REPORT_UNREADABLE'],
    ['an unreadable OSV report', { osv: { report: '{"results": [' } }, 'REPORT_UNREADABLE'],
    ['osv-scanner saying "clean" over a report with findings', { osv: { exitCode: 0 } }, 'REPORT_UNREADABLE'],
    [
      'osv-scanner logging an extraction error',
      { osv: { stderr: 'Error during extraction: (extracting as go/gomod) bad go.mod' } },
      'REPORT_UNREADABLE',
    ],
    ['a corrupt SBOM', { syft: { cyclonedx: '{"bomFormat": "CycloneDX",' } }, 'REPORT_UNREADABLE'],
    ['a crashing Trivy', { trivy: { exitCode: 3 } }, 'COMMAND_FAILED'],
    ['osv-scanner with an error exit code', { osv: { exitCode: 127 } }, 'COMMAND_FAILED'],
  ])('%s: %s, whatever fail-on says', async (_label, standIn, code) => {
    const j = job({ 'fail-on': 'never' });
    const r = await runAction(action, { ...j, tools: standIns(standIn) });
    expect(r.code).toBe(code);
    expect(r.output).toEqual({});
    expect(r.summaries).toEqual([]);
  });

  it('an unpinned tool version, or a tool path that is no executable, names the tool input at fault', async () => {
    const j = job({ scanners: 'trivy' });
    const version = await runAction(action, {
      ...j,
      inputs: { ...j.inputs, 'trivy-path': '', 'trivy-version': '0.1.0' },
      tools: standIns(),
    });
    expect(version.code).toBe('TOOL_VERSION_UNPINNED');
    expect(version.error).toMatchObject({ input: 'trivy-version', actual: '0.1.0' });
    const notExecutable = join(j.dir, 'trivy-data');
    writeFileSync(notExecutable, 'data', { mode: 0o644 });
    const path = await runAction(action, {
      ...j,
      inputs: { ...j.inputs, 'trivy-path': notExecutable },
      tools: standIns(),
    });
    expect(path.code).toBe('TOOL_NOT_EXECUTABLE');
    expect(path.error).toMatchObject({ input: 'trivy-path', actual: notExecutable });
    expect(path.calls).toEqual([]);
  });

  it('an offline OSV database without an ecosystem the repository uses names the input, what it lacks and has', async () => {
    const j = job({ offline: 'true', scanners: 'osv' });
    const r = await runAction(action, {
      ...j,
      inputs: { ...j.inputs, 'osv-db': j.osvDb },
      tools: standIns({ osv: { stderr: 'could not load db for PyPI ecosystem: not found' } }),
    });
    expect(r.code).toBe('OSV_DB_INCOMPLETE');
    expect(r.error).toMatchObject({ input: 'osv-db', expected: 'PyPI', actual: 'Go' });
    const args = r.calls[0]?.args ?? [];
    expect(args).toEqual(expect.arrayContaining(['--offline', '--local-db-path', j.osvDb]));
  });

  it('an osv-db folder with no database in it is refused before any scan', async () => {
    const j = job({ scanners: 'osv', 'osv-db': mkdtempSync(join(tmpdir(), 'osv-empty-')) });
    const r = await runAction(action, { ...j, tools: standIns() });
    expect(r.code).toBe('OSV_DB_MISSING');
    expect(r.error).toMatchObject({ input: 'osv-db' });
    expect(r.calls).toEqual([]);
  });

  it('offline with an empty Trivy cache folder is TRIVY_DB_MISSING, naming the input, before any scan', async () => {
    const j = job({ scanners: 'trivy', offline: 'true' });
    const empty = mkdtempSync(join(tmpdir(), 'empty-cache-'));
    const r = await runAction(action, {
      ...j,
      inputs: { ...j.inputs, 'trivy-cache-dir': empty },
      tools: standIns(),
    });
    expect(r.code).toBe('TRIVY_DB_MISSING');
    expect(r.error).toMatchObject({ input: 'trivy-cache-dir', expected: join(empty, 'db', 'trivy.db') });
    expect(r.calls).toEqual([]);
  });

  it('offline with the databases: no scanner is asked to touch the network', async () => {
    const j = job({ offline: 'true', scanners: 'osv,trivy', 'fail-on': 'never' });
    const r = await runAction(action, {
      ...j,
      inputs: { ...j.inputs, 'osv-db': j.osvDb },
      tools: standIns(),
    });
    expect(r.error).toBeUndefined();
    const trivyFs = r.calls.find((c) => c.args[0] === 'fs');
    expect(trivyFs?.args).toEqual(expect.arrayContaining(['--offline-scan', '--skip-db-update']));
    expect(r.calls.find((c) => basename(c.command) === 'osv-scanner')?.args).toContain('--offline');
  });
});
