import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  require_child_process
} from "./chunk-LAKDNJDR.mjs";
import {
  require_promises
} from "./chunk-ZKXDAKWM.mjs";
import {
  require_os,
  require_path
} from "./chunk-Q7KQMW4X.mjs";
import {
  require_crypto,
  require_fs
} from "./chunk-VCWESDKG.mjs";
import {
  __toESM
} from "./chunk-5MM4E6UD.mjs";

// packages/core/src/action/errors.ts
var ConfigurationError = class extends Error {
  name = "ConfigurationError";
  /** Set once, except that naming the input turns the generic CONFIGURATION into INPUT_INVALID. */
  code;
  /** The input (or environment variable) at fault, when there is one. */
  input;
  /** Which failure of those the code covers, when it covers several. */
  reason;
  expected;
  actual;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.code = options.code ?? (options.input === void 0 ? "CONFIGURATION" : "INPUT_INVALID");
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
  forInput(input) {
    this.input ??= input;
    if (this.code === "CONFIGURATION") this.code = "INPUT_INVALID";
    return this;
  }
};
var CommandError = class extends Error {
  name = "CommandError";
  /** `COMMAND_FAILED`, or a more precise code (`DIGEST_MISMATCH` when a tool produced other bytes). */
  code;
  /** Which failure of those the code covers (`TIMED_OUT`, `NOT_INSTALLED`), when it covers several. */
  reason;
  tool;
  exitCode;
  /** The last non-empty line the tool wrote to stderr, if any. */
  stderrTail;
  expected;
  actual;
  constructor(message, details2) {
    super(message, details2.cause === void 0 ? void 0 : { cause: details2.cause });
    this.code = details2.code ?? "COMMAND_FAILED";
    this.reason = details2.reason;
    this.expected = details2.expected;
    this.actual = details2.actual;
    this.tool = details2.tool;
    this.exitCode = details2.exitCode ?? null;
    this.stderrTail = details2.stderrTail ?? "";
  }
};
function describeError(error) {
  if (error instanceof ConfigurationError) return error.message;
  if (error instanceof CommandError) return error.message;
  if (error instanceof Error) {
    return `Unexpected error (a bug in this action, please report it): ${error.message || error.name}`;
  }
  let text;
  try {
    text = typeof error === "string" ? error : JSON.stringify(error) ?? String(error);
  } catch {
    text = String(error);
  }
  return `Unexpected non-Error value thrown (a bug in this action, please report it): ${text}`;
}
var InvalidValueError = class extends Error {
  name = "InvalidValueError";
  code = "INVALID_VALUE";
  /** What is wrong with the value (`OUT_OF_RANGE`, `NOT_A_BOOLEAN`), when the parser says; kept by the input reader. */
  reason;
  expected;
  actual;
  constructor(message, details2 = {}) {
    super(message, details2.cause === void 0 ? void 0 : { cause: details2.cause });
    this.reason = details2.reason;
    this.expected = details2.expected;
    this.actual = details2.actual;
  }
};
async function fromInput(input, work) {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ConfigurationError) || error.input !== void 0) throw error;
    error.message = `Input "${input}": ${error.message}`;
    throw error.forInput(input);
  }
}

// packages/core/src/report/report-file.ts
var import_promises = __toESM(require_promises(), 1);
var ReportError = class extends CommandError {
  code = "REPORT_UNREADABLE";
  constructor(message, reason, details2 = {}) {
    super(message, { tool: "scanner report", ...reason === void 0 ? {} : { reason }, ...details2 });
  }
};
async function readScannerReport(path, tool) {
  try {
    return await (0, import_promises.readFile)(path, "utf8");
  } catch {
    throw new ReportError(`${tool} wrote no report at ${path}; refusing to pass without one`, "MISSING");
  }
}
async function readScannerJson(path, tool) {
  const text = await readScannerReport(path, tool);
  try {
    return JSON.parse(text);
  } catch {
    throw new ReportError(`${tool} wrote a report that is not JSON at ${path}`, "NOT_JSON");
  }
}
function parseJsonReport(text, scanner) {
  if (text.trim() === "") throw new ReportError(`the ${scanner} report is empty`, "EMPTY");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ReportError(
      `the ${scanner} report is not valid JSON (${error.message})`,
      "NOT_JSON"
    );
  }
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function str(value) {
  return typeof value === "string" ? value : "";
}

