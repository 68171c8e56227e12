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

// packages/core/src/exec/tool-runner.ts
var import_node_child_process = __toESM(require_child_process(), 1);
var import_promises2 = __toESM(require_promises(), 1);
var import_node_path2 = __toESM(require_path(), 1);

// packages/core/src/action/temp-folder.ts
var import_promises = __toESM(require_promises(), 1);
var import_node_os = __toESM(require_os(), 1);
var import_node_path = __toESM(require_path(), 1);
function tempBase(env) {
  return env.RUNNER_TEMP || (0, import_node_os.tmpdir)();
}
function tempFolder(base, prefix) {
  return (0, import_promises.mkdtemp)((0, import_node_path.join)(base, `${prefix.replace(/-$/, "")}-`));
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
async function withSecretFile(content, use, options) {
  const dir = await tempFolder(options.directory, "secret");
  const path = (0, import_node_path2.join)(dir, options.name ?? "secret");
  try {
    await (0, import_promises2.writeFile)(path, content, { mode: 384, flag: "wx" });
    return await use(path);
  } finally {
    await (0, import_promises2.rm)(dir, { recursive: true, force: true });
  }
}

// packages/core/src/action/github-event.ts
var import_promises3 = __toESM(require_promises(), 1);
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
    raw = await (0, import_promises3.readFile)(path, "utf8");
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

// packages/core/src/inputs/input-spec.ts
var import_node_fs = __toESM(require_fs(), 1);
var import_node_path3 = __toESM(require_path(), 1);
function envInputName(name) {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}
function envInputSource(env) {
  return (name) => env[envInputName(name)];
}
function defaultInputContext(env, cwd) {
  return { workspace: (0, import_node_path3.resolve)(env.GITHUB_WORKSPACE ?? cwd) };
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
  const rel = (0, import_node_path3.relative)(root, target);
  return rel === "" || !rel.startsWith("..") && !(0, import_node_path3.isAbsolute)(rel);
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
  const absolute = (0, import_node_path3.resolve)(ctx.workspace, raw);
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

// packages/core/src/oci/join-layouts.ts
var import_node_crypto4 = __toESM(require_crypto(), 1);
var import_node_fs4 = __toESM(require_fs(), 1);
var import_promises7 = __toESM(require_promises(), 1);
var import_node_path5 = __toESM(require_path(), 1);
function platformOf(text2) {
  const [os = "", architecture = "", variant] = text2.split("/");
  return { os, architecture, ...variant ? { variant } : {} };
}
var exists = (path) => (0, import_promises7.access)(path, import_node_fs4.constants.F_OK).then(
  () => true,
  () => false
);
async function joinLayouts(sources, outputDir) {
  if (sources.length < 2)
    throw new ConfigurationError("joining layouts needs at least two per-platform layouts", {
      code: "LAYOUTS_TOO_FEW",
      expected: "at least 2 layouts",
      actual: String(sources.length)
    });
  if (await exists(outputDir) && (await (0, import_promises7.readdir)(outputDir)).length > 0)
    throw new ConfigurationError(`${outputDir} is not empty; give a new or empty directory`, {
      code: "DIRECTORY_NOT_EMPTY"
    });
  const blobDir = (0, import_node_path5.join)(outputDir, "blobs", "sha256");
  await (0, import_promises7.mkdir)(blobDir, { recursive: true });
  const manifests = [];
  const platforms = /* @__PURE__ */ new Map();
  for (const source of sources) {
    const layout = await OciLayout.open(source);
    const graph = await layout.verify();
    const children = isIndexMediaType(graph.root.mediaType) ? (await layout.readJsonBlob(graph.root)).manifests : [{ ...graph.root, platform: platformOf(graph.images[0]?.platform ?? "") }];
    for (const image of graph.images) {
      const seen = platforms.get(image.platform);
      if (seen !== void 0) {
        throw new ConfigurationError(
          `platform ${image.platform} is in both ${seen} and ${source}; each layout must bring its own`,
          { code: "PLATFORM_TWICE", actual: image.platform }
        );
      }
      platforms.set(image.platform, source);
    }
    manifests.push(
      ...children.map(({ annotations, ...d }) => {
        const kept = Object.fromEntries(
          Object.entries(annotations ?? {}).filter(([k]) => k !== "org.opencontainers.image.ref.name")
        );
        return Object.keys(kept).length > 0 ? { ...d, annotations: kept } : d;
      })
    );
    for (const digest2 of graph.blobs.keys()) {
      const target = (0, import_node_path5.join)(blobDir, Digest.parse(digest2).hex);
      if (await exists(target)) continue;
      await (0, import_promises7.link)(layout.blobPath(digest2), target).catch(() => (0, import_promises7.copyFile)(layout.blobPath(digest2), target));
    }
  }
  const index = { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests };
  const bytes = Buffer.from(JSON.stringify(index));
  const digest = `sha256:${(0, import_node_crypto4.createHash)("sha256").update(bytes).digest("hex")}`;
  await (0, import_promises7.writeFile)((0, import_node_path5.join)(blobDir, digest.slice(7)), bytes);
  const top = { mediaType: MediaType.ociIndex, digest, size: bytes.length };
  await writeLayoutRoot(outputDir, [top]);
  return top;
}

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
function refVersion(ctx) {
  const semver = semverOfRef(ctx.ref);
  if (semver !== void 0) return versionTag(semver);
  if (ctx.ref.startsWith("refs/tags/") && ctx.ref.length > "refs/tags/".length)
    return sanitizeTag(ctx.ref.slice("refs/tags/".length));
  if (isPullRequest(ctx)) return ctx.prNumber === void 0 ? void 0 : `pr-${ctx.prNumber}`;
  const branch = branchOf(ctx.ref);
  if (branch !== void 0) return sanitizeTag(branch);
  return void 0;
}
function isPullRequest(ctx) {
  return ctx.eventName === "pull_request" || ctx.eventName === "pull_request_target";
}

// packages/core/src/tools/buildah.ts
var buildah = {
  /**
   * A RUN step that failed because no OCI runtime works on this host (buildah says only "while running
   * runtime: exit status 1"), as opposed to the step's own command failing.
   */
  runtimeUnusable(stderr) {
    return /while running runtime: exit status|error running container: from \S+ creating container|did not get container create message/i.test(
      stderr
    );
  },
  /** `buildah build` into a manifest list, every platform at once. */
  buildArgs(request, manifestList, isolation) {
    const args = ["build", "--manifest", manifestList, "--platform", request.platforms.join(",")];
    if (isolation !== void 0) args.push("--isolation", isolation);
    args.push("--file", request.file, "--timestamp", String(request.sourceDateEpoch));
    for (const [k, v] of request.buildArgs) args.push("--build-arg", `${k}=${v}`);
    for (const [k, v] of request.labels) args.push("--label", `${k}=${v}`);
    for (const [k, v] of request.annotations) args.push("--annotation", `${k}=${v}`);
    if (request.target !== void 0) args.push("--target", request.target);
    for (const secret of request.secrets) {
      if (!("file" in secret.source)) throw new Error("buildah secrets must be handed over as files");
      args.push("--secret", `id=${secret.id},src=${secret.source.file}`);
    }
    if (request.cacheFrom.length > 0) {
      args.push("--layers");
      for (const c of request.cacheFrom) args.push("--cache-from", c);
    }
    args.push(request.context);
    return args;
  },
  /** Writes every image of the list, and the list itself, to an OCI layout directory. */
  pushArgs(manifestList, outputDir) {
    return ["manifest", "push", "--all", "--format", "oci", manifestList, `oci:${outputDir}:latest`];
  },
  removeListArgs(manifestList) {
    return ["manifest", "rm", manifestList];
  },
  /** Inputs buildah has no equivalent for; the action warns when they are given. */
  unsupported(request) {
    const notes = [];
    if (request.cacheTo.length > 0) notes.push("cache-to has no buildah equivalent and was ignored");
    if (request.provenance === "min" || request.provenance === "max") {
      notes.push(
        `provenance "${request.provenance}" needs BuildKit (buildx); buildah writes no provenance attestation`
      );
    }
    if (request.sbom) notes.push("sbom needs BuildKit (buildx); buildah writes no SBOM attestation");
    return notes;
  },
  /** Turns buildah's `building at STEP "…": …` into a one-line reason naming the step. */
  failedStep(stderr) {
    const match = /building at STEP "([^"]*)": (.*)$/m.exec(stderr);
    return match === null ? void 0 : `step "${match[1]}" failed: ${match[2]}`;
  }
};

