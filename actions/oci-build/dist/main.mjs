import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  InvalidValueError,
  defineAction,
  defineOutputs,
  inputs,
  ociInputs,
  parseList,
  parsePath,
  plan
} from "./chunks/chunk-JIZEOZ6E.mjs";
import "./chunks/chunk-LAKDNJDR.mjs";
import "./chunks/chunk-ZKXDAKWM.mjs";
import {
  require_path
} from "./chunks/chunk-Q7KQMW4X.mjs";
import {
  require_fs
} from "./chunks/chunk-VCWESDKG.mjs";
import {
  __toESM
} from "./chunks/chunk-5MM4E6UD.mjs";

// actions/oci-build/src/inputs.ts
var import_node_fs = __toESM(require_fs(), 1);
var import_node_path = __toESM(require_path(), 1);
function buildContext(raw, ctx) {
  const dir = parsePath(raw, ctx, { mustExist: "directory" });
  const containerfile = ["Containerfile", "Dockerfile"].map((f) => (0, import_node_path.join)(dir, f)).find((f) => (0, import_node_fs.existsSync)(f));
  return { dir, containerfile };
}
var SECRET_ADVICE = (
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the advice quotes GitHub expression syntax verbatim
  "is not id=env:VARIABLE or id=file:PATH. Never put a secret value in the workflow: put it in an environment variable from secrets (env: MY_TOKEN: ${{ secrets.MY_TOKEN }}) and write id=env:MY_TOKEN"
);
function parseSecrets(raw) {
  return parseList(raw).map((line, i) => {
    const match = /^([A-Za-z0-9_.-]+)=(env|file):(.+)$/.exec(line);
    if (match === null) {
      const id2 = /^([A-Za-z0-9_.-]+)=/.exec(line)?.[1];
      throw new InvalidValueError(`line ${i + 1}${id2 ? ` (id "${id2}")` : ""} ${SECRET_ADVICE}`);
    }
    const [, id = "", kind, ref = ""] = match;
    if (kind === "env" && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(ref)) {
      throw new InvalidValueError(`line ${i + 1} (id "${id}"): "${ref}" is not an environment variable name`);
    }
    return { id, source: kind === "env" ? { env: ref } : { file: ref } };
  });
}
var spec = {
  context: inputs.custom("directory", buildContext).default("."),
  file: inputs.path({ mustExist: "file" }).optional(),
  platforms: ociInputs.platforms().default(""),
  "build-args": inputs.keyValues().default(""),
  labels: inputs.keyValues().default(""),
  annotations: inputs.keyValues().default(""),
  target: inputs.string({ pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]*$/, accepted: "a build stage name" }).optional(),
  secrets: inputs.custom("secrets", parseSecrets).default(""),
  "secrets-env": inputs.string({
    pattern: /^[A-Za-z_][A-Za-z0-9_]*$/,
    accepted: "the name of an environment variable, such as BUILD_SECRETS"
  }).optional(),
  builder: inputs.enum(["auto", "buildx", "buildah"]).default("auto"),
  provenance: inputs.enum(["min", "max", "false"]).optional(),
  sbom: inputs.boolean().default("false"),
  "cache-from": inputs.list().default(""),
  "cache-to": inputs.list().default(""),
  "source-date-epoch": inputs.integer({ min: 0, max: 253402300799 }).optional(),
  version: inputs.string().optional(),
  "traceability-labels": inputs.boolean().default("true"),
  "output-dir": inputs.path({ allowOutsideWorkspace: true }).optional(),
  join: inputs.list().optional()
};
var outputs = defineOutputs([
  "layout",
  "digest",
  "media-type",
  "platforms",
  "builder",
  "build-record"
]);

// actions/oci-build/src/action.ts
var action = defineAction({
  name: "oci-build",
  inputs: spec,
  outputs,
  plan,
  load: () => import("./chunks/run-ZH7NVMCH.mjs")
});

// actions/oci-build/src/main.ts
await action.main();
//# sourceMappingURL=main.mjs.map
