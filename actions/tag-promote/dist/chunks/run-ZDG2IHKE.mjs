import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  CommandError,
  ConfigurationError,
  Digest,
  MediaType,
  SEVERITIES,
  SignatureError,
  certificateClaims,
  chooseTags,
  fromInput,
  isTransientText,
  mergeIntoTag,
  needsExistingTags,
  openRegistry,
  parseTrustedRoot,
  previousOutput,
  promotionSummary,
  promotions,
  readRefContext,
  requireVerdicts,
  retryAfterInText,
  tagRepository,
  verifyBundle,
  withRetries
} from "./chunk-OSV2M5LS.mjs";
import "./chunk-377EZXM7.mjs";
import "./chunk-LAKDNJDR.mjs";
import {
  require_promises
} from "./chunk-ZKXDAKWM.mjs";
import {
  require_path
} from "./chunk-Q7KQMW4X.mjs";
import {
  require_crypto
} from "./chunk-VCWESDKG.mjs";
import {
  __toESM
} from "./chunk-5MM4E6UD.mjs";

// packages/core/src/sigstore/kyverno-requirements.ts
var POLICY_ATTESTATION_TYPES = {
  provenance: "https://slsa.dev/provenance/v1",
  // cosign --type slsaprovenance1
  sbom: "https://cyclonedx.org/bom",
  // cosign --type cyclonedx
  vuln: "https://cosign.sigstore.dev/attestation/vuln/v1"
  // cosign --type vuln
};
var TRIVY_FINDING_LISTS = ["Vulnerabilities", "Secrets", "Misconfigurations"];

