import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  defineAction,
  defineOutputs,
  inputs,
  ociInputs,
  parseList,
  parseSeverityList,
  plan
} from "./chunks/chunk-6ETQTAM7.mjs";
import "./chunks/chunk-LAKDNJDR.mjs";
import "./chunks/chunk-ZKXDAKWM.mjs";
import "./chunks/chunk-Q7KQMW4X.mjs";
import "./chunks/chunk-VCWESDKG.mjs";
import "./chunks/chunk-5MM4E6UD.mjs";

// actions/image-scan/src/inputs.ts
var spec = {
  layout: inputs.path({ allowOutsideWorkspace: true }).required('the OCI layout directory (oci-build output "layout")'),
  digest: ociInputs.digest().required('the layout digest to scan (oci-build output "digest")'),
  platforms: ociInputs.platforms().default(""),
  severity: inputs.custom("severities", (raw) => parseSeverityList(parseList(raw))).default("HIGH,CRITICAL"),
  "ignore-unfixed": inputs.boolean().default("false"),
  "fail-on": inputs.enum(["findings", "never"]).default("findings"),
  "trivy-version": inputs.string().optional(),
  "trivy-path": inputs.path({ allowOutsideWorkspace: true }).optional(),
  "db-repository": inputs.string({ pattern: /^[a-z0-9][\w.:/-]*$/, accepted: "an OCI repository such as ghcr.io/org/trivy-db" }).optional(),
  "trivy-cache-dir": inputs.path({ allowOutsideWorkspace: true }).optional(),
  offline: inputs.boolean().default("false"),
  trivyignore: inputs.path({ mustExist: "file" }).optional(),
  sbom: inputs.boolean().default("false"),
  "syft-version": inputs.string().optional(),
  "syft-path": inputs.path({ allowOutsideWorkspace: true }).optional()
};
var outputs = defineOutputs([
  "passed",
  "counts",
  "report",
  "sarif",
  "sarif-dir",
  "digest",
  "sbom-dir"
]);

// actions/image-scan/src/action.ts
var action = defineAction({
  name: "image-scan",
  inputs: spec,
  outputs,
  plan,
  load: () => import("./chunks/run-IKLU5GB7.mjs")
});

// actions/image-scan/src/main.ts
await action.main();
//# sourceMappingURL=main.mjs.map
