// The shared Trivy flow (scan → findings → convert → SARIF) with a scripted trivy that writes real
// published Trivy reports (test/fixtures/scanners/trivy) where the real one would.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCode } from '../action/errors.ts';
import type { ExecRequest } from '../exec/tool-runner.ts';
import { type ScriptedCall, ScriptedToolRunner } from '../testing/scripted-runner.ts';
import { trivy } from './scanners.ts';
import { prepareTrivyCache, runTrivyScan, type TrivyScanRequest, updateTrivyDb } from './trivy-run.ts';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../../../test/fixtures/scanners/trivy', name), 'utf8');
const SARIF = fixture('alpine-310.sarif.golden');

/** The path after `flag` in a call's arguments. */
const after = (request: ExecRequest, flag: string) => request.args[request.args.indexOf(flag) + 1] ?? '';

/** trivy writing `json` as its report (nothing when undefined), with exit code `exitCode`. */
const scan = (kind: 'fs' | 'image', json: string | undefined, exitCode = 0): ScriptedCall => ({
  command: 'trivy',
  argsPrefix: [kind],
  respond: (request) => {
    if (json !== undefined) writeFileSync(after(request, '--output'), json);
    return { exitCode };
  },
});
/** trivy convert writing `sarif` (nothing when null). */
const convert = (sarif: string | null = SARIF): ScriptedCall => ({
  command: 'trivy',
  argsPrefix: ['convert', '--format', 'sarif'],
  respond: (request) => {
    if (sarif !== null) writeFileSync(after(request, '--output'), sarif);
    return {};
  },
});

function setUp(script: ScriptedCall[]) {
  const work = mkdtempSync(join(tmpdir(), 'trivy-run-'));
  const runner = new ScriptedToolRunner(script);
  return { work, runner, deps: { runner, env: { HOME: work } } };
}

function request(work: string, target: TrivyScanRequest['target'], more: Partial<TrivyScanRequest> = {}) {
  return {
    executable: '/tools/trivy',
    target,
    files: join(work, 'trivy'),
    cacheDir: join(work, 'cache'),
    offline: true,
    ...more,
  };
}

async function failure(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('it did not fail');
}

