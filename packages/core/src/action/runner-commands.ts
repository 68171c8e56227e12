import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * The GitHub runner's protocol for JavaScript actions, implemented directly (it is small and documented):
 * workflow commands on stdout (`::add-mask::`, `::error::`, …) and file commands (GITHUB_OUTPUT,
 * GITHUB_ENV, GITHUB_STATE, GITHUB_STEP_SUMMARY). Written here instead of importing @actions/core, whose
 * HTTP client (for OIDC) would otherwise be loaded by every action at start-up.
 */

export interface RunnerIo {
  env: NodeJS.ProcessEnv;
  /** The working directory (GITHUB_WORKSPACE's fallback). */
  cwd(): string;
  write(text: string): void;
  append(file: string, text: string): void;
}

export const processIo: RunnerIo = {
  env: process.env,
  cwd: () => process.cwd(),
  write: (text) => {
    process.stdout.write(text);
  },
  append: (file, text) => appendFileSync(file, text, { encoding: 'utf8' }),
};

/** Escapes a command's message (what follows `::`). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property value (`file=…,title=…`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Text the runner could read as a workflow command. The runner also breaks lines at `\r`, strips any
 * leading Unicode whitespace before `::`, and finds the legacy `##[` form anywhere in a line, so any `::` or
 * `##[` at all is treated as one: fencing costs two lines, missing one costs the job.
 */
const COMMAND_LINE = /::|##\[/;

/**
 * Writes text that is not ours to command (tool output, echoed command lines, anything an input can
 * reach) so that the runner reads none of it as a workflow command: when a line looks like one, the text
 * is fenced with `::stop-commands::<random token>` … `::<token>::`, which the runner honours.
 */
export function writeUntrusted(io: RunnerIo, text: string): void {
  if (!COMMAND_LINE.test(text)) {
    io.write(`${text}${EOL}`);
    return;
  }
  let token = randomUUID().replace(/-/g, '');
  while (text.includes(token)) token = randomUUID().replace(/-/g, '');
  io.write(`::stop-commands::${token}${EOL}${text}${EOL}::${token}::${EOL}`);
}

export function issueCommand(
  io: RunnerIo,
  command: string,
  message: string,
  properties: Record<string, string> = {},
): void {
  const props = Object.entries(properties)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',');
  io.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
}

/** `name<<delimiter` / value / `delimiter`, refusing a name or value that contains the delimiter. */
export function fileCommandEntry(
  name: string,
  value: string,
  delimiter = `ghadelimiter_${randomUUID()}`,
): string {
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`value of ${name} contains the file-command delimiter`);
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

function fileCommand(io: RunnerIo, variable: string, legacy: string, name: string, value: string): void {
  const file = io.env[variable];
  if (file) io.append(file, fileCommandEntry(name, value));
  else issueCommand(io, legacy, value, { name });
}

export function setOutput(io: RunnerIo, name: string, value: string): void {
  fileCommand(io, 'GITHUB_OUTPUT', 'set-output', name, value);
}

export function saveState(io: RunnerIo, name: string, value: string): void {
  fileCommand(io, 'GITHUB_STATE', 'save-state', name, value);
}

export function getState(io: RunnerIo, name: string): string {
  return io.env[`STATE_${name}`] ?? '';
}

export function exportVariable(io: RunnerIo, name: string, value: string): void {
  io.env[name] = value;
  fileCommand(io, 'GITHUB_ENV', 'set-env', name, value);
}

export function setSecret(io: RunnerIo, value: string): void {
  if (value !== '') issueCommand(io, 'add-mask', value);
}

export function appendSummary(io: RunnerIo, markdown: string): void {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (file) io.append(file, markdown);
}

/**
 * A command-line tool's entry (an action's twin outside the runner, e.g. verify-image's cli): `main` gets
 * the arguments, stdout and stderr (neither writes the runner's files) and returns the exit status.
 */
export async function runCommandLine(
  main: (argv: readonly string[], stdout: RunnerIo, stderr: RunnerIo) => Promise<number>,
): Promise<void> {
  const io = (stream: NodeJS.WriteStream): RunnerIo => ({
    env: process.env,
    cwd: () => process.cwd(),
    write: (text) => {
      stream.write(text);
    },
    append: () => undefined,
  });
  process.exitCode = await main(process.argv.slice(2), io(process.stdout), io(process.stderr));
}
