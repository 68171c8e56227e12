import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  ConfigurationError,
  InvalidValueError,
  defineAction,
  defineOutputs,
  inputs,
  parseList,
  parseSeverityList
} from "./chunks/chunk-QNXKOLYZ.mjs";
import "./chunks/chunk-LAKDNJDR.mjs";
import "./chunks/chunk-ZKXDAKWM.mjs";
import "./chunks/chunk-Q7KQMW4X.mjs";
import "./chunks/chunk-VCWESDKG.mjs";
import "./chunks/chunk-5MM4E6UD.mjs";

// actions/repo-scan/src/inputs.ts
var SCANNERS = ["osv", "trivy", "sbom"];
var SBOM_FORMATS = ["cyclonedx-json", "spdx-json"];
function oneOf(allowed, what) {
  return (raw) => {
    const items = parseList(raw).map((item) => {
      const found = allowed.find((a) => a === item);
      if (found === void 0)
        throw new InvalidValueError(`${what} "${item}" is not one of ${allowed.join(", ")}`);
      return found;
    });
    if (items.length === 0) throw new InvalidValueError(`must name at least one of ${allowed.join(", ")}`);
    return [...new Set(items)];
  };
}
var spec = {
  path: inputs.path({ mustExist: "directory" }).default("."),
  scanners: inputs.custom("scanners", oneOf(SCANNERS, "scanner")).default("osv,trivy,sbom"),
  severity: inputs.custom("severities", (raw) => parseSeverityList(parseList(raw))).default("HIGH,CRITICAL"),
  "ignore-unfixed": inputs.boolean().default("false"),
  "fail-on": inputs.enum(["findings", "never"]).default("findings"),
  "sbom-formats": inputs.custom("sbom-formats", oneOf(SBOM_FORMATS, "SBOM format")).default("cyclonedx-json"),
  "trivy-version": inputs.string().optional(),
  "trivy-path": inputs.path({ allowOutsideWorkspace: true }).optional(),
  "osv-scanner-version": inputs.string().optional(),
  "osv-scanner-path": inputs.path({ allowOutsideWorkspace: true }).optional(),
  "syft-version": inputs.string().optional(),
  "syft-path": inputs.path({ allowOutsideWorkspace: true }).optional(),
  "db-repository": inputs.string({ pattern: /^[a-z0-9][\w.:/-]*$/, accepted: "an OCI repository such as ghcr.io/org/trivy-db" }).optional(),
  "trivy-cache-dir": inputs.path({ allowOutsideWorkspace: true }).optional(),
  offline: inputs.boolean().default("false"),
  "osv-db": inputs.path({ allowOutsideWorkspace: true }).optional()
};
var outputs = defineOutputs(["passed", "counts", "report", "sarif", "sarif-dir", "sbom"]);

// actions/repo-scan/src/plan.ts
function plan(values, _context) {
  const wants = new Set(values.scanners);
  const { offline } = values;
  if (offline && wants.has("osv") && values["osv-db"] === void 0)
    throw new ConfigurationError(
      'Input "osv-db": offline: true needs an offline OSV database for osv-scanner (a folder with osv-scalibr/<Ecosystem>/all.zip); give its path, or leave osv out of "scanners"',
      { input: "osv-db" }
    );
  if (offline && values["db-repository"] !== void 0)
    throw new ConfigurationError(
      'Input "db-repository": offline: true uses the DB already in trivy-cache-dir and never reads a mirror; give one or the other',
      { input: "db-repository" }
    );
  const install = (tool) => ({
    path: values[`${tool}-path`],
    version: values[`${tool}-version`]
  });
  return {
    path: values.path,
    gate: { severities: values.severity, ignoreUnfixed: values["ignore-unfixed"], failOn: values["fail-on"] },
    osv: wants.has("osv") ? { install: install("osv-scanner"), localDb: values["osv-db"], offline } : void 0,
    trivy: wants.has("trivy") ? {
      install: install("trivy"),
      cacheDir: values["trivy-cache-dir"],
      dbRepository: values["db-repository"],
      offline
    } : void 0,
    sbom: wants.has("sbom") ? { install: install("syft"), formats: values["sbom-formats"] } : void 0
  };
}

// actions/repo-scan/src/action.ts
var action = defineAction({
  name: "repo-scan",
  inputs: spec,
  outputs,
  plan,
  load: () => import("./chunks/run-5NVMDK4Y.mjs")
});

// actions/repo-scan/src/main.ts
await action.main();
//# sourceMappingURL=main.mjs.map
