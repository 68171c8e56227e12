import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  require_child_process
} from "./chunk-PLQD2CNQ.mjs";
import {
  require_promises
} from "./chunk-GNTAXCK2.mjs";
import {
  require_os,
  require_path
} from "./chunk-FT7GLU2J.mjs";
import {
  require_crypto,
  require_fs
} from "./chunk-IDU2EK5M.mjs";
import {
  __toESM
} from "./chunk-VSWNXCQW.mjs";

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

// packages/core/src/oci/retry-policy.ts
var DEFAULT_RETRY = {
  maxAttempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 15e3,
  deadlineMs: 12e4
};
function isRetryableStatus(status) {
  return status === 429 || status >= 500 && status <= 599;
}
var NETWORK_CODES = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
  "ERR_STREAM_PREMATURE_CLOSE"
]);
function isNetworkError(error) {
  const code = error?.code;
  return typeof code === "string" && NETWORK_CODES.has(code);
}
function parseRetryAfter(value, now) {
  if (value === void 0 || value.trim() === "") return void 0;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1e3;
  const date = Date.parse(value);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
}
function backoffDelay(policy, attempt, retryAfterMs, random) {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(exponential / 2 + random() * exponential / 2);
  if (retryAfterMs === void 0) return jittered;
  return Math.min(policy.maxDelayMs, Math.max(retryAfterMs, jittered));
}
async function withRetries(operation, classify, options = {}) {
  const policy = options.policy ?? DEFAULT_RETRY;
  const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const clock = options.elapsedClock;
  const started = clock?.() ?? 0;
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      const verdict = classify(error);
      if (!verdict.transient || attempt >= policy.maxAttempts) throw error;
      if (clock !== void 0 && clock() - started >= policy.deadlineMs) throw error;
      const delay = backoffDelay(policy, attempt, verdict.retryAfterMs, options.random ?? Math.random);
      if (clock === void 0 && waited + delay > policy.deadlineMs) throw error;
      waited += delay;
      options.onRetry?.(attempt, delay, verdict.reason);
      await sleep(delay);
    }
  }
}

// packages/core/src/action/oidc-token.ts
var ID_TOKEN_PERMISSION_FIX = "The job has no GitHub OIDC token. Give it the permission in the workflow:\n  permissions:\n    id-token: write   # lets this job request an OIDC token\n    contents: read\n(set at the job or workflow level; pull requests from forks never get a token).";
function decodeJwtClaims(jwt) {
  const payload = jwt.split(".")[1];
  if (payload === void 0) return {};
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return typeof claims === "object" && claims !== null ? claims : {};
  } catch {
    return {};
  }
}
async function requestIdToken(env, audience, logger, fetchImpl = fetch) {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer) throw new ConfigurationError(ID_TOKEN_PERMISSION_FIX);
  logger.setSecret(bearer);
  const target = new URL(url);
  target.searchParams.set("audience", audience);
  const failure = (message, transient) => Object.assign(new Error(message), { transient });
  try {
    return await withRetries(
      async () => {
        let res;
        try {
          res = await fetchImpl(target, {
            headers: { authorization: `Bearer ${bearer}`, accept: "application/json" },
            signal: AbortSignal.timeout(3e4)
          });
        } catch (error) {
          throw failure(error instanceof Error ? error.message : String(error), true);
        }
        if (!res.ok) throw failure(`HTTP ${res.status}`, isRetryableStatus(res.status));
        const body = await res.json().catch(() => ({}));
        if (typeof body.value !== "string" || body.value === "")
          throw failure("no token in the answer", false);
        logger.setSecret(body.value);
        return { value: body.value, claims: decodeJwtClaims(body.value) };
      },
      (error) => ({
        transient: error.transient === true,
        reason: error instanceof Error ? error.message : String(error)
      }),
      { policy: { ...DEFAULT_RETRY, maxAttempts: 3, baseDelayMs: 500 } }
    );
  } catch (error) {
    throw new CommandError(
      `could not get the job's OIDC token for audience "${audience}" from ${target.origin} (${error instanceof Error ? error.message : String(error)})`,
      { tool: "GitHub OIDC" }
    );
  }
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

// packages/core/src/exec/tool-runner.ts
var import_node_child_process = __toESM(require_child_process(), 1);
var import_promises2 = __toESM(require_promises(), 1);
var import_node_path3 = __toESM(require_path(), 1);

// packages/core/src/action/temp-folder.ts
var import_promises = __toESM(require_promises(), 1);
var import_node_os = __toESM(require_os(), 1);
var import_node_path2 = __toESM(require_path(), 1);
function tempBase(env) {
  return env.RUNNER_TEMP || (0, import_node_os.tmpdir)();
}
function tempFolder(base, prefix) {
  return (0, import_promises.mkdtemp)((0, import_node_path2.join)(base, `${prefix.replace(/-$/, "")}-`));
}

