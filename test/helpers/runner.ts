import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './actions.ts';

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
