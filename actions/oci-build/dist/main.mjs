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
  parseTagRules,
  plan,
  validateTag
} from "./chunks/chunk-WUUPW7ZP.mjs";
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
  load: () => import("./chunks/run-G7AEPAGL.mjs")
});

// actions/oci-build/src/main.ts
await action.main();
//# sourceMappingURL=main.mjs.map
