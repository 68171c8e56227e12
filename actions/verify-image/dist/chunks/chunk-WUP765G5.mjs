import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  ATTESTED_LINKS,
  ConfigurationError,
  Digest,
  ImageReference,
  InvalidValueError,
  anchoredRegExp,
  defineAction,
  defineOutputs,
  field,
  inputs,
  nonEmpty,
  parseList,
  parsePath,
  parsePlatform,
  parseTagRules,
  silentLogger,
  validateTag
} from "./chunk-2NH6TDDJ.mjs";
import {
  require_crypto,
  require_fs
} from "./chunk-VCWESDKG.mjs";
import {
  __toESM
} from "./chunk-5MM4E6UD.mjs";

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
        `is a ${digest.algorithm} digest; images are addressed by sha256 digests here (oci-build and skopeo-push output them)`,
        { reason: "DIGEST_NOT_SHA256", expected: "sha256", actual: digest.algorithm }
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
        `must be a repository without tag or digest (e.g. ghcr.io/org/app); got "${raw}": tags go in the "tags" input and the digest in "digest"`,
        { reason: "NOT_A_REPOSITORY", actual: raw }
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

// packages/core/src/inputs/signer-inputs.ts
var import_node_crypto = __toESM(require_crypto(), 1);
var import_node_fs = __toESM(require_fs(), 1);
function parsePublicKey(raw, ctx) {
  let pem = raw;
  if (!raw.startsWith("-----BEGIN")) {
    const path = parsePath(raw, ctx, { allowOutsideWorkspace: true });
    try {
      pem = (0, import_node_fs.readFileSync)(path, "utf8").trim();
    } catch (error) {
      throw new InvalidValueError(
        `is neither a PEM public key nor a readable file (${error.code ?? "unreadable"})`
      );
    }
  }
  const label = /^-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1];
  if (label !== "PUBLIC KEY")
    throw new InvalidValueError(
      `is not a PEM public key (-----BEGIN PUBLIC KEY-----)${label === void 0 ? "" : `; it holds a ${label.toLowerCase()}`}`
    );
  try {
    return (0, import_node_crypto.createPublicKey)(pem).export({ type: "spki", format: "pem" }).toString();
  } catch {
    throw new InvalidValueError("is not a PEM public key (-----BEGIN PUBLIC KEY-----) that parses");
  }
}
var GITHUB_ACTIONS_ISSUER = "https://token.actions.githubusercontent.com";
var signerInputs = {
  publicKey: () => field("public key", parsePublicKey),
  /** Fulcio's Source Repository URI form: the repository's URL, e.g. https://github.com/acme/app. */
  sourceRepository: () => inputs.string({
    pattern: /^https:\/\/[^/\s]+\/[^/\s]+\/[^/\s]+$/,
    accepted: "the repository URL as Fulcio certifies it, e.g. https://github.com/acme/app"
  }),
  sourceRef: () => inputs.string({ pattern: /^refs\/\S+$/, accepted: "a git ref, e.g. refs/heads/main" })
};
var signerSpec = {
  "certificate-identity": inputs.string().optional(),
  "certificate-identity-regexp": inputs.string().optional(),
  "certificate-oidc-issuer": inputs.string().optional(),
  "certificate-source-repository": signerInputs.sourceRepository().optional(),
  "certificate-source-ref": signerInputs.sourceRef().optional(),
  "public-key": signerInputs.publicKey().optional()
};
function signerPolicyFromInputs(values, logger, why) {
  const source = {
    ...values["certificate-source-repository"] === void 0 ? {} : { sourceRepository: values["certificate-source-repository"] },
    ...values["certificate-source-ref"] === void 0 ? {} : { sourceRef: values["certificate-source-ref"] }
  };
  if (values["public-key"] !== void 0) {
    const given = Object.keys(source).length > 0;
    if (given)
      throw new ConfigurationError(
        "certificate-source-repository and certificate-source-ref bind a keyless certificate; a public-key signature has none",
        {
          input: values["certificate-source-repository"] ? "certificate-source-repository" : "certificate-source-ref"
        }
      );
    return { publicKey: values["public-key"] };
  }
  const identity = values["certificate-identity"];
  const pattern = values["certificate-identity-regexp"];
  const issuer = values["certificate-oidc-issuer"];
  if (identity === void 0 && pattern === void 0 || issuer === void 0)
    throw new ConfigurationError(
      `${why}: give certificate-identity (or certificate-identity-regexp) and certificate-oidc-issuer, or public-key`,
      {
        input: identity === void 0 && pattern === void 0 ? "certificate-identity" : "certificate-oidc-issuer"
      }
    );
  if (identity !== void 0 && pattern !== void 0)
    throw new ConfigurationError("give certificate-identity or certificate-identity-regexp, not both", {
      input: "certificate-identity-regexp"
    });
  if (pattern !== void 0 && !(pattern.startsWith("^") && pattern.endsWith("$")))
    logger.warning(
      `certificate-identity-regexp "${pattern}" was anchored to ^\u2026$ so that look-alike identities do not match`
    );
  if (issuer === GITHUB_ACTIONS_ISSUER && source.sourceRepository === void 0)
    logger.warning(
      "certificate-source-repository is not set: a signature by this workflow identity from ANY repository (every caller of a reusable workflow signs as it) is accepted; set it, e.g. https://github.com/acme/app"
    );
  return identity !== void 0 ? { identity, issuer, ...source } : { identityRegExp: anchoredRegExp(pattern ?? ""), issuer, ...source };
}

// actions/verify-image/src/inputs.ts
function requiredLinks(raw) {
  const items = parseList(raw);
  if (items.length === 0) throw new InvalidValueError("lists no item; give provenance, sbom, vuln or none");
  if (items.length === 1 && items[0] === "none") return [];
  return [
    ...new Set(
      items.map((item) => {
        const link = ATTESTED_LINKS.find((l) => l === item);
        if (link === void 0)
          throw new InvalidValueError(
            `lists "${item}"; each item must be one of ${ATTESTED_LINKS.join(", ")} (or the single word none)`
          );
        return link;
      })
    )
  ];
}
var spec = {
  image: ociInputs.reference().required("the image, e.g. ghcr.io/org/app:latest or ghcr.io/org/app@sha256:\u2026"),
  ...signerSpec,
  "trusted-root": inputs.path({ allowOutsideWorkspace: true, mustExist: "file" }).optional(),
  require: inputs.custom("links", requiredLinks).default("provenance,sbom,vuln"),
  "auth-file": inputs.path({ allowOutsideWorkspace: true, mustExist: "file" }).optional(),
  "tls-verify": inputs.boolean().default("true")
};
var outputs = defineOutputs(["digest", "custody"]);

// actions/verify-image/src/plan.ts
function plan(values) {
  const warnings = [];
  const collect = { ...silentLogger, warning: (message) => void warnings.push(message) };
  const policy = signerPolicyFromInputs(values, collect, "verify-image needs the expected signer");
  return {
    image: values.image,
    policy,
    warnings,
    trustedRoot: values["trusted-root"],
    require: values.require,
    registry: { authFile: values["auth-file"], tlsVerify: values["tls-verify"] }
  };
}

// actions/verify-image/src/action.ts
var action = defineAction({
  name: "verify-image",
  inputs: spec,
  outputs,
  plan,
  load: () => import("./run-DDGEXXAU.mjs")
});

export {
  spec,
  action
};
//# sourceMappingURL=chunk-WUP765G5.mjs.map
