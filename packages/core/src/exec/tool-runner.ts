import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CommandError } from '../action/errors.ts';
import type { Logger } from '../action/logger.ts';
import { tempFolder } from '../action/temp-folder.ts';

export interface ExecRequest {
  /** Name shown to users in errors (`skopeo`, `buildah`). */
  tool: string;
  /** Executable path or a name looked up on PATH. Never a shell. */
  command: string;
  args: readonly string[];
  cwd?: string;
  /** Environment for the child; defaults to the runner's (the step's environment). */
  env?: NodeJS.ProcessEnv;
  /** Written to the child's stdin, then stdin is closed. The way to hand a tool a secret. */
  stdin?: string | Buffer;
  /** Values to redact from anything captured or echoed (they are also masked by the logger). */
  secrets?: readonly string[];
  /** Echo stdout/stderr lines to the logger as they arrive. */
  echo?: boolean;
  /** Exit codes that are not failures (default only 0). */
  okExitCodes?: readonly number[];
  timeoutMs?: number;
  /** Upper bound on captured stdout; beyond it the command fails (default 32 MiB). */
  maxStdoutBytes?: number;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  /** The last lines of stderr (bounded). */
  stderrTail: string;
  durationMs: number;
}

/** The one seam through which external programs run. Tests replace it with a scripted fake. */
export interface ToolRunner {
  run(request: ExecRequest): Promise<ExecResult>;
}

const STDERR_TAIL_BYTES = 16 * 1024;

function redact(text: string, secrets: readonly string[] | undefined): string {
  let out = text;
  for (const secret of secrets ?? []) if (secret !== '') out = out.split(secret).join('***');
  return out;
}

function lastLine(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.at(-1)?.trim() ?? '';
}

/**
 * What a running child writes, bounded: stdout up to a limit (beyond it the child is stopped), the tail
 * of stderr, and, when the request echoes, each complete line of either as it arrives.
 */
class ChildOutput {
  private readonly stdoutChunks: Buffer[] = [];
  private stdoutBytes = 0;
  /** Stdout went past the limit. */
  overflow = false;
  private stderrTail = '';
  private partial = { out: '', err: '' };

  private readonly request: ExecRequest;
  private readonly maxStdout: number;
  private readonly logger: Logger | undefined;

  constructor(request: ExecRequest, maxStdout: number, logger: Logger | undefined) {
    this.request = request;
    this.maxStdout = maxStdout;
    this.logger = logger;
  }

  /** Takes a stdout chunk; returns true the first time the limit is passed (the caller stops the child). */
  stdout(chunk: Buffer): boolean {
    this.stdoutBytes += chunk.length;
    if (this.stdoutBytes > this.maxStdout) {
      const first = !this.overflow;
      this.overflow = true;
      return first;
    }
    this.stdoutChunks.push(chunk);
    this.echo('out', chunk);
    return false;
  }

  stderr(chunk: Buffer): void {
    this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    this.echo('err', chunk);
  }

  private echo(kind: 'out' | 'err', chunk: Buffer): void {
    if (!this.request.echo || this.logger === undefined) return;
    const lines = (this.partial[kind] + chunk.toString('utf8')).split('\n');
    this.partial = { ...this.partial, [kind]: lines.pop() ?? '' };
    for (const line of lines) this.logger.info(redact(line, this.request.secrets));
  }

  /** Echoes the unterminated last lines, then returns what was captured (redacted). */
  finish(exitCode: number | null, durationMs: number): ExecResult {
    for (const kind of ['out', 'err'] as const) {
      if (this.partial[kind] !== '' && this.request.echo)
        this.logger?.info(redact(this.partial[kind], this.request.secrets));
    }
    return {
      exitCode: exitCode ?? -1,
      stdout: redact(Buffer.concat(this.stdoutChunks).toString('utf8'), this.request.secrets),
      stderrTail: redact(this.stderrTail, this.request.secrets),
      durationMs,
    };
  }
}

function startFailure(request: ExecRequest, error: NodeJS.ErrnoException): CommandError {
  const missing = error.code === 'ENOENT';
  const why = missing
    ? `${request.tool} is not installed or not on PATH (tried "${request.command}")`
    : `${request.tool} could not be started: ${error.message}`;
  return new CommandError(why, {
    tool: request.tool,
    reason: missing ? 'NOT_INSTALLED' : 'START_FAILED',
    cause: error,
  });
}

