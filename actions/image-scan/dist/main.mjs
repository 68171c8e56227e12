import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  Digest,
  ImageReference,
  InvalidValueError,
  defineAction,
  defineOutputs,
  field,
  inputs,
  nonEmpty,
  parseList,
  parsePlatform,
  parseSeverityList,
  parseTagRules,
  plan,
  validateTag
} from "./chunks/chunk-I5IFW5OW.mjs";
import "./chunks/chunk-LAKDNJDR.mjs";
import "./chunks/chunk-ZKXDAKWM.mjs";
import "./chunks/chunk-Q7KQMW4X.mjs";
import "./chunks/chunk-C52DNLW2.mjs";
import "./chunks/chunk-5MM4E6UD.mjs";

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
        `is a ${digest.algorithm} digest; images are addressed by sha256 digests here (oci-build and skopeo-push output them)`
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
        `must be a repository without tag or digest (e.g. ghcr.io/org/app); got "${raw}": tags go in the "tags" input and the digest in "digest"`
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
  load: () => import("./chunks/run-SGSBPBVY.mjs")
});

// actions/image-scan/src/main.ts
await action.main();
//# sourceMappingURL=main.mjs.map
