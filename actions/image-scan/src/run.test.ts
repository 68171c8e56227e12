// image-scan in process: the step's decisions and failure paths through its seam (runAction). The layouts
// are real files (synthetic OCI layouts on disk, verified and snapshotted for real); trivy and syft are
// stand-ins that write real published Trivy and syft outputs (test/fixtures/scanners) where the real
// tools would, so the gate, the SARIF and the summary run on real reports without the real scanners.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { CommandError, type ExecRequest, type ExecResult, type ToolRunner } from '@chain/core';
import { runAction } from '@chain/core/testing';
import { describe, expect, it } from 'vitest';
import { blobFile, editImageIndex, writeSyntheticLayout } from '../../../scripts/lib/layout-fixture.ts';
import { action } from './action.ts';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'scanners');
const fixture = (path: string) => readFileSync(join(fixtures, path), 'utf8');
/** Real Trivy image reports: 2 CRITICAL + 4 MEDIUM, and the same image with the CRITICALs ignored. */
const VULNERABLE = fixture('trivy/alpine-39.json.golden');
const MEDIUM_ONLY = fixture('trivy/alpine-39-ignore-cveids.json.golden');
const SARIF = fixture('trivy/alpine-310.sarif.golden');
const CYCLONEDX = fixture('syft/cyclonedx-1.6-image.golden.json');
const DB_BUILT = '2026-07-01T06:00:00Z';

async function job(options: { platforms?: string[]; attestations?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'image-scan-run-'));
  const layout = await writeSyntheticLayout(join(dir, 'layout'), options);
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  for (const tool of ['trivy', 'syft'])
    writeFileSync(join(bin, tool), '#!/bin/sh\nexit 99\n', { mode: 0o755 });
  const cache = join(dir, 'trivy-cache');
  mkdirSync(join(cache, 'db'), { recursive: true });
  writeFileSync(join(cache, 'db', 'trivy.db'), '');
  writeFileSync(join(cache, 'db', 'metadata.json'), JSON.stringify({ Version: 2, UpdatedAt: DB_BUILT }));
  return {
    dir,
    layout,
    env: { RUNNER_TEMP: dir, HOME: dir },
    workspace: dir,
    inputs: {
      layout: layout.dir,
      digest: layout.root.digest,
      'trivy-path': join(bin, 'trivy'),
      'syft-path': join(bin, 'syft'),
      offline: 'true',
      'trivy-cache-dir': cache,
    } as Record<string, string>,
  };
}

const after = (request: ExecRequest, flag: string) => request.args[request.args.indexOf(flag) + 1] ?? '';

/** The platform of the one image a per-platform view holds. */
function viewPlatform(view: string): string {
  const index = JSON.parse(readFileSync(join(view, 'index.json'), 'utf8')) as {
    manifests: { platform?: { os: string; architecture: string } }[];
  };
  const platform = index.manifests[0]?.platform;
  return `${platform?.os}/${platform?.architecture}`;
}

interface StandIn {
  /** The JSON report trivy writes per platform (null: none at all). */
  reports: Record<string, string | null>;
  /** What trivy convert writes (null: nothing). */
  sarif?: string | null;
  trivyExit?: number;
}

/**
 * trivy and syft as the step calls them. The platforms are scanned in parallel, so the calls come in no
 * fixed order: each is answered by what it asks for (the view's platform), and any other call throws.
 */
function standIns({ reports, sarif = SARIF, trivyExit = 0 }: StandIn): ToolRunner {
  const answer = (request: ExecRequest, exitCode = 0): ExecResult => {
    if (!(request.okExitCodes ?? [0]).includes(exitCode))
      throw new CommandError(`${request.tool} failed with exit code ${exitCode}`, {
        tool: request.tool,
        exitCode,
      });
    return { exitCode, stdout: '', stderrTail: '', durationMs: 0 };
  };
  return {
    async run(request) {
      const [verb, second] = request.args;
      const tool = basename(request.command);
      if (tool === 'trivy' && verb === 'image' && second === '--download-db-only') return answer(request);
      if (tool === 'trivy' && verb === 'image') {
        const report = reports[viewPlatform(after(request, '--input'))];
        if (report !== null && report !== undefined) writeFileSync(after(request, '--output'), report);
        return answer(request, trivyExit);
      }
      if (tool === 'trivy' && verb === 'convert') {
        if (sarif !== null) writeFileSync(after(request, '--output'), sarif);
        return answer(request);
      }
      if (tool === 'syft' && verb === 'scan') {
        writeFileSync(after(request, '-o').replace(/^cyclonedx-json=/, ''), CYCLONEDX);
        return answer(request);
      }
      throw new Error(`unexpected call: ${tool} ${request.args.join(' ')}`);
    },
  };
}

