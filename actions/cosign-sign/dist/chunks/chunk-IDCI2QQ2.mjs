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
  __commonJS,
  __require,
  __toESM
} from "./chunk-VSWNXCQW.mjs";

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
  code = "COMMAND_FAILED";
  tool;
  exitCode;
  /** The last non-empty line the tool wrote to stderr, if any. */
  stderrTail;
  constructor(message, details2) {
    super(message, details2.cause === void 0 ? void 0 : { cause: details2.cause });
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
};

// packages/core/src/inputs/input-spec.ts
var import_node_fs = __toESM(require_fs(), 1);
var import_node_path = __toESM(require_path(), 1);
function envInputName(name) {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}
function envInputSource(env = process.env) {
  return (name) => env[envInputName(name)];
}
function defaultInputContext(env = process.env) {
  return { workspace: (0, import_node_path.resolve)(env.GITHUB_WORKSPACE ?? process.cwd()) };
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
function readInputs(spec2, source = envInputSource(), ctx = defaultInputContext()) {
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
var import_promises2 = __toESM(require_promises(), 1);
var import_node_path3 = __toESM(require_path(), 1);

// packages/core/src/action/runner-commands.ts
var import_node_crypto = __toESM(require_crypto(), 1);
var import_node_fs2 = __toESM(require_fs(), 1);
var import_node_os = __toESM(require_os(), 1);
var processIo = {
  env: process.env,
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
    io.write(`${text}${import_node_os.EOL}`);
    return;
  }
  let token = (0, import_node_crypto.randomUUID)().replace(/-/g, "");
  while (text.includes(token)) token = (0, import_node_crypto.randomUUID)().replace(/-/g, "");
  io.write(`::stop-commands::${token}${import_node_os.EOL}${text}${import_node_os.EOL}::${token}::${import_node_os.EOL}`);
}
function issueCommand(io, command, message, properties = {}) {
  const props = Object.entries(properties).map(([k, v]) => `${k}=${escapeProperty(v)}`).join(",");
  io.write(`::${command}${props ? ` ${props}` : ""}::${escapeData(message)}${import_node_os.EOL}`);
}
function fileCommandEntry(name, value, delimiter = `ghadelimiter_${(0, import_node_crypto.randomUUID)()}`) {
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`value of ${name} contains the file-command delimiter`);
  }
  return `${name}<<${delimiter}${import_node_os.EOL}${value}${import_node_os.EOL}${delimiter}${import_node_os.EOL}`;
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