// packages/core/src/sigstore/attestation-conditions.ts
var RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
var DEFAULT_SKEW_MS = 5 * 6e4;
var record = (value) => value !== null && typeof value === "object" && !Array.isArray(value) ? value : void 0;
var at = (value, ...path) => path.reduce((v, key) => record(v)?.[key], value);
function time(value) {
  if (typeof value !== "string" || !RFC3339.test(value)) return void 0;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? void 0 : ms;
}
function provenanceProblem(a, conditions) {
  const predicate = a.statement.predicate;
  const builder = conditions.builderId ?? a.identity;
  const actualBuilder = at(predicate, "runDetails", "builder", "id");
  if (builder === void 0 || actualBuilder !== builder)
    return `its builder is ${JSON.stringify(actualBuilder ?? null)}, not ${builder ?? "(no builder id known)"}`;
  const repository = at(predicate, "buildDefinition", "externalParameters", "workflow", "repository");
  if (repository !== conditions.sourceRepository)
    return `its source repository is ${JSON.stringify(repository ?? null)}, not ${conditions.sourceRepository}`;
  const dependencies = at(predicate, "buildDefinition", "resolvedDependencies");
  const source = `git+${conditions.sourceRepository}@`;
  const fromSource = Array.isArray(dependencies) && dependencies.some((d) => {
    const uri = record(d)?.uri;
    return typeof uri === "string" && uri.startsWith(source);
  });
  if (!fromSource) return `its resolved dependencies name no ${source}\u2026 source`;
  return void 0;
}
function vulnSeverities(predicate) {
  const results = at(predicate, "scanner", "result", "Results");
  if (!Array.isArray(results)) return "its scanner.result has no Results list (not Trivy\u2019s layout)";
  const found = [];
  for (const result of results) {
    for (const list of TRIVY_FINDING_LISTS) {
      const entries = record(result)?.[list] ?? [];
      if (!Array.isArray(entries)) return `a Result's ${list} is not a list`;
      for (const entry of entries) {
        const label = record(entry)?.Severity;
        const severity = SEVERITIES.find((s) => typeof label === "string" && s === label.toUpperCase());
        if (severity === void 0) return `a ${list} entry has no known Severity (${JSON.stringify(label)})`;
        found.push(severity);
      }
    }
  }
  return found;
}
function vulnVerdict(candidates, conditions) {
  const finished = (a) => time(at(a.statement.predicate, "metadata", "scanFinishedOn"));
  const timed = candidates.filter((a) => finished(a) !== void 0);
  const newest = timed.sort((x, y) => (finished(y) ?? 0) - (finished(x) ?? 0))[0];
  const fail = (detail, attestation = newest) => ({
    kind: "vuln",
    ok: false,
    detail,
    attestation
  });
  if (newest === void 0)
    return fail("no verified scan has a valid metadata.scanFinishedOn time (RFC 3339)", candidates[0]);
  const end = finished(newest) ?? 0;
  const start = time(at(newest.statement.predicate, "metadata", "scanStartedOn"));
  if (start === void 0 || start > end)
    return fail("its metadata.scanStartedOn is missing, invalid or after it finished");
  const now = conditions.now.getTime();
  const stamp = new Date(end).toISOString();
  if (end > now + (conditions.clockSkewMs ?? DEFAULT_SKEW_MS))
    return fail(`its scan finished in the future (${stamp})`);
  if (now - end > conditions.maxScanAgeMs)
    return fail(
      `the newest scan finished at ${stamp}, older than max-scan-age (${conditions.maxScanAgeMs / 1e3} s)`
    );
  const invoked = at(newest.statement.predicate, "invocation", "builder.id");
  const builder = conditions.builderId ?? newest.identity;
  if (builder !== void 0 && invoked !== builder)
    return fail(`it was scanned by ${JSON.stringify(invoked ?? null)}, not this pipeline (${builder})`);
  const severities = vulnSeverities(newest.statement.predicate);
  if (typeof severities === "string") return fail(severities);
  const denied = severities.filter((s) => conditions.denySeverities.includes(s));
  if (denied.length > 0)
    return fail(
      `it has ${denied.length} finding(s) at ${[...new Set(denied)].join(", ")} (denied: ${conditions.denySeverities.join(", ")})`
    );
  return {
    kind: "vuln",
    ok: true,
    detail: `scan finished ${stamp}; no finding at ${conditions.denySeverities.join(", ")}`,
    attestation: newest
  };
}
function evaluateAttestations(verified, rejections, conditions) {
  return conditions.required.map((kind) => {
    const type = POLICY_ATTESTATION_TYPES[kind];
    const ofKind = verified.filter((v) => v.predicateType === type);
    const rejected = rejections.filter((r) => r.predicateType === type || r.predicateType === void 0).map((r) => r.reason);
    const identities = conditions.signerIdentities;
    const mine = ofKind.filter((v) => identities === void 0 || identities.includes(v.identity ?? ""));
    if (mine.length === 0) {
      const foreign = ofKind.map((v) => `signed by ${v.identity ?? "a key"}, not the image's signer`);
      const why = [...foreign, ...rejected];
      return {
        kind,
        ok: false,
        detail: `no ${type} attestation verifies against the signer policy${why.length > 0 ? ` (${why.join("; ")})` : " (there is none)"}`
      };
    }
    if (kind === "vuln") return vulnVerdict(mine, conditions);
    for (const a of mine) {
      const problem = kind === "provenance" ? provenanceProblem(a, conditions) : at(a.statement.predicate, "bomFormat") === "CycloneDX" ? void 0 : "it is not a CycloneDX document";
      if (problem !== void 0) return { kind, ok: false, detail: problem, attestation: a };
    }
    const detail = kind === "provenance" ? `builder ${conditions.builderId ?? mine[0]?.identity}, source ${conditions.sourceRepository}` : `${mine.length} CycloneDX document(s)`;
    return { kind, ok: true, detail, attestation: mine[0] };
  });
}