// packages/core/src/tools/buildx.ts
var buildx = {
  /**
   * `docker buildx build` writing an OCI layout directory. Secret values never appear: a secret is an
   * environment variable name or a file path. SOURCE_DATE_EPOCH goes in the environment (buildx reads it).
   */
  buildArgs(request, metadataFile) {
    const args = ["buildx", "build", "--platform", request.platforms.join(",")];
    args.push("--file", request.file, "--output", `type=oci,dest=${request.outputDir},tar=false`);
    args.push("--metadata-file", metadataFile);
    const provenance = request.provenance ?? "min";
    args.push(`--provenance=${provenance === "false" ? "false" : `mode=${provenance}`}`);
    args.push(`--sbom=${request.sbom}`);
    args.push("--build-arg", `SOURCE_DATE_EPOCH=${request.sourceDateEpoch}`);
    for (const [k, v] of request.buildArgs) args.push("--build-arg", `${k}=${v}`);
    for (const [k, v] of request.labels) args.push("--label", `${k}=${v}`);
    for (const [k, v] of request.annotations) args.push("--annotation", `index,manifest:${k}=${v}`);
    if (request.target !== void 0) args.push("--target", request.target);
    for (const secret of request.secrets) {
      const src = "file" in secret.source ? `src=${secret.source.file}` : `env=${secret.source.env}`;
      args.push("--secret", `id=${secret.id},${src}`);
    }
    for (const c of request.cacheFrom) args.push("--cache-from", c);
    for (const c of request.cacheTo) args.push("--cache-to", c);
    args.push(request.context);
    return args;
  },
  /**
   * What `docker buildx inspect` says of the active builder: its driver, and whether it can export an OCI
   * layout. The `docker` driver cannot (buildx reports `OCI exporter: false` where it lists features);
   * docker-container, remote and kubernetes builders can.
   */
  parseInspect(text2) {
    const driver = /^Driver:\s*(\S+)/m.exec(text2)?.[1];
    const feature = /^\s*OCI exporter:\s*(true|false)\s*$/m.exec(text2)?.[1];
    const ociExport = feature !== void 0 ? feature === "true" : driver !== void 0 && driver !== "docker";
    return { driver, ociExport };
  },
  /** The exact fix when the active builder cannot write an OCI layout. */
  ociExportFix(driver) {
    return `the active buildx builder (driver ${driver ?? "unknown"}) cannot export an OCI layout. Create one that can before this step: \`docker buildx create --use --driver docker-container\` (docker/setup-buildx-action does this), or set builder: buildah`;
  },
  /** Reads the image digest buildx recorded in its --metadata-file. */
  parseMetadata(text2) {
    const parsed = JSON.parse(text2);
    const digest = parsed["containerimage.digest"];
    return { digest: typeof digest === "string" ? digest : void 0 };
  },
  /** Whether `docker buildx` answers; the reason says why not. */
  async probe(runner) {
    try {
      const { stdout } = await runner.run({
        tool: "docker buildx",
        command: "docker",
        args: ["buildx", "version"],
        timeoutMs: 15e3
      });
      const info = await runner.run({
        tool: "docker",
        command: "docker",
        args: ["info", "--format", "{{.ServerVersion}}"],
        timeoutMs: 15e3
      });
      return {
        available: true,
        reason: `docker buildx answered (${stdout.trim()}; engine ${info.stdout.trim()})`
      };
    } catch (error) {
      return {
        available: false,
        reason: `docker buildx did not answer (${error instanceof Error ? error.message : String(error)})`
      };
    }
  }
};

