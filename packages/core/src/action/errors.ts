/**
 * The two error kinds a user ever sees. Anything else that escapes an action is a bug in the action,
 * and the run wrapper says so.
 *
 * Every error the code raises on purpose carries a `code` (as sigstore-js's errors do), so tests and
 * callers branch on the code and its fields, never on message wording. The core speaks in domain terms
 * (`expected`, `actual`); the layer that read an input attaches the input's name (`input`).
 */

/** The codes of configuration (user-fixable) errors. Domain errors add their own. */
export type ConfigurationCode =
  | 'INPUT_INVALID'
  | 'INPUT_REQUIRED'
  | 'INPUTS_INVALID'
  | 'ENVIRONMENT'
  | 'CONFIGURATION'
  | (string & {});

export interface ErrorDetails {
  /** A stable, SCREAMING_SNAKE code naming what went wrong. */
  code?: ConfigurationCode;
  /** The input (or environment variable) at fault, when there is one. */
  input?: string;
  /**
   * Which of the failures a code covers this one is (SCREAMING_SNAKE, stable: `BLOB_MISSING` of
   * `LAYOUT_INVALID`), when one code covers several.
   */
  reason?: string;
  /** What was required, when a value was compared against one (a digest, a signer, a tag). */
  expected?: string;
  /** What was found instead. */
  actual?: string;
  cause?: unknown;
}

/** The user's input or environment is wrong; the message says what to change. */
export class ConfigurationError extends Error {
  override readonly name: string = 'ConfigurationError';
  /** Set once, except that naming the input turns the generic CONFIGURATION into INPUT_INVALID. */
  code: ConfigurationCode;
  /** The input (or environment variable) at fault, when there is one. */
  input: string | undefined;
  /** Which failure of those the code covers, when it covers several. */
  readonly reason: string | undefined;
  readonly expected: string | undefined;
  readonly actual: string | undefined;

  constructor(message: string, options: ErrorDetails = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code ?? (options.input === undefined ? 'CONFIGURATION' : 'INPUT_INVALID');
    this.input = options.input;
    this.reason = options.reason;
    this.expected = options.expected;
    this.actual = options.actual;
  }

  /**
   * The input layer's part: names the input a domain error came from (kept when already named). A domain
   * code stays; the generic CONFIGURATION becomes INPUT_INVALID, as when the input reader names a parser's
   * error.
   */
  forInput(input: string): this {
    this.input ??= input;
    if (this.code === 'CONFIGURATION') this.code = 'INPUT_INVALID';
    return this;
  }
}

/** An external tool or service failed; the message says which one and why. */
export class CommandError extends Error {
  override readonly name: string = 'CommandError';
  /** `COMMAND_FAILED`, or a more precise code (`DIGEST_MISMATCH` when a tool produced other bytes). */
  readonly code: string;
  /** Which failure of those the code covers (`TIMED_OUT`, `NOT_INSTALLED`), when it covers several. */
  readonly reason: string | undefined;
  readonly tool: string;
  readonly exitCode: number | null;
  /** The last non-empty line the tool wrote to stderr, if any. */
  readonly stderrTail: string;
  readonly expected: string | undefined;
  readonly actual: string | undefined;

  constructor(
    message: string,
    details: {
      tool: string;
      code?: string;
      reason?: string;
      exitCode?: number | null;
      stderrTail?: string;
      expected?: string;
      actual?: string;
      cause?: unknown;
    },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code ?? 'COMMAND_FAILED';
    this.reason = details.reason;
    this.expected = details.expected;
    this.actual = details.actual;
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
  override readonly name: string = 'InvalidValueError';
  readonly code: string = 'INVALID_VALUE';
  /** What is wrong with the value (`OUT_OF_RANGE`, `NOT_A_BOOLEAN`), when the parser says; kept by the input reader. */
  readonly reason: string | undefined;
  readonly expected: string | undefined;
  readonly actual: string | undefined;

  constructor(message: string, details: Pick<ErrorDetails, 'reason' | 'expected' | 'actual' | 'cause'> = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.reason = details.reason;
    this.expected = details.expected;
    this.actual = details.actual;
  }
}

/**
 * Runs `work` on a value an input gave; a configuration error it throws that names no input is named as
 * coming from `input`, in its field and at the head of its message (`Input "trusted-root": …`).
 */
export async function fromInput<T>(input: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ConfigurationError) || error.input !== undefined) throw error;
    error.message = `Input "${input}": ${error.message}`;
    throw error.forInput(input);
  }
}

/** The code of any thrown value: an error's own code, else `UNEXPECTED` (a bug). */
export function errorCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return 'UNEXPECTED';
}