// packages/core/src/sigstore/bundle-referrers.ts
var import_node_crypto = __toESM(require_crypto(), 1);
var BUNDLE_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
var COSIGN_SIGN_PREDICATE = "https://sigstore.dev/cosign/sign/v1";
var EMPTY = Buffer.from("{}");
async function addReferrer(client, repository, subjectDigest, descriptor) {
  return addReferrers(client, repository, subjectDigest, [descriptor]);
}
async function addReferrers(client, repository, subjectDigest, descriptors) {
  const { via } = await client.referrers(repository, subjectDigest);
  if (via === "api") return void 0;
  const fallbackTag = Digest.parse(subjectDigest).toTagStem();
  const empty = { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: [] };
  const missing = (index) => descriptors.filter(
    (d, i) => !(index?.manifests.some((m) => m.digest === d.digest) ?? false) && descriptors.findIndex((o) => o.digest === d.digest) === i
  );
  await mergeIntoTag({
    what: `the referrers index ${repository}:${fallbackTag}`,
    read: async () => {
      const found = await client.getManifest(repository, fallbackTag);
      return found === void 0 ? void 0 : JSON.parse(found.bytes.toString("utf8"));
    },
    holds: (index) => missing(index).length === 0,
    merge: (index) => ({
      ...index ?? empty,
      manifests: [...(index ?? empty).manifests, ...missing(index)]
    }),
    write: async (index) => {
      await client.putManifest(
        repository,
        fallbackTag,
        Buffer.from(JSON.stringify(index)),
        MediaType.ociIndex
      );
    }
  });
  return fallbackTag;
}
async function readBundleReferrers(client, image, digest, wanted = () => true) {
  const repository = image.repositoryOnly();
  const listed = (await client.referrers(repository, digest, BUNDLE_MEDIA_TYPE)).manifests;
  const manifests = [...new Map(listed.map((m) => [m.digest, m])).values()].slice(0, MAX_REFERRERS);
  const read = async (descriptor) => {
    const manifest = await client.getManifest(repository, descriptor.digest);
    if (manifest === void 0) return void 0;
    const doc = JSON.parse(manifest.bytes.toString("utf8"));
    const layer = doc.layers?.find((l) => l.mediaType === BUNDLE_MEDIA_TYPE);
    const predicateType = doc.annotations?.["dev.sigstore.bundle.predicateType"];
    if (layer === void 0 || doc.subject?.digest !== digest || !wanted(predicateType)) return void 0;
    const bundle = JSON.parse((await client.getBlob(repository, layer.digest)).toString("utf8"));
    return { manifestDigest: descriptor.digest, bundle, predicateType };
  };
  const found = await Promise.all(
    manifests.map(
      (descriptor) => read(descriptor).catch(
        (error) => ({
          manifestDigest: descriptor.digest,
          bundle: { unreadable: error.message },
          predicateType: descriptor.annotations?.["dev.sigstore.bundle.predicateType"]
        })
      )
    )
  );
  return found.filter((r) => r !== void 0);
}
var MAX_REFERRERS = 256;

// packages/core/src/sigstore/cosign-classic.ts
var import_node_crypto2 = __toESM(require_crypto(), 1);

// packages/core/src/sigstore/pem.ts
function pemBody(label, text) {
  return text.replace(new RegExp(`-----(BEGIN|END) ${label}-----`, "g"), "").replace(/\s+/g, "");
}

// packages/core/src/sigstore/cosign-classic.ts
var ANNOTATION = {
  signature: "dev.cosignproject.cosign/signature",
  certificate: "dev.sigstore.cosign/certificate",
  chain: "dev.sigstore.cosign/chain",
  bundle: "dev.sigstore.cosign/bundle",
  timestamp: "dev.sigstore.cosign/rfc3161timestamp",
  /** On `.att` layers: the statement's predicate type. */
  predicateType: "predicateType"
};
function signatureTag(digest, suffix = "sig") {
  return `${digest.toTagStem()}.${suffix}`;
}
var EMPTY_CONFIG = Buffer.from("{}");
function appendSignature(existing, layer) {
  const layers = existing?.layers ?? [];
  const duplicate = layers.some(
    (l) => l.digest === layer.digest && l.annotations?.[ANNOTATION.signature] === layer.annotations?.[ANNOTATION.signature]
  );
  const manifest = {
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config: existing?.config ?? {
      mediaType: MediaType.ociConfig,
      size: EMPTY_CONFIG.length,
      digest: `sha256:${(0, import_node_crypto2.createHash)("sha256").update(EMPTY_CONFIG).digest("hex")}`
    },
    layers: duplicate ? layers : [...layers, layer],
    ...existing?.annotations ? { annotations: existing.annotations } : {}
  };
  return { manifest, added: !duplicate };
}
function bundleFromClassicLayer(annotations, payload) {
  const signature = annotations[ANNOTATION.signature];
  const rekor = annotations[ANNOTATION.bundle];
  if (signature === void 0 || rekor === void 0) {
    throw new Error("the .sig layer lacks the signature or the Rekor bundle annotation");
  }
  const entry = tlogEntry(rekor);
  const signedTimestamp = rfc3161Timestamp(annotations[ANNOTATION.timestamp]);
  const material = keyMaterial(annotations[ANNOTATION.certificate]);
  const content = signedContent(signature, payload);
  return {
    mediaType: "application/vnd.dev.sigstore.bundle+json;version=0.1",
    verificationMaterial: {
      ...material,
      tlogEntries: [entry],
      timestampVerificationData: {
        rfc3161Timestamps: signedTimestamp === void 0 ? [] : [{ signedTimestamp }]
      }
    },
    ...content
  };
}
function tlogEntry(rekor) {
  const parsed = JSON.parse(rekor);
  const logged = JSON.parse(Buffer.from(parsed.Payload.body, "base64").toString("utf8"));
  return {
    logIndex: String(parsed.Payload.logIndex),
    logId: { keyId: Buffer.from(parsed.Payload.logID, "hex").toString("base64") },
    kindVersion: { kind: logged.kind ?? "hashedrekord", version: logged.apiVersion ?? "0.0.1" },
    integratedTime: String(parsed.Payload.integratedTime),
    inclusionPromise: { signedEntryTimestamp: parsed.SignedEntryTimestamp },
    canonicalizedBody: parsed.Payload.body
  };
}
function rfc3161Timestamp(annotation) {
  if (annotation === void 0) return void 0;
  return JSON.parse(annotation).SignedRFC3161Timestamp;
}
function keyMaterial(certificatePem) {
  if (certificatePem === void 0 || certificatePem === "") return { publicKey: { hint: "" } };
  return { x509CertificateChain: { certificates: [{ rawBytes: pemBody("CERTIFICATE", certificatePem) }] } };
}
function signedContent(signature, payload) {
  if (signature === "") return { dsseEnvelope: JSON.parse(payload.toString("utf8")) };
  return {
    messageSignature: {
      messageDigest: { algorithm: "SHA2_256", digest: (0, import_node_crypto2.createHash)("sha256").update(payload).digest("base64") },
      signature
    }
  };
}
function signedDigestOf(payload) {
  try {
    const parsed = JSON.parse(payload.toString("utf8"));
    return parsed.critical?.image?.["docker-manifest-digest"];
  } catch {
    return void 0;
  }
}

