/**
 * The two error kinds a user ever sees. Anything else that escapes an action is a bug in the action,
 * and the run wrapper says so.
 */

/** The user's input or environment is wrong; the message says what to change. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  /** The input (or environment variable) at fault, when there is one. */
  readonly input: string | undefined;

  constructor(message: string, options: { input?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.input = options.input;
  }
}

/** An external tool or service failed; the message says which one and why. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
  readonly tool: string;
  readonly exitCode: number | null;
  /** The last non-empty line the tool wrote to stderr, if any. */
  readonly stderrTail: string;

  constructor(
    message: string,
    details: { tool: string; exitCode?: number | null; stderrTail?: string; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.tool = details.tool;
    this.exitCode = details.exitCode ?? null;
    this.stderrTail = details.stderrTail ?? '';
  }
}

/** Renders any thrown value as one line a user can act on. Non-Error values are never swallowed. */
export function describeError(error: unknown): string {
  if (error instanceof ConfigurationError) return error.message;
  if (error instanceof CommandError) return error.message;
  if (error instanceof Error) {
    return `Unexpected error (a bug in this action, please report it): ${error.message || error.name}`;
  }
  let text: string;
  try {
    text = typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
  } catch {
    text = String(error);
  }
  return `Unexpected non-Error value thrown (a bug in this action, please report it): ${text}`;
}

/**
 * A value that does not parse (a digest, a reference, a list item). Input readers wrap it into a
 * ConfigurationError naming the input; elsewhere it says what was wrong with which value.
 */
export class InvalidValueError extends Error {
  override readonly name = 'InvalidValueError';
}