const BOTH = { 'linux/amd64': VULNERABLE, 'linux/arm64': MEDIUM_ONLY };
const verbs = (calls: ExecRequest[]) => calls.map((c) => `${basename(c.command)} ${c.args[0]}`);

interface Report {
  passed: boolean;
  digest: string;
  scanners: Record<string, unknown>;
  failing: { id: string; platform: string; severity: string }[];
  findings: unknown[];
  platforms: { platform: string; digest: string; counts: Record<string, number> }[];
  startedAt: string;
  finishedAt: string;
}

describe('image-scan, in process', () => {
  it('scans each platform image through its own view: findings per platform, one verdict, one SARIF run', async () => {
    const j = await job();
    const now = new Date('2026-07-02T10:00:00Z');
    const r = await runAction(action, { ...j, tools: standIns({ reports: BOTH }), now: () => now });
    // Two CRITICALs on amd64 fail the HIGH,CRITICAL gate: the step fails, with everything written first.
    expect(r.code).toBe('COMMAND_FAILED');
    expect(r.error).toMatchObject({ tool: 'image-scan' });
    expect(verbs(r.calls).sort()).toEqual(['trivy convert', 'trivy convert', 'trivy image', 'trivy image']);
    const views = r.calls.filter((c) => c.args[0] === 'image').map((c) => after(c, '--input'));
    expect(views.map(viewPlatform).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    for (const view of views) expect(view.startsWith(j.dir)).toBe(true);
    for (const call of r.calls.filter((c) => c.args[0] === 'image'))
      expect(call.args).toEqual(
        expect.arrayContaining(['--offline-scan', '--cache-dir', j.inputs['trivy-cache-dir']]),
      );

    expect(r.output.passed).toBe('false');
    expect(r.output.digest).toBe(j.layout.root.digest);
    expect(r.output['sbom-dir']).toBe('');
    const counts = JSON.parse(r.output.counts ?? '') as {
      trivy: Record<string, number>;
      platforms: Record<string, Record<string, number>>;
    };
    expect(counts.trivy).toEqual({ CRITICAL: 2, HIGH: 0, MEDIUM: 6, LOW: 0, UNKNOWN: 0 });
    expect(counts.platforms['linux/amd64']).toEqual({ CRITICAL: 2, HIGH: 0, MEDIUM: 4, LOW: 0, UNKNOWN: 0 });
    expect(counts.platforms['linux/arm64']).toEqual({ CRITICAL: 0, HIGH: 0, MEDIUM: 2, LOW: 0, UNKNOWN: 0 });

    const report = JSON.parse(readFileSync(r.output.report ?? '', 'utf8')) as Report;
    expect(report).toMatchObject({
      passed: false,
      digest: j.layout.root.digest,
      scanners: { trivy: { version: 'unpinned', dbUpdatedAt: DB_BUILT, dbVersion: '2' } },
      startedAt: now.toISOString(),
      finishedAt: now.toISOString(),
    });
    expect(report.failing.map((f) => [f.severity, f.platform])).toEqual([
      ['CRITICAL', 'linux/amd64'],
      ['CRITICAL', 'linux/amd64'],
    ]);
    expect(report.findings).toHaveLength(8);
    expect(report.platforms.map((p) => [p.platform, p.digest])).toEqual(
      j.layout.manifests.map((m, i) => [['linux/amd64', 'linux/arm64'][i], m.digest]),
    );

    // One Trivy run for both platforms (code scanning refuses two runs of one tool), each result naming its own.
    const sarif = JSON.parse(readFileSync(r.output.sarif ?? '', 'utf8')) as {
      runs: {
        tool: { driver: { name: string } };
        results: { properties: { platform: string; digest: string } }[];
      }[];
    };
    expect(sarif.runs.map((run) => run.tool.driver.name)).toEqual(['Trivy']);
    expect(new Set(sarif.runs[0]?.results.map((x) => x.properties.platform))).toEqual(
      new Set(['linux/amd64', 'linux/arm64']),
    );
    expect(readFileSync(join(r.output['sarif-dir'] ?? '', 'trivy.sarif'), 'utf8')).toBe(
      readFileSync(r.output.sarif ?? '', 'utf8'),
    );
    expect(r.summaries).toHaveLength(1);
    expect(r.summaries[0]).toContain('linux/arm64');
    expect(r.summaries[0]).toContain(`trivy unpinned (DB of ${DB_BUILT.slice(0, 10)})`);
  });

  it('a gate the findings do not reach passes; fail-on: never turns a failed gate into a warning', async () => {
    const j = await job();
    const critical = await runAction(action, {
      ...j,
      inputs: { ...j.inputs, severity: 'CRITICAL', platforms: 'linux/arm64' },
      tools: standIns({ reports: BOTH }),
    });
    expect(critical.error).toBeUndefined();
    expect(critical.output.passed).toBe('true');
    expect(critical.calls.filter((c) => c.args[0] === 'image')).toHaveLength(1);

    const never = await runAction(action, {
      ...j,
      inputs: { ...j.inputs, 'fail-on': 'never' },
      tools: standIns({ reports: BOTH }),
    });
    expect(never.exitCode).toBe(0);
    expect(never.output.passed).toBe('false');
    expect(never.logger.messages('warning').join('\n')).toMatch(/fail-on: never, so the step passes/);
  });

  it('online: the DB is brought up to date once (through the mirror), then every platform skips the check', async () => {
    const j = await job();
    const r = await runAction(action, {
      ...j,
      inputs: {
        ...j.inputs,
        offline: 'false',
        'db-repository': 'mirror.example/trivy-db',
        'fail-on': 'never',
      },
      tools: standIns({ reports: BOTH }),
    });
    expect(r.error).toBeUndefined();
    expect(r.calls[0]?.args).toEqual(
      expect.arrayContaining(['--download-db-only', '--db-repository', 'mirror.example/trivy-db']),
    );
    const scans = r.calls.filter((c) => c.args[0] === 'image' && c.args[1] === '--input');
    expect(scans).toHaveLength(2);
    for (const scan of scans) expect(scan.args).toEqual(expect.arrayContaining(['--skip-db-update']));
  });

  it('sbom: one CycloneDX SBOM per platform image from the same verified snapshot, indexed by digest', async () => {
    const j = await job();
    const r = await runAction(action, {
      ...j,
      inputs: { ...j.inputs, sbom: 'true', platforms: 'linux/amd64', 'fail-on': 'never' },
      tools: standIns({ reports: BOTH }),
    });
    expect(r.error).toBeUndefined();
    // Every platform image gets its SBOM, whatever `platforms` selects for the scan.
    expect(r.calls.filter((c) => basename(c.command) === 'syft')).toHaveLength(2);
    const index = JSON.parse(readFileSync(join(r.output['sbom-dir'] ?? '', 'sboms.json'), 'utf8')) as {
      digest: string;
      sboms: { platform: string; digest: string }[];
    };
    expect(index.digest).toBe(j.layout.root.digest);
    expect(index.sboms.map((s) => s.platform)).toEqual(['linux/amd64', 'linux/arm64']);
  });

  it('skips attestation manifests and scans every image', async () => {
    const j = await job({ attestations: true });
    const r = await runAction(action, {
      ...j,
      inputs: { ...j.inputs, 'fail-on': 'never' },
      tools: standIns({ reports: BOTH }),
    });
    expect(r.error).toBeUndefined();
    expect(r.logger.messages('info')).toContain('skipping 2 attestation manifest(s)');
    expect(r.calls.filter((c) => c.args[0] === 'image')).toHaveLength(2);
  });
});

describe('image-scan refuses before anything is scanned', () => {
  it('a digest other than the layout’s is DIGEST_MISMATCH, with both digests', async () => {
    const j = await job();
    const wrong = `sha256:${'1'.repeat(64)}`;
    const r = await runAction(action, {
      ...j,
      inputs: { ...j.inputs, digest: wrong },
      tools: standIns({ reports: BOTH }),
    });
    expect(r.code).toBe('DIGEST_MISMATCH');
    expect(r.error).toMatchObject({ input: 'digest', expected: wrong, actual: j.layout.root.digest });
    expect(r.calls).toEqual([]);
    expect(r.output).toEqual({});
  });

  it('a layout holding only attestations, or nothing at all, is refused: nothing would be checked', async () => {
    const j = await job({ attestations: true });
    const onlyAttestations = await editImageIndex(j.layout.dir, (manifests) =>
      manifests.filter((m) => m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest'),
    );
    const attestations = await runAction(action, {
      ...j,
      inputs: { ...j.inputs, digest: onlyAttestations },
      tools: standIns({ reports: BOTH }),
    });
    expect(attestations.error).toMatchObject({ code: 'LAYOUT_INVALID', reason: 'ATTESTATION_INVALID' });
    expect(attestations.calls).toEqual([]);

    const none = await editImageIndex(j.layout.dir, () => []);
    const empty = await runAction(action, {
      ...j,
      inputs: { ...j.inputs, digest: none },
      tools: standIns({ reports: BOTH }),
    });
    expect(empty.error).toMatchObject({ code: 'LAYOUT_INVALID', reason: 'NO_IMAGE' });
    expect(empty.calls).toEqual([]);
  });

  it('a layer swapped for other bytes of the same size: LAYOUT_INVALID, nothing scanned, no digest output', async () => {
    const j = await job();
    const layer = j.layout.layers[0];
    if (layer === undefined) throw new Error('the synthetic layout has no layer');
    const file = blobFile(j.layout, layer.digest);
    const bytes = readFileSync(file);
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    const r = await runAction(action, { ...j, tools: standIns({ reports: BOTH }) });
    expect(r.code).toBe('LAYOUT_INVALID');
    expect(r.calls.filter((c) => c.args[0] === 'image')).toEqual([]);
    expect(r.output).toEqual({});
  });

  it('a platform the layout lacks names the input, what was asked and what is there', async () => {
    const j = await job();
    const r = await runAction(action, {
      ...j,
      inputs: { ...j.inputs, platforms: 'linux/s390x' },
      tools: standIns({ reports: BOTH }),
    });
    expect(r.code).toBe('INPUT_INVALID');
    expect(r.error).toMatchObject({
      input: 'platforms',
      expected: 'linux/s390x',
      actual: 'linux/amd64, linux/arm64',
    });
    expect(r.calls).toEqual([]);
  });

  it('offline with an empty cache folder is TRIVY_DB_MISSING, naming the input', async () => {
    const j = await job();
    const empty = mkdtempSync(join(tmpdir(), 'empty-cache-'));
    const r = await runAction(action, {
      ...j,
      inputs: { ...j.inputs, 'trivy-cache-dir': empty },
      tools: standIns({ reports: BOTH }),
    });
    expect(r.code).toBe('TRIVY_DB_MISSING');
    expect(r.error).toMatchObject({ input: 'trivy-cache-dir', expected: join(empty, 'db', 'trivy.db') });
    expect(r.calls).toEqual([]);
  });

  it('a trivyignore that is not YAML names the input', async () => {
    const j = await job();
    writeFileSync(join(j.workspace, 'ignore.yaml'), 'vulnerabilities: [\n');
    const r = await runAction(action, {
      ...j,
      inputs: { ...j.inputs, trivyignore: 'ignore.yaml' },
      tools: standIns({ reports: BOTH }),
    });
    expect(r.code).toBe('INPUT_INVALID');
    expect(r.error).toMatchObject({ input: 'trivyignore', reason: 'IGNORE_FILE_NOT_YAML' });
    expect((r.error as Error).message).toMatch(/^Input "trivyignore": ignore\.yaml is not valid YAML/);
    expect(r.calls).toEqual([]);
  });
});

describe('image-scan fails closed on what the scanner wrote', () => {
  it.each([
    ['no Trivy report for one platform', { reports: { ...BOTH, 'linux/arm64': null } }],
    [
      'a Trivy report that does not parse',
      { reports: { ...BOTH, 'linux/amd64': '{"SchemaVersion": 2, "Results": [' } },
    ],
    ['no SARIF from trivy convert', { reports: BOTH, sarif: null }],
  ])('%s: REPORT_UNREADABLE, and no output (the digest output means scanned)', async (_label, standIn) => {
    const j = await job();
    const r = await runAction(action, {
      ...j,
      inputs: { ...j.inputs, 'fail-on': 'never' },
      tools: standIns(standIn),
    });
    expect(r.code).toBe('REPORT_UNREADABLE');
    expect(r.output).toEqual({});
    expect(r.summaries).toEqual([]);
  });

  it('a crashing trivy fails the step with its exit code, whatever fail-on says', async () => {
    const j = await job();
    const r = await runAction(action, {
      ...j,
      inputs: { ...j.inputs, 'fail-on': 'never' },
      tools: standIns({ reports: BOTH, trivyExit: 2 }),
    });
    expect(r.code).toBe('COMMAND_FAILED');
    expect(r.error).toMatchObject({ tool: 'trivy', exitCode: 2 });
    expect(r.output.passed).toBeUndefined();
  });
});