// packages/core/src/sigstore/classic-signatures.ts
async function appendClassicLayers(client, repository, digest, layers, suffix = "sig") {
  const tag = signatureTag(digest, suffix);
  const read = async () => {
    const found = await client.getManifest(repository, tag);
    return found === void 0 ? void 0 : { digest: found.digest, doc: JSON.parse(found.bytes.toString("utf8")) };
  };
  const first = await read();
  const added = layers.filter((l) => appendSignature(first?.doc, l).added).length;
  let written = first;
  await mergeIntoTag({
    what: `the signature manifest ${repository}:${tag}`,
    read: async () => written = await read(),
    holds: (state) => state !== void 0 && layers.every((l) => !appendSignature(state.doc, l).added),
    merge: (state) => {
      let manifest = state?.doc;
      for (const layer of layers) manifest = appendSignature(manifest, layer).manifest;
      return { digest: "", doc: manifest };
    },
    write: async (state) => {
      await client.putManifest(
        repository,
        tag,
        Buffer.from(JSON.stringify(state.doc)),
        MediaType.ociManifest
      );
    }
  });
  return { tag, manifestDigest: written?.digest ?? "", added };
}
async function readClassicSignatures(client, image, digest, suffix = "sig") {
  const repository = image.repositoryOnly();
  const manifest = await client.getManifest(repository, signatureTag(digest, suffix));
  if (manifest === void 0) return [];
  const doc = JSON.parse(manifest.bytes.toString("utf8"));
  return Promise.all(
    doc.layers.flatMap((layer) => {
      const annotations = layer.annotations;
      if (annotations?.[ANNOTATION.signature] === void 0) return [];
      return [
        (async () => ({
          payload: await client.getBlob(repository, Digest.parse(layer.digest).toString()),
          annotations,
          digest: layer.digest
        }))()
      ];
    })
  );
}

