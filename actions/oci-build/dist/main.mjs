import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  InvalidValueError,
  defineAction,
  defineOutputs,
  inputs,
  ociInputs,
  parseList,
  plan
} from "./chunks/chunk-PA3DC3LF.mjs";
import "./chunks/chunk-LAKDNJDR.mjs";
import "./chunks/chunk-ZKXDAKWM.mjs";
import "./chunks/chunk-Q7KQMW4X.mjs";
import "./chunks/chunk-VCWESDKG.mjs";
import "./chunks/chunk-5MM4E6UD.mjs";

// actions/oci-build/src/inputs.ts
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
  context: inputs.path().default("."),
  file: inputs.path().optional(),
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
  load: () => import("./chunks/run-SBOORPHT.mjs")
});

// actions/oci-build/src/main.ts
await action.main();
//# sourceMappingURL=main.mjs.map
