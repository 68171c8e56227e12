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

// packages/core/src/action/runner-commands.ts
var import_node_crypto = __toESM(require_crypto(), 1);
var import_node_fs = __toESM(require_fs(), 1);
var import_node_os2 = __toESM(require_os(), 1);
var processIo = {
  env: process.env,
  cwd: () => process.cwd(),
  write: (text) => {
    process.stdout.write(text);
  },
  append: (file, text) => (0, import_node_fs.appendFileSync)(file, text, { encoding: "utf8" })
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

// packages/core/src/action/state.ts
function runnerStateStore(io = processIo) {
  return {
    save: (key, value) => saveState(io, key, value),
    load: (key) => getState(io, key)
  };
}
function defineState(key, validate) {
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(key)) throw new Error(`invalid state key: ${key}`);
  return {
    key,
    save(store, value) {
      store.save(key, JSON.stringify(value));
    },
    load(store) {
      const raw = store.load(key);
      if (raw === "") return void 0;
      let parsed;
      try {
        parsed = JSON.parse(raw);
      } catch (error) {
        throw new Error(`post-step state "${key}" is not valid JSON`, { cause: error });
      }
      return validate(parsed);
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

// packages/core/src/oci/registry-login-file.ts
var import_node_crypto2 = __toESM(require_crypto(), 1);
var import_promises3 = __toESM(require_promises(), 1);
var import_node_os3 = __toESM(require_os(), 1);
var import_node_path3 = __toESM(require_path(), 1);
function authValue(username, password) {
  return Buffer.from(`${username}:${password}`).toString("base64");
}
function fingerprint(auth) {
  return (0, import_node_crypto2.createHash)("sha256").update(auth).digest("hex");
}
async function readDocument(file) {
  let text;
  try {
    text = await (0, import_promises3.readFile)(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return {};
    throw error;
  }
  if (text.trim() === "") return {};
  try {
    const doc = JSON.parse(text);
    if (typeof doc !== "object" || doc === null || Array.isArray(doc)) throw new Error("not an object");
    return doc;
  } catch {
    throw new ConfigurationError(`${file} is not a valid JSON credentials file; refusing to overwrite it`, {
      code: "CREDENTIALS_INVALID",
      reason: "FILE_NOT_JSON",
      actual: file
    });
  }
}
async function writeDocument(file, doc) {
  await (0, import_promises3.mkdir)((0, import_node_path3.dirname)(file), { recursive: true, mode: 448 });
  const target = await (0, import_promises3.realpath)(file).catch(() => file);
  const temporary = (0, import_node_path3.join)((0, import_node_path3.dirname)(target), `.${(0, import_node_crypto2.randomUUID)()}.tmp`);
  await (0, import_promises3.writeFile)(temporary, `${JSON.stringify(doc, null, 2)}
`, { mode: 384 });
  await (0, import_promises3.rename)(temporary, target);
}
function addLogin(file, registry, username, password) {
  return withFileLock(file, () => addUnlocked(file, registry, username, password));
}
async function addUnlocked(file, registry, username, password) {
  const doc = await readDocument(file);
  const auths = { ...doc.auths ?? {} };
  const previous = auths[registry];
  const auth = authValue(username, password);
  let backup;
  if (previous !== void 0) {
    backup = (0, import_node_path3.join)((0, import_node_path3.dirname)(file), `.${(0, import_node_crypto2.randomUUID)()}.replaced-login`);
    await (0, import_promises3.writeFile)(backup, JSON.stringify(previous), { mode: 384 });
  }
  auths[registry] = { auth };
  await writeDocument(file, { ...doc, auths });
  return {
    file,
    registry,
    fingerprint: fingerprint(auth),
    replaced: previous !== void 0,
    ...backup ? { backup } : {}
  };
}
function removeLogin(added) {
  return withFileLock(added.file, () => removeUnlocked(added));
}
async function removeUnlocked(added) {
  const doc = await readDocument(added.file);
  const entry = doc.auths?.[added.registry];
  const previous = added.backup === void 0 ? void 0 : await readBackup(added.backup);
  try {
    if (entry === void 0) return "missing";
    const retired = await readRetired(added.file);
    if (typeof entry.auth !== "string" || fingerprint(entry.auth) !== added.fingerprint) {
      retired[added.fingerprint] = { entry: previous ?? null, at: Date.now() };
      await writeRetired(added.file, retired);
      return "changed";
    }
    const restore = unretired(previous, retired);
    const auths = { ...doc.auths };
    if (restore !== void 0) auths[added.registry] = restore;
    else delete auths[added.registry];
    await writeDocument(added.file, { ...doc, auths });
    await writeRetired(added.file, retired);
    return restore !== void 0 ? "restored" : "removed";
  } finally {
    if (added.backup !== void 0) await (0, import_promises3.rm)(added.backup, { force: true });
  }
}
var RETIRED_KEEP_MS = 7 * 24 * 3600 * 1e3;
function unretired(previous, retired) {
  let restore = previous;
  while (restore !== void 0 && typeof restore.auth === "string") {
    const record = retired[fingerprint(restore.auth)];
    if (record === void 0) break;
    delete retired[fingerprint(restore.auth)];
    restore = record.entry ?? void 0;
  }
  return restore;
}
async function readRetired(file) {
  try {
    const parsed = JSON.parse(await (0, import_promises3.readFile)(`${file}.retired-logins`, "utf8"));
    return typeof parsed === "object" && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}
async function writeRetired(file, retired) {
  for (const [key, record] of Object.entries(retired))
    if (Date.now() - record.at > RETIRED_KEEP_MS) delete retired[key];
  const path = `${file}.retired-logins`;
  if (Object.keys(retired).length === 0) await (0, import_promises3.rm)(path, { force: true });
  else await (0, import_promises3.writeFile)(path, JSON.stringify(retired), { mode: 384 });
}
async function readBackup(file) {
  try {
    return JSON.parse(await (0, import_promises3.readFile)(file, "utf8"));
  } catch {
    return void 0;
  }
}
var LOCK_WAIT_MS = 15e3;
var LOCK_STALE_MS = 3e4;
async function withFileLock(file, work) {
  await (0, import_promises3.mkdir)((0, import_node_path3.dirname)(file), { recursive: true, mode: 448 });
  const lock = `${file}.lock`;
  const token = `${process.pid}:${(0, import_node_crypto2.randomUUID)()}`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  while (!await tryLock(lock, token)) {
    if (await takeOverStale(lock)) continue;
    if (Date.now() > deadline)
      throw new ConfigurationError(
        `${file} stayed locked by another login for ${LOCK_WAIT_MS / 1e3} s (${lock}); remove the lock file if no login is running`,
        { code: "CREDENTIALS_FILE_LOCKED", actual: lock }
      );
    await new Promise((r) => setTimeout(r, 10 + Math.floor(Math.random() * 40)));
  }
  try {
    return await work();
  } finally {
    if (await (0, import_promises3.readFile)(lock, "utf8").catch(() => "") === token) await (0, import_promises3.rm)(lock, { force: true });
  }
}
async function tryLock(lock, token) {
  try {
    await (0, import_promises3.writeFile)(lock, token, { flag: "wx", mode: 384 });
    return true;
  } catch (error) {
    if (error.code === "EEXIST") return false;
    throw error;
  }
}
async function takeOverStale(lock) {
  const stale = async (path) => {
    const s = await (0, import_promises3.stat)(path).catch(() => void 0);
    return s === void 0 ? void 0 : Date.now() - s.mtimeMs > LOCK_STALE_MS;
  };
  const seen = await stale(lock);
  if (seen === void 0) return true;
  if (!seen) return false;
  const breaker = `${lock}.break`;
  if (!await tryLock(breaker, (0, import_node_crypto2.randomUUID)())) {
    if (await stale(breaker) === true) await (0, import_promises3.rm)(breaker, { force: true });
    return false;
  }
  try {
    if (await stale(lock) === true) await (0, import_promises3.rm)(lock, { force: true });
  } finally {
    await (0, import_promises3.rm)(breaker, { force: true });
  }
  return true;
}
var DOCKER_HUB_CONFIG_KEY = "https://index.docker.io/v1/";
function loginKey(registry, file) {
  const hub = ["docker.io", "index.docker.io", "registry-1.docker.io"].includes(registry);
  if (!hub) return registry;
  return file === "docker" ? DOCKER_HUB_CONFIG_KEY : "docker.io";
}
function loginFiles(env, owner, given = {}) {
  const defaultDockerDir = env.DOCKER_CONFIG ?? (0, import_node_path3.join)(env.HOME ?? (0, import_node_os3.homedir)(), ".docker");
  const dockerDir = given.dockerConfigDir ?? defaultDockerDir;
  const exportDockerConfig = given.dockerConfigDir !== void 0 && given.dockerConfigDir !== env.DOCKER_CONFIG;
  const dockerConfig = (0, import_node_path3.join)(dockerDir, "config.json");
  if (given.authFile !== void 0)
    return {
      dockerConfig,
      authFile: given.authFile,
      exportAuthFile: given.authFile !== env.REGISTRY_AUTH_FILE,
      exportDockerConfig
    };
  if (env.REGISTRY_AUTH_FILE)
    return { dockerConfig, authFile: env.REGISTRY_AUTH_FILE, exportAuthFile: false, exportDockerConfig };
  const base = env.RUNNER_TEMP ?? env.XDG_RUNTIME_DIR ?? (0, import_node_path3.join)(env.HOME ?? (0, import_node_os3.homedir)(), ".config");
  return { dockerConfig, authFile: (0, import_node_path3.join)(base, owner, "auth.json"), exportAuthFile: true, exportDockerConfig };
}
function parseLoginRecord(owner) {
  return (value) => {
    const v = value;
    if (typeof v !== "object" || v === null || typeof v.keep !== "boolean" || !Array.isArray(v.logins))
      throw new Error(`${owner} state is malformed`);
    for (const l of v.logins) {
      if (typeof l?.file !== "string" || typeof l.registry !== "string" || !/^[0-9a-f]{64}$/.test(String(l.fingerprint)) || l.backup !== void 0 && typeof l.backup !== "string")
        throw new Error(`${owner} state has a malformed login entry`);
    }
    return v;
  };
}
async function removeLogins(record, logger) {
  if (record === void 0 || record.logins.length === 0) {
    logger.info("no registry login to remove");
    return;
  }
  if (record.keep) {
    logger.info(`keep-login is true: leaving ${record.logins.length} login entries in place`);
    for (const login of record.logins)
      if (login.backup !== void 0) await (0, import_promises3.rm)(login.backup, { force: true });
    return;
  }
  for (const login of record.logins) {
    const result = await removeLogin(login);
    const what = {
      removed: "removed",
      restored: "put back to the login it had replaced",
      changed: "left alone (changed since this step wrote it)",
      missing: "already gone"
    }[result];
    logger.info(`login for ${login.registry} in ${login.file}: ${what}`);
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

// packages/core/src/inputs/input-spec.ts
var import_node_fs2 = __toESM(require_fs(), 1);
var import_node_path4 = __toESM(require_path(), 1);
function envInputName(name) {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}
function envInputSource(env) {
  return (name) => env[envInputName(name)];
}
function defaultInputContext(env, cwd) {
  return { workspace: (0, import_node_path4.resolve)(env.GITHUB_WORKSPACE ?? cwd) };
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
  const rel = (0, import_node_path4.relative)(root, target);
  return rel === "" || !rel.startsWith("..") && !(0, import_node_path4.isAbsolute)(rel);
}
function requireExisting(path, kind) {
  let found;
  try {
    found = (0, import_node_fs2.statSync)(path);
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
    return (0, import_node_fs2.realpathSync)(path);
  } catch {
    return void 0;
  }
}
function parsePath(raw, ctx, options = {}) {
  if (raw.includes("\0"))
    throw new InvalidValueError("must not contain a NUL character", { reason: "NUL_CHARACTER" });
  const absolute = (0, import_node_path4.resolve)(ctx.workspace, raw);
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

// actions/registry-login/src/plan.ts
function plan(values, context) {
  return {
    logins: planLogins(values.registry, values, context.env),
    files: loginFiles(context.env, "registry-login", {
      authFile: values["auth-file"],
      dockerConfigDir: values["docker-config"]
    }),
    verify: values.verify,
    tlsVerify: values["tls-verify"],
    keep: values["keep-login"]
  };
}
var GHCR = "ghcr.io";
function registryHost(item) {
  let reference;
  try {
    reference = ImageReference.parse(item.includes("/") ? item : `${item}/login`);
  } catch (error) {
    throw new ConfigurationError(`Input "registry": ${error.message}`, { input: "registry" });
  }
  if (!item.includes("/") && reference.registry === DOCKER_HUB && !isDockerHub(item))
    throw new ConfigurationError(
      `Input "registry": "${item}" is not a registry host (write ghcr.io, docker.io or host:port)`,
      { input: "registry" }
    );
  return reference.registry;
}
function isDockerHub(host) {
  return ["docker.io", "index.docker.io", "registry-1.docker.io"].includes(host);
}
function planLogins(registries, credentials, env) {
  const password = nonEmpty2(credentials.password);
  const token = nonEmpty2(credentials["github-token"]);
  const hosts = [...new Set(registries.map(registryHost))];
  return hosts.map((registry) => {
    if (password !== void 0) {
      if (credentials.username === void 0)
        throw new ConfigurationError(`Input "username" is required with a password (registry ${registry})`, {
          input: "username"
        });
      return { registry, username: credentials.username, password, source: "username/password" };
    }
    if (registry === GHCR && token !== void 0)
      return {
        registry,
        username: credentials.username ?? env.GITHUB_ACTOR ?? "github-actions",
        password: token,
        source: "github-token"
      };
    throw new ConfigurationError(
      `Input "password" is empty for ${registry}: pass it from a secret (secrets are empty in runs from forks and in Dependabot runs)${registry === GHCR ? ", or leave github-token at its default" : ""}`,
      { input: "password" }
    );
  });
}
function nonEmpty2(value) {
  return value === void 0 || value === "" ? void 0 : value;
}
function dockerShadow(config, key) {
  if (typeof config !== "object" || config === null) return void 0;
  const c = config;
  const helper = c.credHelpers?.[key];
  if (typeof helper === "string" && helper !== "") return `credHelpers["${key}"] = ${helper}`;
  if (typeof c.credsStore === "string" && c.credsStore !== "") return `credsStore = ${c.credsStore}`;
  return void 0;
}

export {
  ConfigurationError,
  CommandError,
  InvalidValueError,
  parseList,
  inputs,
  withSecretFile,
  defineState,
  defineAction,
  defineOutputs,
  Digest,
  ImageReference,
  authValue,
  addLogin,
  loginKey,
  parseLoginRecord,
  removeLogins,
  JobSummary,
  plan,
  dockerShadow
};
//# sourceMappingURL=chunk-6FVI6DDV.mjs.map