// packages/core/src/exec/tool-runner.ts
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
  const fail2 = hooks.fail ?? ((message) => issueCommand(processIo, "error", message));
  const debug = hooks.debug ?? ((message) => issueCommand(processIo, "debug", message));
  try {
    await main();
    return 0;
  } catch (error) {
    const more = details(error);
    if (more !== void 0) debug(more);
    fail2(describeError(error));
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
    const plan2 = planFor(deps);
    const module = await definition.load();
    await module.run(plan2, { deps, outputs: outputWriter(definition.outputs, deps), early });
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

// packages/core/src/oci/digest.ts
var ALGORITHMS = { sha256: 64, sha512: 128 };
var Digest = class _Digest {
  algorithm;
  hex;
  constructor(algorithm, hex) {
    this.algorithm = algorithm;
    this.hex = hex;
  }
  static parse(value) {
    const colon = value.indexOf(":");
    if (colon < 0) {
      throw new InvalidValueError(
        `"${value}" is not a digest: expected <algorithm>:<hex>, e.g. sha256:<64 hex digits>`,
        { reason: "NOT_A_DIGEST", actual: value }
      );
    }
    const algorithm = value.slice(0, colon);
    const hex = value.slice(colon + 1);
    if (algorithm !== "sha256" && algorithm !== "sha512") {
      throw new InvalidValueError(
        `digest "${value}" uses algorithm "${algorithm}"; supported: sha256, sha512`,
        { reason: "ALGORITHM_UNSUPPORTED", expected: "sha256, sha512", actual: algorithm }
      );
    }
    const length = ALGORITHMS[algorithm];
    if (!/^[0-9a-f]*$/.test(hex)) {
      const hint = /^[0-9a-fA-F]*$/.test(hex) ? " (hex digits must be lowercase)" : "";
      throw new InvalidValueError(`digest "${value}" must have an encoded part of hex digits${hint}`, {
        reason: "NOT_HEX",
        actual: value
      });
    }
    if (hex.length !== length) {
      throw new InvalidValueError(
        `digest "${value}" must have exactly ${length} hex digits after "${algorithm}:"; got ${hex.length}`,
        { reason: "HEX_LENGTH", expected: String(length), actual: String(hex.length) }
      );
    }
    return new _Digest(algorithm, hex);
  }
  static isValid(value) {
    try {
      _Digest.parse(value);
      return true;
    } catch {
      return false;
    }
  }
  static fromHex(algorithm, hex) {
    return _Digest.parse(`${algorithm}:${hex}`);
  }
  equals(other) {
    return this.toString() === (typeof other === "string" ? other : other.toString());
  }
  /** The OCI 1.1 referrers fallback tag and cosign's tag stem: `sha256-<hex>`. */
  toTagStem() {
    return `${this.algorithm}-${this.hex}`;
  }
  /** First n hex digits, for display. */
  short(n = 12) {
    return `${this.algorithm}:${this.hex.slice(0, n)}`;
  }
  toString() {
    return `${this.algorithm}:${this.hex}`;
  }
  toJSON() {
    return this.toString();
  }
};

// packages/core/src/oci/image-reference.ts
var DOCKER_HUB = "docker.io";
var DOCKER_HUB_API = "registry-1.docker.io";
var NAME_MAX = 255;
var DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
var IPV6_HOST = /^\[[a-fA-F0-9:]+\]$/;
var PORT = /^[0-9]+$/;
var PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
function fail(reference, why, reason, cause) {
  throw new InvalidValueError(`"${reference}" is not a valid image reference: ${why}`, {
    reason,
    actual: reference,
    cause
  });
}
function validateTag(tag) {
  if (tag.length > 128)
    throw new InvalidValueError(`tag "${tag.slice(0, 40)}\u2026" is ${tag.length} characters; at most 128`, {
      reason: "TAG_TOO_LONG",
      expected: "128",
      actual: String(tag.length)
    });
  if (!TAG.test(tag)) {
    throw new InvalidValueError(
      `tag "${tag}" is invalid: use letters, digits, "_", "." and "-", not starting with "." or "-", at most 128`,
      { reason: "TAG_INVALID", actual: tag }
    );
  }
  return tag;
}
function validateDomain(reference, domain) {
  let host = domain;
  let port;
  if (domain.startsWith("[")) {
    const close = domain.indexOf("]");
    if (close < 0)
      fail(
        reference,
        `registry "${domain}" has an unclosed "[" (IPv6 hosts are written [::1]:5000)`,
        "REGISTRY_INVALID"
      );
    host = domain.slice(0, close + 1);
    const rest = domain.slice(close + 1);
    if (rest !== "") {
      if (!rest.startsWith(":"))
        fail(reference, `unexpected "${rest}" after the IPv6 host ${host}`, "REGISTRY_INVALID");
      port = rest.slice(1);
    }
    if (!IPV6_HOST.test(host))
      fail(reference, `registry host "${host}" is not an IPv6 address in brackets`, "REGISTRY_INVALID");
  } else {
    const colon = domain.lastIndexOf(":");
    if (colon >= 0) {
      host = domain.slice(0, colon);
      port = domain.slice(colon + 1);
    }
    if (host === "") fail(reference, `registry "${domain}" has no host name`, "REGISTRY_INVALID");
    for (const component of host.split(".")) {
      if (!DOMAIN_COMPONENT.test(component)) {
        fail(
          reference,
          `registry host "${host}" is not a valid host name (component "${component}")`,
          "REGISTRY_INVALID"
        );
      }
    }
  }
  if (port !== void 0 && (!PORT.test(port) || Number(port) > 65535)) {
    fail(reference, `registry port "${port}" must be a number from 0 to 65535`, "PORT_INVALID");
  }
}
function looksLikeDomain(component) {
  return component.includes(".") || component.includes(":") || component.startsWith("[") || component === "localhost" || component !== component.toLowerCase();
}
function checkWhole(reference) {
  if (reference === "") fail(reference, "it is empty", "EMPTY");
  if (reference !== reference.trim()) fail(reference, "it has leading or trailing white space", "WHITESPACE");
  if (/\s/.test(reference)) fail(reference, "it contains white space", "WHITESPACE");
  if (reference.includes("://"))
    fail(reference, "remove the scheme (https://); a reference starts with the registry host", "SCHEME");
}
function splitDigest(reference) {
  const at = reference.indexOf("@");
  if (at < 0) return { rest: reference, digest: void 0 };
  try {
    return { rest: reference.slice(0, at), digest: Digest.parse(reference.slice(at + 1)) };
  } catch (error) {
    return fail(reference, error.message, "DIGEST_INVALID", error);
  }
}
function tagReason(error) {
  return error instanceof InvalidValueError && error.reason === "TAG_TOO_LONG" ? "TAG_TOO_LONG" : "TAG_INVALID";
}
function splitTag(reference, rest) {
  const lastColon = rest.lastIndexOf(":");
  if (lastColon <= rest.lastIndexOf("/") || rest.startsWith("[") && !rest.includes("/"))
    return { name: rest, tag: void 0 };
  const tag = rest.slice(lastColon + 1);
  if (tag === "") fail(reference, 'the tag after ":" is empty', "TAG_EMPTY");
  try {
    validateTag(tag);
  } catch (error) {
    fail(reference, error.message, tagReason(error), error);
  }
  return { name: rest.slice(0, lastColon), tag };
}
function splitName(reference, name) {
  if (name === "") fail(reference, "the repository name is empty", "NAME_EMPTY");
  if (name.length > NAME_MAX)
    fail(reference, `the name is ${name.length} characters; at most ${NAME_MAX}`, "NAME_TOO_LONG");
  const components = name.split("/");
  let registry = DOCKER_HUB;
  const first = components[0] ?? "";
  if (components.length > 1 && looksLikeDomain(first)) {
    validateDomain(reference, first);
    registry = first === "index.docker.io" ? DOCKER_HUB : first;
    components.shift();
  } else if (components.length === 1 && (first.startsWith("[") || /^[^/]*:\d+$/.test(first))) {
    fail(
      reference,
      `"${first}" looks like a registry host but no repository follows it`,
      "REPOSITORY_MISSING"
    );
  }
  for (const component of components) checkPathComponent(reference, component);
  if (registry === DOCKER_HUB && components.length === 1) components.unshift("library");
  return { registry, repository: components.join("/") };
}
function checkPathComponent(reference, component) {
  if (component === "")
    fail(
      reference,
      'the repository has an empty path component ("//" or a trailing "/")',
      "PATH_COMPONENT_EMPTY"
    );
  if (!PATH_COMPONENT.test(component)) {
    const upper = component !== component.toLowerCase();
    const why = upper ? "repository names must be lowercase" : 'use lowercase letters and digits, separated by ".", "_", "__" or "-"';
    fail(
      reference,
      `path component "${component}" is invalid: ${why}`,
      upper ? "PATH_NOT_LOWERCASE" : "PATH_COMPONENT_INVALID"
    );
  }
}
var ImageReference = class _ImageReference {
  /** Registry host as users write it (`docker.io`, `ghcr.io`, `127.0.0.1:5000`, `[::1]:5000`). */
  registry;
  /** Repository path inside the registry (`library/alpine`, `org/app`). */
  repository;
  tag;
  digest;
  constructor(registry, repository, tag, digest) {
    this.registry = registry;
    this.repository = repository;
    this.tag = tag;
    this.digest = digest;
  }
  static parse(reference) {
    checkWhole(reference);
    const { rest, digest } = splitDigest(reference);
    const { name, tag } = splitTag(reference, rest);
    const { registry, repository } = splitName(reference, name);
    return new _ImageReference(registry, repository, tag, digest);
  }
  static tryParse(reference) {
    try {
      return _ImageReference.parse(reference);
    } catch {
      return void 0;
    }
  }
  /** `registry/repository`, with no tag or digest. */
  get name() {
    return `${this.registry}/${this.repository}`;
  }
  /** The host the distribution API lives at (Docker Hub's differs from its name). */
  get apiHost() {
    return this.registry === DOCKER_HUB ? DOCKER_HUB_API : this.registry;
  }
  withTag(tag) {
    return new _ImageReference(this.registry, this.repository, validateTag(tag), this.digest);
  }
  withDigest(digest) {
    return new _ImageReference(
      this.registry,
      this.repository,
      this.tag,
      typeof digest === "string" ? Digest.parse(digest) : digest
    );
  }
  /** The same repository with neither tag nor digest. */
  repositoryOnly() {
    return new _ImageReference(this.registry, this.repository, void 0, void 0);
  }
  equals(other) {
    return this.toString() === other.toString();
  }
  /** Fully qualified: `registry/repository[:tag][@digest]`. */
  toString() {
    return `${this.name}${this.tag === void 0 ? "" : `:${this.tag}`}${this.digest === void 0 ? "" : `@${this.digest}`}`;
  }
  toJSON() {
    return this.toString();
  }
};

// packages/core/src/oci/platform.ts
var PART = /^[a-z0-9][a-z0-9._-]*$/;
function parsePlatform(text) {
  const parts = text.split("/");
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !PART.test(p))) {
    throw new InvalidValueError(
      `platform "${text}" must be os/arch or os/arch/variant in lowercase, e.g. linux/amd64 or linux/arm/v7`,
      { reason: "PLATFORM_INVALID", actual: text }
    );
  }
  const [os = "", architecture = "", variant] = parts;
  return variant === void 0 ? { os, architecture } : { os, architecture, variant };
}
function formatPlatform(platform) {
  return [platform.os, platform.architecture, platform.variant].filter((p) => p !== void 0 && p !== "").join("/");
}

