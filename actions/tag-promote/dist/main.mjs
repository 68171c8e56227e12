import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  DEFAULT_IMMUTABLE_TAGS,
  defineAction,
  defineOutputs,
  inputs,
  ociInputs,
  parseEnum,
  parseList,
  parseSeverityList,
  plan,
  signerSpec
} from "./chunks/chunk-4TJEV53K.mjs";
import "./chunks/chunk-LAKDNJDR.mjs";
import "./chunks/chunk-ZKXDAKWM.mjs";
import "./chunks/chunk-Q7KQMW4X.mjs";
import "./chunks/chunk-VCWESDKG.mjs";
import "./chunks/chunk-5MM4E6UD.mjs";

// actions/tag-promote/src/inputs.ts
var REQUIRED_ATTESTATION_KINDS = ["provenance", "sbom", "vuln"];
var spec = {
  image: ociInputs.repository().required("the repository, e.g. ghcr.io/org/app"),
  digest: ociInputs.digest().required('the digest to promote (skopeo-push output "digest")'),
  tags: ociInputs.tagRules().required(
    "the tag rules, e.g. latest=auto, {major}.{minor}, nightly @schedule, nightly-{date} @schedule"
  ),
  "require-signature": inputs.boolean().default("true"),
  ...signerSpec,
  "trusted-root": inputs.path({ allowOutsideWorkspace: true }).optional(),
  "require-attestations": inputs.custom("attestation kinds", (raw) => [
    ...new Set(parseList(raw).map((kind) => parseEnum(kind, REQUIRED_ATTESTATION_KINDS)))
  ]).default(""),
  "max-scan-age": inputs.duration({ minMs: 1e3 }).default("24h"),
  "vuln-severities": inputs.custom("severities", (raw) => [...parseSeverityList(parseList(raw))]).default("CRITICAL,HIGH"),
  "provenance-builder-id": inputs.string().optional(),
  "provenance-source-repository": inputs.string({
    pattern: /^https?:\/\/\S+[^/]$/,
    accepted: "a repository URL, e.g. https://github.com/acme/app"
  }).optional(),
  "target-image": ociInputs.repository().optional(),
  "immutable-tags": inputs.tagPatterns().default(DEFAULT_IMMUTABLE_TAGS),
  "auth-file": inputs.path({ allowOutsideWorkspace: true, mustExist: "file" }).optional(),
  "tls-verify": inputs.boolean().default("true")
};
var outputs = defineOutputs(["tags", "previous"]);

// actions/tag-promote/src/action.ts
var action = defineAction({
  name: "tag-promote",
  inputs: spec,
  outputs,
  plan,
  load: () => import("./chunks/run-KRZWOHB4.mjs")
});

// actions/tag-promote/src/main.ts
await action.main();
//# sourceMappingURL=main.mjs.map
