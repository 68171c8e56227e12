#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  custodyTable
} from "./chunks/chunk-E25VYLZM.mjs";
import {
  action,
  spec
} from "./chunks/chunk-WUP765G5.mjs";
import {
  ProcessToolRunner,
  createRunnerLogger,
  mapInputSource,
  runCommandLine,
  runMain,
  runnerDeps
} from "./chunks/chunk-2NH6TDDJ.mjs";
import "./chunks/chunk-LAKDNJDR.mjs";
import "./chunks/chunk-ZKXDAKWM.mjs";
import {
  require_path
} from "./chunks/chunk-Q7KQMW4X.mjs";
import "./chunks/chunk-VCWESDKG.mjs";
import {
  __toESM
} from "./chunks/chunk-5MM4E6UD.mjs";

// actions/verify-image/src/cli.ts
var import_node_path = __toESM(require_path(), 1);
var USAGE = `usage: verify-image <image> --certificate-identity <id> --certificate-oidc-issuer <url> [options]
       verify-image <image> --certificate-identity-regexp <re> --certificate-oidc-issuer <url> [options]
       verify-image <image> --public-key <pem file> [options]
options:
  --certificate-source-repository <url>
                            the repository the certificate must name, e.g. https://github.com/acme/app
                            (a reusable workflow's identity is shared by every caller: set it)
  --certificate-source-ref <ref>   the git ref the certificate must name, e.g. refs/heads/main
  --trusted-root <file>     trusted_root.json of a private Sigstore (default: public-good, via TUF)
  --require <links>         provenance,sbom,vuln (default), any subset, or none
  --auth-file <file>        registry credentials (default: docker/podman login files)
  --tls-verify <bool>       verify the registry's TLS certificate (default true)
  --json                    print the custody JSON instead of the table
exit status: 0 verified, 1 not verified (each failed link named), 2 usage`;
var FLAGS = new Set(Object.keys(spec).filter((name) => name !== "image"));
function parseArgs(argv) {
  const inputs2 = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--json") json = true;
    else if (arg === "--help" || arg === "-h") return "help";
    else if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = arg.slice(2, eq < 0 ? void 0 : eq);
      if (!FLAGS.has(name)) return `unknown option --${name}`;
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (value === void 0) return `--${name} needs a value`;
      inputs2[name] = value;
    } else if (inputs2.image === void 0) inputs2.image = arg;
    else return `one image only (got "${inputs2.image}" and "${arg}")`;
  }
  return inputs2.image === void 0 ? "name the image" : { inputs: inputs2, json };
}
function inertJson(json) {
  return json.replace(/::/g, ":\\u003a").replace(/##\[/g, "#\\u0023[");
}
function terminalLogger(io) {
  const plain = createRunnerLogger(io);
  return {
    ...plain,
    debug: () => void 0,
    warning: (message) => plain.info(`warning: ${message}`),
    error: (message) => plain.info(`error: ${message}`),
    setSecret: () => void 0,
    group: (_title, fn) => fn()
  };
}
function terminalDeps(inputs2, stdout, stderr) {
  const logger = terminalLogger(stderr);
  const outputs = /* @__PURE__ */ new Map();
  const deps = {
    ...runnerDeps(stdout),
    logger,
    runner: new ProcessToolRunner(logger, stdout.env),
    outputs: { set: (name, value) => void outputs.set(name, value) },
    inputs: mapInputSource(inputs2),
    inputContext: { workspace: (0, import_node_path.resolve)(stdout.cwd()) },
    writeSummary: async () => void 0
  };
  return { deps, outputs };
}
async function cli(argv, stdout, stderr) {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    stderr.write(`${args === "help" ? "" : `verify-image: ${args}
`}${USAGE}
`);
    return args === "help" ? 0 : 2;
  }
  const { deps, outputs } = terminalDeps(args.inputs, stdout, stderr);
  let failure;
  const code = await runMain(() => action.execute(deps), {
    fail: (m) => failure = m,
    debug: () => void 0
  });
  const custody = outputs.get("custody");
  if (custody !== void 0 && args.json) stdout.write(`${inertJson(custody)}
`);
  else if (custody !== void 0)
    createRunnerLogger(stdout).info(custodyTable(JSON.parse(custody)));
  if (failure !== void 0) deps.logger.error(failure);
  return code;
}
if (import.meta.main) await runCommandLine(cli);
export {
  USAGE,
  cli,
  parseArgs
};
//# sourceMappingURL=cli.mjs.map