// packages/core/src/oci/tag-rules.ts
var TagRuleError = class extends InvalidValueError {
  code;
  rule;
  constructor(code, rule, message) {
    super(message);
    this.code = code;
    this.rule = rule;
  }
  /** The action's part: the same problem as a configuration error naming the input the rule came from. */
  forInput(input) {
    return new ConfigurationError(`Input "${input}" ${this.message}`, { input, cause: this });
  }
};
var PLACEHOLDERS = ["date", "sha", "short-sha", "version", "major", "minor", "branch", "number"];
var PLACEHOLDER = /\{([^{}]*)\}/g;
var EVENT = /^@([a-z][a-z_]*)$/;
var LATEST = /^latest=(.*)$/;
var LATEST_MODES = ["auto", "always", "never"];
var EXAMPLE = {
  date: "20260101",
  sha: "0123456789abcdef0123456789abcdef01234567",
  "short-sha": "0123456",
  version: "1.2.3",
  major: "1",
  minor: "2",
  branch: "main",
  number: "1"
};
function isPlaceholder(name) {
  return PLACEHOLDERS.includes(name);
}
function expand(template, values) {
  return template.replace(PLACEHOLDER, (_m, name) => values(name));
}
function checkTag(rule, tag) {
  try {
    return validateTag(tag);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const message = rule.template.includes("{") ? `rule "${rule.text}" gives an invalid tag: ${why}` : why;
    throw new TagRuleError("TAG_INVALID", rule.text, message);
  }
}
function parseTagRule(item) {
  const text = item.trim();
  const words = text.split(/\s+/);
  const [head = "", ...rest] = words;
  const conditional = rest.length > 0 && rest.every((w) => w.startsWith("@"));
  const template = conditional ? head : text;
  const events = [];
  if (conditional) {
    for (const word of rest) {
      const event = EVENT.exec(word)?.[1];
      if (event === void 0)
        throw new TagRuleError(
          "TAG_RULE_INVALID",
          text,
          `rule "${text}": "${word}" is not an event condition (@push, @schedule, @workflow_dispatch\u2026)`
        );
      if (!events.includes(event)) events.push(event);
    }
  }
  const latest = LATEST.exec(template)?.[1];
  if (latest !== void 0) {
    const mode = LATEST_MODES.find((m) => m === latest);
    if (mode === void 0)
      throw new TagRuleError(
        "TAG_RULE_INVALID",
        text,
        `rule "${text}": latest= takes ${LATEST_MODES.join(", ")}; got "${latest}"`
      );
    return { text, template: "latest", latest: mode, events };
  }
  const rule = { text, template, latest: void 0, events };
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (!isPlaceholder(name))
      throw new TagRuleError(
        "TAG_TEMPLATE_UNKNOWN",
        text,
        `"${template}" uses an unknown template {${name}}; known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}`
      );
  }
  checkTag(
    rule,
    expand(template, (name) => EXAMPLE[name])
  );
  return rule;
}
function parseTagRules(items) {
  return items.map(parseTagRule);
}