// packages/core/src/sigstore/copy-signatures.ts
var MAX_SIGNATURE_BLOB = 4 * 1024 * 1024;
async function copyBlobs(client, source, target, descriptors) {
  for (const d of descriptors) {
    if (await client.headBlob(target, d.digest) !== void 0) continue;
    if (source.registry === target.registry && await client.mountBlob(target, d.digest, source.repository))
      continue;
    await client.uploadBlob(target, await client.getBlob(source, d.digest, MAX_SIGNATURE_BLOB));
  }
}
async function copySignatures(client, source, target, digest) {
  const from = source.repositoryOnly();
  const to = target.repositoryOnly();
  let classicLayers = 0;
  for (const suffix of ["sig", "att"]) {
    const found = await client.getManifest(from, signatureTag(digest, suffix));
    if (found === void 0) continue;
    const doc = JSON.parse(found.bytes.toString("utf8"));
    await copyBlobs(client, from, to, [doc.config, ...doc.layers]);
    classicLayers += (await appendClassicLayers(client, to, digest, doc.layers, suffix)).added;
  }
  let referrers = 0;
  const { manifests } = await client.referrers(from, digest.toString());
  for (const descriptor of manifests) {
    const manifest = await client.getManifest(from, descriptor.digest);
    if (manifest === void 0) continue;
    const doc = JSON.parse(manifest.bytes.toString("utf8"));
    await copyBlobs(client, from, to, [doc.config, ...doc.layers]);
    if (await client.headManifest(to, descriptor.digest) === void 0) {
      await client.putManifest(to, descriptor.digest, manifest.bytes, manifest.mediaType);
      referrers++;
    }
    await addReferrer(client, to, digest.toString(), {
      mediaType: descriptor.mediaType,
      digest: descriptor.digest,
      size: descriptor.size,
      ...descriptor.artifactType ? { artifactType: descriptor.artifactType } : {},
      ...descriptor.annotations ? { annotations: descriptor.annotations } : {}
    });
  }
  return { classicLayers, referrers };
}

