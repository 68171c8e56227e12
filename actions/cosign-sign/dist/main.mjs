import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  defineAction,
  defineOutputs,
  inputs,
  ociInputs,
  parseEnum,
  parseList,
  plan
} from "./chunks/chunk-ZAZ3WGPN.mjs";
import "./chunks/chunk-PLQD2CNQ.mjs";
import "./chunks/chunk-GNTAXCK2.mjs";
import "./chunks/chunk-FT7GLU2J.mjs";
import "./chunks/chunk-IDU2EK5M.mjs";
import "./chunks/chunk-VSWNXCQW.mjs";

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

// actions/cosign-sign/src/action.ts
var action = defineAction({
  name: "cosign-sign",
  inputs: spec,
  outputs,
  plan,
  load: () => import("./chunks/run-GIVDJ4C6.mjs")
});

// actions/cosign-sign/src/main.ts
await action.main();
//# sourceMappingURL=main.mjs.map