/** Why a finished child counts as failed, or undefined when it succeeded. */
function exitFailure(
  request: ExecRequest,
  result: ExecResult,
  outcome: { overflow: boolean; signal: NodeJS.Signals | null; maxStdout: number },
): CommandError | undefined {
  const tool = request.tool;
  if (outcome.overflow)
    return new CommandError(`${tool} wrote more than ${outcome.maxStdout} bytes to stdout`, {
      tool,
      reason: 'STDOUT_TOO_LARGE',
    });
  const tail = result.stderrTail;
  if (outcome.signal !== null) {
    const timedOut = request.timeoutMs !== undefined && result.durationMs >= request.timeoutMs;
    const why = timedOut ? `timed out after ${request.timeoutMs} ms` : `was killed by ${outcome.signal}`;
    return new CommandError(`${tool} ${why}`, {
      tool,
      reason: timedOut ? 'TIMED_OUT' : 'KILLED',
      stderrTail: lastLine(tail),
    });
  }
  if ((request.okExitCodes ?? [0]).includes(result.exitCode)) return undefined;
  const detail = lastLine(tail);
  return new CommandError(`${tool} failed with exit code ${result.exitCode}${detail ? `: ${detail}` : ''}`, {
    tool,
    reason: 'EXIT_CODE',
    exitCode: result.exitCode,
    stderrTail: tail,
  });
}

/** Runs programs with spawn(argv) and shell: false. */
export class ProcessToolRunner implements ToolRunner {
  private readonly logger: Logger | undefined;
  private readonly env: NodeJS.ProcessEnv | undefined;

  /**
   * `env`: the environment a request without its own runs in (the step's: `ActionDeps.env`); without
   * one, this process's own.
   */
  constructor(logger?: Logger, env?: NodeJS.ProcessEnv) {
    this.logger = logger;
    this.env = env;
  }

  run(request: ExecRequest): Promise<ExecResult> {
    const started = performance.now();
    const maxStdout = request.maxStdoutBytes ?? 32 * 1024 * 1024;
    for (const secret of request.secrets ?? []) this.logger?.setSecret(secret);
    if (request.echo) {
      const line = `$ ${request.command} ${request.args.map(quoteForDisplay).join(' ')}`;
      this.logger?.info(redact(line, request.secrets));
    }
    return new Promise<ExecResult>((resolvePromise, reject) => {
      const child = spawn(request.command, [...request.args], {
        cwd: request.cwd,
        env: request.env ?? this.env,
        shell: false,
        stdio: ['pipe', 'pipe', 'pipe'],
        timeout: request.timeoutMs,
        killSignal: 'SIGTERM',
      });
      const output = new ChildOutput(request, maxStdout, this.logger);
      child.stdout.on('data', (chunk: Buffer) => {
        if (output.stdout(chunk)) child.kill('SIGTERM');
      });
      child.stderr.on('data', (chunk: Buffer) => output.stderr(chunk));
      child.stdin.on('error', () => {
        // The child may exit before reading stdin; its exit code tells what happened.
      });
      child.stdin.end(request.stdin ?? '');
      child.on('error', (error: NodeJS.ErrnoException) => reject(startFailure(request, error)));
      child.on('close', (code, signal) => {
        const result = output.finish(code, performance.now() - started);
        const failure = exitFailure(request, result, { overflow: output.overflow, signal, maxStdout });
        if (failure === undefined) resolvePromise(result);
        else reject(failure);
      });
    });
  }
}

function quoteForDisplay(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * Writes a secret to a file readable only by this user (0600, inside a fresh 0700 folder under `directory`,
 * the step's `deps.paths.temp`), hands its path to `use`, and removes it afterwards whatever happens.
 */
export async function withSecretFile<T>(
  content: string,
  use: (path: string) => Promise<T>,
  options: { directory: string; name?: string },
): Promise<T> {
  const dir = await tempFolder(options.directory, 'secret');
  const path = join(dir, options.name ?? 'secret');
  try {
    await writeFile(path, content, { mode: 0o600, flag: 'wx' });
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