// packages/core/src/inputs/input-spec.ts
var import_node_fs = __toESM(require_fs(), 1);
var import_node_path = __toESM(require_path(), 1);
function envInputName(name) {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}
function envInputSource(env) {
  return (name) => env[envInputName(name)];
}
function defaultInputContext(env, cwd) {
  return { workspace: (0, import_node_path.resolve)(env.GITHUB_WORKSPACE ?? cwd) };
}
function fieldError(name, message, cause, code = "INPUT_INVALID") {
  const domain = cause instanceof ConfigurationError ? cause : void 0;
  const details2 = cause instanceof ConfigurationError || cause instanceof InvalidValueError ? cause : void 0;
  return new ConfigurationError(`Input "${name}" ${message}`, {
    code: domain !== void 0 && domain.code !== "CONFIGURATION" ? domain.code : code,
    input: name,
    ...details2?.reason !== void 0 ? { reason: details2.reason } : {},
    ...details2?.expected !== void 0 ? { expected: details2.expected } : {},
    ...details2?.actual !== void 0 ? { actual: details2.actual } : {},
    cause
  });
}
function parseWith(parse, raw, name, ctx) {
  try {
    return parse(raw, ctx);
  } catch (error) {
    if (error instanceof InvalidValueError || error instanceof ConfigurationError) {
      throw fieldError(name, error.message, error);
    }
    throw error;
  }
}
function field(kind, parse) {
  return {
    required(description) {
      return {
        kind,
        required: true,
        defaultValue: void 0,
        read(raw, name, ctx) {
          if (raw === void 0) {
            throw fieldError(
              name,
              `is required${description ? `: ${description}` : ""}`,
              void 0,
              "INPUT_REQUIRED"
            );
          }
          return parseWith(parse, raw, name, ctx);
        }
      };
    },
    optional() {
      return {
        kind,
        required: false,
        defaultValue: void 0,
        read: (raw, name, ctx) => raw === void 0 ? void 0 : parseWith(parse, raw, name, ctx)
      };
    },
    default(value) {
      return {
        kind,
        required: false,
        defaultValue: value,
        read: (raw, name, ctx) => parseWith(parse, raw ?? value, name, ctx)
      };
    }
  };
}
function readInputs(spec, source, ctx) {
  const values = {};
  const problems = [];
  for (const [name, f] of Object.entries(spec)) {
    const given = source(name);
    const rawValue = f.verbatim ? given : given?.trim();
    try {
      values[name] = f.read(rawValue === "" ? void 0 : rawValue, name, ctx);
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      problems.push(error);
    }
  }
  const [first] = problems;
  if (first !== void 0) {
    if (problems.length === 1) throw first;
    throw new ConfigurationError(
      `${problems.length} inputs are invalid:
${problems.map((p) => `  - ${p.message}`).join("\n")}`,
      { code: "INPUTS_INVALID", input: first.input ?? "", cause: new AggregateError(problems) }
    );
  }
  return values;
}
var TRUE = /* @__PURE__ */ new Set(["true", "True", "TRUE"]);
var FALSE = /* @__PURE__ */ new Set(["false", "False", "FALSE"]);
function parseBoolean(raw) {
  if (TRUE.has(raw)) return true;
  if (FALSE.has(raw)) return false;
  throw new InvalidValueError(
    `must be a boolean (YAML 1.2 core schema: true, True, TRUE, false, False, FALSE); got "${raw}"`,
    { reason: "NOT_A_BOOLEAN", actual: raw }
  );
}
function parseList(raw) {
  const items = [];
  for (const line of raw.split(/\r?\n/)) {
    let current = "";
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
      } else if (ch === '"' && current.trim() === "") {
        quoted = true;
        wasQuoted = true;
        current = "";
      } else if (ch === ",") {
        if (wasQuoted || current.trim() !== "") items.push(wasQuoted ? current : current.trim());
        current = "";
        wasQuoted = false;
      } else if (wasQuoted && !quoted) {
        if (ch !== " " && ch !== "	")
          throw new InvalidValueError(`has text after a closing quote in line "${line}"`, {
            reason: "TEXT_AFTER_QUOTE"
          });
      } else {
        current += ch;
      }
    }
    if (quoted)
      throw new InvalidValueError(`has an unterminated quote in line "${line}"`, {
        reason: "UNTERMINATED_QUOTE"
      });
    if (wasQuoted || current.trim() !== "") items.push(wasQuoted ? current : current.trim());
  }
  return items;
}
function parseEnum(raw, allowed) {
  const found = allowed.find((a) => a === raw);
  if (found === void 0) {
    throw new InvalidValueError(`must be one of ${allowed.map((a) => `"${a}"`).join(", ")}; got "${raw}"`, {
      reason: "NOT_ALLOWED",
      expected: allowed.join(", "),
      actual: raw
    });
  }
  return found;
}
function parseInteger(raw, bounds = {}) {
  const range = `${bounds.min ?? "-\u221E"}..${bounds.max ?? "\u221E"}`;
  if (!/^[+-]?\d{1,15}$/.test(raw))
    throw new InvalidValueError(`must be a whole number in ${range}; got "${raw}"`, {
      reason: "NOT_AN_INTEGER",
      actual: raw
    });
  const value = Number(raw);
  if (bounds.min !== void 0 && value < bounds.min || bounds.max !== void 0 && value > bounds.max) {
    throw new InvalidValueError(`must be a whole number in ${range}; got ${value}`, {
      reason: "OUT_OF_RANGE",
      expected: range,
      actual: String(value)
    });
  }
  return value;
}
function nonEmpty(raw, items) {
  if (items.length === 0 && raw.trim() !== "")
    throw new InvalidValueError("lists no item (only separators); give at least one, or leave it out", {
      reason: "LIST_EMPTY"
    });
  if (items.some((item) => item.trim() === ""))
    throw new InvalidValueError('lists an empty item ("" or " "); every item must say something', {
      reason: "ITEM_EMPTY"
    });
  return items;
}
var DURATION_UNITS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
function parseDuration(raw, bounds = {}) {
  const accepted = "a duration such as 250ms, 90s, 5m, 1h30m or 2d (units ms, s, m, h, d)";
  if (!/^(\d+(ms|s|m|h|d))+$/.test(raw))
    throw new InvalidValueError(`must be ${accepted}; got "${raw}"`, {
      reason: "NOT_A_DURATION",
      actual: raw
    });
  let total = 0;
  for (const match of raw.matchAll(/(\d+)(ms|s|m|h|d)/g)) {
    total += Number(match[1]) * (DURATION_UNITS[match[2] ?? "s"] ?? 0);
  }
  if (bounds.minMs !== void 0 && total < bounds.minMs || bounds.maxMs !== void 0 && total > bounds.maxMs) {
    throw new InvalidValueError(
      `must be between ${bounds.minMs ?? 0}ms and ${bounds.maxMs ?? "\u221E"}ms; got "${raw}" (${total}ms)`,
      {
        reason: "OUT_OF_RANGE",
        expected: `${bounds.minMs ?? 0}..${bounds.maxMs ?? "\u221E"}ms`,
        actual: `${total}ms`
      }
    );
  }
  return total;
}
function isInside(root, target) {
  const rel = (0, import_node_path.relative)(root, target);
  return rel === "" || !rel.startsWith("..") && !(0, import_node_path.isAbsolute)(rel);
}
function requireExisting(path, kind) {
  let found;
  try {
    found = (0, import_node_fs.statSync)(path);
  } catch (error) {
    throw new InvalidValueError(
      `names ${path}, which does not exist (${error.code ?? "unreadable"})`,
      { reason: "PATH_NOT_FOUND", actual: path }
    );
  }
  if (kind === "file" ? !found.isFile() : !found.isDirectory())
    throw new InvalidValueError(`names ${path}, which is not a ${kind}`, {
      reason: kind === "file" ? "NOT_A_FILE" : "NOT_A_DIRECTORY",
      actual: path
    });
}
function realpathIfExists(path) {
  try {
    return (0, import_node_fs.realpathSync)(path);
  } catch {
    return void 0;
  }
}
function parsePath(raw, ctx, options = {}) {
  if (raw.includes("\0"))
    throw new InvalidValueError("must not contain a NUL character", { reason: "NUL_CHARACTER" });
  const absolute = (0, import_node_path.resolve)(ctx.workspace, raw);
  if (!options.allowOutsideWorkspace) {
    const outside = `must stay inside the workspace ${ctx.workspace}; "${raw}" resolves to`;
    if (!isInside(ctx.workspace, absolute))
      throw new InvalidValueError(`${outside} ${absolute}`, {
        reason: "OUTSIDE_WORKSPACE",
        actual: absolute
      });
    const real = realpathIfExists(absolute);
    const realWorkspace = realpathIfExists(ctx.workspace) ?? ctx.workspace;
    if (real !== void 0 && !isInside(realWorkspace, real)) {
      throw new InvalidValueError(`${outside} ${real} through a symbolic link`, {
        reason: "SYMLINK_OUTSIDE_WORKSPACE",
        actual: real
      });
    }
  }
  if (options.mustExist !== void 0) requireExisting(absolute, options.mustExist);
  return absolute;
}
var inputs = {
  string: (options = {}) => field("string", (raw) => {
    if (options.pattern !== void 0 && !options.pattern.test(raw)) {
      throw new InvalidValueError(
        `must be ${options.accepted ?? `a string matching ${options.pattern}`}; got "${raw}"`,
        { reason: "PATTERN_MISMATCH", actual: raw }
      );
    }
    return raw;
  }),
  boolean: () => field("boolean", (raw) => parseBoolean(raw)),
  list: () => field("list", (raw) => nonEmpty(raw, parseList(raw))),
  enum: (allowed) => field("enum", (raw) => parseEnum(raw, allowed)),
  integer: (bounds = {}) => field("integer", (raw) => parseInteger(raw, bounds)),
  duration: (bounds = {}) => field("duration", (raw) => parseDuration(raw, bounds)),
  path: (options = {}) => field("path", (raw, ctx) => parsePath(raw, ctx, options)),
  keyValues: () => field("key-values", (raw) => parseKeyValues(raw)),
  custom: (kind, parse) => field(kind, parse),
  /** Tag patterns (`sha-*`): tag characters and `*` only, so that no pattern silently matches nothing. */
  tagPatterns: () => field(
    "tag-patterns",
    (raw) => nonEmpty(raw, parseList(raw)).map((pattern) => {
      if (!/^[A-Za-z0-9_*][A-Za-z0-9_.*-]{0,127}$/.test(pattern))
        throw new InvalidValueError(
          `pattern "${pattern}" is not a tag with * wildcards (letters, digits, _ . - and *)`,
          { reason: "TAG_PATTERN_INVALID", actual: pattern }
        );
      return pattern;
    })
  ),
  /** A secret such as a password: taken verbatim, leading and trailing spaces included. */
  secret: () => ({
    ...field("secret", (raw) => raw).optional(),
    verbatim: true
  })
};
var KEY = /^[A-Za-z_][A-Za-z0-9_.\-/]*$/;
function parseKeyValues(raw) {
  return parseList(raw).map((item, i) => {
    const eq = item.indexOf("=");
    const key = eq < 0 ? item : item.slice(0, eq);
    if (eq < 0 || !KEY.test(key)) {
      throw new InvalidValueError(
        `item ${i + 1} must be KEY=value with a key of letters, digits, "_", ".", "-" or "/"; got "${key}"`,
        { reason: "KEY_VALUE_INVALID", actual: key }
      );
    }
    return [key, item.slice(eq + 1)];
  });
}

