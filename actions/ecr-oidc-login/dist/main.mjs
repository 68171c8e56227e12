import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// packages/core/src/action/errors.ts
var ConfigurationError = class extends Error {
  name = "ConfigurationError";
  /** The input (or environment variable) at fault, when there is one. */
  input;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.input = options.input;
  }
};
var CommandError = class extends Error {
  name = "CommandError";
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
};

// packages/core/src/inputs/input-spec.ts
import { realpathSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
function envInputName(name) {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}
function envInputSource(env = process.env) {
  return (name) => env[envInputName(name)];
}
function defaultInputContext(env = process.env) {
  return { workspace: resolve(env.GITHUB_WORKSPACE ?? process.cwd()) };
}
function fieldError(name, message, cause) {
  return new ConfigurationError(`Input "${name}" ${message}`, { input: name, cause });
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
            throw fieldError(name, `is required${description ? `: ${description}` : ""}`);
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
    const rawValue = source(name)?.trim();
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
      { input: first.input ?? "" }
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
  const rel = relative(root, target);
  return rel === "" || !rel.startsWith("..") && !isAbsolute(rel);
}
function realpathIfExists(path) {
  try {
    return realpathSync(path);
  } catch {
    return void 0;
  }
}
function parsePath(raw, ctx, options = {}) {
  if (raw.includes("\0")) throw new InvalidValueError("must not contain a NUL character");
  const absolute = resolve(ctx.workspace, raw);
  if (options.allowOutsideWorkspace) return absolute;
  const outside = `must stay inside the workspace ${ctx.workspace}; "${raw}" resolves to`;
  if (!isInside(ctx.workspace, absolute)) throw new InvalidValueError(`${outside} ${absolute}`);
  const real = realpathIfExists(absolute);
  const realWorkspace = realpathIfExists(ctx.workspace) ?? ctx.workspace;
  if (real !== void 0 && !isInside(realWorkspace, real)) {
    throw new InvalidValueError(`${outside} ${real} through a symbolic link`);
  }
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
  list: () => field("list", (raw) => parseList(raw)),
  enum: (allowed) => field("enum", (raw) => parseEnum(raw, allowed)),
  integer: (bounds = {}) => field("integer", (raw) => parseInteger(raw, bounds)),
  duration: (bounds = {}) => field("duration", (raw) => parseDuration(raw, bounds)),
  path: (options = {}) => field("path", (raw, ctx) => parsePath(raw, ctx, options)),
  keyValues: () => field("key-values", (raw) => parseKeyValues(raw)),
  custom: (kind, parse) => field(kind, parse)
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
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { EOL } from "node:os";
var processIo = {
  env: process.env,
  write: (text) => {
    process.stdout.write(text);
  },
  append: (file, text) => appendFileSync(file, text, { encoding: "utf8" })
};
function escapeData(value) {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(value) {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function issueCommand(io, command, message, properties = {}) {
  const props = Object.entries(properties).map(([k, v]) => `${k}=${escapeProperty(v)}`).join(",");
  io.write(`::${command}${props ? ` ${props}` : ""}::${escapeData(message)}${EOL}`);
}
function fileCommandEntry(name, value, delimiter = `ghadelimiter_${randomUUID()}`) {
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`value of ${name} contains the file-command delimiter`);
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}
function fileCommand(io, variable, legacy, name, value) {
  const file = io.env[variable];
  if (file) io.append(file, fileCommandEntry(name, value));
  else issueCommand(io, legacy, value, { name });
}
function setOutput(io, name, value) {
  fileCommand(io, "GITHUB_OUTPUT", "set-output", name, value);
}

// packages/core/src/action/outputs.ts
var runnerOutputs = {
  set: (name, value) => setOutput(processIo, name, value)
};
function defineOutputs(names) {
  return {
    names,
    write(values, sink = runnerOutputs) {
      for (const name of names) sink.set(name, values[name]);
    }
  };
}

// packages/core/src/action/run.ts
function details(error) {
  if (error instanceof CommandError && error.stderrTail !== "")
    return `${error.tool} stderr: ${error.stderrTail}`;
  if (error instanceof Error && !(error instanceof ConfigurationError) && error.stack) return error.stack;
  return void 0;
}
async function runMain(main2, hooks = {}) {
  const fail = hooks.fail ?? ((message) => issueCommand(processIo, "error", message));
  const debug = hooks.debug ?? ((message) => issueCommand(processIo, "debug", message));
  try {
    await main2();
    return 0;
  } catch (error) {
    const more = details(error);
    if (more !== void 0) debug(more);
    fail(describeError(error));
    process.exitCode = 1;
    return 1;
  }
}

// actions/ecr-oidc-login/src/inputs.ts
var spec = {
  "role-to-assume": inputs.string({
    pattern: /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/,
    accepted: "an IAM role ARN, arn:aws:iam::<12-digit account>:role/<name>"
  }).required("the ARN of the IAM role to assume"),
  "aws-region": inputs.string({
    pattern: /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/,
    accepted: "an AWS region such as eu-west-1"
  }).required("the AWS region, e.g. eu-west-1"),
  registries: inputs.list().default(""),
  "role-session-name": inputs.string({ pattern: /^[\w+=,.@-]{2,64}$/, accepted: "2 to 64 of letters, digits and +=,.@_-" }).optional(),
  "role-duration-seconds": inputs.integer({ min: 900, max: 43200 }).default("3600"),
  audience: inputs.string().default("sts.amazonaws.com"),
  "session-policy": inputs.string().optional(),
  "export-aws-credentials": inputs.boolean().default("false"),
  "keep-login": inputs.boolean().default("false"),
  "lifecycle-policy": inputs.enum(["check", "apply", "off"]).default("off"),
  "lifecycle-repository": inputs.string().optional(),
  "lifecycle-days": inputs.integer({ min: 1, max: 3650 }).default("30")
};
var outputs = defineOutputs(["registry", "auth-file"]);

// actions/ecr-oidc-login/src/run.ts
async function main() {
  readInputs(spec);
  throw new ConfigurationError(
    "ecr-oidc-login is not implemented in this revision of the suite (tracked as issue #7); pin a revision where it is."
  );
}

// actions/ecr-oidc-login/src/main.ts
await runMain(main);
//# sourceMappingURL=main.mjs.map
