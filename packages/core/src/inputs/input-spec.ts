import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { ConfigurationError, InvalidValueError } from '../action/errors.ts';

/** Where raw input values come from: the runner's INPUT_* variables, or a map in tests. */
export type InputSource = (name: string) => string | undefined;

/** The runner's convention: INPUT_<NAME>, upper-cased, spaces to underscores, dashes kept. */
export function envInputName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export function envInputSource(env: Readonly<NodeJS.ProcessEnv>): InputSource {
  return (name) => env[envInputName(name)];
}

export function mapInputSource(values: Readonly<Record<string, string>>): InputSource {
  return (name) => values[name];
}

export interface InputContext {
  /** Absolute path that relative paths are resolved against and must stay inside. */
  readonly workspace: string;
}

export function defaultInputContext(env: Readonly<NodeJS.ProcessEnv>, cwd: string): InputContext {
  return { workspace: resolve(env.GITHUB_WORKSPACE ?? cwd) };
}

/** Parses one non-empty raw value; throws a message (without the input name) on a bad value. */
export type Parser<T> = (raw: string, ctx: InputContext) => T;

export interface Field<T> {
  readonly kind: string;
  /** Read exactly as given: no whitespace trimmed (passwords). */
  readonly verbatim?: boolean;
  readonly required: boolean;
  /** The default as action.yml spells it (a string), if any. */
  readonly defaultValue: string | undefined;
  read(raw: string | undefined, name: string, ctx: InputContext): T;
}

function fieldError(
  name: string,
  message: string,
  cause?: unknown,
  code = 'INPUT_INVALID',
): ConfigurationError {
  const domain = cause instanceof ConfigurationError ? cause : undefined;
  // A parser's or a domain error's details (why, what was wanted, what was given) stay on the input's error.
  const details =
    cause instanceof ConfigurationError || cause instanceof InvalidValueError ? cause : undefined;
  return new ConfigurationError(`Input "${name}" ${message}`, {
    code: domain !== undefined && domain.code !== 'CONFIGURATION' ? domain.code : code,
    input: name,
    ...(details?.reason !== undefined ? { reason: details.reason } : {}),
    ...(details?.expected !== undefined ? { expected: details.expected } : {}),
    ...(details?.actual !== undefined ? { actual: details.actual } : {}),
    cause,
  });
}

function parseWith<T>(parse: Parser<T>, raw: string, name: string, ctx: InputContext): T {
  try {
    return parse(raw, ctx);
  } catch (error) {
    if (error instanceof InvalidValueError || error instanceof ConfigurationError) {
      throw fieldError(name, error.message, error);
    }
    throw error;
  }
}

export interface FieldBuilder<T> {
  /** The step fails when the input is absent or empty. */
  required(description?: string): Field<T>;
  /** Absent or empty gives undefined. */
  optional(): Field<T | undefined>;
  /** Absent or empty gives the parsed default (spelled as in action.yml). */
  default(value: string): Field<T>;
}

export function field<T>(kind: string, parse: Parser<T>): FieldBuilder<T> {
  return {
    required(description?: string): Field<T> {
      return {
        kind,
        required: true,
        defaultValue: undefined,
        read(raw, name, ctx) {
          if (raw === undefined) {
            throw fieldError(
              name,
              `is required${description ? `: ${description}` : ''}`,
              undefined,
              'INPUT_REQUIRED',
            );
          }
          return parseWith(parse, raw, name, ctx);
        },
      };
    },
    optional(): Field<T | undefined> {
      return {
        kind,
        required: false,
        defaultValue: undefined,
        read: (raw, name, ctx) => (raw === undefined ? undefined : parseWith(parse, raw, name, ctx)),
      };
    },
    default(value: string): Field<T> {
      return {
        kind,
        required: false,
        defaultValue: value,
        read: (raw, name, ctx) => parseWith(parse, raw ?? value, name, ctx),
      };
    },
  };
}

export type InputSpec = Readonly<Record<string, Field<unknown>>>;
export type InputValues<S extends InputSpec> = {
  -readonly [K in keyof S]: S[K] extends Field<infer T> ? T : never;
};

/**
 * Reads every input of a spec once. All problems are collected and reported together, each naming
 * its input, so a user fixes a workflow in one round trip.
 */
export function readInputs<S extends InputSpec>(
  spec: S,
  source: InputSource,
  ctx: InputContext,
): InputValues<S> {
  const values: Record<string, unknown> = {};
  const problems: ConfigurationError[] = [];
  for (const [name, f] of Object.entries(spec)) {
    const given = source(name);
    const rawValue = f.verbatim ? given : given?.trim();
    try {
      values[name] = f.read(rawValue === '' ? undefined : rawValue, name, ctx);
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      problems.push(error);
    }
  }
  const [first] = problems;
  if (first !== undefined) {
    if (problems.length === 1) throw first;
    throw new ConfigurationError(
      `${problems.length} inputs are invalid:\n${problems.map((p) => `  - ${p.message}`).join('\n')}`,
      { code: 'INPUTS_INVALID', input: first.input ?? '', cause: new AggregateError(problems) },
    );
  }
  return values as InputValues<S>;
}