// packages/core/src/action/temp-folder.ts
var import_promises2 = __toESM(require_promises(), 1);
var import_node_os = __toESM(require_os(), 1);
var import_node_path2 = __toESM(require_path(), 1);
function tempBase(env) {
  return env.RUNNER_TEMP || (0, import_node_os.tmpdir)();
}
function tempFolder(base, prefix) {
  return (0, import_promises2.mkdtemp)((0, import_node_path2.join)(base, `${prefix.replace(/-$/, "")}-`));
}

// packages/core/src/action/runner-commands.ts
var import_node_crypto = __toESM(require_crypto(), 1);
var import_node_fs2 = __toESM(require_fs(), 1);
var import_node_os2 = __toESM(require_os(), 1);
var processIo = {
  env: process.env,
  cwd: () => process.cwd(),
  write: (text) => {
    process.stdout.write(text);
  },
  append: (file, text) => (0, import_node_fs2.appendFileSync)(file, text, { encoding: "utf8" })
};
function escapeData(value) {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(value) {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
var COMMAND_LINE = /::|##\[/;
function writeUntrusted(io, text) {
  if (!COMMAND_LINE.test(text)) {
    io.write(`${text}${import_node_os2.EOL}`);
    return;
  }
  let token = (0, import_node_crypto.randomUUID)().replace(/-/g, "");
  while (text.includes(token)) token = (0, import_node_crypto.randomUUID)().replace(/-/g, "");
  io.write(`::stop-commands::${token}${import_node_os2.EOL}${text}${import_node_os2.EOL}::${token}::${import_node_os2.EOL}`);
}
function issueCommand(io, command, message, properties = {}) {
  const props = Object.entries(properties).map(([k, v]) => `${k}=${escapeProperty(v)}`).join(",");
  io.write(`::${command}${props ? ` ${props}` : ""}::${escapeData(message)}${import_node_os2.EOL}`);
}
function fileCommandEntry(name, value, delimiter = `ghadelimiter_${(0, import_node_crypto.randomUUID)()}`) {
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`value of ${name} contains the file-command delimiter`);
  }
  return `${name}<<${delimiter}${import_node_os2.EOL}${value}${import_node_os2.EOL}${delimiter}${import_node_os2.EOL}`;
}
function fileCommand(io, variable, legacy, name, value) {
  const file = io.env[variable];
  if (file) io.append(file, fileCommandEntry(name, value));
  else issueCommand(io, legacy, value, { name });
}
function setOutput(io, name, value) {
  fileCommand(io, "GITHUB_OUTPUT", "set-output", name, value);
}
function saveState(io, name, value) {
  fileCommand(io, "GITHUB_STATE", "save-state", name, value);
}
function getState(io, name) {
  return io.env[`STATE_${name}`] ?? "";
}
function exportVariable(io, name, value) {
  io.env[name] = value;
  fileCommand(io, "GITHUB_ENV", "set-env", name, value);
}
function setSecret(io, value) {
  if (value !== "") issueCommand(io, "add-mask", value);
}
function appendSummary(io, markdown) {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (file) io.append(file, markdown);
}