// actions/oci-build/src/plan.ts
var import_node_path6 = __toESM(require_path(), 1);
function plan(values, context) {
  if (values.join !== void 0)
    return {
      kind: "join",
      sources: values.join.map((s) => (0, import_node_path6.resolve)(context.workspace, s)),
      outputDir: values["output-dir"]
    };
  return {
    kind: "build",
    context: values.context,
    file: values.file,
    outputDir: values["output-dir"],
    builder: values.builder,
    platforms: values.platforms.map(formatPlatform),
    buildArgs: values["build-args"],
    labels: values.labels,
    annotations: values.annotations,
    target: values.target,
    cacheFrom: values["cache-from"],
    cacheTo: values["cache-to"],
    provenance: values.provenance,
    sbom: values.sbom,
    traceability: values["traceability-labels"] ? { version: values.version, revision: context.env.GITHUB_SHA } : void 0,
    epoch: givenEpoch(values, context.env),
    now: context.now,
    secrets: values.secrets,
    secretsEnv: values["secrets-env"]
  };
}
function givenEpoch(values, env) {
  if (values["source-date-epoch"] !== void 0)
    return { epoch: values["source-date-epoch"], source: "input source-date-epoch" };
  const fromEnv = env.SOURCE_DATE_EPOCH;
  if (fromEnv !== void 0 && /^\d+$/.test(fromEnv))
    return { epoch: Number(fromEnv), source: "SOURCE_DATE_EPOCH" };
  return void 0;
}
var OCI = "org.opencontainers.image";
function hostPlatform(nodeArch) {
  switch (nodeArch) {
    case "x64":
      return { os: "linux", architecture: "amd64" };
    case "arm64":
      return { os: "linux", architecture: "arm64" };
    case "arm":
      return { os: "linux", architecture: "arm", variant: "v7" };
    default:
      return { os: "linux", architecture: nodeArch };
  }
}
function chooseEpoch(step, facts) {
  if (step.epoch !== void 0) return step.epoch;
  if (facts.commitTime !== void 0) return { epoch: facts.commitTime, source: "the commit time" };
  return {
    epoch: Math.floor(step.now.getTime() / 1e3),
    source: "the current time",
    warning: "no source-date-epoch, SOURCE_DATE_EPOCH or git commit time: using the current time, so rebuilds will not reproduce"
  };
}
function merge(...lists) {
  const map = /* @__PURE__ */ new Map();
  for (const list of lists) for (const [k, v] of list) map.set(k, v);
  return [...map.entries()];
}
function traceabilityLabels(step, facts, epoch) {
  if (step.traceability === void 0) return [];
  const labels = [];
  const repo = facts.event.repository;
  const add = (key, value) => {
    if (value !== void 0) labels.push([`${OCI}.${key}`, value]);
  };
  add("title", repo.name);
  add("description", repo.description);
  add("url", repo.htmlUrl);
  add("source", repo.htmlUrl);
  add("version", step.traceability.version ?? refVersion(facts.event));
  add("created", new Date(epoch * 1e3).toISOString().replace(".000Z", "Z"));
  add("revision", step.traceability.revision ?? facts.commitSha);
  add("licenses", repo.license);
  return labels;
}
function planBuild(step, facts) {
  const warnings = [];
  const { epoch, source, warning } = chooseEpoch(step, facts);
  if (warning !== void 0) warnings.push(warning);
  const traceability = traceabilityLabels(step, facts, epoch);
  const platforms = step.platforms.length > 0 ? step.platforms : [formatPlatform(hostPlatform(facts.hostArch))];
  if ((0, import_node_path6.relative)(step.context, facts.file).startsWith(".."))
    warnings.push(`the Containerfile ${facts.file} is outside the context ${step.context}`);
  return {
    request: {
      context: step.context,
      file: facts.file,
      platforms,
      buildArgs: step.buildArgs,
      labels: merge(traceability, step.labels),
      annotations: merge(traceability, step.annotations),
      target: step.target,
      cacheFrom: step.cacheFrom,
      cacheTo: step.cacheTo,
      provenance: step.provenance,
      sbom: step.sbom,
      sourceDateEpoch: epoch,
      outputDir: facts.outputDir
    },
    secrets: [...step.secrets],
    epochSource: source,
    warnings
  };
}
function chooseBuilder(wanted, facts) {
  if (wanted === "buildah") return { builder: wanted, reason: `input builder is "${wanted}"` };
  const { probe, inspect } = facts;
  if (wanted === "buildx") {
    if (!inspect?.ociExport)
      throw new ConfigurationError(`Input "builder": ${buildx.ociExportFix(inspect?.driver)}`, {
        code: "BUILDER_CANNOT_EXPORT",
        input: "builder",
        expected: "a builder that exports OCI layouts",
        actual: `driver ${inspect?.driver ?? "unknown"}`
      });
    return { builder: wanted, reason: `input builder is "${wanted}", builder driver ${inspect.driver}` };
  }
  if (!probe?.available) return { builder: "buildah", reason: `auto: ${probe?.reason}, so buildah` };
  if (!inspect?.ociExport)
    return {
      builder: "buildah",
      reason: `auto: ${probe.reason}, but its builder (driver ${inspect?.driver}) cannot export an OCI layout, so buildah`
    };
  return { builder: "buildx", reason: `auto: ${probe.reason}, builder driver ${inspect.driver}` };
}

export {
  ConfigurationError,
  CommandError,
  InvalidValueError,
  field,
  parseList,
  nonEmpty,
  inputs,
  withSecretFile,
  defineAction,
  readRefContext,
  defineOutputs,
  Digest,
  validateTag,
  ImageReference,
  parsePlatform,
  parseTagRules,
  OciLayout,
  joinLayouts,
  buildah,
  buildx,
  plan,
  planBuild,
  chooseBuilder
};
//# sourceMappingURL=chunk-WUUPW7ZP.mjs.map