// ---------------------------------------------------------------------------------------------------
// Parsers

const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);

export function parseBoolean(raw: string): boolean {
  if (TRUE.has(raw)) return true;
  if (FALSE.has(raw)) return false;
  throw new InvalidValueError(
    `must be a boolean (YAML 1.2 core schema: true, True, TRUE, false, False, FALSE); got "${raw}"`,
    { reason: 'NOT_A_BOOLEAN', actual: raw },
  );
}

/**
 * Splits a list on newlines and on commas. A double-quoted item may hold commas ("a,b"); inside quotes,
 * "" stands for one quote. Items are trimmed and empty items dropped.
 */
export function parseList(raw: string): string[] {
  const items: string[] = [];
  for (const line of raw.split(/\r?\n/)) {
    let current = '';
    let quoted = false;
    let wasQuoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          current += '"';
          i++;
        } else if (ch === '"') {
          quoted = false;
        } else {
          current += ch;
        }
      } else if (ch === '"' && current.trim() === '') {
        quoted = true;
        wasQuoted = true;
        current = '';
      } else if (ch === ',') {
        if (wasQuoted || current.trim() !== '') items.push(wasQuoted ? current : current.trim());
        current = '';
        wasQuoted = false;
      } else if (wasQuoted && !quoted) {
        if (ch !== ' ' && ch !== '\t')
          throw new InvalidValueError(`has text after a closing quote in line "${line}"`, {
            reason: 'TEXT_AFTER_QUOTE',
          });
      } else {
        current += ch;
      }
    }
    if (quoted)
      throw new InvalidValueError(`has an unterminated quote in line "${line}"`, {
        reason: 'UNTERMINATED_QUOTE',
      });
    if (wasQuoted || current.trim() !== '') items.push(wasQuoted ? current : current.trim());
  }
  return items;
}

export function parseEnum<const T extends string>(raw: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === raw);
  if (found === undefined) {
    throw new InvalidValueError(`must be one of ${allowed.map((a) => `"${a}"`).join(', ')}; got "${raw}"`, {
      reason: 'NOT_ALLOWED',
      expected: allowed.join(', '),
      actual: raw,
    });
  }
  return found;
}

export function parseInteger(raw: string, bounds: { min?: number; max?: number } = {}): number {
  const range = `${bounds.min ?? '-∞'}..${bounds.max ?? '∞'}`;
  if (!/^[+-]?\d{1,15}$/.test(raw))
    throw new InvalidValueError(`must be a whole number in ${range}; got "${raw}"`, {
      reason: 'NOT_AN_INTEGER',
      actual: raw,
    });
  const value = Number(raw);
  if ((bounds.min !== undefined && value < bounds.min) || (bounds.max !== undefined && value > bounds.max)) {
    throw new InvalidValueError(`must be a whole number in ${range}; got ${value}`, {
      reason: 'OUT_OF_RANGE',
      expected: range,
      actual: String(value),
    });
  }
  return value;
}

/**
 * A list given but holding no item (`","`, `" , "`) is an error, never an empty list: an empty tag list
 * would promote nothing and an empty pattern list would switch a protection off, both silently. (An
 * empty raw text is an action.yml default of "", never a user's value: those are read as absent.)
 */