// packages/core/src/action/temp-folder.ts
var import_promises = __toESM(require_promises(), 1);
var import_node_os2 = __toESM(require_os(), 1);
var import_node_path2 = __toESM(require_path(), 1);
function tempBase(env) {
  return env.RUNNER_TEMP || (0, import_node_os2.tmpdir)();
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
var ProcessToolRunner = class {
  logger;
  env;
  /** `env`: the environment a request without its own runs in (the step's: `ActionDeps.env`). */
  constructor(logger, env = processIo.env) {
    this.logger = logger;
    this.env = env;
  }
  run(request) {
    const started = performance.now();
    const maxStdout = request.maxStdoutBytes ?? 32 * 1024 * 1024;
    const ok = request.okExitCodes ?? [0];
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
      const stdoutChunks = [];
      let stdoutBytes = 0;
      let overflow = false;
      let stderrTail = "";
      let lineBuffer = { out: "", err: "" };
      const echo = (kind, chunk) => {
        if (!request.echo || this.logger === void 0) return;
        const text = lineBuffer[kind] + chunk.toString("utf8");
        const lines = text.split("\n");
        lineBuffer = { ...lineBuffer, [kind]: lines.pop() ?? "" };
        for (const line of lines) this.logger.info(redact(line, request.secrets));
      };
      child.stdout.on("data", (chunk) => {
        stdoutBytes += chunk.length;
        if (stdoutBytes > maxStdout) {
          if (!overflow) child.kill("SIGTERM");
          overflow = true;
          return;
        }
        stdoutChunks.push(chunk);
        echo("out", chunk);
      });
      child.stderr.on("data", (chunk) => {
        stderrTail = (stderrTail + chunk.toString("utf8")).slice(-STDERR_TAIL_BYTES);
        echo("err", chunk);
      });
      child.stdin.on("error", () => {
      });
      child.stdin.end(request.stdin ?? "");
      child.on("error", (error) => {
        const why = error.code === "ENOENT" ? `${request.tool} is not installed or not on PATH (tried "${request.command}")` : `${request.tool} could not be started: ${error.message}`;
        reject(new CommandError(why, { tool: request.tool, cause: error }));
      });
      child.on("close", (code, signal) => {
        for (const kind of ["out", "err"]) {
          if (lineBuffer[kind] !== "" && request.echo)
            this.logger?.info(redact(lineBuffer[kind], request.secrets));
        }
        const tail = redact(stderrTail, request.secrets);
        const result = {
          exitCode: code ?? -1,
          stdout: redact(Buffer.concat(stdoutChunks).toString("utf8"), request.secrets),
          stderrTail: tail,
          durationMs: performance.now() - started
        };
        if (overflow) {
          reject(
            new CommandError(`${request.tool} wrote more than ${maxStdout} bytes to stdout`, {
              tool: request.tool
            })
          );
        } else if (signal !== null) {
          const timedOut = request.timeoutMs !== void 0 && result.durationMs >= request.timeoutMs;
          const why = timedOut ? `timed out after ${request.timeoutMs} ms` : `was killed by ${signal}`;
          reject(
            new CommandError(`${request.tool} ${why}`, { tool: request.tool, stderrTail: lastLine(tail) })
          );
        } else if (!ok.includes(result.exitCode)) {
          const detail = lastLine(tail);
          reject(
            new CommandError(
              `${request.tool} failed with exit code ${result.exitCode}${detail ? `: ${detail}` : ""}`,
              {
                tool: request.tool,
                exitCode: result.exitCode,
                stderrTail: tail
              }
            )
          );
        } else {
          resolvePromise(result);
        }
      });
    });
  }
};
function quoteForDisplay(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
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
    inputContext: defaultInputContext(env),
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
    if (reference === "") fail(reference, "it is empty");
    if (reference !== reference.trim()) fail(reference, "it has leading or trailing white space");
    if (/\s/.test(reference)) fail(reference, "it contains white space");
    if (reference.includes("://"))
      fail(reference, "remove the scheme (https://); a reference starts with the registry host");
    let rest = reference;
    let digest;
    const at = rest.indexOf("@");
    if (at >= 0) {
      const digestText = rest.slice(at + 1);
      rest = rest.slice(0, at);
      try {
        digest = Digest.parse(digestText);
      } catch (error) {
        fail(reference, error.message);
      }
    }
    let tag;
    const lastColon = rest.lastIndexOf(":");
    if (lastColon > rest.lastIndexOf("/") && !(rest.startsWith("[") && !rest.includes("/"))) {
      tag = rest.slice(lastColon + 1);
      rest = rest.slice(0, lastColon);
      if (tag === "") fail(reference, 'the tag after ":" is empty');
      try {
        validateTag(tag);
      } catch (error) {
        fail(reference, error.message);
      }
    }
    const name = rest;
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
    for (const component of components) {
      if (component === "")
        fail(reference, 'the repository has an empty path component ("//" or a trailing "/")');
      if (!PATH_COMPONENT.test(component)) {
        const why = component !== component.toLowerCase() ? "repository names must be lowercase" : 'use lowercase letters and digits, separated by ".", "_", "__" or "-"';
        fail(reference, `path component "${component}" is invalid: ${why}`);
      }
    }
    if (registry === DOCKER_HUB && components.length === 1) components.unshift("library");
    return new _ImageReference(registry, components.join("/"), tag, digest);
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
      `platform "${text}" must be os/arch or os/arch/variant in lowercase, e.g. linux/amd64 or linux/arm/v7`
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
    throw new TagRuleError("invalid-tag", rule.text, message);
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
          "bad-rule",
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
        "bad-rule",
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
        "unknown-template",
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

// packages/core/src/oci/blob-hasher.ts
var import_node_crypto2 = __toESM(require_crypto(), 1);
var import_promises3 = __toESM(require_promises(), 1);
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
    const file = await (0, import_promises3.open)(path, "r");
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
function workerHasher(options = {}) {
  const inline = options.inline ?? true;
  const count = Math.max(inline ? 0 : 1, options.workers ?? (0, import_node_os3.availableParallelism)() - (inline ? 1 : 0));
  const queue = [];
  const idle = [];
  let closed = false;
  let alive = inline ? Number.POSITIVE_INFINITY : count;
  const dispatch = () => {
    while (queue.length > 0 && idle.length > 0) {
      const lane = idle.shift();
      const job = queue.shift();
      if (lane !== void 0 && job !== void 0) lane(job);
    }
  };
  const offer = (lane) => {
    if (closed) return;
    idle.push(lane);
    dispatch();
  };
  if (inline) {
    const lane = (job) => {
      inlineHasher.hash(job.path, job.algorithm, job.limit).then(job.resolve, job.reject).finally(() => offer(lane));
    };
    offer(lane);
  }
  const workers = Array.from({ length: count }, () => {
    const worker = new import_node_worker_threads.Worker(WORKER_SOURCE, { eval: true });
    let current;
    const lane = (job) => {
      current = job;
      worker.postMessage({ path: job.path, algorithm: job.algorithm, limit: job.limit });
    };
    worker.on("message", (m) => {
      if (m.ready === true) return offer(lane);
      const job = current;
      current = void 0;
      if (job !== void 0) {
        if (m.error !== void 0) job.reject(new Error(m.error));
        else job.resolve({ digest: m.digest ?? "", length: m.length ?? 0 });
      }
      offer(lane);
    });
    worker.on("error", (error) => {
      current?.reject(error);
      current = void 0;
    });
    worker.on("exit", () => {
      current?.reject(new Error("a hashing worker stopped"));
      current = void 0;
      const i = idle.indexOf(lane);
      if (i >= 0) idle.splice(i, 1);
      alive--;
      if (alive === 0) for (const job of queue.splice(0)) job.reject(new Error("no hashing lane is left"));
    });
    return worker;
  });
  return {
    parallelism: count + (inline ? 1 : 0),
    hash(path, algorithm, limit) {
      if (closed) return Promise.reject(new Error("the hasher is closed"));
      return new Promise((resolve2, reject) => {
        queue.push({ path, algorithm, limit, resolve: resolve2, reject });
        dispatch();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error("the hasher is closed"));
      await Promise.all(workers.map((w) => w.terminate()));
    }
  };
}

// actions/cosign-sign/src/inputs.ts
var url = () => inputs.string({ pattern: /^https?:\/\/\S+$/, accepted: "an http(s) URL" });
var ATTESTATION_KINDS = ["provenance", "sbom", "vuln"];
var spec = {
  image: ociInputs.reference().required("repo@sha256:<hex>, or a repository together with the digest input"),
  digest: ociInputs.digest().optional(),
  format: inputs.enum(["classic", "bundle", "both"]).default("both"),
  key: inputs.string().optional(),
  "key-password": inputs.secret(),
  "fulcio-url": url().default("https://fulcio.sigstore.dev"),
  "rekor-url": url().default("https://rekor.sigstore.dev"),
  "tsa-url": url().optional(),
  "trusted-root": inputs.path({ allowOutsideWorkspace: true }).optional(),
  "kyverno-policy": inputs.enum(["auto", "Cosign", "SigstoreBundle", "none"]).default("auto"),
  "kyverno-policy-kind": inputs.enum(["ClusterPolicy", "ImageValidatingPolicy", "both"]).default("ClusterPolicy"),
  "policy-attestations": inputs.custom("attestation kinds", (raw) => [
    ...new Set(parseList(raw).map((kind) => parseEnum(kind, ATTESTATION_KINDS)))
  ]).default(""),
  // Checked in the plan (severity names, registry prefixes), with the input named.
  "policy-vuln-severities": inputs.custom("severities", parseList).default("CRITICAL,HIGH"),
  "policy-registries": inputs.custom("registry prefixes", parseList).default(""),
  "auth-file": inputs.path({ allowOutsideWorkspace: true, mustExist: "file" }).optional(),
  "tls-verify": inputs.boolean().default("true"),
  "allow-privileged-event-provenance": inputs.boolean().default("false"),
  "github-attestations": inputs.boolean().default("false"),
  "github-token": inputs.secret(),
  attestations: inputs.custom("attestation kinds", (raw) => [
    ...new Set(parseList(raw).map((kind) => parseEnum(kind, ATTESTATION_KINDS)))
  ]).default(""),
  "build-record": inputs.path({ allowOutsideWorkspace: true, mustExist: "file" }).optional(),
  "scan-report": inputs.path({ allowOutsideWorkspace: true, mustExist: "file" }).optional(),
  layout: inputs.path({ allowOutsideWorkspace: true }).optional(),
  "sbom-dir": inputs.path({ allowOutsideWorkspace: true }).optional(),
  "syft-version": inputs.string().optional(),
  "syft-path": inputs.path({ allowOutsideWorkspace: true }).optional()
};
var outputs = defineOutputs([
  "digest",
  "signature-refs",
  "certificate-identity",
  "certificate-issuer",
  "rekor-log-index",
  "bundle",
  "verify-command",
  "public-key",
  "kyverno-policy",
  "attestations",
  "github-attestations"
]);

export {
  ConfigurationError,
  CommandError,
  InvalidValueError,
  readInputs,
  processIo,
  appendSummary,
  tempFolder,
  runnerDeps,
  runMain,
  Digest,
  formatPlatform,
  inlineHasher,
  workerHasher,
  spec,
  outputs
};
//# sourceMappingURL=chunk-IDCI2QQ2.mjs.map