// packages/core/src/inputs/oci-inputs.ts
var ociInputs = {
  /**
   * An image digest. sha512 is refused here, at the input: registries, skopeo and cosign address images
   * by sha256 in this chain, and a sha512 digest would otherwise fail only after a tag was written.
   */
  digest: () => field("digest", (raw) => {
    const digest = Digest.parse(raw);
    if (digest.algorithm !== "sha256")
      throw new InvalidValueError(
        `is a ${digest.algorithm} digest; images are addressed by sha256 digests here (oci-build and skopeo-push output them)`,
        { reason: "DIGEST_NOT_SHA256", expected: "sha256", actual: digest.algorithm }
      );
    return digest;
  }),
  /** Any reference: tag, digest or both allowed. */
  reference: () => field("image-reference", (raw) => ImageReference.parse(raw)),
  /** A repository only: `registry/path`, no tag, no digest. */
  repository: () => field("repository", (raw) => {
    const ref = ImageReference.parse(raw);
    if (ref.tag !== void 0 || ref.digest !== void 0) {
      throw new InvalidValueError(
        `must be a repository without tag or digest (e.g. ghcr.io/org/app); got "${raw}": tags go in the "tags" input and the digest in "digest"`,
        { reason: "NOT_A_REPOSITORY", actual: raw }
      );
    }
    return ref;
  }),
  /** A list of tags, each validated; duplicates removed, order kept. */
  tags: () => field("tags", (raw) => {
    const tags = nonEmpty(raw, parseList(raw)).map((t) => validateTag(t));
    return [...new Set(tags)];
  }),
  /**
   * Tag rules (oci/tag-rules.ts): plain tags, templates such as `sha-{short-sha}` or `{major}.{minor}`,
   * `latest=auto`, each optionally limited to events (`nightly @schedule`). Each is checked when read.
   */
  tagRules: () => field("tag-rules", (raw) => parseTagRules(nonEmpty(raw, parseList(raw)))),
  /** A list of `os/arch[/variant]` platforms. */
  platforms: () => field("platforms", (raw) => {
    const list = nonEmpty(raw, parseList(raw));
    const seen = /* @__PURE__ */ new Set();
    return list.flatMap((p) => {
      if (seen.has(p)) return [];
      seen.add(p);
      return [parsePlatform(p)];
    });
  })
};

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