// packages/core/src/sigstore/image-signatures.ts
var import_promises = __toESM(require_promises(), 1);
var import_node_path = __toESM(require_path(), 1);
async function loadTrustedRoot(path, temp) {
  if (path !== void 0) {
    let json;
    try {
      json = JSON.parse(await (0, import_promises.readFile)(path, "utf8"));
    } catch (error) {
      throw new ConfigurationError(
        `the trusted root ${path} is not readable JSON (${error.message})`,
        {
          code: "TRUSTED_ROOT_UNREADABLE",
          actual: path,
          cause: error
        }
      );
    }
    return parseTrustedRoot(json);
  }
  const tuf = await import("./dist-I4V6ADIO.mjs");
  const getTrustedRoot = tuf.default?.getTrustedRoot ?? tuf.getTrustedRoot;
  try {
    return await getTrustedRoot({ cachePath: (0, import_node_path.join)(temp, "sigstore-tuf") });
  } catch (error) {
    throw new CommandError(
      `could not get the public-good Sigstore trusted root through TUF (${error.message}); for a private Sigstore, or without network, give the trusted-root input`,
      { tool: "TUF", cause: error }
    );
  }
}
async function readSigstoreMaterial(client, image, digest, what = "all") {
  const none = async () => [];
  const isSignature = (type) => type === void 0 || type === COSIGN_SIGN_PREDICATE;
  const part = PARTS[what];
  const [signatures, attestations, referrers] = await Promise.all([
    part.sig ? readClassicSignatures(client, image, digest) : none(),
    part.att ? readClassicSignatures(client, image, digest, "att") : none(),
    part.signatureReferrers || part.attestationReferrers ? readBundleReferrers(
      client,
      image,
      digest.toString(),
      (type) => isSignature(type) ? part.signatureReferrers : part.attestationReferrers
    ) : none()
  ]);
  return { signatures, attestations, referrers };
}
var PARTS = {
  signatures: { sig: true, att: false, signatureReferrers: true, attestationReferrers: false },
  attestations: { sig: false, att: true, signatureReferrers: false, attestationReferrers: true },
  all: { sig: true, att: true, signatureReferrers: true, attestationReferrers: true },
  classic: { sig: true, att: true, signatureReferrers: false, attestationReferrers: false },
  "classic-signatures": { sig: true, att: false, signatureReferrers: false, attestationReferrers: false },
  referrers: { sig: false, att: false, signatureReferrers: true, attestationReferrers: true },
  "signature-referrers": { sig: false, att: false, signatureReferrers: true, attestationReferrers: false }
};
async function checkImageSignatures(client, image, digest, trustedRoot, policy, options = {}) {
  const material = await readSigstoreMaterial(client, image, digest, "signatures");
  return verifySignatures(material, digest, trustedRoot, policy, options);
}
var reasonOf = (error) => error instanceof SignatureError ? error.message : String(error);
function verifySignatures(material, digest, trustedRoot, policy, options = {}) {
  const rejected = [];
  const verified = [];
  const done = () => ({ accepted: verified[0], verified, rejected });
  for (const stored of material.signatures) {
    const signed = signedDigestOf(stored.payload);
    if (signed !== digest.toString()) {
      rejected.push(`classic: the payload vouches for ${signed ?? "nothing"}, not ${digest}`);
      continue;
    }
    try {
      const bundle = bundleFromClassicLayer(stored.annotations, stored.payload);
      const ok = verifyBundle(bundle, { trustedRoot, policy, artifact: stored.payload });
      const ref = stored.annotations[ANNOTATION.signature] ?? "";
      const certificate = certificateClaims(bundle);
      verified.push({ format: "classic", identity: ok.identity, issuer: ok.issuer, ref, certificate });
      if (options.all !== true) return done();
    } catch (error) {
      rejected.push(`classic: ${reasonOf(error)}`);
    }
  }
  const signatures = material.referrers.filter(
    (r) => r.predicateType === void 0 || r.predicateType === COSIGN_SIGN_PREDICATE
  );
  for (const stored of signatures) {
    try {
      const ok = verifyBundle(stored.bundle, {
        trustedRoot,
        policy,
        artifactDigest: digest.hex,
        predicateType: COSIGN_SIGN_PREDICATE
      });
      verified.push({
        format: "bundle",
        identity: ok.identity,
        issuer: ok.issuer,
        ref: stored.manifestDigest,
        certificate: certificateClaims(stored.bundle)
      });
      if (options.all !== true) return done();
    } catch (error) {
      rejected.push(`bundle ${stored.manifestDigest}: ${reasonOf(error)}`);
    }
  }
  return done();
}
async function checkImageAttestations(client, image, digest, trustedRoot, policy, options = {}) {
  const material = await readSigstoreMaterial(client, image, digest, "attestations");
  const check = verifyAttestations(material, digest, trustedRoot, policy);
  if (options.require === void 0) return check;
  return { ...check, verdicts: evaluateAttestations(check.verified, check.rejections, options.require) };
}
function verifyAttestations(material, digest, trustedRoot, policy) {
  const verified = [];
  const rejections = [];
  const check = (format, ref, bundle, type) => {
    try {
      if (type === void 0) throw new SignatureError("it names no predicate type");
      const json = bundle();
      const statement = statementOf(json);
      const ok = verifyBundle(json, { trustedRoot, policy, artifactDigest: digest.hex, predicateType: type });
      verified.push({
        format,
        predicateType: type,
        ref,
        ...ok,
        certificate: certificateClaims(json),
        statement
      });
    } catch (error) {
      rejections.push({ predicateType: type, reason: `${format} attestation ${ref}: ${reasonOf(error)}` });
    }
  };
  for (const stored of material.attestations)
    check(
      "classic",
      stored.digest,
      () => bundleFromClassicLayer(stored.annotations, stored.payload),
      stored.annotations[ANNOTATION.predicateType]
    );
  for (const stored of material.referrers)
    if (stored.predicateType !== void 0 && stored.predicateType !== COSIGN_SIGN_PREDICATE)
      check("bundle", stored.manifestDigest, () => stored.bundle, stored.predicateType);
  return { verified, rejected: rejections.map((r) => r.reason), rejections };
}
function statementOf(bundle) {
  const envelope = bundle.dsseEnvelope;
  if (typeof envelope?.payload !== "string") throw new SignatureError("it is not a DSSE envelope");
  return JSON.parse(
    Buffer.from(envelope?.payload ?? "", "base64").toString("utf8")
  );
}