describe('runTrivyScan: one flow for both scans', () => {
  it('fs: scans the checkout to JSON, reads its findings, converts that same JSON to SARIF', async () => {
    const { work, runner, deps } = setUp([scan('fs', fixture('secrets.json.golden')), convert()]);
    const r = request(work, { kind: 'fs', path: '/ws' }, { ignoreFile: '/ws/.trivyignore' });
    const result = await runTrivyScan(deps, r);
    runner.assertDone();
    const [scanCall, convertCall] = runner.calls;
    expect(scanCall?.args).toEqual(trivy.fsArgs({ ...r, output: join(work, 'trivy.json'), path: '/ws' }));
    expect(scanCall).toMatchObject({ tool: 'trivy', command: '/tools/trivy', env: deps.env });
    expect(convertCall?.args).toEqual(trivy.sarifArgs(join(work, 'trivy.json'), join(work, 'trivy.sarif')));
    expect(result.findings.map((f) => [f.kind, f.severity, f.platform])).toEqual([
      ['secret', 'CRITICAL', undefined],
      ['secret', 'HIGH', undefined],
    ]);
    // A checkout's SARIF is Trivy's own, untouched.
    expect(result.sarif).toEqual(JSON.parse(SARIF));
  });

  it('image: one platform image view; findings and every SARIF run name the platform and its digest', async () => {
    const { work, runner, deps } = setUp([scan('image', fixture('alpine-39.json.golden')), convert()]);
    const digest = `sha256:${'c'.repeat(64)}`;
    const result = await runTrivyScan(
      deps,
      request(
        work,
        { kind: 'image', layout: '/views/0', platform: 'linux/arm64', digest },
        { offline: false, dbFresh: true, dbRepository: 'mirror.example/trivy-db' },
      ),
    );
    const args = runner.calls[0]?.args ?? [];
    expect(args.slice(0, 5)).toEqual(['image', '--input', '/views/0', '--cache-backend', 'memory']);
    // Brought up to date by updateTrivyDb: no second check, but still the mirror for the Java DB.
    expect(args).toEqual(
      expect.arrayContaining(['--skip-db-update', '--db-repository', 'mirror.example/trivy-db']),
    );
    expect(new Set(result.findings.map((f) => f.platform))).toEqual(new Set(['linux/arm64']));
    expect(result.findings).toHaveLength(6);
    const runs = result.sarif.runs as { properties?: unknown }[];
    expect(runs.map((run) => run.properties)).toEqual([{ platform: 'linux/arm64', digest }]);
  });

  it.each([
    ['no JSON report at all', undefined],
    ['an empty JSON report', ''],
    ['a JSON report that does not parse', '{"SchemaVersion": 2,'],
    ['a report of another schema', '{"SchemaVersion": 1, "Results": []}'],
  ])('%s fails closed before any conversion (REPORT_UNREADABLE)', async (_label, json) => {
    const { work, runner, deps } = setUp([scan('fs', json), convert()]);
    const error = await failure(runTrivyScan(deps, request(work, { kind: 'fs', path: '/ws' })));
    expect(errorCode(error)).toBe('REPORT_UNREADABLE');
    expect(runner.calls).toHaveLength(1);
  });

  it.each([
    ['no SARIF', null],
    ['SARIF that is not JSON', '<sarif/>'],
  ])('%s from trivy convert fails closed (REPORT_UNREADABLE)', async (_label, sarif) => {
    const { work, deps } = setUp([scan('fs', fixture('gomod.json.golden')), convert(sarif)]);
    const error = await failure(runTrivyScan(deps, request(work, { kind: 'fs', path: '/ws' })));
    expect(errorCode(error)).toBe('REPORT_UNREADABLE');
  });

  it('a failing trivy is a command failure with its exit code, and nothing is read', async () => {
    const { work, runner, deps } = setUp([scan('fs', fixture('gomod.json.golden'), 3)]);
    const error = await failure(runTrivyScan(deps, request(work, { kind: 'fs', path: '/ws' })));
    expect(errorCode(error)).toBe('COMMAND_FAILED');
    expect(error).toMatchObject({ tool: 'trivy', exitCode: 3 });
    expect(runner.calls).toHaveLength(1);
  });
});

describe('the Trivy DB', () => {
  it('offline, a cache folder without the DB is TRIVY_DB_MISSING, naming the input and the missing file', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'trivy-cache-'));
    const error = await failure(prepareTrivyCache({ cacheDir, offline: true }, 'trivy-cache-dir'));
    expect(error).toMatchObject({
      code: 'TRIVY_DB_MISSING',
      input: 'trivy-cache-dir',
      expected: join(cacheDir, 'db', 'trivy.db'),
      actual: 'missing',
    });
    mkdirSync(join(cacheDir, 'db'));
    writeFileSync(join(cacheDir, 'db', 'trivy.db'), '');
    const half = await failure(prepareTrivyCache({ cacheDir, offline: true }, 'trivy-cache-dir'));
    expect(half).toMatchObject({ code: 'TRIVY_DB_MISSING', expected: join(cacheDir, 'db', 'metadata.json') });
    writeFileSync(join(cacheDir, 'db', 'metadata.json'), '{}');
    await prepareTrivyCache({ cacheDir, offline: true }, 'trivy-cache-dir');
  });

  it('online, the cache folder is made, and the DB is brought up to date once through the mirror', async () => {
    const { work, runner, deps } = setUp([{ command: 'trivy', argsPrefix: ['image', '--download-db-only'] }]);
    const db = { cacheDir: join(work, 'new', 'cache'), offline: false, dbRepository: 'mirror.example/db' };
    await prepareTrivyCache(db, 'trivy-cache-dir');
    expect(existsSync(db.cacheDir)).toBe(true);
    await updateTrivyDb(deps, '/tools/trivy', db);
    expect(runner.calls[0]?.args).toEqual(trivy.downloadDbArgs(db));
    expect(runner.calls[0]?.args).toEqual(expect.arrayContaining(['--db-repository', 'mirror.example/db']));
  });
});
