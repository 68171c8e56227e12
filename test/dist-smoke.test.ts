// Runs each bundled action the way the runner does: `node dist/main.mjs` in a workspace, inputs as
// INPUT_* variables, file commands in GITHUB_OUTPUT/GITHUB_STATE/GITHUB_STEP_SUMMARY. Catches bundling
// mistakes that source-level tests cannot see.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionNames, readActionMetadata, repoRoot } from './helpers/actions.ts';

export interface RunnerResult {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: string;
  state: string;
  summary: string;
}

/** The runner's contract for one step, with nothing inherited but PATH and HOME. */
export function runBundle(
  action: string,
  entry: 'main' | 'post',
  inputs: Record<string, string> = {},
): RunnerResult {
  const dir = mkdtempSync(join(tmpdir(), `runner-${action}-`));
  const files = { out: join(dir, 'output'), state: join(dir, 'state'), summary: join(dir, 'summary') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const workspace = mkdtempSync(join(tmpdir(), 'workspace-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.out,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: join(dir, 'env'),
    RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'runner-temp-')),
    RUNNER_TOOL_CACHE: mkdtempSync(join(tmpdir(), 'runner-tools-')),
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = spawnSync(process.execPath, [join(repoRoot, 'actions', action, 'dist', `${entry}.mjs`)], {
    cwd: workspace,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs: readFileSync(files.out, 'utf8'),
    state: readFileSync(files.state, 'utf8'),
    summary: readFileSync(files.summary, 'utf8'),
  };
}

describe.each(actionNames())('%s bundle', (name) => {
  const meta = readActionMetadata(name);
  const required = Object.entries(meta.inputs ?? {})
    .filter(([, v]) => v.required)
    .map(([k]) => k);

  it('runs on Node 24 here', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
  });

  it('with no inputs, fails with one ::error:: naming every missing required input', () => {
    const r = runBundle(name, 'main');
    expect(r.status).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    for (const input of required) expect(errors[0]).toContain(`Input "${input}" is required`);
    expect(r.stderr).toBe('');
  });

  it('rejects a bad value of a typed input by name', () => {
    const typed = Object.entries(meta.inputs ?? {}).find(
      ([, v]) => v.default === 'true' || v.default === 'false',
    );
    if (typed === undefined) return;
    const r = runBundle(name, 'main', { [typed[0]]: 'yes' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`Input "${typed[0]}" must be a boolean`);
  });

  if (meta.runs.post !== undefined) {
    it('post step with no saved state succeeds quietly', () => {
      const r = runBundle(name, 'post');
      expect(r.status).toBe(0);
      expect(r.stdout).not.toContain('::error::');
    });
  }
});