// packages/core/src/action/logger.ts
function createRunnerLogger(io = processIo) {
  return {
    debug: (message) => issueCommand(io, "debug", message),
    // Info lines carry tool output and echoed command lines: never let them act as workflow commands.
    info: (message) => writeUntrusted(io, message),
    warning: (message) => issueCommand(io, "warning", message),
    error: (message) => issueCommand(io, "error", message),
    setSecret: (value) => setSecret(io, value),
    group: async (title, fn) => {
      issueCommand(io, "group", title);
      try {
        return await fn();
      } finally {
        issueCommand(io, "endgroup", "");
      }
    }
  };
}
var runnerLogger = createRunnerLogger();

// packages/core/src/action/state.ts
function runnerStateStore(io = processIo) {
  return {
    save: (key, value) => saveState(io, key, value),
    load: (key) => getState(io, key)
  };
}

// packages/core/src/exec/tool-runner.ts
var import_node_child_process = __toESM(require_child_process(), 1);
var import_promises3 = __toESM(require_promises(), 1);
var import_node_path3 = __toESM(require_path(), 1);
var STDERR_TAIL_BYTES = 16 * 1024;
function redact(text, secrets) {
  let out = text;
  for (const secret of secrets ?? []) if (secret !== "") out = out.split(secret).join("***");
  return out;
}
function lastLine(text) {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  return lines.at(-1)?.trim() ?? "";
}
var ChildOutput = class {
  stdoutChunks = [];
  stdoutBytes = 0;
  /** Stdout went past the limit. */
  overflow = false;
  stderrTail = "";
  partial = { out: "", err: "" };
  request;
  maxStdout;
  logger;
  constructor(request, maxStdout, logger) {
    this.request = request;
    this.maxStdout = maxStdout;
    this.logger = logger;
  }
  /** Takes a stdout chunk; returns true the first time the limit is passed (the caller stops the child). */
  stdout(chunk) {
    this.stdoutBytes += chunk.length;
    if (this.stdoutBytes > this.maxStdout) {
      const first = !this.overflow;
      this.overflow = true;
      return first;
    }
    this.stdoutChunks.push(chunk);
    this.echo("out", chunk);
    return false;
  }
  stderr(chunk) {
    this.stderrTail = (this.stderrTail + chunk.toString("utf8")).slice(-STDERR_TAIL_BYTES);
    this.echo("err", chunk);
  }
  echo(kind, chunk) {
    if (!this.request.echo || this.logger === void 0) return;
    const lines = (this.partial[kind] + chunk.toString("utf8")).split("\n");
    this.partial = { ...this.partial, [kind]: lines.pop() ?? "" };
    for (const line of lines) this.logger.info(redact(line, this.request.secrets));
  }
  /** Echoes the unterminated last lines, then returns what was captured (redacted). */
  finish(exitCode, durationMs) {
    for (const kind of ["out", "err"]) {
      if (this.partial[kind] !== "" && this.request.echo)
        this.logger?.info(redact(this.partial[kind], this.request.secrets));
    }
    return {
      exitCode: exitCode ?? -1,
      stdout: redact(Buffer.concat(this.stdoutChunks).toString("utf8"), this.request.secrets),
      stderrTail: redact(this.stderrTail, this.request.secrets),
      durationMs
    };
  }
};
function startFailure(request, error) {
  const missing = error.code === "ENOENT";
  const why = missing ? `${request.tool} is not installed or not on PATH (tried "${request.command}")` : `${request.tool} could not be started: ${error.message}`;
  return new CommandError(why, {
    tool: request.tool,
    reason: missing ? "NOT_INSTALLED" : "START_FAILED",
    cause: error
  });
}
function exitFailure(request, result, outcome) {
  const tool = request.tool;
  if (outcome.overflow)
    return new CommandError(`${tool} wrote more than ${outcome.maxStdout} bytes to stdout`, {
      tool,
      reason: "STDOUT_TOO_LARGE"
    });
  const tail = result.stderrTail;
  if (outcome.signal !== null) {
    const timedOut = request.timeoutMs !== void 0 && result.durationMs >= request.timeoutMs;
    const why = timedOut ? `timed out after ${request.timeoutMs} ms` : `was killed by ${outcome.signal}`;
    return new CommandError(`${tool} ${why}`, {
      tool,
      reason: timedOut ? "TIMED_OUT" : "KILLED",
      stderrTail: lastLine(tail)
    });
  }
  if ((request.okExitCodes ?? [0]).includes(result.exitCode)) return void 0;
  const detail = lastLine(tail);
  return new CommandError(`${tool} failed with exit code ${result.exitCode}${detail ? `: ${detail}` : ""}`, {
    tool,
    reason: "EXIT_CODE",
    exitCode: result.exitCode,
    stderrTail: tail
  });
}
var ProcessToolRunner = class {
  logger;
  env;
  /**
   * `env`: the environment a request without its own runs in (the step's: `ActionDeps.env`); without
   * one, this process's own.
   */
  constructor(logger, env) {
    this.logger = logger;
    this.env = env;
  }
  run(request) {
    const started = performance.now();
    const maxStdout = request.maxStdoutBytes ?? 32 * 1024 * 1024;
    for (const secret of request.secrets ?? []) this.logger?.setSecret(secret);
    if (request.echo) {
      const line = `$ ${request.command} ${request.args.map(quoteForDisplay).join(" ")}`;
      this.logger?.info(redact(line, request.secrets));
    }
    return new Promise((resolvePromise, reject) => {
      const child = (0, import_node_child_process.spawn)(request.command, [...request.args], {
        cwd: request.cwd,
        env: request.env ?? this.env,
        shell: false,
        stdio: ["pipe", "pipe", "pipe"],
        timeout: request.timeoutMs,
        killSignal: "SIGTERM"
      });
      const output = new ChildOutput(request, maxStdout, this.logger);
      child.stdout.on("data", (chunk) => {
        if (output.stdout(chunk)) child.kill("SIGTERM");
      });
      child.stderr.on("data", (chunk) => output.stderr(chunk));
      child.stdin.on("error", () => {
      });
      child.stdin.end(request.stdin ?? "");
      child.on("error", (error) => reject(startFailure(request, error)));
      child.on("close", (code, signal) => {
        const result = output.finish(code, performance.now() - started);
        const failure = exitFailure(request, result, { overflow: output.overflow, signal, maxStdout });
        if (failure === void 0) resolvePromise(result);
        else reject(failure);
      });
    });
  }
};
function quoteForDisplay(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

// packages/core/src/action/deps.ts
function runnerPaths(env) {
  return { temp: tempBase(env), toolCache: env.RUNNER_TOOL_CACHE || void 0 };
}
function runnerDeps(io = processIo) {
  const env = io.env;
  const logger = createRunnerLogger(io);
  const paths = runnerPaths(env);
  return {
    logger,
    runner: new ProcessToolRunner(logger, env),
    outputs: { set: (name, value) => setOutput(io, name, value) },
    inputs: envInputSource(env),
    inputContext: defaultInputContext(env, io.cwd()),
    env,
    state: runnerStateStore(io),
    paths,
    exportVariable: (name, value) => exportVariable(io, name, value),
    tempDir: (prefix) => tempFolder(paths.temp, prefix),
    now: () => /* @__PURE__ */ new Date(),
    writeSummary: async (summary) => appendSummary(io, `${summary.toString()}
`)
  };
}

// packages/core/src/action/run.ts
function details(error) {
  if (error instanceof CommandError && error.stderrTail !== "")
    return `${error.tool} stderr: ${error.stderrTail}`;
  if (error instanceof Error && !(error instanceof ConfigurationError) && error.stack) return error.stack;
  return void 0;
}
async function runMain(main, hooks = {}) {
  const fail = hooks.fail ?? ((message) => issueCommand(processIo, "error", message));
  const debug = hooks.debug ?? ((message) => issueCommand(processIo, "debug", message));
  try {
    await main();
    return 0;
  } catch (error) {
    const more = details(error);
    if (more !== void 0) debug(more);
    fail(describeError(error));
    return 1;
  }
}
async function runPost(post, hooks = {}) {
  const warn = hooks.warn ?? ((message) => issueCommand(processIo, "warning", message));
  const debug = hooks.debug ?? ((message) => issueCommand(processIo, "debug", message));
  try {
    await post();
  } catch (error) {
    const more = details(error);
    if (more !== void 0) debug(more);
    warn(`Post step: ${describeError(error)}`);
  }
  return 0;
}

// packages/core/src/action/define-action.ts
function hooksFor(deps) {
  return {
    fail: (message) => deps.logger.error(message),
    warn: (message) => deps.logger.warning(message),
    debug: (message) => deps.logger.debug(message)
  };
}
function observed(value) {
  if (value instanceof Promise) value.catch(() => {
  });
  return value;
}
function maskSecrets(spec, values, deps) {
  for (const [name, field2] of Object.entries(spec)) {
    const value = values[name];
    if (field2.kind === "secret" && typeof value === "string" && value !== "") deps.logger.setSecret(value);
  }
}
function planContext(deps) {
  return { env: deps.env, workspace: deps.inputContext.workspace, now: deps.now() };
}
function outputWriter(contract, deps) {
  return {
    set: (name, value) => deps.outputs.set(name, value),
    write: (values) => contract.write(values, deps.outputs)
  };
}
function defineAction(definition) {
  const planFor = (deps) => {
    const values = readInputs(definition.inputs, deps.inputs, deps.inputContext);
    maskSecrets(definition.inputs, values, deps);
    return definition.plan(values, planContext(deps));
  };
  const execute = async (deps) => {
    const early = observed(definition.early ? definition.early(deps) : void 0);
    const plan = planFor(deps);
    const module = await definition.load();
    await module.run(plan, { deps, outputs: outputWriter(definition.outputs, deps), early });
  };
  return {
    ...definition,
    planFor,
    execute,
    async main(deps = runnerDeps()) {
      const code = await runMain(() => execute(deps), hooksFor(deps));
      if (code !== 0) process.exitCode = code;
      return code;
    },
    async post(deps = runnerDeps()) {
      return runPost(async () => {
        const module = await definition.load();
        if (module.post === void 0) throw new Error(`${definition.name} has no post step`);
        await module.post(deps);
      }, hooksFor(deps));
    }
  };
}

// packages/core/src/action/outputs.ts
function defineOutputs(names) {
  return {
    names,
    write(values, sink) {
      for (const name of names) sink.set(name, values[name]);
    }
  };
}

// packages/core/src/report/job-summary.ts
function escapeHtml(text) {
  return text.replace(/[&<>"'|`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
function renderCell(cell) {
  if (typeof cell === "string") return escapeHtml(cell);
  return cell.code ? `<code>${escapeHtml(cell.text)}</code>` : escapeHtml(cell.text);
}
var JobSummary = class _JobSummary {
  parts = [];
  heading(text, level = 2) {
    this.parts.push(`<h${level}>${escapeHtml(text)}</h${level}>`);
    return this;
  }
  paragraph(text) {
    this.parts.push(`<p>${escapeHtml(text)}</p>`);
    return this;
  }
  /** A line with a leading status mark, for verdicts. */
  verdict(ok, text) {
    this.parts.push(`<p><strong>${ok ? "\u2705" : "\u274C"} ${escapeHtml(text)}</strong></p>`);
    return this;
  }
  warning(text) {
    this.parts.push(`<blockquote><p>\u26A0\uFE0F ${escapeHtml(text)}</p></blockquote>`);
    return this;
  }
  code(text) {
    this.parts.push(`<pre><code>${escapeHtml(text)}</code></pre>`);
    return this;
  }
  table(headers, rows) {
    this.parts.push(renderTable(headers, rows));
    return this;
  }
  /** Key/value pairs as a two-column table. */
  facts(pairs) {
    return this.table(
      ["", ""],
      pairs.map(([k, v]) => [k, v])
    );
  }
  /** A collapsed section; `build` fills a nested summary. */
  details(label, build) {
    const inner = new _JobSummary();
    build(inner);
    this.parts.push(`<details><summary>${escapeHtml(label)}</summary>

${inner.toString()}
</details>`);
    return this;
  }
  toString() {
    return this.parts.join("\n");
  }
};
function renderTable(headers, rows) {
  const head = headers.every((h) => h === "") ? "" : `<thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead>`;
  const body = rows.map((row) => `<tr>${row.map((c) => `<td>${renderCell(c)}</td>`).join("")}</tr>`).join("");
  return `<table>${head}<tbody>${body}</tbody></table>`;
}

// packages/core/src/report/severity.ts
var SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"];
function parseSeverityList(items) {
  const wanted = /* @__PURE__ */ new Set();
  for (const item of items) {
    const upper = item.toUpperCase();
    const found = SEVERITIES.find((s) => s === upper);
    if (found === void 0)
      throw new InvalidValueError(`severity "${item}" is not one of ${SEVERITIES.join(", ")}`, {
        reason: "NOT_ALLOWED",
        expected: SEVERITIES.join(", "),
        actual: item
      });
    wanted.add(found);
  }
  if (wanted.size === 0)
    throw new InvalidValueError(`must name at least one of ${SEVERITIES.join(", ")}`, {
      reason: "LIST_EMPTY"
    });
  return wanted;
}
function severityOfScore(score) {
  if (score >= 9) return "CRITICAL";
  if (score >= 7) return "HIGH";
  if (score >= 4) return "MEDIUM";
  if (score > 0) return "LOW";
  return "UNKNOWN";
}
function readSeverity(label, where, options = {}) {
  if ((label === void 0 || label === null || label === "") && options.optional) return "UNKNOWN";
  const upper = typeof label === "string" ? label.toUpperCase() : void 0;
  const known = upper === "MODERATE" ? "MEDIUM" : SEVERITIES.find((s) => s === upper);
  if (known === void 0)
    throw new ReportError(
      `${where} has a severity this suite cannot read: ${JSON.stringify(label)}`,
      "SEVERITY_UNREADABLE",
      {
        actual: JSON.stringify(label)
      }
    );
  return known;
}

export {
  ConfigurationError,
  CommandError,
  InvalidValueError,
  fromInput,
  parseList,
  inputs,
  tempFolder,
  defineAction,
  defineOutputs,
  JobSummary,
  ReportError,
  readScannerReport,
  readScannerJson,
  parseJsonReport,
  isRecord,
  str,
  SEVERITIES,
  parseSeverityList,
  severityOfScore,
  readSeverity
};
//# sourceMappingURL=chunk-QNXKOLYZ.mjs.map