// packages/core/src/report/report-file.ts
var import_promises3 = __toESM(require_promises(), 1);
var ReportError = class extends CommandError {
  code = "REPORT_UNREADABLE";
  constructor(message, reason, details2 = {}) {
    super(message, { tool: "scanner report", ...reason === void 0 ? {} : { reason }, ...details2 });
  }
};
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

// packages/core/src/sigstore/kyverno-requirements.ts
var POLICY_ATTESTATION_TYPES = {
  provenance: "https://slsa.dev/provenance/v1",
  // cosign --type slsaprovenance1
  sbom: "https://cyclonedx.org/bom",
  // cosign --type cyclonedx
  vuln: "https://cosign.sigstore.dev/attestation/vuln/v1"
  // cosign --type vuln
};
var TRIVY_FINDING_LISTS = ["Vulnerabilities", "Secrets", "Misconfigurations"];
var DEFAULT_DENY_SEVERITIES = ["CRITICAL", "HIGH"];
function registryPrefix(prefix, input = "policy-registries") {
  const trimmed = prefix.trim().replace(/\/+$/, "");
  if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/.test(trimmed)) {
    throw new ConfigurationError(
      `Input "${input}": "${prefix}" is not a registry prefix (registry host[:port] and optional repository path, lower case, no wildcards), e.g. ghcr.io/acme`,
      { input }
    );
  }
  return `${trimmed}/`;
}
function denySeverities(requirements) {
  const list = requirements.denySeverities ?? DEFAULT_DENY_SEVERITIES;
  if (list.length === 0) {
    throw new ConfigurationError("the vuln attestation condition needs at least one severity to deny");
  }
  return [...new Set(list)];
}
var celString = (value) => `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n")}'`;
function policyName(prefix, repository) {
  return `${prefix}-${repository.replace(/[^a-z0-9]+/g, "-")}`.slice(0, 63).replace(/-+$/, "");
}

