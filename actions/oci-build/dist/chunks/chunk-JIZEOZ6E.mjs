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
  parseInspect(text) {
    const driver = /^Driver:\s*(\S+)/m.exec(text)?.[1];
    const feature = /^\s*OCI exporter:\s*(true|false)\s*$/m.exec(text)?.[1];
    const ociExport = feature !== void 0 ? feature === "true" : driver !== void 0 && driver !== "docker";
    return { driver, ociExport };
  },
  /** The exact fix when the active builder cannot write an OCI layout. */
  ociExportFix(driver) {
    return `the active buildx builder (driver ${driver ?? "unknown"}) cannot export an OCI layout. Create one that can before this step: \`docker buildx create --use --driver docker-container\` (docker/setup-buildx-action does this), or set builder: buildah`;
  },
  /** Reads the image digest buildx recorded in its --metadata-file. */
  parseMetadata(text) {
    const parsed = JSON.parse(text);
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
var import_node_path4 = __toESM(require_path(), 1);

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
  const rel = (0, import_node_path3.relative)(root, target);
  return rel === "" || !rel.startsWith("..") && !(0, import_node_path3.isAbsolute)(rel);
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
  const absolute = (0, import_node_path3.resolve)(ctx.workspace, raw);
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
var SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
function parseSemVer(text) {
  const m = SEMVER.exec(text);
  if (m === null) return void 0;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    prerelease: m[4] === void 0 ? [] : m[4].split("."),
    build: m[5],
    text
  };
}
function semverOfRef(ref) {
  return ref.startsWith("refs/tags/") ? parseSemVer(ref.slice("refs/tags/".length)) : void 0;
}
function versionTag(v) {
  const pre = v.prerelease.length > 0 ? `-${v.prerelease.join(".")}` : "";
  return `${v.major}.${v.minor}.${v.patch}${pre}${v.build === void 0 ? "" : `_${v.build}`}`;
}
function sanitizeTag(text) {
  const cleaned = text.replace(/[^A-Za-z0-9_.-]/g, "-").slice(0, MAX_TAG);
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

// actions/oci-build/src/plan.ts
function plan(values, context) {
  if (values.join !== void 0)
    return {
      kind: "join",
      sources: values.join.map((s) => (0, import_node_path4.resolve)(context.workspace, s)),
      outputDir: values["output-dir"]
    };
  const file = values.file ?? values.context.containerfile;
  if (file === void 0)
    throw new ConfigurationError(
      `Input "file" is required: there is no Containerfile or Dockerfile in ${values.context.dir}`,
      { code: "INPUT_REQUIRED", input: "file" }
    );
  return {
    kind: "build",
    context: values.context.dir,
    file,
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
  if ((0, import_node_path4.relative)(step.context, facts.file).startsWith(".."))
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
  parseList,
  parsePath,
  inputs,
  withSecretFile,
  defineAction,
  defineOutputs,
  Digest,
  formatPlatform,
  ociInputs,
  JobSummary,
  buildx,
  plan,
  planBuild,
  chooseBuilder
};
//# sourceMappingURL=chunk-JIZEOZ6E.mjs.map
