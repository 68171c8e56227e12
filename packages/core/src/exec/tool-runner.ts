import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CommandError } from '../action/errors.ts';
import type { Logger } from '../action/logger.ts';
import { processIo } from '../action/runner-commands.ts';
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

/** Runs programs with spawn(argv) and shell: false. */
export class ProcessToolRunner implements ToolRunner {
  private readonly logger: Logger | undefined;
  private readonly env: NodeJS.ProcessEnv;

  /** `env`: the environment a request without its own runs in (the step's: `ActionDeps.env`). */
  constructor(logger?: Logger, env: NodeJS.ProcessEnv = processIo.env) {
    this.logger = logger;
    this.env = env;
  }

  run(request: ExecRequest): Promise<ExecResult> {
    const started = performance.now();
    const maxStdout = request.maxStdoutBytes ?? 32 * 1024 * 1024;
    const ok = request.okExitCodes ?? [0];
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
      const stdoutChunks: Buffer[] = [];
      let stdoutBytes = 0;
      let overflow = false;
      let stderrTail = '';
      let lineBuffer = { out: '', err: '' };

      const echo = (kind: 'out' | 'err', chunk: Buffer) => {
        if (!request.echo || this.logger === undefined) return;
        const text = lineBuffer[kind] + chunk.toString('utf8');
        const lines = text.split('\n');
        lineBuffer = { ...lineBuffer, [kind]: lines.pop() ?? '' };
        for (const line of lines) this.logger.info(redact(line, request.secrets));
      };

      child.stdout.on('data', (chunk: Buffer) => {
        stdoutBytes += chunk.length;
        if (stdoutBytes > maxStdout) {
          if (!overflow) child.kill('SIGTERM');
          overflow = true;
          return;
        }
        stdoutChunks.push(chunk);
        echo('out', chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderrTail = (stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
        echo('err', chunk);
      });
      child.stdin.on('error', () => {
        // The child may exit before reading stdin; its exit code tells what happened.
      });
      child.stdin.end(request.stdin ?? '');

      child.on('error', (error: NodeJS.ErrnoException) => {
        const why =
          error.code === 'ENOENT'
            ? `${request.tool} is not installed or not on PATH (tried "${request.command}")`
            : `${request.tool} could not be started: ${error.message}`;
        reject(new CommandError(why, { tool: request.tool, cause: error }));
      });
      child.on('close', (code, signal) => {
        for (const kind of ['out', 'err'] as const) {
          if (lineBuffer[kind] !== '' && request.echo)
            this.logger?.info(redact(lineBuffer[kind], request.secrets));
        }
        const tail = redact(stderrTail, request.secrets);
        const result: ExecResult = {
          exitCode: code ?? -1,
          stdout: redact(Buffer.concat(stdoutChunks).toString('utf8'), request.secrets),
          stderrTail: tail,
          durationMs: performance.now() - started,
        };
        if (overflow) {
          reject(
            new CommandError(`${request.tool} wrote more than ${maxStdout} bytes to stdout`, {
              tool: request.tool,
            }),
          );
        } else if (signal !== null) {
          const timedOut = request.timeoutMs !== undefined && result.durationMs >= request.timeoutMs;
          const why = timedOut ? `timed out after ${request.timeoutMs} ms` : `was killed by ${signal}`;
          reject(
            new CommandError(`${request.tool} ${why}`, { tool: request.tool, stderrTail: lastLine(tail) }),
          );
        } else if (!ok.includes(result.exitCode)) {
          const detail = lastLine(tail);
          reject(
            new CommandError(
              `${request.tool} failed with exit code ${result.exitCode}${detail ? `: ${detail}` : ''}`,
              {
                tool: request.tool,
                exitCode: result.exitCode,
                stderrTail: tail,
              },
            ),
          );
        } else {
          resolvePromise(result);
        }
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