// packages/core/src/sigstore/slsa-provenance.ts
var SLSA_PROVENANCE_V1 = "https://slsa.dev/provenance/v1";
var GITHUB_WORKFLOW_BUILD_TYPE = "https://actions.github.io/buildtypes/workflow/v1";
function parseBuildRecord(json, input) {
  const record = json;
  const problem = (what) => new ConfigurationError(`Input "${input}": not an oci-build build record (${what})`, { input });
  if (record === null || typeof record !== "object" || record.schema !== "build-record/v1")
    throw problem("schema is not build-record/v1");
  if (typeof record.digest !== "string" || !/^sha256:[0-9a-f]{64}$/.test(record.digest))
    throw problem("no digest");
  const file = record.containerfile;
  if (typeof file?.path !== "string" || !/^[0-9a-f]{64}$/.test(String(file?.sha256)))
    throw problem("no Containerfile path and sha256");
  if (typeof record.context !== "string" || !Array.isArray(record.platforms))
    throw problem("no context or platforms");
  const args = record.buildArgs ?? {};
  if (typeof args !== "object" || Object.values(args).some((v) => typeof v !== "string"))
    throw problem("buildArgs is not a map of strings");
  return record;
}
var RUN_FACTS = [
  ["repository", "repository", "GITHUB_REPOSITORY"],
  ["repositoryId", "repository_id", "GITHUB_REPOSITORY_ID"],
  ["repositoryOwnerId", "repository_owner_id", "GITHUB_REPOSITORY_OWNER_ID"],
  ["sha", "sha", "GITHUB_SHA"],
  ["ref", "ref", "GITHUB_REF"],
  ["eventName", "event_name", "GITHUB_EVENT_NAME"],
  ["runId", "run_id", "GITHUB_RUN_ID"],
  ["runAttempt", "run_attempt", "GITHUB_RUN_ATTEMPT"],
  ["workflowRef", "workflow_ref", "GITHUB_WORKFLOW_REF"],
  ["jobWorkflowRef", "job_workflow_ref", void 0],
  ["runnerEnvironment", "runner_environment", "RUNNER_ENVIRONMENT"]
];
var PRIVILEGED_EVENTS = ["pull_request_target", "workflow_run"];
function githubRunFacts(env, claims, input = "attestations") {
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  const facts = Object.keys(claims).length === 0 ? envRunFacts(env, input) : tokenRunFacts(env, claims, input);
  return { ...facts, server };
}
var factsError = (input, message) => new ConfigurationError(`Input "${input}": ${message}`, { input });
function envRunFacts(env, input) {
  const facts = {};
  const missing = [];
  for (const [fact, , name] of RUN_FACTS) {
    if (name === void 0) continue;
    const value = env[name];
    if (value) facts[fact] = value;
    else if (fact !== "runnerEnvironment") missing.push(name);
  }
  if (missing.length > 0)
    throw factsError(
      input,
      `provenance is made from the GitHub Actions run, and ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not set`
    );
  const workflowRef = facts.workflowRef ?? "";
  const complete = {
    ...facts,
    jobWorkflowRef: workflowRef,
    runnerEnvironment: facts.runnerEnvironment ?? "unknown"
  };
  return { ...complete, from: "env" };
}
function tokenRunFacts(env, claims, input) {
  const facts = {};
  const missing = [];
  const disagree = [];
  for (const [fact, claim, name] of RUN_FACTS) {
    const value = claims[claim];
    if (typeof value !== "string" || value === "") {
      missing.push(claim);
      continue;
    }
    facts[fact] = value;
    const variable = name === void 0 ? void 0 : env[name];
    if (variable && variable !== value) disagree.push(`${name}=${variable}, the token's ${claim}=${value}`);
  }
  if (missing.length > 0)
    throw factsError(
      input,
      `keyless provenance is made from the job's OIDC token (what Fulcio certifies), and it has no ${missing.join(", ")} claim${missing.length === 1 ? "" : "s"}`
    );
  if (disagree.length > 0)
    throw factsError(
      input,
      `the runner's environment disagrees with the job's OIDC token (${disagree.join("; ")}): an earlier step changed it, or the run is not what it says; no provenance is made`
    );
  return { ...facts, from: "token" };
}
function splitWorkflowRef(ref, input) {
  const match = /^([^/]+\/[^/]+)\/(.+?)@(.+)$/.exec(ref);
  if (match === null)
    throw new ConfigurationError(`Input "${input}": the workflow ref "${ref}" is not owner/repo/path@ref`, {
      input
    });
  return { repository: match[1] ?? "", path: match[2] ?? "", ref: match[3] ?? "" };
}
function slsaProvenance(env, claims, record, input = "attestations", options = {}) {
  const run = githubRunFacts(env, claims, input);
  if (PRIVILEGED_EVENTS.includes(run.eventName) && options.allowPrivilegedEvent !== true) {
    const allow = options.allowInput ?? "allow-privileged-event-provenance";
    throw new ConfigurationError(
      `Input "${allow}": refusing to make provenance for a ${run.eventName} run: it runs privileged, often on code from a fork or an earlier run, and its commit ${run.sha} need not be what was built. Build in a push, release or workflow_dispatch run, or set ${allow}: true if this run builds only its own commit`,
      { input: allow }
    );
  }
  const server = run.server;
  const workflow = splitWorkflowRef(run.workflowRef, input);
  const source = `${server}/${run.repository}`;
  return {
    buildDefinition: {
      buildType: GITHUB_WORKFLOW_BUILD_TYPE,
      externalParameters: {
        workflow: { ref: workflow.ref, repository: `${server}/${workflow.repository}`, path: workflow.path },
        build: {
          containerfile: record.containerfile.path,
          context: record.context,
          platforms: record.platforms,
          buildArgs: record.buildArgs,
          ...record.target === void 0 ? {} : { target: record.target }
        }
      },
      internalParameters: {
        github: {
          event_name: run.eventName,
          repository_id: run.repositoryId,
          repository_owner_id: run.repositoryOwnerId,
          runner_environment: run.runnerEnvironment,
          run_id: run.runId,
          run_attempt: run.runAttempt
        },
        builder: record.builder
      },
      resolvedDependencies: [
        { uri: `git+${source}@${run.ref}`, digest: { gitCommit: run.sha } },
        {
          uri: `git+${source}@${run.sha}#${record.containerfile.path}`,
          name: record.containerfile.path,
          digest: { sha256: record.containerfile.sha256 }
        }
      ]
    },
    runDetails: {
      builder: { id: `${server}/${run.jobWorkflowRef}` },
      metadata: { invocationId: `${source}/actions/runs/${run.runId}/attempts/${run.runAttempt}` }
    }
  };
}

