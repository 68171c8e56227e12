import { CommandError, ConfigurationError, describeError } from './errors.ts';
import { issueCommand, processIo } from './runner-commands.ts';

export interface RunHooks {
  /** Reports the failure; defaults to an `::error::` workflow command on stdout. */
  fail?: (message: string) => void;
  warn?: (message: string) => void;
  debug?: (message: string) => void;
}

function details(error: unknown): string | undefined {
  if (error instanceof CommandError && error.stderrTail !== '')
    return `${error.tool} stderr: ${error.stderrTail}`;
  if (error instanceof Error && !(error instanceof ConfigurationError) && error.stack) return error.stack;
  return undefined;
}

/**
 * Runs an action's main step. Every thrown value, Error or not, is reported exactly once (`fail`), with
 * details (a tool's stderr tail, a bug's stack) in debug. Returns the exit code; the entry sets it.
 */
export async function runMain(main: () => Promise<void>, hooks: RunHooks = {}): Promise<number> {
  const fail = hooks.fail ?? ((message: string) => issueCommand(processIo, 'error', message));
  const debug = hooks.debug ?? ((message: string) => issueCommand(processIo, 'debug', message));
  try {
    await main();
    return 0;
  } catch (error: unknown) {
    const more = details(error);
    if (more !== undefined) debug(more);
    fail(describeError(error));
    return 1;
  }
}

/**
 * Runs an action's post step. Clean-up must not turn a green job red: failures become warnings.
 */
export async function runPost(post: () => Promise<void>, hooks: RunHooks = {}): Promise<number> {
  const warn = hooks.warn ?? ((message: string) => issueCommand(processIo, 'warning', message));
  const debug = hooks.debug ?? ((message: string) => issueCommand(processIo, 'debug', message));
  try {
    await post();
  } catch (error: unknown) {
    const more = details(error);
    if (more !== undefined) debug(more);
    warn(`Post step: ${describeError(error)}`);
  }
  return 0;
}