// packages/core/src/tools/skopeo.ts
var skopeo = {
  copyArgs(request) {
    const args = ["copy", "--all", "--preserve-digests", "--digestfile", request.digestFile];
    if (request.authFile !== void 0) args.push("--authfile", request.authFile);
    if (!request.tlsVerify) args.push("--dest-tls-verify=false");
    args.push(request.source, request.destination);
    return args;
  },
  /** Registry to registry, by digest (no tag is written): every platform, digests preserved. */
  copyByDigestArgs(request) {
    const args = ["copy", "--all", "--preserve-digests"];
    if (request.authFile !== void 0) args.push("--authfile", request.authFile);
    if (!request.tlsVerify) args.push("--src-tls-verify=false", "--dest-tls-verify=false");
    args.push(`docker://${request.source}`, `docker://${request.destination}`);
    return args;
  },
  /**
   * A failed skopeo run, for withRetries: whether it is worth running again, by the core's one rule
   * (429, 5xx and network faults are; authentication, authorisation, missing repositories and invalid
   * manifests are not), with a Retry-After it printed.
   */
  failure(error) {
    if (!(error instanceof CommandError)) return { transient: false, reason: String(error) };
    const text = `${error.stderrTail}
${error.message}`;
    return { transient: isTransientText(text), retryAfterMs: retryAfterInText(text), reason: error.message };
  }
};