export function nonEmpty(raw: string, items: string[]): string[] {
  if (items.length === 0 && raw.trim() !== '')
    throw new InvalidValueError('lists no item (only separators); give at least one, or leave it out', {
      reason: 'LIST_EMPTY',
    });
  if (items.some((item) => item.trim() === ''))
    throw new InvalidValueError('lists an empty item ("" or " "); every item must say something', {
      reason: 'ITEM_EMPTY',
    });
  return items;
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Go-style durations: "90s", "5m", "1h30m", "250ms", "2d". Returns milliseconds. */
export function parseDuration(raw: string, bounds: { minMs?: number; maxMs?: number } = {}): number {
  const accepted = 'a duration such as 250ms, 90s, 5m, 1h30m or 2d (units ms, s, m, h, d)';
  if (!/^(\d+(ms|s|m|h|d))+$/.test(raw))
    throw new InvalidValueError(`must be ${accepted}; got "${raw}"`, {
      reason: 'NOT_A_DURATION',
      actual: raw,
    });
  let total = 0;
  for (const match of raw.matchAll(/(\d+)(ms|s|m|h|d)/g)) {
    total += Number(match[1]) * (DURATION_UNITS[match[2] ?? 's'] ?? 0);
  }
  if (
    (bounds.minMs !== undefined && total < bounds.minMs) ||
    (bounds.maxMs !== undefined && total > bounds.maxMs)
  ) {
    throw new InvalidValueError(
      `must be between ${bounds.minMs ?? 0}ms and ${bounds.maxMs ?? '∞'}ms; got "${raw}" (${total}ms)`,
      {
        reason: 'OUT_OF_RANGE',
        expected: `${bounds.minMs ?? 0}..${bounds.maxMs ?? '∞'}ms`,
        actual: `${total}ms`,
      },
    );
  }
  return total;
}

export interface PathOptions {
  /** Allow a path outside the workspace (for example a directory under RUNNER_TEMP). */
  allowOutsideWorkspace?: boolean;
  /** The path must already exist as this: a missing file fails here, naming the input. */
  mustExist?: 'file' | 'directory';
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function requireExisting(path: string, kind: 'file' | 'directory'): void {
  let found: ReturnType<typeof statSync>;
  try {
    found = statSync(path);
  } catch (error) {
    throw new InvalidValueError(
      `names ${path}, which does not exist (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      { reason: 'PATH_NOT_FOUND', actual: path },
    );
  }
  if (kind === 'file' ? !found.isFile() : !found.isDirectory())
    throw new InvalidValueError(`names ${path}, which is not a ${kind}`, {
      reason: kind === 'file' ? 'NOT_A_FILE' : 'NOT_A_DIRECTORY',
      actual: path,
    });
}

function realpathIfExists(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Resolves a path against the workspace. Unless allowed, it must stay inside the workspace both as
 * written and after following symbolic links.
 */
export function parsePath(raw: string, ctx: InputContext, options: PathOptions = {}): string {
  if (raw.includes('\0'))
    throw new InvalidValueError('must not contain a NUL character', { reason: 'NUL_CHARACTER' });
  const absolute = resolve(ctx.workspace, raw);
  if (!options.allowOutsideWorkspace) {
    const outside = `must stay inside the workspace ${ctx.workspace}; "${raw}" resolves to`;
    if (!isInside(ctx.workspace, absolute))
      throw new InvalidValueError(`${outside} ${absolute}`, {
        reason: 'OUTSIDE_WORKSPACE',
        actual: absolute,
      });
    const real = realpathIfExists(absolute);
    const realWorkspace = realpathIfExists(ctx.workspace) ?? ctx.workspace;
    if (real !== undefined && !isInside(realWorkspace, real)) {
      throw new InvalidValueError(`${outside} ${real} through a symbolic link`, {
        reason: 'SYMLINK_OUTSIDE_WORKSPACE',
        actual: real,
      });
    }
  }
  if (options.mustExist !== undefined) requireExisting(absolute, options.mustExist);
  return absolute;
}

// ---------------------------------------------------------------------------------------------------
// Field builders

export const inputs = {
  string: (options: { pattern?: RegExp; accepted?: string } = {}) =>
    field<string>('string', (raw) => {
      if (options.pattern !== undefined && !options.pattern.test(raw)) {
        throw new InvalidValueError(
          `must be ${options.accepted ?? `a string matching ${options.pattern}`}; got "${raw}"`,
          { reason: 'PATTERN_MISMATCH', actual: raw },
        );
      }
      return raw;
    }),
  boolean: () => field<boolean>('boolean', (raw) => parseBoolean(raw)),
  list: () => field<string[]>('list', (raw) => nonEmpty(raw, parseList(raw))),
  enum: <const T extends string>(allowed: readonly T[]) => field<T>('enum', (raw) => parseEnum(raw, allowed)),
  integer: (bounds: { min?: number; max?: number } = {}) =>
    field<number>('integer', (raw) => parseInteger(raw, bounds)),
  duration: (bounds: { minMs?: number; maxMs?: number } = {}) =>
    field<number>('duration', (raw) => parseDuration(raw, bounds)),
  path: (options: PathOptions = {}) => field<string>('path', (raw, ctx) => parsePath(raw, ctx, options)),
  keyValues: () => field<[string, string][]>('key-values', (raw) => parseKeyValues(raw)),
  custom: <T>(kind: string, parse: Parser<T>) => field<T>(kind, parse),
  /** Tag patterns (`sha-*`): tag characters and `*` only, so that no pattern silently matches nothing. */
  tagPatterns: () =>
    field<string[]>('tag-patterns', (raw) =>
      nonEmpty(raw, parseList(raw)).map((pattern) => {
        if (!/^[A-Za-z0-9_*][A-Za-z0-9_.*-]{0,127}$/.test(pattern))
          throw new InvalidValueError(
            `pattern "${pattern}" is not a tag with * wildcards (letters, digits, _ . - and *)`,
            { reason: 'TAG_PATTERN_INVALID', actual: pattern },
          );
        return pattern;
      }),
    ),
  /** A secret such as a password: taken verbatim, leading and trailing spaces included. */
  secret: (): Field<string | undefined> => ({
    ...field<string>('secret', (raw) => raw).optional(),
    verbatim: true,
  }),
};

const KEY = /^[A-Za-z_][A-Za-z0-9_.\-/]*$/;

/** `KEY=value` items (one per line or comma-separated); the value may contain "=". Keys stay in order. */
export function parseKeyValues(raw: string): [string, string][] {
  return parseList(raw).map((item, i) => {
    const eq = item.indexOf('=');
    const key = eq < 0 ? item : item.slice(0, eq);
    if (eq < 0 || !KEY.test(key)) {
      throw new InvalidValueError(
        `item ${i + 1} must be KEY=value with a key of letters, digits, "_", ".", "-" or "/"; got "${key}"`,
        { reason: 'KEY_VALUE_INVALID', actual: key },
      );
    }
    return [key, item.slice(eq + 1)];
  });
}
