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
  require_fs,
  require_stream
} from "./chunk-C52DNLW2.mjs";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-5MM4E6UD.mjs";

// builtin:stream/promises
var require_promises2 = __commonJS({
  "builtin:stream/promises"(exports, module) {
    module.exports = __require("node:stream/promises");
  }
});

// builtin:worker_threads
var require_worker_threads = __commonJS({
  "builtin:worker_threads"(exports, module) {
    module.exports = __require("node:worker_threads");
  }
});

// packages/core/src/action/errors.ts
var ConfigurationError = class extends Error {
  name = "ConfigurationError";
  code;
  /** The input (or environment variable) at fault, when there is one. */
  input;
  expected;
  actual;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.code = options.code ?? (options.input === void 0 ? "CONFIGURATION" : "INPUT_INVALID");
    this.input = options.input;
    this.expected = options.expected;
    this.actual = options.actual;
  }
  /** The input layer's part: names the input a domain error came from (kept when already named). */
  forInput(input) {
    this.input ??= input;
    return this;
  }
};
var CommandError = class extends Error {
  name = "CommandError";
  /** `COMMAND_FAILED`, or a more precise code (`DIGEST_MISMATCH` when a tool produced other bytes). */
  code;
  tool;
  exitCode;
  /** The last non-empty line the tool wrote to stderr, if any. */
  stderrTail;
  expected;
  actual;
  constructor(message, details2) {
    super(message, details2.cause === void 0 ? void 0 : { cause: details2.cause });
    this.code = details2.code ?? "COMMAND_FAILED";
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
  let text2;
  try {
    text2 = typeof error === "string" ? error : JSON.stringify(error) ?? String(error);
  } catch {
    text2 = String(error);
  }
  return `Unexpected non-Error value thrown (a bug in this action, please report it): ${text2}`;
}
var InvalidValueError = class extends Error {
  name = "InvalidValueError";
  code = "INVALID_VALUE";
};

// packages/core/src/action/github-event.ts
var import_promises = __toESM(require_promises(), 1);
function record(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function text(value) {
  return typeof value === "string" && value.trim() !== "" ? value : void 0;
}
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
function prNumberOf(eventName, ref, payload) {
  const fromRef = /^refs\/pull\/(\d+)\//.exec(ref)?.[1];
  if (!PULL_REQUEST_EVENTS.has(eventName) && fromRef === void 0) return void 0;
  const candidates = [record(payload.pull_request)?.number, payload.number, fromRef];
  for (const candidate of candidates) {
    const n = typeof candidate === "string" && /^\d+$/.test(candidate) ? Number(candidate) : candidate;
    if (typeof n === "number" && Number.isSafeInteger(n) && n > 0) return n;
  }
  return void 0;
}
function repositoryFacts(payload, env) {
  const repo = record(payload.repository) ?? {};
  const fullName = text(env.GITHUB_REPOSITORY);
  const server = text(env.GITHUB_SERVER_URL);
  const spdx = text(record(repo.license)?.spdx_id);
  return {
    name: text(repo.name) ?? fullName?.split("/").at(-1),
    htmlUrl: text(repo.html_url) ?? (server !== void 0 && fullName !== void 0 ? `${server}/${fullName}` : void 0),
    description: text(repo.description),
    license: spdx === "NOASSERTION" ? void 0 : spdx
  };
}
function refContext(env, payload, date) {
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const ref = text(env.GITHUB_REF) ?? text(payload.ref) ?? "";
  return {
    eventName,
    ref,
    sha: env.GITHUB_SHA ?? "",
    defaultBranch: text(record(payload.repository)?.default_branch),
    prNumber: prNumberOf(eventName, ref, payload),
    repository: repositoryFacts(payload, env),
    payload,
    date
  };
}
async function readRefContext(env, date) {
  const path = env.GITHUB_EVENT_PATH;
  if (path === void 0 || path === "") return refContext(env, {}, date);
  let raw;
  try {
    raw = await (0, import_promises.readFile)(path, "utf8");
  } catch (error) {
    throw new ConfigurationError(
      `GITHUB_EVENT_PATH names ${path}, which is not readable (${error.code ?? "unreadable"}); the runner writes the event payload there: leave the variable as the runner sets it`,
      { input: "GITHUB_EVENT_PATH", cause: error }
    );
  }
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new ConfigurationError(`GITHUB_EVENT_PATH names ${path}, which is not JSON`, {
      input: "GITHUB_EVENT_PATH",
      cause: error
    });
  }
  const payload = record(parsed);
  if (payload === void 0)
    throw new ConfigurationError(`GITHUB_EVENT_PATH names ${path}, which is not a JSON object`, {
      input: "GITHUB_EVENT_PATH"
    });
  return refContext(env, payload, date);
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
var TRANSIENT_CODES = /\b(TOOMANYREQUESTS|UNAVAILABLE)\b/;
var FINAL_TEXT = /\b(401|403)\b|unauthorized|denied|authentication required|invalid username|manifest invalid|name unknown|manifest unknown/i;
var TRANSIENT_TEXT = /\b(429|500|502|503|504)\b|toomanyrequests|\bunavailable\b|too many requests|service unavailable|bad gateway|gateway time-?out|internal server error|<html|connection reset|broken pipe|use of closed network connection|unexpected EOF|: EOF\b|i\/o timeout|TLS handshake timeout|connection refused/i;
function isTransientText(text2) {
  if (FINAL_TEXT.test(text2)) return false;
  return TRANSIENT_CODES.test(text2) || TRANSIENT_TEXT.test(text2);
}
function retryAfterInText(text2) {
  const m = /retry[- ]after:?\s*(\d+)\s*s?/i.exec(text2);
  return m?.[1] === void 0 ? void 0 : Number(m[1]) * 1e3;
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
  return new ConfigurationError(`Input "${name}" ${message}`, {
    code: domain !== void 0 && domain.code !== "CONFIGURATION" ? domain.code : code,
    input: name,
    ...domain?.expected !== void 0 ? { expected: domain.expected } : {},
    ...domain?.actual !== void 0 ? { actual: domain.actual } : {},
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
function readInputs(spec2, source, ctx) {
  const values = {};
  const problems = [];
  for (const [name, f] of Object.entries(spec2)) {
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
    `must be a boolean (YAML 1.2 core schema: true, True, TRUE, false, False, FALSE); got "${raw}"`
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
          throw new InvalidValueError(`has text after a closing quote in line "${line}"`);
      } else {
        current += ch;
      }
    }
    if (quoted) throw new InvalidValueError(`has an unterminated quote in line "${line}"`);
    if (wasQuoted || current.trim() !== "") items.push(wasQuoted ? current : current.trim());
  }
  return items;
}
function parseEnum(raw, allowed) {
  const found = allowed.find((a) => a === raw);
  if (found === void 0) {
    throw new InvalidValueError(`must be one of ${allowed.map((a) => `"${a}"`).join(", ")}; got "${raw}"`);
  }
  return found;
}
function parseInteger(raw, bounds = {}) {
  const range = `${bounds.min ?? "-\u221E"}..${bounds.max ?? "\u221E"}`;
  if (!/^[+-]?\d{1,15}$/.test(raw))
    throw new InvalidValueError(`must be a whole number in ${range}; got "${raw}"`);
  const value = Number(raw);
  if (bounds.min !== void 0 && value < bounds.min || bounds.max !== void 0 && value > bounds.max) {
    throw new InvalidValueError(`must be a whole number in ${range}; got ${value}`);
  }
  return value;
}
function nonEmpty(raw, items) {
  if (items.length === 0 && raw.trim() !== "")
    throw new InvalidValueError("lists no item (only separators); give at least one, or leave it out");
  if (items.some((item) => item.trim() === ""))
    throw new InvalidValueError('lists an empty item ("" or " "); every item must say something');
  return items;
}
var DURATION_UNITS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
function parseDuration(raw, bounds = {}) {
  const accepted = "a duration such as 250ms, 90s, 5m, 1h30m or 2d (units ms, s, m, h, d)";
  if (!/^(\d+(ms|s|m|h|d))+$/.test(raw)) throw new InvalidValueError(`must be ${accepted}; got "${raw}"`);
  let total = 0;
  for (const match of raw.matchAll(/(\d+)(ms|s|m|h|d)/g)) {
    total += Number(match[1]) * (DURATION_UNITS[match[2] ?? "s"] ?? 0);
  }
  if (bounds.minMs !== void 0 && total < bounds.minMs || bounds.maxMs !== void 0 && total > bounds.maxMs) {
    throw new InvalidValueError(
      `must be between ${bounds.minMs ?? 0}ms and ${bounds.maxMs ?? "\u221E"}ms; got "${raw}" (${total}ms)`
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
      `names ${path}, which does not exist (${error.code ?? "unreadable"})`
    );
  }
  if (kind === "file" ? !found.isFile() : !found.isDirectory())
    throw new InvalidValueError(`names ${path}, which is not a ${kind}`);
}
function realpathIfExists(path) {
  try {
    return (0, import_node_fs.realpathSync)(path);
  } catch {
    return void 0;
  }
}
function parsePath(raw, ctx, options = {}) {
  if (raw.includes("\0")) throw new InvalidValueError("must not contain a NUL character");
  const absolute = (0, import_node_path.resolve)(ctx.workspace, raw);
  if (!options.allowOutsideWorkspace) {
    const outside = `must stay inside the workspace ${ctx.workspace}; "${raw}" resolves to`;
    if (!isInside(ctx.workspace, absolute)) throw new InvalidValueError(`${outside} ${absolute}`);
    const real = realpathIfExists(absolute);
    const realWorkspace = realpathIfExists(ctx.workspace) ?? ctx.workspace;
    if (real !== void 0 && !isInside(realWorkspace, real)) {
      throw new InvalidValueError(`${outside} ${real} through a symbolic link`);
    }
  }
  if (options.mustExist !== void 0) requireExisting(absolute, options.mustExist);
  return absolute;
}
var inputs = {
  string: (options = {}) => field("string", (raw) => {
    if (options.pattern !== void 0 && !options.pattern.test(raw)) {
      throw new InvalidValueError(
        `must be ${options.accepted ?? `a string matching ${options.pattern}`}; got "${raw}"`
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
          `pattern "${pattern}" is not a tag with * wildcards (letters, digits, _ . - and *)`
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
        `item ${i + 1} must be KEY=value with a key of letters, digits, "_", ".", "-" or "/"; got "${key}"`
      );
    }
    return [key, item.slice(eq + 1)];
  });
}

// packages/core/src/exec/tool-runner.ts
var import_node_child_process = __toESM(require_child_process(), 1);
var import_promises3 = __toESM(require_promises(), 1);
var import_node_path3 = __toESM(require_path(), 1);

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

// packages/core/src/exec/tool-runner.ts
var STDERR_TAIL_BYTES = 16 * 1024;
function redact(text2, secrets) {
  let out = text2;
  for (const secret of secrets ?? []) if (secret !== "") out = out.split(secret).join("***");
  return out;
}
function lastLine(text2) {
  const lines = text2.split(/\r?\n/).filter((l) => l.trim() !== "");
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
  const why = error.code === "ENOENT" ? `${request.tool} is not installed or not on PATH (tried "${request.command}")` : `${request.tool} could not be started: ${error.message}`;
  return new CommandError(why, { tool: request.tool, cause: error });
}
function exitFailure(request, result, outcome) {
  const tool = request.tool;
  if (outcome.overflow)
    return new CommandError(`${tool} wrote more than ${outcome.maxStdout} bytes to stdout`, { tool });
  const tail = result.stderrTail;
  if (outcome.signal !== null) {
    const timedOut = request.timeoutMs !== void 0 && result.durationMs >= request.timeoutMs;
    const why = timedOut ? `timed out after ${request.timeoutMs} ms` : `was killed by ${outcome.signal}`;
    return new CommandError(`${tool} ${why}`, { tool, stderrTail: lastLine(tail) });
  }
  if ((request.okExitCodes ?? [0]).includes(result.exitCode)) return void 0;
  const detail = lastLine(tail);
  return new CommandError(`${tool} failed with exit code ${result.exitCode}${detail ? `: ${detail}` : ""}`, {
    tool,
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
  write: (text2) => {
    process.stdout.write(text2);
  },
  append: (file, text2) => (0, import_node_fs2.appendFileSync)(file, text2, { encoding: "utf8" })
};
function escapeData(value) {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(value) {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
var COMMAND_LINE = /::|##\[/;
function writeUntrusted(io, text2) {
  if (!COMMAND_LINE.test(text2)) {
    io.write(`${text2}${import_node_os2.EOL}`);
    return;
  }
  let token = (0, import_node_crypto.randomUUID)().replace(/-/g, "");
  while (text2.includes(token)) token = (0, import_node_crypto.randomUUID)().replace(/-/g, "");
  io.write(`::stop-commands::${token}${import_node_os2.EOL}${text2}${import_node_os2.EOL}::${token}::${import_node_os2.EOL}`);
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
function runnerDeps(io = processIo) {
  const env = io.env;
  const logger = createRunnerLogger(io);
  const paths = { temp: tempBase(env), toolCache: env.RUNNER_TOOL_CACHE || void 0 };
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
function maskSecrets(spec2, values, deps) {
  for (const [name, field2] of Object.entries(spec2)) {
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
        `"${value}" is not a digest: expected <algorithm>:<hex>, e.g. sha256:<64 hex digits>`
      );
    }
    const algorithm = value.slice(0, colon);
    const hex = value.slice(colon + 1);
    if (algorithm !== "sha256" && algorithm !== "sha512") {
      throw new InvalidValueError(
        `digest "${value}" uses algorithm "${algorithm}"; supported: sha256, sha512`
      );
    }
    const length = ALGORITHMS[algorithm];
    if (!/^[0-9a-f]*$/.test(hex)) {
      const hint = /^[0-9a-fA-F]*$/.test(hex) ? " (hex digits must be lowercase)" : "";
      throw new InvalidValueError(`digest "${value}" must have an encoded part of hex digits${hint}`);
    }
    if (hex.length !== length) {
      throw new InvalidValueError(
        `digest "${value}" must have exactly ${length} hex digits after "${algorithm}:"; got ${hex.length}`
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
function fail(reference, why) {
  throw new InvalidValueError(`"${reference}" is not a valid image reference: ${why}`);
}
function validateTag(tag) {
  if (tag.length > 128)
    throw new InvalidValueError(`tag "${tag.slice(0, 40)}\u2026" is ${tag.length} characters; at most 128`);
  if (!TAG.test(tag)) {
    throw new InvalidValueError(
      `tag "${tag}" is invalid: use letters, digits, "_", "." and "-", not starting with "." or "-", at most 128`
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
      fail(reference, `registry "${domain}" has an unclosed "[" (IPv6 hosts are written [::1]:5000)`);
    host = domain.slice(0, close + 1);
    const rest = domain.slice(close + 1);
    if (rest !== "") {
      if (!rest.startsWith(":")) fail(reference, `unexpected "${rest}" after the IPv6 host ${host}`);
      port = rest.slice(1);
    }
    if (!IPV6_HOST.test(host)) fail(reference, `registry host "${host}" is not an IPv6 address in brackets`);
  } else {
    const colon = domain.lastIndexOf(":");
    if (colon >= 0) {
      host = domain.slice(0, colon);
      port = domain.slice(colon + 1);
    }
    if (host === "") fail(reference, `registry "${domain}" has no host name`);
    for (const component of host.split(".")) {
      if (!DOMAIN_COMPONENT.test(component)) {
        fail(reference, `registry host "${host}" is not a valid host name (component "${component}")`);
      }
    }
  }
  if (port !== void 0 && (!PORT.test(port) || Number(port) > 65535)) {
    fail(reference, `registry port "${port}" must be a number from 0 to 65535`);
  }
}
function looksLikeDomain(component) {
  return component.includes(".") || component.includes(":") || component.startsWith("[") || component === "localhost" || component !== component.toLowerCase();
}
function checkWhole(reference) {
  if (reference === "") fail(reference, "it is empty");
  if (reference !== reference.trim()) fail(reference, "it has leading or trailing white space");
  if (/\s/.test(reference)) fail(reference, "it contains white space");
  if (reference.includes("://"))
    fail(reference, "remove the scheme (https://); a reference starts with the registry host");
}
function splitDigest(reference) {
  const at = reference.indexOf("@");
  if (at < 0) return { rest: reference, digest: void 0 };
  try {
    return { rest: reference.slice(0, at), digest: Digest.parse(reference.slice(at + 1)) };
  } catch (error) {
    return fail(reference, error.message);
  }
}
function splitTag(reference, rest) {
  const lastColon = rest.lastIndexOf(":");
  if (lastColon <= rest.lastIndexOf("/") || rest.startsWith("[") && !rest.includes("/"))
    return { name: rest, tag: void 0 };
  const tag = rest.slice(lastColon + 1);
  if (tag === "") fail(reference, 'the tag after ":" is empty');
  try {
    validateTag(tag);
  } catch (error) {
    fail(reference, error.message);
  }
  return { name: rest.slice(0, lastColon), tag };
}
function splitName(reference, name) {
  if (name === "") fail(reference, "the repository name is empty");
  if (name.length > NAME_MAX) fail(reference, `the name is ${name.length} characters; at most ${NAME_MAX}`);
  const components = name.split("/");
  let registry = DOCKER_HUB;
  const first = components[0] ?? "";
  if (components.length > 1 && looksLikeDomain(first)) {
    validateDomain(reference, first);
    registry = first === "index.docker.io" ? DOCKER_HUB : first;
    components.shift();
  } else if (components.length === 1 && (first.startsWith("[") || /^[^/]*:\d+$/.test(first))) {
    fail(reference, `"${first}" looks like a registry host but no repository follows it`);
  }
  for (const component of components) checkPathComponent(reference, component);
  if (registry === DOCKER_HUB && components.length === 1) components.unshift("library");
  return { registry, repository: components.join("/") };
}
function checkPathComponent(reference, component) {
  if (component === "")
    fail(reference, 'the repository has an empty path component ("//" or a trailing "/")');
  if (!PATH_COMPONENT.test(component)) {
    const why = component !== component.toLowerCase() ? "repository names must be lowercase" : 'use lowercase letters and digits, separated by ".", "_", "__" or "-"';
    fail(reference, `path component "${component}" is invalid: ${why}`);
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

// packages/core/src/oci/tag-pattern.ts
function matchesTagPattern(tag, pattern) {
  const re = new RegExp(
    `^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`
  );
  return re.test(tag);
}
function isImmutableTag(tag, patterns) {
  return patterns.some((p) => matchesTagPattern(tag, p));
}
var DEFAULT_IMMUTABLE_TAGS = "sha-*,nightly-*";
var ImmutableTagConflict = class _ImmutableTagConflict extends ConfigurationError {
  name = "ImmutableTagConflict";
  conflicts;
  wanted;
  patterns;
  constructor(conflicts, wanted, patterns, message = `immutable tag(s) ${conflicts.map((c) => `${c.tag} (now ${c.current})`).join(", ")} already point elsewhere and are never moved to ${wanted}; patterns ${patterns.join(", ")} are written once`) {
    super(message, {
      code: "IMMUTABLE_TAG_CONFLICT",
      expected: wanted,
      actual: [...new Set(conflicts.map((c) => c.current))].join(", ")
    });
    this.conflicts = conflicts;
    this.wanted = wanted;
    this.patterns = patterns;
  }
  /** The same refusal in an action's words: what it refuses (`before`) and what therefore did not happen (`after`). */
  framed(before, after) {
    const framed = new _ImmutableTagConflict(
      this.conflicts,
      this.wanted,
      this.patterns,
      `${before}${this.message}${after}`
    );
    if (this.input !== void 0) framed.forInput(this.input);
    return framed;
  }
};
function planTags(tags, current, digest, immutable) {
  const plans = tags.map((tag) => {
    const previous = current.get(tag)?.digest;
    const isImmutable = isImmutableTag(tag, immutable);
    const action = previous === digest ? "unchanged" : previous === void 0 ? "create" : "move";
    return { tag, immutable: isImmutable, previous, action };
  });
  const conflicts = plans.filter((p) => p.immutable && p.action === "move").map((p) => ({ tag: p.tag, current: p.previous ?? "" }));
  if (conflicts.length > 0) throw new ImmutableTagConflict(conflicts, digest, immutable);
  return [...plans.filter((p) => p.immutable), ...plans.filter((p) => !p.immutable)];
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
var MAX_TAG = 128;
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
    throw new TagRuleError("invalid-tag", rule.text, message);
  }
}
function parseTagRule(item) {
  const text2 = item.trim();
  const words = text2.split(/\s+/);
  const [head = "", ...rest] = words;
  const conditional = rest.length > 0 && rest.every((w) => w.startsWith("@"));
  const template = conditional ? head : text2;
  const events = [];
  if (conditional) {
    for (const word of rest) {
      const event = EVENT.exec(word)?.[1];
      if (event === void 0)
        throw new TagRuleError(
          "bad-rule",
          text2,
          `rule "${text2}": "${word}" is not an event condition (@push, @schedule, @workflow_dispatch\u2026)`
        );
      if (!events.includes(event)) events.push(event);
    }
  }
  const latest = LATEST.exec(template)?.[1];
  if (latest !== void 0) {
    const mode = LATEST_MODES.find((m) => m === latest);
    if (mode === void 0)
      throw new TagRuleError(
        "bad-rule",
        text2,
        `rule "${text2}": latest= takes ${LATEST_MODES.join(", ")}; got "${latest}"`
      );
    return { text: text2, template: "latest", latest: mode, events };
  }
  const rule = { text: text2, template, latest: void 0, events };
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (!isPlaceholder(name))
      throw new TagRuleError(
        "unknown-template",
        text2,
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
var SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
function parseSemVer(text2) {
  const m = SEMVER.exec(text2);
  if (m === null) return void 0;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    prerelease: m[4] === void 0 ? [] : m[4].split("."),
    build: m[5],
    text: text2
  };
}
function semverOfRef(ref) {
  return ref.startsWith("refs/tags/") ? parseSemVer(ref.slice("refs/tags/".length)) : void 0;
}
function compareIdentifier(a, b) {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return Number(a) - Number(b);
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareSemVer(a, b) {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return core;
  if (a.prerelease.length === 0 || b.prerelease.length === 0)
    return b.prerelease.length - a.prerelease.length;
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === void 0) return -1;
    if (y === void 0) return 1;
    const c = compareIdentifier(x, y);
    if (c !== 0) return c;
  }
  return 0;
}
function versionTag(v) {
  const pre = v.prerelease.length > 0 ? `-${v.prerelease.join(".")}` : "";
  return `${v.major}.${v.minor}.${v.patch}${pre}${v.build === void 0 ? "" : `_${v.build}`}`;
}
function sanitizeTag(text2) {
  const cleaned = text2.replace(/[^A-Za-z0-9_.-]/g, "-").slice(0, MAX_TAG);
  return /^[.-]/.test(cleaned) ? `_${cleaned.slice(1)}` : cleaned;
}
function branchOf(ref) {
  return ref.startsWith("refs/heads/") && ref.length > "refs/heads/".length ? ref.slice("refs/heads/".length) : void 0;
}
function isPullRequest(ctx) {
  return ctx.eventName === "pull_request" || ctx.eventName === "pull_request_target";
}
function describeRun(ctx) {
  return `this is ${ctx.eventName === "" ? "a run with no event" : `a ${ctx.eventName} run`}${ctx.ref === "" ? "" : ` of ${ctx.ref}`}`;
}
function releaseGuard(semver, known, scope) {
  const line = scope === "all" ? "release" : scope === "major" ? `${semver.major}.x release` : `${semver.major}.${semver.minor}.x release`;
  if (known.tags === void 0)
    return `the registry's tags were not read, so whether ${semver.text} is the highest ${line} is unknown`;
  const releases = known.tags.flatMap((t) => {
    const v = parseSemVer(t);
    return v === void 0 || v.prerelease.length > 0 ? [] : [v];
  });
  if (!releases.some((v) => compareSemVer(v, semver) === 0))
    return `the repository has no tag of release ${semver.text} (add {version} to skopeo-push's tags), so whether it is the highest ${line} cannot be told`;
  const inLine = (v) => scope === "all" || v.major === semver.major && (scope === "major" || v.minor === semver.minor);
  const higher = releases.filter((v) => inLine(v) && compareSemVer(v, semver) > 0);
  const top = higher.reduce(
    (a, v) => a === void 0 || compareSemVer(v, a) > 0 ? v : a,
    void 0
  );
  return top === void 0 ? void 0 : `${semver.text} is not the highest ${line}: the registry has ${top.text}`;
}
function reservedFor(tag, known) {
  if (tag === "latest") return "latest";
  if (parseSemVer(tag) !== void 0) return "a release version";
  if (isImmutableTag(tag, known.immutable)) return `an immutable tag (${known.immutable.join(", ")})`;
  return void 0;
}
function resolve2(name, rule, ctx, known) {
  switch (name) {
    case "date":
      return { value: ctx.date.toISOString().slice(0, 10).replace(/-/g, "") };
    case "sha":
    case "short-sha":
      if (!/^[0-9a-f]{40}$/.test(ctx.sha))
        throw new TagRuleError(
          "no-commit",
          rule.text,
          `rule "${rule.text}" uses {${name}}, but GITHUB_SHA is not a commit SHA`
        );
      return { value: name === "sha" ? ctx.sha : ctx.sha.slice(0, 7) };
    case "version":
    case "major":
    case "minor": {
      const semver = semverOfRef(ctx.ref);
      if (semver === void 0)
        return { skip: `{${name}} needs a semver tag ref (refs/tags/v1.2.3); ${describeRun(ctx)}` };
      if (name === "version") return { value: versionTag(semver) };
      if (semver.prerelease.length > 0)
        return { skip: `${semver.text} is a pre-release: {major} and {minor} move only with releases` };
      const guard = releaseGuard(semver, known, rule.template.includes("{minor}") ? "minor" : "major");
      if (guard !== void 0) return { skip: guard };
      return { value: String(name === "major" ? semver.major : semver.minor) };
    }
    case "branch": {
      if (isPullRequest(ctx))
        return { skip: `{branch} on a ${ctx.eventName} run would be the base branch; use pr-{number}` };
      const branch = branchOf(ctx.ref);
      return branch === void 0 ? { skip: `{branch} needs a branch ref (refs/heads/\u2026); ${describeRun(ctx)}` } : { value: sanitizeTag(branch) };
    }
    case "number":
      return ctx.prNumber === void 0 ? { skip: `{number} needs a pull request; ${describeRun(ctx)}` } : { value: String(ctx.prNumber) };
  }
}
function expandRule(rule, ctx, known) {
  const values = /* @__PURE__ */ new Map();
  for (const match of rule.template.matchAll(PLACEHOLDER)) {
    const name = match[1];
    if (values.has(name)) continue;
    const resolved = resolve2(name, rule, ctx, known);
    if ("skip" in resolved) return resolved;
    values.set(name, resolved.value);
  }
  const at = (name) => values.get(name) ?? "";
  let tag = expand(rule.template, at);
  const branch = values.get("branch");
  if (tag.length > MAX_TAG && branch !== void 0) {
    const fixed = expand(rule.template, (name) => name === "branch" ? "" : at(name)).length;
    const uses = [...rule.template.matchAll(/\{branch\}/g)].length;
    const room = Math.floor((MAX_TAG - fixed) / uses);
    if (room > 0)
      tag = expand(rule.template, (name) => name === "branch" ? branch.slice(0, room) : at(name));
  }
  const reserved = branch === void 0 ? void 0 : reservedFor(tag, known);
  if (reserved !== void 0) return { skip: `the branch name would write "${tag}", which is ${reserved}` };
  return { value: checkTag(rule, tag) };
}
function latestAuto(ctx, known) {
  const semver = semverOfRef(ctx.ref);
  if (semver !== void 0) {
    if (semver.prerelease.length > 0)
      return { skip: `${semver.text} is a pre-release, which never moves latest` };
    const guard = releaseGuard(semver, known, "all");
    return guard === void 0 ? { value: "latest" } : { skip: guard };
  }
  const branch = branchOf(ctx.ref);
  if (branch === void 0)
    return {
      skip: `latest=auto moves on a push to the default branch or with the highest release tag; ${describeRun(ctx)}`
    };
  if (ctx.defaultBranch === void 0)
    return { skip: "the default branch is unknown (the event payload has no repository.default_branch)" };
  if (branch !== ctx.defaultBranch)
    return {
      skip: `latest=auto moves on the default branch (${ctx.defaultBranch}) only; ${describeRun(ctx)}`
    };
  if (ctx.eventName !== "push")
    return { skip: `latest=auto moves on a push to the default branch; ${describeRun(ctx)}` };
  return { value: "latest" };
}
function evaluate(rule, ctx, known) {
  if (rule.events.length > 0 && !rule.events.includes(ctx.eventName))
    return { skip: `applies to ${rule.events.join(" and ")} runs only; ${describeRun(ctx)}` };
  switch (rule.latest) {
    case void 0:
      return expandRule(rule, ctx, known);
    case "always":
      return { value: "latest" };
    case "never":
      return { skip: "latest=never" };
    case "auto":
      return latestAuto(ctx, known);
  }
}
function planTagRules(rules, ctx, existingTags, options = {}) {
  const immutable = options.immutable ?? DEFAULT_IMMUTABLE_TAGS.split(",");
  const planned = evaluateRules(rules, ctx, existingTags, immutable);
  if (planned.tags.length > 0 || options.fallback === void 0 || options.fallback.length === 0)
    return { ...planned, fallback: false };
  const fallback = evaluateRules(options.fallback, ctx, existingTags, immutable);
  return { tags: fallback.tags, skipped: planned.skipped, fallback: true };
}
function evaluateRules(rules, ctx, existingTags, immutable) {
  const guarded = (r) => r.latest === "auto" || /\{(major|minor)\}/.test(r.template);
  const outcomes = /* @__PURE__ */ new Map();
  for (const rule of rules.filter((r) => !guarded(r)))
    outcomes.set(rule, evaluate(rule, ctx, { tags: existingTags, immutable }));
  const planned = [...outcomes.values()].flatMap((o) => "value" in o ? [o.value] : []);
  const known = { tags: existingTags === void 0 ? void 0 : [...existingTags, ...planned], immutable };
  for (const rule of rules.filter(guarded)) outcomes.set(rule, evaluate(rule, ctx, known));
  const tags = [];
  const skipped = [];
  for (const rule of rules) {
    const outcome = outcomes.get(rule) ?? { skip: "not evaluated" };
    if ("skip" in outcome) skipped.push({ rule: rule.text, reason: outcome.skip });
    else if (!tags.includes(outcome.value)) tags.push(outcome.value);
  }
  return { tags, skipped };
}
function needsExistingTags(rules, ctx) {
  const semver = semverOfRef(ctx.ref);
  return semver !== void 0 && semver.prerelease.length === 0 && rules.some(
    (r) => (r.latest === "auto" || /\{(major|minor)\}/.test(r.template)) && (r.events.length === 0 || r.events.includes(ctx.eventName))
  );
}

// packages/core/src/oci/oci-layout.ts
var import_node_crypto3 = __toESM(require_crypto(), 1);
var import_node_fs3 = __toESM(require_fs(), 1);
var import_promises5 = __toESM(require_promises(), 1);
var import_node_os4 = __toESM(require_os(), 1);
var import_node_path4 = __toESM(require_path(), 1);
var import_node_stream = __toESM(require_stream(), 1);
var import_promises6 = __toESM(require_promises2(), 1);

// packages/core/src/oci/blob-hasher.ts
var import_node_crypto2 = __toESM(require_crypto(), 1);
var import_promises4 = __toESM(require_promises(), 1);
var import_node_os3 = __toESM(require_os(), 1);
var import_node_worker_threads = __toESM(require_worker_threads(), 1);
var WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const buffer = Buffer.allocUnsafe(1024 * 1024);
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ path, algorithm, limit }) => {
  let fd;
  try {
    fd = openSync(path, 'r');
    const hash = createHash(algorithm);
    let length = 0;
    for (;;) {
      const want = Math.min(buffer.length, limit + 1 - length);
      if (want <= 0) break;
      const n = readSync(fd, buffer, 0, want, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
      length += n;
    }
    parentPort.postMessage({ digest: algorithm + ':' + hash.digest('hex'), length });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
});
`;
var inlineHasher = {
  parallelism: 1,
  async hash(path, algorithm, limit) {
    const hash = (0, import_node_crypto2.createHash)(algorithm);
    const file = await (0, import_promises4.open)(path, "r");
    let reading = Buffer.allocUnsafe(CHUNK);
    let spare = Buffer.allocUnsafe(CHUNK);
    let length = 0;
    const read = (into, at) => {
      const want = Math.max(0, Math.min(CHUNK, limit + 1 - at));
      return want === 0 ? Promise.resolve(0) : file.read(into, 0, want, at).then((r) => r.bytesRead);
    };
    try {
      let next = read(reading, 0);
      for (; ; ) {
        const n = await next;
        if (n === 0) break;
        const full = reading;
        reading = spare;
        spare = full;
        length += n;
        next = read(reading, length);
        hash.update(full.subarray(0, n));
      }
    } finally {
      await file.close();
    }
    return { digest: `${algorithm}:${hash.digest("hex")}`, length };
  },
  close: async () => {
  }
};
var CHUNK = 1024 * 1024;
var LanePool = class {
  queue = [];
  idle = [];
  closed = false;
  /** Lanes that may still take work (the inline lane never stops: infinitely many). */
  alive;
  constructor(alive) {
    this.alive = alive;
  }
  submit(job) {
    this.queue.push(job);
    this.dispatch();
  }
  /** A lane is free (again). */
  offer(lane) {
    if (this.closed) return;
    this.idle.push(lane);
    this.dispatch();
  }
  /** A lane stopped for good; when none is left the queue fails rather than waiting for ever. */
  lost(lane) {
    const i = this.idle.indexOf(lane);
    if (i >= 0) this.idle.splice(i, 1);
    this.alive--;
    if (this.alive === 0) this.failWaiting("no hashing lane is left");
  }
  close() {
    this.closed = true;
    this.failWaiting("the hasher is closed");
  }
  failWaiting(message) {
    for (const job of this.queue.splice(0)) job.reject(new Error(message));
  }
  dispatch() {
    while (this.queue.length > 0 && this.idle.length > 0) {
      const lane = this.idle.shift();
      const job = this.queue.shift();
      if (lane !== void 0 && job !== void 0) lane(job);
    }
  }
};
function startInlineLane(pool) {
  const lane = (job) => {
    inlineHasher.hash(job.path, job.algorithm, job.limit).then(job.resolve, job.reject).finally(() => pool.offer(lane));
  };
  pool.offer(lane);
}
function startWorkerLane(pool) {
  const worker = new import_node_worker_threads.Worker(WORKER_SOURCE, { eval: true });
  let current;
  const lane = (job) => {
    current = job;
    worker.postMessage({ path: job.path, algorithm: job.algorithm, limit: job.limit });
  };
  const finish = (settle) => {
    const job = current;
    current = void 0;
    if (job !== void 0) settle(job);
  };
  worker.on("message", (m) => {
    if (m.ready === true) return pool.offer(lane);
    finish(
      (job) => m.error !== void 0 ? job.reject(new Error(m.error)) : job.resolve({ digest: m.digest ?? "", length: m.length ?? 0 })
    );
    pool.offer(lane);
  });
  worker.on("error", (error) => finish((job) => job.reject(error)));
  worker.on("exit", () => {
    finish((job) => job.reject(new Error("a hashing worker stopped")));
    pool.lost(lane);
  });
  return worker;
}
function workerHasher(options = {}) {
  const inline = options.inline ?? true;
  const count = Math.max(inline ? 0 : 1, options.workers ?? (0, import_node_os3.availableParallelism)() - (inline ? 1 : 0));
  const pool = new LanePool(inline ? Number.POSITIVE_INFINITY : count);
  if (inline) startInlineLane(pool);
  const workers = Array.from({ length: count }, () => startWorkerLane(pool));
  return {
    parallelism: count + (inline ? 1 : 0),
    hash(path, algorithm, limit) {
      if (pool.closed) return Promise.reject(new Error("the hasher is closed"));
      return new Promise(
        (resolve4, reject) => pool.submit({ path, algorithm, limit, resolve: resolve4, reject })
      );
    },
    async close() {
      if (pool.closed) return;
      pool.close();
      await Promise.all(workers.map((w) => w.terminate()));
    }
  };
}

// packages/core/src/oci/media-types.ts
var MediaType = {
  ociIndex: "application/vnd.oci.image.index.v1+json",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociConfig: "application/vnd.oci.image.config.v1+json",
  ociEmpty: "application/vnd.oci.empty.v1+json",
  dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerConfig: "application/vnd.docker.container.image.v1+json"
};
function isIndexMediaType(mediaType) {
  return mediaType === MediaType.ociIndex || mediaType === MediaType.dockerManifestList;
}
function isManifestMediaType(mediaType) {
  return mediaType === MediaType.ociManifest || mediaType === MediaType.dockerManifest;
}
var MANIFEST_ACCEPT = [
  MediaType.ociIndex,
  MediaType.ociManifest,
  MediaType.dockerManifestList,
  MediaType.dockerManifest
];
var ATTESTATION_REFERENCE_TYPE = "vnd.docker.reference.type";
var ATTESTATION_REFERENCE_DIGEST = "vnd.docker.reference.digest";
var ATTESTATION_MANIFEST = "attestation-manifest";
var REF_NAME_ANNOTATION = "org.opencontainers.image.ref.name";

// packages/core/src/oci/platform.ts
var PART = /^[a-z0-9][a-z0-9._-]*$/;
function parsePlatform(text2) {
  const parts = text2.split("/");
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !PART.test(p))) {
    throw new InvalidValueError(
      `platform "${text2}" must be os/arch or os/arch/variant in lowercase, e.g. linux/amd64 or linux/arm/v7`
    );
  }
  const [os = "", architecture = "", variant] = parts;
  return variant === void 0 ? { os, architecture } : { os, architecture, variant };
}
function formatPlatform(platform) {
  return [platform.os, platform.architecture, platform.variant].filter((p) => p !== void 0 && p !== "").join("/");
}

// packages/core/src/oci/oci-layout.ts
var LayoutError = class extends ConfigurationError {
  constructor(message, details2 = {}) {
    super(message, { code: "LAYOUT_INVALID", ...details2 });
  }
};
var MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
var MAX_DEPTH = 8;
var WORKER_THRESHOLD = 64 * 1024 * 1024;
var SUPPORTED_LAYOUT_VERSION = "1.0.0";
async function writeLayoutRoot(dir, manifests) {
  await (0, import_promises5.writeFile)((0, import_node_path4.join)(dir, "oci-layout"), `{"imageLayoutVersion":"${SUPPORTED_LAYOUT_VERSION}"}`);
  const index = { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests };
  await (0, import_promises5.writeFile)((0, import_node_path4.join)(dir, "index.json"), JSON.stringify(index));
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function asDescriptor(value, where) {
  if (!isRecord(value)) throw new LayoutError(`${where}: descriptor is not an object`);
  const { mediaType, digest, size } = value;
  if (typeof mediaType !== "string" || mediaType === "")
    throw new LayoutError(`${where}: descriptor has no mediaType`);
  if (typeof digest !== "string") throw new LayoutError(`${where}: descriptor has no digest`);
  try {
    Digest.parse(digest);
  } catch (error) {
    throw new LayoutError(`${where}: ${error.message}`);
  }
  if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) {
    throw new LayoutError(`${where}: descriptor ${digest} has an invalid size`);
  }
  return value;
}
function describe(desc) {
  const platform = desc.platform ? ` [${formatPlatform(desc.platform)}]` : "";
  return `${desc.digest}${platform}`;
}
var OciLayout = class _OciLayout {
  root;
  index;
  constructor(root, index) {
    this.root = root;
    this.index = index;
  }
  static async open(directory) {
    const root = (0, import_node_path4.resolve)(directory);
    const rootStat = await (0, import_promises5.lstat)(root).catch(() => void 0);
    if (rootStat === void 0) throw new LayoutError(`OCI layout ${root} does not exist`);
    if (!rootStat.isDirectory()) throw new LayoutError(`OCI layout ${root} is not a directory`);
    for (const entry of ["oci-layout", "index.json"]) {
      const s = await (0, import_promises5.lstat)((0, import_node_path4.join)(root, entry)).catch(() => void 0);
      if (s === void 0)
        throw new LayoutError(`OCI layout ${root} has no ${entry}: is this an OCI layout directory?`);
      if (s.isSymbolicLink())
        throw new LayoutError(`OCI layout ${root}: ${entry} is a symbolic link; refused`);
      if (!s.isFile()) throw new LayoutError(`OCI layout ${root}: ${entry} is not a regular file`);
    }
    const marker = await readJson((0, import_node_path4.join)(root, "oci-layout"), `${root}/oci-layout`);
    if (!isRecord(marker) || marker.imageLayoutVersion !== SUPPORTED_LAYOUT_VERSION) {
      const found = isRecord(marker) ? JSON.stringify(marker.imageLayoutVersion) : "no object";
      throw new LayoutError(
        `OCI layout ${root}: unsupported imageLayoutVersion ${found}; this action reads "${SUPPORTED_LAYOUT_VERSION}"`
      );
    }
    const blobs = await (0, import_promises5.lstat)((0, import_node_path4.join)(root, "blobs")).catch(() => void 0);
    if (blobs === void 0 || !blobs.isDirectory() || blobs.isSymbolicLink()) {
      throw new LayoutError(`OCI layout ${root}: blobs/ is missing or not a plain directory`);
    }
    for (const algorithm of ["sha256", "sha512"]) {
      const dir = await (0, import_promises5.lstat)((0, import_node_path4.join)(root, "blobs", algorithm)).catch(() => void 0);
      if (dir !== void 0 && (dir.isSymbolicLink() || !dir.isDirectory()))
        throw new LayoutError(
          `OCI layout ${root}: blobs/${algorithm} is ${dir.isSymbolicLink() ? "a symbolic link" : "not a directory"}; refused`
        );
    }
    const index = await readJson((0, import_node_path4.join)(root, "index.json"), `${root}/index.json`);
    if (!isRecord(index) || index.schemaVersion !== 2 || !Array.isArray(index.manifests)) {
      throw new LayoutError(
        `OCI layout ${root}: index.json is not an image index (schemaVersion 2 with manifests)`
      );
    }
    for (const [i, m] of index.manifests.entries()) asDescriptor(m, `index.json manifests[${i}]`);
    return new _OciLayout(root, index);
  }
  /** The path of a blob; the digest is validated, so the path cannot leave blobs/. */
  blobPath(digest) {
    const d = Digest.parse(digest);
    return (0, import_node_path4.join)(this.root, "blobs", d.algorithm, d.hex);
  }
  /**
   * The top-level descriptor: index.json's only entry, or the one whose
   * `org.opencontainers.image.ref.name` equals `ref`.
   */
  topLevel(ref) {
    const entries = this.index.manifests;
    if (ref !== void 0) {
      const found = entries.find((m) => m.annotations?.[REF_NAME_ANNOTATION] === ref);
      if (found === void 0) {
        const names = entries.map((m) => m.annotations?.[REF_NAME_ANNOTATION]).filter((n) => n !== void 0);
        throw new LayoutError(
          `OCI layout ${this.root} has no entry named "${ref}" (names: ${names.join(", ") || "none"})`
        );
      }
      return found;
    }
    const [only, ...others] = entries;
    if (only === void 0) throw new LayoutError(`OCI layout ${this.root}: index.json lists no manifests`);
    if (others.length > 0) {
      const names = entries.map((m) => m.annotations?.[REF_NAME_ANNOTATION] ?? m.digest);
      throw new LayoutError(
        `OCI layout ${this.root} holds ${entries.length} entries (${names.join(", ")}); name the one to use`
      );
    }
    return only;
  }
  /** Reads a small blob (manifest, config) whole, checking size and digest first. */
  async readBlob(descriptor, referencedBy = "index.json") {
    if (descriptor.size > MAX_MANIFEST_BYTES) {
      throw new LayoutError(
        `blob ${describe(descriptor)} (referenced by ${referencedBy}) is ${descriptor.size} bytes; manifests and configs are read only up to ${MAX_MANIFEST_BYTES}`
      );
    }
    const path = await this.checkedBlobPath(descriptor, referencedBy);
    const handle = await (0, import_promises5.open)(path, "r");
    try {
      const buffer = Buffer.alloc(descriptor.size + 1);
      let length = 0;
      for (; ; ) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length > descriptor.size) break;
      }
      const content = buffer.subarray(0, length);
      this.checkContent(descriptor, referencedBy, length, digestOf(descriptor.digest, content));
      return content;
    } finally {
      await handle.close();
    }
  }
  async readJsonBlob(descriptor, referencedBy) {
    const bytes = await this.readBlob(descriptor, referencedBy);
    try {
      return JSON.parse(bytes.toString("utf8"));
    } catch (error) {
      throw new LayoutError(`blob ${describe(descriptor)} is not valid JSON`, { cause: error });
    }
  }
  /**
   * Checks the layout for a tool that verifies layer digests itself as it streams them (skopeo: "Digest did
   * not match"; the registry checks again before it commits a blob): every manifest and index is
   * digest-checked as the walk reads it, every other blob must exist as a regular file of its declared size.
   * Layers are not hashed here. Use with `snapshot`, which digest-checks configs as it copies them.
   */
  async checkForStreaming(ref) {
    const graph = await this.walk(ref);
    let totalBytes = 0;
    await Promise.all(
      [...graph.blobs.values()].map(async ({ descriptor, referencedBy }) => {
        const what = `blob ${describe(descriptor)} (referenced by ${referencedBy.join(", ")})`;
        const path = await this.checkedBlobPath(descriptor, referencedBy.join(", "));
        const size = (await (0, import_promises5.lstat)(path)).size;
        if (size !== descriptor.size)
          throw new LayoutError(`${what} has ${size} bytes on disk; the descriptor says ${descriptor.size}`);
        totalBytes += size;
      })
    );
    return { ...graph, blobCount: graph.blobs.size, totalBytes };
  }
  /**
   * A private layout holding exactly what `graph` verified, for a tool (skopeo, Trivy) to read instead of
   * this directory, which anyone with write access could change between our check and the tool's read.
   * index.json names only the verified root; every manifest, index and config is copied from bytes whose
   * digest is checked as they are read; layers are hard links (the inode that was verified: a file renamed
   * over the original later is not seen), or copies across file systems. Layers are content-addressed,
   * so skopeo and the registry check their digests again as they stream.
   */
  async snapshot(graph, target, layers = "link") {
    await (0, import_promises5.mkdir)((0, import_node_path4.join)(target, "blobs", "sha256"), { recursive: true, mode: 448 });
    for (const { descriptor, referencedBy } of graph.blobs.values()) {
      const d = Digest.parse(descriptor.digest);
      const to = (0, import_node_path4.join)(target, "blobs", d.algorithm, d.hex);
      const by = referencedBy.join(", ") || "index.json";
      await (0, import_promises5.mkdir)((0, import_node_path4.dirname)(to), { recursive: true, mode: 448 });
      if (isDocument(descriptor)) await (0, import_promises5.writeFile)(to, await this.readBlob(descriptor, by));
      else if (layers === "copy-verified") await this.copyVerified(descriptor, by, to);
      else await this.linkChecked(descriptor, by, to);
    }
    await writeLayoutRoot(target, [graph.root]);
    return target;
  }
  /**
   * A hard link to the blob (for a reader that checks digests itself, like skopeo), then a check of what was
   * linked: a regular file of the declared size. A symbolic link swapped in after the layout check would be
   * linked as the link itself, and is refused here.
   */
  async linkChecked(descriptor, referencedBy, to) {
    const from = this.blobPath(descriptor.digest);
    await (0, import_promises5.link)(from, to).catch(async (error) => {
      if (error.code !== "EXDEV" && error.code !== "EPERM") throw error;
      await this.copyVerified(descriptor, referencedBy, to);
    });
    const s = await (0, import_promises5.lstat)(to);
    if (!s.isFile() || s.size !== descriptor.size)
      throw new LayoutError(
        `blob ${describe(descriptor)} (referenced by ${referencedBy}) changed after the layout was checked: ${s.isFile() ? `${s.size} bytes` : "not a regular file"} where ${descriptor.size} bytes were declared`
      );
  }
  /**
   * A private copy of the blob, hashed as it is copied from a handle that refuses a symbolic link: what the
   * copy holds is what was hashed (for a reader that checks no digest, like Trivy). A hard link would share
   * the inode, so a write into the layout's file would change the snapshot too.
   */
  async copyVerified(descriptor, referencedBy, to) {
    const what = `blob ${describe(descriptor)} (referenced by ${referencedBy})`;
    const source = await (0, import_promises5.open)(
      this.blobPath(descriptor.digest),
      import_node_fs3.constants.O_RDONLY | import_node_fs3.constants.O_NOFOLLOW
    ).catch((error) => {
      throw new LayoutError(
        `${what} cannot be read as a regular file (${error.code ?? error.message}); refused`
      );
    });
    try {
      if (!(await source.stat()).isFile()) throw new LayoutError(`${what} is not a regular file; refused`);
      const hash = (0, import_node_crypto3.createHash)(Digest.parse(descriptor.digest).algorithm);
      let length = 0;
      const counting = new import_node_stream.Transform({
        transform(chunk, _encoding, done) {
          hash.update(chunk);
          length += chunk.length;
          done(null, chunk);
        }
      });
      await (0, import_promises6.pipeline)(
        source.createReadStream({ autoClose: false }),
        counting,
        (0, import_node_fs3.createWriteStream)(to, { mode: 384 })
      );
      this.checkContent(
        descriptor,
        referencedBy,
        length,
        `${Digest.parse(descriptor.digest).algorithm}:${hash.digest("hex")}`
      );
    } finally {
      await source.close();
    }
  }
  /** Walks index.json → indexes → manifests → config and layers, verifying every manifest it parses. */
  async walk(ref) {
    const root = this.topLevel(ref);
    const graph = { root, images: [], attestations: [], indexes: [], blobs: /* @__PURE__ */ new Map() };
    await this.visit(root, "index.json", graph, 0, /* @__PURE__ */ new Set());
    return graph;
  }
  /**
   * Verifies the whole layout: every blob reachable from the top level exists as a regular file, has
   * the declared size and hashes to its digest. Blobs are streamed (memory stays bounded whatever their
   * size); when the layout is large enough to pay for it, hashing runs on one worker thread per core.
   */
  async verify(options = {}) {
    const graph = await this.walk(options.ref);
    const pending = [...graph.blobs.values()].sort((a, b) => b.descriptor.size - a.descriptor.size);
    const totalBytes = pending.reduce((n, b) => n + b.descriptor.size, 0);
    const threads = Math.max(1, options.concurrency ?? (0, import_node_os4.availableParallelism)());
    const threshold = options.workerThresholdBytes ?? WORKER_THRESHOLD;
    const owned = options.hasher === void 0;
    const hasher = options.hasher ?? (threads > 1 && totalBytes >= threshold ? workerHasher({ workers: threads - 1 }) : inlineHasher);
    try {
      const lanes = Array.from({ length: Math.max(threads, hasher.parallelism) }, async () => {
        for (let next = pending.shift(); next !== void 0; next = pending.shift()) {
          await this.verifyBlob(next.descriptor, next.referencedBy.join(", "), hasher);
        }
      });
      await Promise.all(lanes);
    } finally {
      if (owned) await hasher.close();
    }
    return { ...graph, blobCount: graph.blobs.size, totalBytes };
  }
  /** Streams one blob through its hash; throws a LayoutError naming the blob and its referrer. */
  async verifyBlob(descriptor, referencedBy, hasher = inlineHasher) {
    const path = await this.checkedBlobPath(descriptor, referencedBy);
    const algorithm = Digest.parse(descriptor.digest).algorithm;
    const { digest, length } = await hasher.hash(path, algorithm, descriptor.size);
    this.checkContent(descriptor, referencedBy, length, digest);
  }
  checkContent(descriptor, referencedBy, length, actual) {
    const what = `blob ${describe(descriptor)} (referenced by ${referencedBy})`;
    if (length !== descriptor.size) {
      const sizeText = length > descriptor.size ? `more than ${descriptor.size}` : `${length}`;
      throw new LayoutError(`${what} has ${sizeText} bytes on disk; the descriptor says ${descriptor.size}`);
    }
    if (actual !== descriptor.digest)
      throw new LayoutError(`${what} does not match its digest: content hashes to ${actual}`);
  }
  async checkedBlobPath(descriptor, referencedBy) {
    const path = this.blobPath(descriptor.digest);
    const s = await (0, import_promises5.lstat)(path).catch(() => void 0);
    const what = `blob ${describe(descriptor)} (referenced by ${referencedBy})`;
    if (s === void 0) throw new LayoutError(`${what} is missing from ${path}`);
    if (s.isSymbolicLink()) throw new LayoutError(`${what} is a symbolic link at ${path}; refused`);
    if (!s.isFile()) throw new LayoutError(`${what} is not a regular file at ${path}`);
    return path;
  }
  addBlob(graph, descriptor, referencedBy) {
    const known = graph.blobs.get(descriptor.digest);
    if (known === void 0) {
      graph.blobs.set(descriptor.digest, { descriptor, referencedBy: [referencedBy] });
      return;
    }
    const document = (d) => isIndexMediaType(d.mediaType) || isManifestMediaType(d.mediaType);
    if (document(known.descriptor) !== document(descriptor) || document(descriptor) && known.descriptor.mediaType !== descriptor.mediaType) {
      throw new LayoutError(
        `blob ${descriptor.digest} is declared as ${descriptor.mediaType} by ${referencedBy} but as ${known.descriptor.mediaType} by ${known.referencedBy.join(", ")}; one blob, one role`
      );
    }
    if (known.descriptor.size !== descriptor.size) {
      throw new LayoutError(
        `blob ${descriptor.digest} is declared with size ${descriptor.size} by ${referencedBy} but ${known.descriptor.size} by ${known.referencedBy.join(", ")}`
      );
    }
    if (!known.referencedBy.includes(referencedBy)) known.referencedBy.push(referencedBy);
  }
  async visit(descriptor, referencedBy, graph, depth, path, siblings = /* @__PURE__ */ new Set()) {
    if (depth > MAX_DEPTH)
      throw new LayoutError(`index nesting deeper than ${MAX_DEPTH} at ${descriptor.digest}`);
    if (path.has(descriptor.digest)) throw new LayoutError(`index cycle through ${descriptor.digest}`);
    const seen = graph.blobs.has(descriptor.digest);
    this.addBlob(graph, descriptor, referencedBy);
    if (seen) return;
    const here = `${isIndexMediaType(descriptor.mediaType) ? "index" : "manifest"} ${describe(descriptor)}`;
    const at = { descriptor, referencedBy, here, graph };
    if (isIndexMediaType(descriptor.mediaType)) await this.visitIndex(at, depth, path);
    else if (isManifestMediaType(descriptor.mediaType)) await this.visitManifest(at, siblings);
  }
  /** An index: every child is visited, knowing which of them are images (what an attestation may name). */
  async visitIndex(at, depth, path) {
    const { descriptor, here, graph } = at;
    const doc = await this.readJsonBlob(descriptor, at.referencedBy);
    if (!isRecord(doc) || doc.schemaVersion !== 2 || !Array.isArray(doc.manifests)) {
      throw new LayoutError(`${here} is not an image index`);
    }
    checkEmbeddedMediaType(doc, descriptor, here);
    graph.indexes.push(descriptor.digest);
    const next = new Set(path).add(descriptor.digest);
    const children = doc.manifests.map((m, i) => asDescriptor(m, `${here} manifests[${i}]`));
    const images = new Set(
      children.filter((c) => isManifestMediaType(c.mediaType) && !markedAsAttestation(c)).map((c) => c.digest)
    );
    for (const child of children) await this.visit(child, here, graph, depth + 1, next, images);
  }
  /** An image manifest: its config and layers join the graph, as an image or as a checked attestation. */
  async visitManifest(at, siblings) {
    const { descriptor, here, graph } = at;
    const doc = await this.readJsonBlob(descriptor, at.referencedBy);
    if (!isRecord(doc) || doc.schemaVersion !== 2 || !Array.isArray(doc.layers)) {
      throw new LayoutError(`${here} is not an image manifest`);
    }
    checkEmbeddedMediaType(doc, descriptor, here);
    const config = asDescriptor(doc.config, `${here} config`);
    const layers = doc.layers.map((l, i) => asDescriptor(l, `${here} layers[${i}]`));
    this.addBlob(graph, config, `${here} (config)`);
    for (const [i, layer] of layers.entries()) {
      this.addBlob(graph, layer, `${here} (layer ${i + 1} of ${layers.length})`);
    }
    if (markedAsAttestation(descriptor)) {
      const problem = attestationProblem(descriptor, layers, siblings);
      if (problem !== void 0) {
        throw new LayoutError(
          `${here} is marked as a BuildKit attestation manifest but ${problem}: refusing a layout that would hide an image from the scan`
        );
      }
      graph.attestations.push({
        digest: descriptor.digest,
        subject: descriptor.annotations?.[ATTESTATION_REFERENCE_DIGEST],
        layers
      });
      return;
    }
    const platform = descriptor.platform ?? await this.platformFromConfig(config, here);
    graph.images.push({
      platform: formatPlatform(platform),
      digest: descriptor.digest,
      mediaType: descriptor.mediaType,
      size: descriptor.size,
      config,
      layers
    });
  }
  async platformFromConfig(config, manifest) {
    const doc = await this.readJsonBlob(config, `${manifest} (config)`);
    if (!isRecord(doc) || typeof doc.os !== "string" || typeof doc.architecture !== "string") {
      return { os: "unknown", architecture: "unknown" };
    }
    return typeof doc.variant === "string" && doc.variant !== "" ? { os: doc.os, architecture: doc.architecture, variant: doc.variant } : { os: doc.os, architecture: doc.architecture };
  }
};
var IN_TOTO_LAYER = "application/vnd.in-toto+json";
function isDocument(descriptor) {
  return isIndexMediaType(descriptor.mediaType) || isManifestMediaType(descriptor.mediaType) || /json$/.test(descriptor.mediaType) && descriptor.size <= MAX_MANIFEST_BYTES;
}
function markedAsAttestation(descriptor) {
  return descriptor.annotations?.[ATTESTATION_REFERENCE_TYPE] === ATTESTATION_MANIFEST;
}
function attestationProblem(descriptor, layers, siblings) {
  const platform = descriptor.platform;
  if (platform?.os !== "unknown" || platform.architecture !== "unknown")
    return `its platform is ${platform === void 0 ? "missing" : formatPlatform(platform)}, not unknown/unknown`;
  const other = layers.find((l) => l.mediaType !== IN_TOTO_LAYER);
  if (layers.length === 0 || other !== void 0)
    return `its layers are not all in-toto statements (${other?.mediaType ?? "it has none"})`;
  const subject = descriptor.annotations?.[ATTESTATION_REFERENCE_DIGEST];
  if (subject === void 0 || !siblings.has(subject))
    return `it refers to ${subject ?? "nothing"}, which is not an image of the same index`;
  return void 0;
}
function checkEmbeddedMediaType(doc, descriptor, here) {
  if (typeof doc.mediaType === "string" && doc.mediaType !== descriptor.mediaType) {
    throw new LayoutError(
      `${here} declares mediaType ${doc.mediaType} but its descriptor says ${descriptor.mediaType}`
    );
  }
}
function digestOf(expected, content) {
  const algorithm = Digest.parse(expected).algorithm;
  return `${algorithm}:${(0, import_node_crypto3.createHash)(algorithm).update(content).digest("hex")}`;
}
async function readJson(path, label) {
  const s = await (0, import_promises5.lstat)(path);
  if (s.size > MAX_MANIFEST_BYTES)
    throw new LayoutError(`${label} is larger than ${MAX_MANIFEST_BYTES} bytes`);
  try {
    return JSON.parse(await (0, import_promises5.readFile)(path, "utf8"));
  } catch (error) {
    throw new LayoutError(`${label} is not valid JSON`, { cause: error });
  }
}
function requireLayoutDigest(layout, actual, expected, refusing) {
  if (actual !== expected) {
    throw new ConfigurationError(
      `the layout ${layout} has top-level digest ${actual}, but input "digest" is ${expected}: ${refusing}`,
      { code: "DIGEST_MISMATCH", input: "digest", expected, actual }
    );
  }
}

// packages/core/src/oci/registry-client.ts
var import_node_crypto4 = __toESM(require_crypto(), 1);

// packages/core/src/oci/www-authenticate.ts
function parseChallenge(header2) {
  if (header2 === void 0) return void 0;
  const match = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*(.*)$/.exec(header2);
  if (match === null) return void 0;
  const params = {};
  const re = /([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?/g;
  for (const m of (match[2] ?? "").matchAll(re)) {
    params[(m[1] ?? "").toLowerCase()] = m[2] !== void 0 ? m[2].replace(/\\(.)/g, "$1") : m[3] ?? "";
  }
  return { scheme: (match[1] ?? "").toLowerCase(), params };
}

// packages/core/src/oci/registry-client.ts
var MAX_MANIFEST = 4 * 1024 * 1024;
function header(headers, name) {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
function sha256(bytes) {
  return `sha256:${(0, import_node_crypto4.createHash)("sha256").update(bytes).digest("hex")}`;
}
function registryErrors(body) {
  try {
    const parsed = JSON.parse(body.toString("utf8"));
    return (parsed.errors ?? []).map((e) => `${e.code ?? ""}${e.message ? `: ${e.message}` : ""}`).join("; ");
  } catch {
    return body.toString("utf8").slice(0, 200).trim();
  }
}
var RegistryClient = class {
  options;
  retry;
  sleep;
  random;
  now;
  schemes = /* @__PURE__ */ new Map();
  /** Authorization header per registry and scope. */
  authorizations = /* @__PURE__ */ new Map();
  constructor(options) {
    this.options = options;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }
  // --- operations --------------------------------------------------------------------------------
  /** GET /v2/: the registry answers (200, or 401 asking for credentials). */
  async ping(ref) {
    await this.request(ref, "GET", "/v2/", { access: "pull", okStatuses: [200], scoped: false });
  }
  async headManifest(ref, reference) {
    const res = await this.request(ref, "HEAD", `/v2/${ref.repository}/manifests/${reference}`, {
      access: "pull",
      headers: { accept: MANIFEST_ACCEPT.join(", ") },
      okStatuses: [200, 404]
    });
    if (res.status === 404) return void 0;
    const digest = header(res.headers, "docker-content-digest");
    const mediaType = header(res.headers, "content-type") ?? "";
    if (digest === void 0) {
      const full = await this.getManifest(ref, reference);
      return full && { digest: full.digest, mediaType: full.mediaType, size: full.size };
    }
    if (Digest.isValid(reference) && digest !== reference) {
      throw new CommandError(
        `registry ${ref.registry} answered ${digest} for ${ref.repository}@${reference}`,
        { tool: "registry" }
      );
    }
    return { digest, mediaType, size: Number(header(res.headers, "content-length") ?? "0") };
  }
  /** Reads a manifest by tag or digest; its bytes must hash to the digest asked for or announced. */
  async getManifest(ref, reference) {
    const res = await this.request(ref, "GET", `/v2/${ref.repository}/manifests/${reference}`, {
      access: "pull",
      headers: { accept: MANIFEST_ACCEPT.join(", ") },
      okStatuses: [200, 404],
      maxBody: MAX_MANIFEST
    });
    if (res.status === 404) return void 0;
    const actual = sha256(res.body);
    const announced = header(res.headers, "docker-content-digest");
    const expected = Digest.isValid(reference) ? reference : announced;
    if (expected !== void 0 && expected !== actual) {
      throw new CommandError(
        `registry ${ref.registry} returned a manifest for ${ref.repository}:${reference} that hashes to ${actual}, not ${expected}`,
        { tool: "registry" }
      );
    }
    const mediaType = JSON.parse(res.body.toString("utf8")).mediaType ?? header(res.headers, "content-type") ?? "";
    return { digest: actual, mediaType, size: res.body.length, bytes: res.body };
  }
  /** PUT the exact bytes under a tag or digest; returns their digest (checked against the registry's). */
  async putManifest(ref, reference, bytes, mediaType) {
    const digest = sha256(bytes);
    if (Digest.isValid(reference) && reference !== digest) {
      throw new Error(`putManifest: bytes hash to ${digest}, not ${reference}`);
    }
    const put = () => this.request(ref, "PUT", `/v2/${ref.repository}/manifests/${reference}`, {
      access: "push",
      headers: { "content-type": mediaType },
      body: bytes,
      okStatuses: [201]
    });
    const res = await withRetries(
      put,
      (error) => ({
        transient: error instanceof CommandError && /MANIFEST_BLOB_UNKNOWN/.test(error.message),
        reason: "a blob the manifest names is being committed by another writer"
      }),
      {
        policy: { ...this.retry, maxAttempts: 4, deadlineMs: 2e3 },
        sleep: this.sleep,
        random: this.random
      }
    );
    const announced = header(res.headers, "docker-content-digest");
    if (announced !== void 0 && announced !== digest) {
      throw new CommandError(`registry ${ref.registry} stored ${reference} as ${announced}, not ${digest}`, {
        tool: "registry"
      });
    }
    return digest;
  }
  async deleteManifest(ref, digest) {
    await this.request(ref, "DELETE", `/v2/${ref.repository}/manifests/${digest}`, {
      access: "push",
      okStatuses: [202, 404]
    });
  }
  /** Size of a blob in the repository, or undefined when it is not there. */
  async headBlob(ref, digest) {
    const res = await this.request(ref, "HEAD", `/v2/${ref.repository}/blobs/${digest}`, {
      access: "pull",
      okStatuses: [200, 404]
    });
    return res.status === 404 ? void 0 : Number(header(res.headers, "content-length") ?? "0");
  }
  /** Reads a (small) blob whole and checks its digest. */
  async getBlob(ref, digest, maxBytes = MAX_MANIFEST) {
    const res = await this.request(ref, "GET", `/v2/${ref.repository}/blobs/${digest}`, {
      access: "pull",
      okStatuses: [200],
      maxBody: maxBytes
    });
    const actual = sha256(res.body);
    if (actual !== digest) {
      throw new CommandError(
        `registry ${ref.registry} returned blob ${digest} whose content hashes to ${actual}`,
        { tool: "registry" }
      );
    }
    return res.body;
  }
  /**
   * Monolithic upload of a small blob (POST then PUT ?digest=); a blob already there is not sent again.
   * With `fresh` (bytes that cannot be there yet, e.g. carrying a signature just made) the HEAD is skipped.
   */
  async uploadBlob(ref, bytes, options = {}) {
    const digest = sha256(bytes);
    if (options.fresh !== true && await this.headBlob(ref, digest) !== void 0) return digest;
    const start = await this.request(ref, "POST", `/v2/${ref.repository}/blobs/uploads/`, {
      access: "push",
      okStatuses: [202]
    });
    const location = header(start.headers, "location");
    if (location === void 0)
      throw new CommandError(`registry ${ref.registry} gave no upload location`, { tool: "registry" });
    const url = new URL(location, `${await this.scheme(ref.apiHost)}://${ref.apiHost}`);
    url.searchParams.set("digest", digest);
    await this.request(ref, "PUT", `${url.pathname}${url.search}`, {
      access: "push",
      headers: { "content-type": "application/octet-stream" },
      body: bytes,
      okStatuses: [201]
    });
    return digest;
  }
  /** Cross-repository mount; true when the registry mounted it (201), false when it wants an upload. */
  async mountBlob(ref, digest, fromRepository) {
    const res = await this.request(
      ref,
      "POST",
      `/v2/${ref.repository}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(fromRepository)}`,
      { access: "push", okStatuses: [201, 202], extraScopes: [`repository:${fromRepository}:pull`] }
    );
    if (res.status === 202) {
      const location = header(res.headers, "location");
      if (location !== void 0) {
        const url = new URL(location, `${await this.scheme(ref.apiHost)}://${ref.apiHost}`);
        await this.request(ref, "DELETE", `${url.pathname}${url.search}`, {
          access: "push",
          okStatuses: [204, 404]
        }).catch(() => void 0);
      }
    }
    return res.status === 201;
  }
  async listTags(ref) {
    const tags = [];
    let path = `/v2/${ref.repository}/tags/list?n=1000`;
    while (path !== void 0) {
      const res = await this.request(ref, "GET", path, {
        access: "pull",
        okStatuses: [200, 404],
        maxBody: 16 * 1024 * 1024
      });
      if (res.status === 404) return [];
      tags.push(...JSON.parse(res.body.toString("utf8")).tags ?? []);
      const link2 = header(res.headers, "link");
      path = link2 === void 0 ? void 0 : /<([^>]+)>;\s*rel="?next"?/.exec(link2)?.[1];
    }
    return tags;
  }
  /**
   * Referrers of a digest: the OCI 1.1 referrers API, or, where the registry lacks it (404), the
   * fallback index tagged `sha256-<hex>`.
   */
  async referrers(ref, digest, artifactType) {
    const query = artifactType === void 0 ? "" : `?artifactType=${encodeURIComponent(artifactType)}`;
    const pages = await this.referrerPages(ref, `/v2/${ref.repository}/referrers/${digest}${query}`);
    let manifests;
    let via;
    if (pages !== void 0) {
      manifests = pages;
      via = "api";
    } else {
      const index = await this.getManifest(ref, Digest.parse(digest).toTagStem());
      manifests = index === void 0 ? [] : JSON.parse(index.bytes.toString("utf8")).manifests ?? [];
      via = "tag";
    }
    return {
      manifests: artifactType === void 0 ? manifests : manifests.filter((m) => m.artifactType === artifactType),
      via
    };
  }
  /**
   * Every page of a referrers answer (undefined: the registry has no referrers API). A registry may page
   * it (`Link: <…>; rel="next"`, distribution spec): an attestation on a later page must not go unseen.
   * Only a next page on the same registry is followed, at most MAX_REFERRER_PAGES of them.
   */
  async referrerPages(ref, first) {
    const manifests = [];
    let path = first;
    for (let page = 0; path !== void 0; page++) {
      if (page === MAX_REFERRER_PAGES)
        throw new CommandError(
          `registry ${ref.registry}: the referrers list runs past ${MAX_REFERRER_PAGES} pages; refusing to read on`,
          { tool: "registry" }
        );
      const res = await this.request(ref, "GET", path, {
        access: "pull",
        headers: { accept: "application/vnd.oci.image.index.v1+json" },
        okStatuses: [200, 404],
        maxBody: MAX_MANIFEST
      });
      if (res.status === 404) return page === 0 ? void 0 : manifests;
      manifests.push(
        ...JSON.parse(res.body.toString("utf8")).manifests ?? []
      );
      path = nextPage(header(res.headers, "link"), ref.apiHost);
    }
    return manifests;
  }
  // --- transport, auth, retries ------------------------------------------------------------------
  async request(ref, method, path, options) {
    const scope = requestScope(ref, options);
    const call = {
      ref,
      method,
      path,
      options,
      scope,
      key: `${ref.apiHost} ${scope}`,
      authTried: false
    };
    try {
      return await withRetries(() => this.attempt(call), requestVerdict(call), {
        policy: this.retry,
        sleep: this.sleep,
        random: this.random,
        elapsedClock: this.now,
        onRetry: (attempt, delay, reason) => this.options.logger.warning(
          `retrying in ${delay} ms (attempt ${attempt + 1} of ${this.retry.maxAttempts}): ${reason}`
        )
      });
    } catch (error) {
      throw requestFailure(call, error);
    }
  }
  /**
   * One attempt: sends the request and judges the answer. The first 401 of a request is answered by
   * following the registry's challenge and sending again within the same attempt.
   */
  async attempt(call) {
    for (; ; ) {
      const res = await this.sendOnce(call);
      if (res.status === 401 && !call.authTried) {
        call.authTried = true;
        await this.authenticate(call.ref, res, call.key, call.scope);
        continue;
      }
      return this.judge(call, res);
    }
  }
  async sendOnce(call) {
    const host = call.ref.apiHost;
    const authorization = this.authorizations.get(call.key) ?? this.authorizations.get(`${host} basic`);
    const headers = { ...call.options.headers, ...authorization === void 0 ? {} : { authorization } };
    try {
      return await this.send(
        host,
        call.method,
        call.path,
        headers,
        call.options.body,
        call.options.maxBody ?? 1024 * 1024
      );
    } catch (error) {
      throw new SendFailure(error);
    }
  }
  /** The answer, when it is one the caller takes; a refusal or a fault (transient or not) otherwise. */
  judge(call, res) {
    const { ref, options } = call;
    if (options.okStatuses.includes(res.status)) return res;
    if (res.status === 401 || res.status === 403) {
      const host = ref.apiHost;
      const who = this.authorizations.has(call.key) || this.authorizations.has(`${host} basic`) ? "refused the credentials" : "requires credentials";
      const detail = registryErrors(res.body);
      throw new ConfigurationError(
        `registry ${ref.registry} ${who} for ${options.access} on ${ref.repository} (HTTP ${res.status}${detail ? `: ${detail}` : ""}). Log in first (docker login / skopeo login / ecr-oidc-login) or pass auth-file.`
      );
    }
    const retryAfter = parseRetryAfter(header(res.headers, "retry-after"), this.now());
    throw new FaultyAnswer(res, isRetryableStatus(res.status), retryAfter);
  }
  async authenticate(ref, res, key, scope) {
    const challenge = parseChallenge(header(res.headers, "www-authenticate"));
    const credential = await this.options.credentials?.lookup(ref.registry, ref.repository);
    if (challenge?.scheme === "basic") {
      if (credential === void 0) return;
      const value = `Basic ${basicCredentials(credential)}`;
      this.options.logger.setSecret(value.slice(6));
      this.authorizations.set(`${ref.apiHost} basic`, value);
      return;
    }
    if (challenge?.scheme !== "bearer" || challenge.params.realm === void 0) return;
    const token = await this.fetchToken(ref, tokenRealm(challenge.params, scope), credential);
    this.options.logger.setSecret(token);
    this.authorizations.set(key, `Bearer ${token}`);
  }
  /**
   * The token service is a server like any other: down, overloaded or behind a proxy's HTML page is a
   * transient fault (retried), a 401/403 a refusal of these credentials (final), anything else a fault
   * of that service, named with its URL and status.
   */
  async fetchToken(ref, realm, credential) {
    const headers = credential === void 0 ? {} : { authorization: `Basic ${basicCredentials(credential)}` };
    const service = `${realm.origin}${realm.pathname}`;
    const who = credential ? `the credentials from ${credential.source}` : "anonymous access";
    return withRetries(
      async () => {
        const tokenRes = await this.sendUrl(realm, "GET", headers, void 0, 1024 * 1024);
        if (tokenRes.status === 401 || tokenRes.status === 403)
          throw new ConfigurationError(
            `registry ${ref.registry}: the token service ${service} refused ${who} (HTTP ${tokenRes.status})`
          );
        return tokenFrom(tokenRes, `registry ${ref.registry}: the token service ${service}`, this.now());
      },
      tokenVerdict,
      {
        sleep: this.sleep,
        onRetry: (attempt, delay, reason) => this.options.logger.warning(`${reason}; retrying in ${delay} ms (attempt ${attempt + 1})`)
      }
    ).catch((error) => {
      if (error instanceof TokenServiceError)
        throw new CommandError(error.message, { tool: "registry token service" });
      if (isNetworkError(error))
        throw new CommandError(
          `registry ${ref.registry}: the token service ${service} is unreachable (${error.message})`,
          { tool: "registry token service", cause: error }
        );
      throw error;
    });
  }
  /**
   * HTTPS always when TLS is verified. With tls-verify false, one probe per host (shared by concurrent
   * requests) finds out whether the registry speaks TLS at all, and falls back to plain HTTP as skopeo does.
   */
  scheme(host) {
    if (this.options.tlsVerify !== false) return Promise.resolve("https");
    let known = this.schemes.get(host);
    if (known === void 0) {
      known = this.sendUrl(new URL(`https://${host}/v2/`), "GET", {}, void 0, 64 * 1024).then(
        () => "https",
        (error) => {
          if (!isTlsHandshakeFailure(error)) return "https";
          this.options.logger.debug(
            `registry ${host} does not speak TLS; using plain HTTP (tls-verify is false)`
          );
          return "http";
        }
      );
      this.schemes.set(host, known);
    }
    return known;
  }
  async send(host, method, path, headers, body, maxBody) {
    const scheme = await this.scheme(host);
    return this.sendUrl(new URL(`${scheme}://${host}${path}`), method, headers, body, maxBody);
  }
  async sendUrl(url, method, headers, body, maxBody) {
    const transport = url.protocol === "http:" ? (await import("./http-SB2IGQYH.mjs")).default : (await import("./https-AHHFARHI.mjs")).default;
    return new Promise((resolve4, reject) => {
      const req = transport.request(
        url,
        {
          method,
          headers: {
            "user-agent": "container-supply-chain-actions",
            ...headers,
            ...body ? { "content-length": String(body.length) } : {}
          },
          timeout: this.options.requestTimeoutMs ?? 6e4,
          ...url.protocol === "https:" ? {
            rejectUnauthorized: this.options.tlsVerify !== false,
            ...this.options.ca ? { ca: this.options.ca } : {}
          } : {}
        },
        (res) => {
          const chunks = [];
          let size = 0;
          res.on("data", (chunk) => {
            size += chunk.length;
            if (size > maxBody) {
              req.destroy(new Error(`response body larger than ${maxBody} bytes`));
              return;
            }
            chunks.push(chunk);
          });
          res.on(
            "end",
            () => resolve4({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
          );
          res.on("error", reject);
        }
      );
      req.on(
        "timeout",
        () => req.destroy(Object.assign(new Error("request timed out"), { code: "ETIMEDOUT" }))
      );
      req.on("error", reject);
      req.end(body);
    });
  }
};
function isTlsHandshakeFailure(error) {
  const code = error?.code;
  const message = error instanceof Error ? error.message : "";
  return typeof code === "string" && (code.startsWith("ERR_SSL") || code === "EPROTO" || code === "ECONNRESET") || /wrong version number|ssl/i.test(message);
}
function requestScope(ref, options) {
  if (options.scoped === false) return "";
  return [
    `repository:${ref.repository}:${options.access === "push" ? "pull,push" : "pull"}`,
    ...options.extraScopes ?? []
  ].join(" ");
}
var SendFailure = class extends Error {
  cause;
  constructor(cause) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.cause = cause;
  }
};
var FaultyAnswer = class extends Error {
  response;
  transient;
  retryAfterMs;
  constructor(response, transient, retryAfterMs) {
    super(`HTTP ${response.status}`);
    this.response = response;
    this.transient = transient;
    this.retryAfterMs = retryAfterMs;
  }
};
function requestVerdict(call) {
  return (error) => {
    const what = `${call.method} ${call.path}`;
    if (error instanceof SendFailure)
      return {
        transient: isNetworkError(error.cause),
        reason: `${what}: ${error.cause.code ?? "network error"}`
      };
    if (error instanceof FaultyAnswer)
      return {
        transient: error.transient,
        retryAfterMs: error.retryAfterMs,
        reason: `${what}: HTTP ${error.response.status}`
      };
    return { transient: false, reason: String(error) };
  };
}
function requestFailure(call, error) {
  const { ref, method, path } = call;
  if (error instanceof SendFailure)
    return new CommandError(
      `registry ${ref.registry}: ${method} ${path} failed: ${error.cause.message}`,
      {
        tool: "registry",
        cause: error.cause
      }
    );
  if (error instanceof FaultyAnswer) {
    const detail = registryErrors(error.response.body);
    return new CommandError(
      `registry ${ref.registry}: ${method} ${path} answered HTTP ${error.response.status}${detail ? ` (${detail})` : ""}`,
      { tool: "registry" }
    );
  }
  return error;
}
function basicCredentials(credential) {
  return Buffer.from(`${credential.username}:${credential.password}`).toString("base64");
}
function tokenRealm(params, scope) {
  const realm = new URL(params.realm ?? "");
  if (params.service !== void 0) realm.searchParams.set("service", params.service);
  for (const s of scope.split(" ").filter((x) => x !== "")) realm.searchParams.append("scope", s);
  return realm;
}
function tokenFrom(res, service, now) {
  const text2 = res.body.toString("utf8");
  if (res.status !== 200) {
    throw new TokenServiceError(
      `${service} answered HTTP ${res.status}${/<html/i.test(text2) ? " with an HTML page" : ""}`,
      isRetryableStatus(res.status),
      parseRetryAfter(header(res.headers, "retry-after"), now)
    );
  }
  let body;
  try {
    body = JSON.parse(text2);
  } catch {
    throw new TokenServiceError(
      `${service} answered HTTP 200 with ${/<html/i.test(text2) ? "an HTML page" : "a body that is not JSON"}`,
      true
    );
  }
  const value = typeof body.token === "string" ? body.token : typeof body.access_token === "string" ? body.access_token : "";
  if (value === "") throw new TokenServiceError(`${service} returned no token`, false);
  return value;
}
function tokenVerdict(error) {
  return error instanceof TokenServiceError ? { transient: error.transient, retryAfterMs: error.retryAfterMs, reason: error.message } : { transient: isNetworkError(error), reason: error instanceof Error ? error.message : String(error) };
}
var TokenServiceError = class extends Error {
  transient;
  retryAfterMs;
  constructor(message, transient, retryAfterMs) {
    super(message);
    this.transient = transient;
    this.retryAfterMs = retryAfterMs;
  }
};
var MAX_REFERRER_PAGES = 16;
function nextPage(link2, apiHost) {
  const target = link2 === void 0 ? void 0 : /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link2)?.[1];
  if (target === void 0) return void 0;
  const url = new URL(target, `http://${apiHost}`);
  return url.host === apiHost ? `${url.pathname}${url.search}` : void 0;
}

// packages/core/src/oci/registry-credentials.ts
var import_promises7 = __toESM(require_promises(), 1);
var import_node_os5 = __toESM(require_os(), 1);
var import_node_path5 = __toESM(require_path(), 1);
function credentialFiles(env, explicit) {
  if (explicit !== void 0) return [explicit];
  const files = [];
  if (env.REGISTRY_AUTH_FILE) files.push(env.REGISTRY_AUTH_FILE);
  if (env.XDG_RUNTIME_DIR) files.push((0, import_node_path5.join)(env.XDG_RUNTIME_DIR, "containers", "auth.json"));
  files.push((0, import_node_path5.join)(env.DOCKER_CONFIG ?? (0, import_node_path5.join)(env.HOME ?? (0, import_node_os5.homedir)(), ".docker"), "config.json"));
  return files;
}
function normaliseKey(key) {
  let k = key.replace(/^https?:\/\//, "").replace(/\/+$/, "");
  if (k === "index.docker.io/v1" || k === "index.docker.io" || k === "registry-1.docker.io") k = "docker.io";
  return k;
}
function decodeAuth(entry, source) {
  if (entry.auth) {
    const text2 = Buffer.from(entry.auth, "base64").toString("utf8");
    const colon = text2.indexOf(":");
    if (colon < 0) throw new ConfigurationError(`credentials in ${source} are not base64("user:password")`);
    return { username: text2.slice(0, colon), password: text2.slice(colon + 1), source };
  }
  if (entry.username !== void 0 && entry.password !== void 0) {
    return { username: entry.username, password: entry.password, source };
  }
  return void 0;
}
var CredentialStore = class {
  files;
  env;
  runner;
  logger;
  constructor(options) {
    this.env = options.env;
    this.runner = options.runner;
    this.logger = options.logger;
    this.files = credentialFiles(options.env, options.authFile);
  }
  async lookup(registry, repository) {
    const host = normaliseKey(registry);
    for (const file of this.files) {
      const parsed = await this.readFile(file);
      if (parsed === void 0) continue;
      const helper = parsed.credHelpers?.[host] ?? parsed.credHelpers?.[registry];
      if (helper !== void 0) return this.mask(await this.fromHelper(helper, registry));
      const candidates = Object.entries(parsed.auths ?? {}).map(([key, entry]) => [normaliseKey(key), entry]).filter(
        ([key]) => key === host || repository !== void 0 && `${host}/${repository}`.startsWith(`${key}/`)
      ).sort((a, b) => b[0].length - a[0].length);
      for (const [, entry] of candidates) {
        const credential = decodeAuth(entry, file);
        if (credential !== void 0) return this.mask(credential);
      }
      if (parsed.credsStore !== void 0) {
        const credential = await this.fromHelper(parsed.credsStore, registry).catch(() => void 0);
        if (credential !== void 0) return this.mask(credential);
      }
    }
    return void 0;
  }
  mask(credential) {
    this.logger.setSecret(credential.password);
    this.logger.setSecret(Buffer.from(`${credential.username}:${credential.password}`).toString("base64"));
    return credential;
  }
  async readFile(file) {
    let text2;
    try {
      text2 = await (0, import_promises7.readFile)(file, "utf8");
    } catch (error) {
      if (error.code === "ENOENT") return void 0;
      throw new ConfigurationError(
        `cannot read registry credentials file ${file}: ${error.message}`
      );
    }
    try {
      return JSON.parse(text2);
    } catch {
      throw new ConfigurationError(`registry credentials file ${file} is not valid JSON`);
    }
  }
  async fromHelper(helper, registry) {
    if (!/^[A-Za-z0-9_.-]+$/.test(helper))
      throw new ConfigurationError(`credential helper name "${helper}" is not valid`);
    const { stdout } = await this.runner.run({
      tool: `docker-credential-${helper}`,
      command: `docker-credential-${helper}`,
      args: ["get"],
      stdin: registry,
      env: this.env,
      timeoutMs: 3e4
    });
    let parsed;
    try {
      parsed = JSON.parse(stdout);
    } catch {
      throw new ConfigurationError(
        `docker-credential-${helper} printed something other than JSON for ${registry}`
      );
    }
    if (typeof parsed.Username !== "string" || typeof parsed.Secret !== "string") {
      throw new ConfigurationError(`docker-credential-${helper} returned no Username/Secret for ${registry}`);
    }
    this.logger.setSecret(parsed.Secret);
    return { username: parsed.Username, password: parsed.Secret, source: `docker-credential-${helper}` };
  }
};

// packages/core/src/oci/open-registry.ts
function openRegistry(deps, options) {
  const credentials = new CredentialStore({
    env: deps.env,
    runner: deps.runner,
    logger: deps.logger,
    authFile: options.authFile
  });
  return new RegistryClient({
    logger: deps.logger,
    credentials,
    tlsVerify: options.tlsVerify,
    ...options.sleep ? { sleep: options.sleep } : {}
  });
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
        `is a ${digest.algorithm} digest; images are addressed by sha256 digests here (oci-build and skopeo-push output them)`
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
        `must be a repository without tag or digest (e.g. ghcr.io/org/app); got "${raw}": tags go in the "tags" input and the digest in "digest"`
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

// actions/skopeo-push/src/inputs.ts
var DEFAULT_PUSH_TAGS = "sha-{short-sha}";
var spec = {
  layout: inputs.path({ allowOutsideWorkspace: true }).required('the OCI layout directory (oci-build output "layout")'),
  digest: ociInputs.digest().required('the digest that was built and scanned (oci-build output "digest")'),
  image: ociInputs.repository().required("the target repository, e.g. ghcr.io/org/app"),
  tags: ociInputs.tagRules().default(DEFAULT_PUSH_TAGS),
  "immutable-tags": inputs.tagPatterns().default(DEFAULT_IMMUTABLE_TAGS),
  "auth-file": inputs.path({ allowOutsideWorkspace: true, mustExist: "file" }).optional(),
  "tls-verify": inputs.boolean().default("true"),
  "retry-times": inputs.integer({ min: 0, max: 10 }).default("3")
};
var outputs = defineOutputs(["digest", "image-ref", "tags"]);

// actions/skopeo-push/src/plan.ts
function plan(values, _context) {
  return {
    layout: values.layout,
    digest: values.digest.toString(),
    image: values.image,
    rules: values.tags,
    immutable: values["immutable-tags"],
    registry: { authFile: values["auth-file"], tlsVerify: values["tls-verify"] },
    attempts: values["retry-times"] + 1
  };
}
var FALLBACK_RULES = parseTagRules([DEFAULT_PUSH_TAGS]);
function chooseTags(plan2, ref, existing) {
  try {
    return planTagRules(plan2.rules, ref, existing, { immutable: plan2.immutable, fallback: FALLBACK_RULES });
  } catch (error) {
    throw error instanceof TagRuleError ? error.forInput("tags") : error;
  }
}
function tagWrites(plan2, tags, current) {
  try {
    return planTags(tags, current, plan2.digest, plan2.immutable);
  } catch (error) {
    if (!(error instanceof ImmutableTagConflict)) throw error;
    throw error.framed(`${plan2.image}: `, ". Nothing was pushed.").forInput("tags");
  }
}

export {
  CommandError,
  defineAction,
  readRefContext,
  DEFAULT_RETRY,
  isTransientText,
  retryAfterInText,
  withRetries,
  needsExistingTags,
  OciLayout,
  requireLayoutDigest,
  openRegistry,
  spec,
  outputs,
  plan,
  chooseTags,
  tagWrites
};
//# sourceMappingURL=chunk-WMMPKAIO.mjs.map
