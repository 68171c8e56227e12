import { type SpawnOptions, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './actions.ts';

/**
 * Steps under test may reach only loopback: any other HTTP(S) request goes to a proxy on a closed
 * loopback port and fails at once, so no test can download anything by accident.
 */
export const LOOPBACK_ONLY: NodeJS.ProcessEnv = {
  NODE_USE_ENV_PROXY: '1',
  HTTP_PROXY: 'http://127.0.0.1:9',
  HTTPS_PROXY: 'http://127.0.0.1:9',
  NO_PROXY: '127.0.0.1,localhost,::1',
};

export interface RunnerResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** GITHUB_OUTPUT parsed (name=value and name<<DELIM forms). */
  outputs: Record<string, string>;
  state: string;
  /** GITHUB_ENV parsed. */
  exported: Record<string, string>;
  summary: string;
  workspace: string;
}

export interface RunOptions {
  inputs?: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  workspace?: string;
  /** A command the step runs under, e.g. `/usr/bin/time -f %M -o FILE` (the bench's memory peaks). */
  wrapper?: string[];
}

/** Parses the runner's file-command format, as the runner itself does. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc !== null) {
      const [, name = '', delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

interface Prepared {
  argv: string[];
  env: NodeJS.ProcessEnv;
  workspace: string;
  collect(status: number | null, stdout: string, stderr: string): RunnerResult;
}

function prepare(action: string, entry: 'main' | 'post', options: RunOptions): Prepared {
  const dir = mkdtempSync(join(tmpdir(), `runner-${action}-`));
  const files = {
    out: join(dir, 'output'),
    state: join(dir, 'state'),
    summary: join(dir, 'summary'),
    env: join(dir, 'env'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const workspace = options.workspace ?? mkdtempSync(join(tmpdir(), 'workspace-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.out,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'runner-temp-')),
    RUNNER_TOOL_CACHE: mkdtempSync(join(tmpdir(), 'runner-tools-')),
    ...LOOPBACK_ONLY,
    ...options.env,
  };
  for (const [k, v] of Object.entries(options.inputs ?? {}))
    env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  return {
    argv: [join(repoRoot, 'actions', action, 'dist', `${entry}.mjs`)],
    env,
    workspace,
    collect: (status, stdout, stderr) => ({
      status,
      stdout,
      stderr,
      outputs: parseFileCommands(readFileSync(files.out, 'utf8')),
      state: readFileSync(files.state, 'utf8'),
      exported: parseFileCommands(readFileSync(files.env, 'utf8')),
      summary: readFileSync(files.summary, 'utf8'),
      workspace,
    }),
  };
}

/** The runner's contract for one step, with nothing inherited but PATH and HOME (plus options.env). */
export function runBundle(action: string, entry: 'main' | 'post', options: RunOptions = {}): RunnerResult {
  const p = prepare(action, entry, options);
  const r = spawnSync(process.execPath, p.argv, {
    cwd: p.workspace,
    env: p.env,
    encoding: 'utf8',
    timeout: 300_000,
  });
  return p.collect(r.status, r.stdout, r.stderr);
}

/**
 * The same, without blocking this process: needed when the test itself hosts a server the step talks
 * to (a fault proxy, a token endpoint), which must keep answering while the step runs.
 */
export function runBundleAsync(
  action: string,
  entry: 'main' | 'post',
  options: RunOptions = {},
): Promise<RunnerResult> {
  const p = prepare(action, entry, options);
  const [command, ...prefix] = [...(options.wrapper ?? []), process.execPath];
  return spawnAndCollect(command ?? process.execPath, [...prefix, ...p.argv], {
    cwd: p.workspace,
    env: p.env,
    timeout: 300_000,
  }).then((r) => p.collect(r.code, r.stdout, r.stderr));
}

/** A finished process: its exit code (null when killed by a signal), its stdout and its stderr. */
export interface ProcessOutput {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command without blocking this process (a server the test hosts keeps answering while it runs),
 * collecting what it prints; rejects only when it cannot be started.
 */
export function spawnAndCollect(
  command: string,
  args: string[],
  options: SpawnOptions,
): Promise<ProcessOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, options);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The STATE_* environment the runner gives a post step, from what main saved. */
export function stateEnv(main: RunnerResult): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(parseFileCommands(main.state)).map(([k, v]) => [`STATE_${k}`, v]));
}

/** The step's `::error::` line; a failure must be a user-facing error, never labelled a bug. */
export function userErrorLine(r: RunnerResult): string {
  const line = r.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
  if (line.includes('a bug in this action')) throw new Error(`the failure was reported as a bug: ${line}`);
  return line;
}

/** A fresh call log for the fault wrappers (TOOL_CALL_LOG), and a reader for what they were called with. */
export function toolCallLog(): { env: NodeJS.ProcessEnv; calls(): { tool: string; argv: string[] }[] } {
  const log = join(mkdtempSync(join(tmpdir(), 'standin-log-')), 'calls.jsonl');
  return {
    env: { TOOL_CALL_LOG: log },
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l) as { tool: string; argv: string[] })
        : [],
  };
}

/** What a log reader sees: stdout and stderr without the `::add-mask::` commands the runner consumes. */
export function printed(r: RunnerResult): string {
  return (r.stdout + r.stderr)
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}