// actions/tag-promote/src/run.ts
async function run(plan, { deps, outputs }) {
  for (const warning of plan.warnings) deps.logger.warning(warning);
  const client = openRegistry(deps, plan.registry);
  const { tags, skipped } = await selectTags(plan, client, deps);
  const digest = plan.digest.toString();
  if (tags.length === 0) {
    deps.logger.info("no tag rule applies to this run: nothing to promote");
    outputs.write({ tags: "[]", previous: "{}" });
    await deps.writeSummary(promotionSummary(`${plan.image}`, digest, "", [], skipped));
    return;
  }
  if (await client.headManifest(plan.image, digest) === void 0)
    throw new ConfigurationError(
      `${plan.image}@${digest} is not in the registry; push it first (skopeo-push)`,
      { input: "digest" }
    );
  const verified = await verifyWhereTagsGo(plan, client, deps);
  const image = tagRepository(plan);
  const manifest = await client.getManifest(image, digest);
  if (manifest === void 0)
    throw new CommandError(`${image}@${digest} is not readable after the copy`, { tool: "registry" });
  const current = new Map(
    await Promise.all(tags.map(async (t) => [t, await client.headManifest(image, t)]))
  );
  const plans = promotions(plan, tags, current);
  await moveAll(client, image, plans, manifest, outputs);
  await readBack(client, image, plans, digest);
  outputs.write({ tags: JSON.stringify(tags), previous: previousOutput(plans) });
  await deps.writeSummary(
    promotionSummary(`${image}`, digest, verified.signedBy, plans, skipped, verified.verdicts)
  );
}
async function selectTags(plan, client, deps) {
  const ref = await readRefContext(deps.env, deps.now());
  const existing = needsExistingTags(plan.rules, ref) ? await client.listTags(tagRepository(plan)) : void 0;
  const chosen = chooseTags(plan, ref, existing);
  for (const rule of chosen.skipped) deps.logger.info(`tag rule "${rule.rule}" skipped: ${rule.reason}`);
  return chosen;
}
async function verifyWhereTagsGo(plan, client, deps) {
  const requirement = plan.signature;
  if (requirement === void 0) {
    if (plan.target !== void 0) await copyToTarget(plan, plan.target, client, deps);
    return { signedBy: "not required (require-signature: false)", verdicts: [] };
  }
  const trustedRoot = await fromInput(
    "trusted-root",
    () => loadTrustedRoot(requirement.trustedRoot, deps.paths.temp)
  );
  const verify = (repository) => verifyImage({ client, repository, plan, requirement, trustedRoot }, deps);
  const verified = await verify(plan.image);
  if (plan.target === void 0) return verified;
  await copyToTarget(plan, plan.target, client, deps);
  return verify(plan.target);
}
async function copyToTarget(plan, target, client, deps) {
  const { image: source, digest } = plan;
  deps.logger.info(`copying ${source}@${digest} and its signatures to ${target}`);
  const args = skopeo.copyByDigestArgs({
    source: `${source}@${digest}`,
    destination: `${target}@${digest}`,
    authFile: plan.registry.authFile,
    tlsVerify: plan.registry.tlsVerify
  });
  await withRetries(() => deps.runner.run({ tool: "skopeo", command: "skopeo", args }), skopeo.failure, {
    onRetry: (attempt, delay, reason) => deps.logger.warning(
      `skopeo copy failed on a transient registry fault; retrying in ${delay} ms (attempt ${attempt + 1}): ${reason}`
    )
  });
  const copied = await copySignatures(client, source, target, digest);
  deps.logger.info(
    `copied ${copied.classicLayers} classic signature(s) and ${copied.referrers} referrer(s) to ${target}`
  );
}
async function verifyImage(request, deps) {
  const { client, repository, trustedRoot } = request;
  const { policy, conditions } = request.requirement;
  const { digest } = request.plan;
  const where = `${repository}@${digest}`;
  const check = await checkImageSignatures(client, repository, digest, trustedRoot, policy, {
    all: conditions !== void 0
  });
  if (check.accepted === void 0) {
    const why = check.rejected.length === 0 ? "it has no signature at all" : check.rejected.join("; ");
    throw new ConfigurationError(
      `refusing to promote ${where}: no valid signature matches the policy (${why}). No tag was changed.`,
      { code: "SIGNATURE_INVALID" }
    );
  }
  const signedBy = `${check.accepted.identity ?? "key"} (${check.accepted.format}${check.accepted.issuer ? `, ${check.accepted.issuer}` : ""})`;
  deps.logger.info(`signature verified in ${repository}: ${signedBy}`);
  if (conditions === void 0) return { signedBy, verdicts: [] };
  const signerIdentities = policy.publicKey === void 0 ? check.verified.flatMap((v) => v.identity ?? []) : void 0;
  const { verdicts = [] } = await checkImageAttestations(client, repository, digest, trustedRoot, policy, {
    require: { ...conditions, now: deps.now(), signerIdentities }
  });
  requireVerdicts(verdicts, where);
  deps.logger.info(`attestations verified in ${repository}: ${verdicts.map((v) => v.kind).join(", ")}`);
  return { signedBy, verdicts };
}
async function moveAll(client, image, plans, manifest, outputs) {
  const toMove = plans.filter((p) => p.action !== "unchanged");
  const before = await previousManifests(client, image, toMove);
  for (const plan of toMove) {
    try {
      await client.putManifest(image, plan.tag, manifest.bytes, manifest.mediaType);
    } catch (error) {
      const { restored, stuck } = await putBack(client, image, toMove, manifest, before);
      outputs.write({ tags: JSON.stringify(stuck.map((p) => p.tag)), previous: previousOutput(stuck) });
      throw new CommandError(
        `promotion stopped: moving ${image}:${plan.tag} failed (${error instanceof Error ? error.message : String(error)}). ${restored.length > 0 ? `Put back: ${restored.join(", ")}. ` : ""}${stuck.length > 0 ? `Still at the new digest (a new tag cannot be removed, or putting it back failed): ${stuck.map((p) => `${p.tag} (before: ${p.previous ?? "none"})`).join(", ")}.` : "No tag is left moved."}`,
        { tool: "registry", cause: error }
      );
    }
  }
}
async function previousManifests(client, image, toMove) {
  const before = /* @__PURE__ */ new Map();
  for (const plan of toMove) {
    if (plan.previous === void 0 || before.has(plan.previous)) continue;
    const previous = await client.getManifest(image, plan.previous);
    if (previous === void 0)
      throw new CommandError(
        `${image}@${plan.previous} (what ${plan.tag} points at) is not readable; no tag was changed`,
        { tool: "registry" }
      );
    before.set(plan.previous, previous);
  }
  return before;
}
async function putBack(client, image, toMove, manifest, before) {
  const served = async (tag) => (await client.headManifest(image, tag).catch(() => void 0))?.digest;
  const restored = [];
  const stuck = [];
  for (const done of toMove) {
    if (await served(done.tag) !== manifest.digest) continue;
    const previous = done.previous === void 0 ? void 0 : before.get(done.previous);
    if (previous !== void 0)
      await client.putManifest(image, done.tag, previous.bytes, previous.mediaType).catch(() => void 0);
    if (previous !== void 0 && await served(done.tag) === done.previous)
      restored.push(`${done.tag} \u2192 ${done.previous}`);
    else stuck.push(done);
  }
  return { restored, stuck };
}
async function readBack(client, image, plans, digest) {
  for (const plan of plans) {
    const served = await client.headManifest(image, plan.tag);
    if (served?.digest !== digest)
      throw new CommandError(
        `after promotion ${image}:${plan.tag} serves ${served?.digest ?? "nothing"}, not ${digest}`,
        { tool: "registry" }
      );
  }
}
export {
  run
};
//# sourceMappingURL=run-ZDG2IHKE.mjs.map