// actions/cosign-sign/src/plan.ts
function plan(values, context) {
  const { repository, digest } = resolveTarget(values.image, values.digest);
  const kind = policyKind(values["kyverno-policy"], values.format);
  const attestations = attestationSources(values);
  requireSources(attestations);
  const github = githubTarget(values, context.env);
  const kinds = policyKinds(values["kyverno-policy-kind"], values["kyverno-policy"]);
  const requirements = policyRequirements({
    attestations: values["policy-attestations"],
    written: values.attestations,
    severities: values["policy-vuln-severities"],
    registries: values["policy-registries"],
    env: context.env
  });
  return {
    repository,
    digest,
    format: values.format,
    signer: signerPlan(values),
    rekorURL: values["rekor-url"],
    tsaURL: values["tsa-url"],
    trustedRoot: values["trusted-root"],
    registry: { authFile: values["auth-file"], tlsVerify: values["tls-verify"] },
    attestations,
    github,
    kyverno: kind === void 0 ? void 0 : { kind, kinds, ...requirements }
  };
}
function signerPlan(values) {
  if (values.key !== void 0) return { kind: "key", key: values.key, password: values["key-password"] };
  return {
    kind: "keyless",
    fulcioURL: values["fulcio-url"],
    passwordIgnored: values["key-password"] !== void 0
  };
}
function resolveTarget(image, digest) {
  if (image.digest !== void 0 && digest !== void 0 && !image.digest.equals(digest)) {
    throw new ConfigurationError(
      `Input "digest": ${digest} differs from the digest in "image" (${image.digest}); give one of them`,
      { input: "digest", expected: image.digest.toString(), actual: digest.toString() }
    );
  }
  const resolved = image.digest ?? digest;
  if (resolved === void 0) {
    throw new ConfigurationError(
      `Input "image": ${image} names no digest. Signatures are bound to a digest, never a tag: pass repo@sha256:<hex>, or the repository with "digest" (skopeo-push output "digest")`,
      { input: "image" }
    );
  }
  if (image.tag !== void 0 && image.digest === void 0) {
    throw new ConfigurationError(
      `Input "image": drop the tag ":${image.tag}" and give the repository with "digest"; a tag can move`,
      { input: "image" }
    );
  }
  return { repository: image.repositoryOnly(), digest: Digest.parse(resolved.toString()) };
}
function policyKind(choice, format) {
  if (choice === "none") return void 0;
  if (choice !== "auto") {
    if (choice === "Cosign" && format === "bundle" || choice === "SigstoreBundle" && format === "classic") {
      throw new ConfigurationError(
        `Input "kyverno-policy": a ${choice} policy cannot admit ${format === "bundle" ? "bundle-only" : "classic-only"} signatures; use format "both" or the other kind`,
        { input: "kyverno-policy" }
      );
    }
    return choice;
  }
  return format === "bundle" ? "SigstoreBundle" : "Cosign";
}
function policyKinds(choice, signatureType) {
  if (choice === "ImageValidatingPolicy" && signatureType !== "auto" && signatureType !== "none") {
    throw new ConfigurationError(
      `Input "kyverno-policy": ${signatureType} is a ClusterPolicy verifyImages type; an ImageValidatingPolicy detects the signature format itself, so leave it "auto" or set kyverno-policy-kind to "both"`,
      { input: "kyverno-policy" }
    );
  }
  return choice === "both" ? ["ClusterPolicy", "ImageValidatingPolicy"] : [choice];
}
function policyRequirements(input) {
  const unwritten = input.attestations.filter((kind) => !input.written.includes(kind));
  if (unwritten.length > 0)
    throw new ConfigurationError(
      `Input "policy-attestations": the admission policy would require ${unwritten.join(", ")}, which this step does not attest; add ${unwritten.length === 1 ? "it" : "them"} to "attestations" (with ${unwritten.map((k) => NEEDS[k].source).join(", ")}) or drop ${unwritten.length === 1 ? "it" : "them"} from "policy-attestations"`,
      { input: "policy-attestations" }
    );
  let severities;
  try {
    severities = parseSeverityList(input.severities);
  } catch (error) {
    if (!(error instanceof InvalidValueError)) throw error;
    throw new ConfigurationError(`Input "policy-vuln-severities": ${error.message}`, {
      input: "policy-vuln-severities"
    });
  }
  for (const prefix of input.registries) registryPrefix(prefix, "policy-registries");
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository } = input.env;
  return {
    attestations: {
      required: [...input.attestations],
      sourceRepository: repository === void 0 ? void 0 : `${server ?? "https://github.com"}/${repository}`,
      denySeverities: [...severities]
    },
    registries: [...input.registries]
  };
}
function attestationSources(values) {
  return {
    kinds: values.attestations,
    buildRecord: values["build-record"],
    scanReport: values["scan-report"],
    layout: values.layout,
    sbomDir: values["sbom-dir"],
    syftPath: values["syft-path"],
    syftVersion: values["syft-version"],
    allowPrivilegedEvent: values["allow-privileged-event-provenance"]
  };
}
var NEEDS = {
  provenance: {
    input: "buildRecord",
    name: "build-record",
    from: 'oci-build output "build-record"',
    source: "build-record"
  },
  sbom: {
    input: "sbomDir",
    name: "sbom-dir",
    from: 'image-scan output "sbom-dir" (sbom: true), or layout',
    source: "sbom-dir or layout"
  },
  vuln: {
    input: "scanReport",
    name: "scan-report",
    from: 'image-scan output "report"',
    source: "scan-report"
  }
};
function requireSources(sources) {
  if (sources.sbomDir !== void 0 && sources.layout !== void 0)
    throw new ConfigurationError(
      'Input "layout": give sbom-dir (the SBOMs image-scan made) or layout (syft runs here), not both',
      { input: "layout" }
    );
  for (const kind of sources.kinds) {
    const need = NEEDS[kind];
    if (kind === "sbom" && sources.layout !== void 0) continue;
    if (sources[need.input] === void 0)
      throw new ConfigurationError(
        `Input "${need.name}": attestations lists ${kind}, which is made from it; pass ${need.from}`,
        { input: need.name }
      );
  }
}
function githubTarget(values, env) {
  if (!values["github-attestations"]) return void 0;
  if (!values.attestations.includes("provenance"))
    throw new ConfigurationError(
      'Input "github-attestations": it stores the provenance attestation, so attestations must include provenance',
      { input: "github-attestations" }
    );
  const token = values["github-token"];
  if (token === void 0 || token === "")
    throw new ConfigurationError(
      `Input "github-token" is empty: github-attestations needs the job's token`,
      {
        input: "github-token"
      }
    );
  const repository = env.GITHUB_REPOSITORY;
  if (repository === void 0 || repository === "")
    throw new ConfigurationError("github-attestations needs GITHUB_REPOSITORY (the runner sets it)", {
      input: "github-attestations"
    });
  return { apiUrl: env.GITHUB_API_URL ?? "https://api.github.com", repository, token };
}
function vulnRunFacts(env, claims) {
  if (Object.keys(claims).length > 0) {
    const run = githubRunFacts(env, claims);
    return {
      runURL: `${run.server}/${run.repository}/actions/runs/${run.runId}/attempts/${run.runAttempt}`,
      runId: run.runId,
      builderId: `${run.server}/${run.jobWorkflowRef}`
    };
  }
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  const jobWorkflow = env.GITHUB_WORKFLOW_REF;
  return {
    runURL: `${server}/${env.GITHUB_REPOSITORY ?? ""}/actions/runs/${env.GITHUB_RUN_ID ?? ""}/attempts/${env.GITHUB_RUN_ATTEMPT ?? ""}`,
    runId: env.GITHUB_RUN_ID ?? "",
    builderId: jobWorkflow === void 0 ? "" : `${server}/${jobWorkflow}`
  };
}
var PUBLIC_REKOR = "https://rekor.sigstore.dev";
function kyvernoSourceWarning(kind, kinds, sourceRepository) {
  if (kind === void 0 || sourceRepository === void 0) return void 0;
  const unenforced = [
    ...kinds.includes("ClusterPolicy") && kind === "SigstoreBundle" ? ["the SigstoreBundle ClusterPolicy"] : [],
    ...kinds.includes("ImageValidatingPolicy") ? ["the ImageValidatingPolicy"] : []
  ];
  if (unenforced.length === 0) return void 0;
  return `the Kyverno policy requires the source repository ${sourceRepository} (additionalExtensions), but in ${unenforced.join(" and ")} Kyverno 1.19 does not enforce it: any repository calling the same reusable workflow would be admitted. Use kyverno-policy: Cosign with kyverno-policy-kind: ClusterPolicy where the signer is a reusable workflow.`;
}
function publicLogWarning(repo, env, rekorURL) {
  if (new URL(rekorURL).origin !== PUBLIC_REKOR) return void 0;
  if (repo?.private !== true && repo?.visibility !== "private" && repo?.visibility !== "internal")
    return void 0;
  const name = typeof repo.full_name === "string" ? repo.full_name : env.GITHUB_REPOSITORY ?? "this repository";
  return `${name} is not public, but this signature is recorded in the public Rekor log (${PUBLIC_REKOR}): the repository name, workflow path and ref in the certificate are now public. Use a private Sigstore (fulcio-url, rekor-url, trusted-root) or a key if they must stay private.`;
}

export {
  ConfigurationError,
  CommandError,
  fromInput,
  parseList,
  parseEnum,
  inputs,
  tempFolder,
  defineAction,
  DEFAULT_RETRY,
  isRetryableStatus,
  isNetworkError,
  parseRetryAfter,
  withRetries,
  requestIdToken,
  defineOutputs,
  Digest,
  formatPlatform,
  ociInputs,
  JobSummary,
  ReportError,
  parseJsonReport,
  isRecord,
  str,
  POLICY_ATTESTATION_TYPES,
  TRIVY_FINDING_LISTS,
  registryPrefix,
  denySeverities,
  celString,
  policyName,
  SLSA_PROVENANCE_V1,
  parseBuildRecord,
  slsaProvenance,
  plan,
  vulnRunFacts,
  kyvernoSourceWarning,
  publicLogWarning
};
//# sourceMappingURL=chunk-ZAZ3WGPN.mjs.map
