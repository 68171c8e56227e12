import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  CommandError,
  ConfigurationError,
  Digest,
  POLICY_ATTESTATION_TYPES,
  SEVERITIES,
  SignatureError,
  TRIVY_FINDING_LISTS,
  certificateClaims,
  chooseTags,
  fromInput,
  needsExistingTags,
  parseTrustedRoot,
  previousOutput,
  promotionSummary,
  promotions,
  readRefContext,
  requireVerdicts,
  tagRepository,
  verifyBundle
} from "./chunk-J5OTOWX6.mjs";
import "./chunk-377EZXM7.mjs";
import "./chunk-LAKDNJDR.mjs";
import {
  require_promises
} from "./chunk-ZKXDAKWM.mjs";
import {
  require_os,
  require_path
} from "./chunk-Q7KQMW4X.mjs";
import {
  require_crypto
} from "./chunk-VCWESDKG.mjs";
import {
  __toESM
} from "./chunk-5MM4E6UD.mjs";

// packages/core/src/oci/retry-policy.ts
var DEFAULT_RETRY = {
  maxAttempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 15e3,
  deadlineMs: 12e4
};
function isRetryableStatus(status) {
  return status === 429 || status >= 500 && status <= 599;
}
var NETWORK_CODES = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
  "ERR_STREAM_PREMATURE_CLOSE"
]);
function isNetworkError(error) {
  const code = error?.code;
  return typeof code === "string" && NETWORK_CODES.has(code);
}
function parseRetryAfter(value, now) {
  if (value === void 0 || value.trim() === "") return void 0;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1e3;
  const date = Date.parse(value);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
}
function backoffDelay(policy, attempt, retryAfterMs, random) {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(exponential / 2 + random() * exponential / 2);
  if (retryAfterMs === void 0) return jittered;
  return Math.min(policy.maxDelayMs, Math.max(retryAfterMs, jittered));
}
var TRANSIENT_CODES = /\b(TOOMANYREQUESTS|UNAVAILABLE)\b/;
var FINAL_TEXT = /\b(401|403)\b|unauthorized|denied|authentication required|invalid username|manifest invalid|name unknown|manifest unknown/i;
var TRANSIENT_TEXT = /\b(429|500|502|503|504)\b|toomanyrequests|\bunavailable\b|too many requests|service unavailable|bad gateway|gateway time-?out|internal server error|<html|connection reset|broken pipe|use of closed network connection|unexpected EOF|: EOF\b|i\/o timeout|TLS handshake timeout|connection refused/i;
function isTransientText(text) {
  if (FINAL_TEXT.test(text)) return false;
  return TRANSIENT_CODES.test(text) || TRANSIENT_TEXT.test(text);
}
function retryAfterInText(text) {
  const m = /retry[- ]after:?\s*(\d+)\s*s?/i.exec(text);
  return m?.[1] === void 0 ? void 0 : Number(m[1]) * 1e3;
}
async function withRetries(operation, classify, options = {}) {
  const policy = options.policy ?? DEFAULT_RETRY;
  const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const clock = options.elapsedClock;
  const started = clock?.() ?? 0;
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      const verdict = classify(error);
      if (!verdict.transient || attempt >= policy.maxAttempts) throw error;
      if (clock !== void 0 && clock() - started >= policy.deadlineMs) throw error;
      const delay = backoffDelay(policy, attempt, verdict.retryAfterMs, options.random ?? Math.random);
      if (clock === void 0 && waited + delay > policy.deadlineMs) throw error;
      waited += delay;
      options.onRetry?.(attempt, delay, verdict.reason);
      await sleep(delay);
    }
  }
}

// packages/core/src/oci/media-types.ts
var MediaType = {
  ociIndex: "application/vnd.oci.image.index.v1+json",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociConfig: "application/vnd.oci.image.config.v1+json",
  ociEmpty: "application/vnd.oci.empty.v1+json",
  dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerConfig: "application/vnd.docker.container.image.v1+json"
};
var MANIFEST_ACCEPT = [
  MediaType.ociIndex,
  MediaType.ociManifest,
  MediaType.dockerManifestList,
  MediaType.dockerManifest
];

// packages/core/src/oci/registry-client.ts
var import_node_crypto = __toESM(require_crypto(), 1);

// packages/core/src/oci/www-authenticate.ts
function parseChallenge(header2) {
  if (header2 === void 0) return void 0;
  const match = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*(.*)$/.exec(header2);
  if (match === null) return void 0;
  const params = {};
  const re = /([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?/g;
  for (const m of (match[2] ?? "").matchAll(re)) {
    params[(m[1] ?? "").toLowerCase()] = m[2] !== void 0 ? m[2].replace(/\\(.)/g, "$1") : m[3] ?? "";
  }
  return { scheme: (match[1] ?? "").toLowerCase(), params };
}

// packages/core/src/oci/registry-client.ts
var MAX_MANIFEST = 4 * 1024 * 1024;
function header(headers, name) {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
function sha256(bytes) {
  return `sha256:${(0, import_node_crypto.createHash)("sha256").update(bytes).digest("hex")}`;
}
function registryErrors(body) {
  try {
    const parsed = JSON.parse(body.toString("utf8"));
    return (parsed.errors ?? []).map((e) => `${e.code ?? ""}${e.message ? `: ${e.message}` : ""}`).join("; ");
  } catch {
    return body.toString("utf8").slice(0, 200).trim();
  }
}
var RegistryClient = class {
  options;
  retry;
  sleep;
  random;
  now;
  schemes = /* @__PURE__ */ new Map();
  /** Authorization header per registry and scope. */
  authorizations = /* @__PURE__ */ new Map();
  constructor(options) {
    this.options = options;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }
  // --- operations --------------------------------------------------------------------------------
  /** GET /v2/: the registry answers (200, or 401 asking for credentials). */
  async ping(ref) {
    await this.request(ref, "GET", "/v2/", { access: "pull", okStatuses: [200], scoped: false });
  }
  async headManifest(ref, reference) {
    const res = await this.request(ref, "HEAD", `/v2/${ref.repository}/manifests/${reference}`, {
      access: "pull",
      headers: { accept: MANIFEST_ACCEPT.join(", ") },
      okStatuses: [200, 404]
    });
    if (res.status === 404) return void 0;
    const digest = header(res.headers, "docker-content-digest");
    const mediaType = header(res.headers, "content-type") ?? "";
    if (digest === void 0) {
      const full = await this.getManifest(ref, reference);
      return full && { digest: full.digest, mediaType: full.mediaType, size: full.size };
    }
    if (Digest.isValid(reference) && digest !== reference) {
      throw new CommandError(
        `registry ${ref.registry} answered ${digest} for ${ref.repository}@${reference}`,
        { tool: "registry" }
      );
    }
    return { digest, mediaType, size: Number(header(res.headers, "content-length") ?? "0") };
  }
  /** Reads a manifest by tag or digest; its bytes must hash to the digest asked for or announced. */
  async getManifest(ref, reference) {
    const res = await this.request(ref, "GET", `/v2/${ref.repository}/manifests/${reference}`, {
      access: "pull",
      headers: { accept: MANIFEST_ACCEPT.join(", ") },
      okStatuses: [200, 404],
      maxBody: MAX_MANIFEST
    });
    if (res.status === 404) return void 0;
    const actual = sha256(res.body);
    const announced = header(res.headers, "docker-content-digest");
    const expected = Digest.isValid(reference) ? reference : announced;
    if (expected !== void 0 && expected !== actual) {
      throw new CommandError(
        `registry ${ref.registry} returned a manifest for ${ref.repository}:${reference} that hashes to ${actual}, not ${expected}`,
        { tool: "registry" }
      );
    }
    const mediaType = JSON.parse(res.body.toString("utf8")).mediaType ?? header(res.headers, "content-type") ?? "";
    return { digest: actual, mediaType, size: res.body.length, bytes: res.body };
  }
  /** PUT the exact bytes under a tag or digest; returns their digest (checked against the registry's). */
  async putManifest(ref, reference, bytes, mediaType) {
    const digest = sha256(bytes);
    if (Digest.isValid(reference) && reference !== digest) {
      throw new Error(`putManifest: bytes hash to ${digest}, not ${reference}`);
    }
    const put = () => this.request(ref, "PUT", `/v2/${ref.repository}/manifests/${reference}`, {
      access: "push",
      headers: { "content-type": mediaType },
      body: bytes,
      okStatuses: [201]
    });
    const res = await withRetries(
      put,
      (error) => ({
        transient: error instanceof CommandError && /MANIFEST_BLOB_UNKNOWN/.test(error.message),
        reason: "a blob the manifest names is being committed by another writer"
      }),
      {
        policy: { ...this.retry, maxAttempts: 4, deadlineMs: 2e3 },
        sleep: this.sleep,
        random: this.random
      }
    );
    const announced = header(res.headers, "docker-content-digest");
    if (announced !== void 0 && announced !== digest) {
      throw new CommandError(`registry ${ref.registry} stored ${reference} as ${announced}, not ${digest}`, {
        tool: "registry"
      });
    }
    return digest;
  }
  async deleteManifest(ref, digest) {
    await this.request(ref, "DELETE", `/v2/${ref.repository}/manifests/${digest}`, {
      access: "push",
      okStatuses: [202, 404]
    });
  }
  /** Size of a blob in the repository, or undefined when it is not there. */
  async headBlob(ref, digest) {
    const res = await this.request(ref, "HEAD", `/v2/${ref.repository}/blobs/${digest}`, {
      access: "pull",
      okStatuses: [200, 404]
    });
    return res.status === 404 ? void 0 : Number(header(res.headers, "content-length") ?? "0");
  }
  /** Reads a (small) blob whole and checks its digest. */
  async getBlob(ref, digest, maxBytes = MAX_MANIFEST) {
    const res = await this.request(ref, "GET", `/v2/${ref.repository}/blobs/${digest}`, {
      access: "pull",
      okStatuses: [200],
      maxBody: maxBytes
    });
    const actual = sha256(res.body);
    if (actual !== digest) {
      throw new CommandError(
        `registry ${ref.registry} returned blob ${digest} whose content hashes to ${actual}`,
        { tool: "registry" }
      );
    }
    return res.body;
  }
  /**
   * Monolithic upload of a small blob (POST then PUT ?digest=); a blob already there is not sent again.
   * With `fresh` (bytes that cannot be there yet, e.g. carrying a signature just made) the HEAD is skipped.
   */
  async uploadBlob(ref, bytes, options = {}) {
    const digest = sha256(bytes);
    if (options.fresh !== true && await this.headBlob(ref, digest) !== void 0) return digest;
    const start = await this.request(ref, "POST", `/v2/${ref.repository}/blobs/uploads/`, {
      access: "push",
      okStatuses: [202]
    });
    const location = header(start.headers, "location");
    if (location === void 0)
      throw new CommandError(`registry ${ref.registry} gave no upload location`, { tool: "registry" });
    const url = new URL(location, `${await this.scheme(ref.apiHost)}://${ref.apiHost}`);
    url.searchParams.set("digest", digest);
    await this.request(ref, "PUT", `${url.pathname}${url.search}`, {
      access: "push",
      headers: { "content-type": "application/octet-stream" },
      body: bytes,
      okStatuses: [201]
    });
    return digest;
  }
  /** Cross-repository mount; true when the registry mounted it (201), false when it wants an upload. */
  async mountBlob(ref, digest, fromRepository) {
    const res = await this.request(
      ref,
      "POST",
      `/v2/${ref.repository}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(fromRepository)}`,
      { access: "push", okStatuses: [201, 202], extraScopes: [`repository:${fromRepository}:pull`] }
    );
    if (res.status === 202) {
      const location = header(res.headers, "location");
      if (location !== void 0) {
        const url = new URL(location, `${await this.scheme(ref.apiHost)}://${ref.apiHost}`);
        await this.request(ref, "DELETE", `${url.pathname}${url.search}`, {
          access: "push",
          okStatuses: [204, 404]
        }).catch(() => void 0);
      }
    }
    return res.status === 201;
  }
  async listTags(ref) {
    const tags = [];
    let path = `/v2/${ref.repository}/tags/list?n=1000`;
    while (path !== void 0) {
      const res = await this.request(ref, "GET", path, {
        access: "pull",
        okStatuses: [200, 404],
        maxBody: 16 * 1024 * 1024
      });
      if (res.status === 404) return [];
      tags.push(...JSON.parse(res.body.toString("utf8")).tags ?? []);
      const link = header(res.headers, "link");
      path = link === void 0 ? void 0 : /<([^>]+)>;\s*rel="?next"?/.exec(link)?.[1];
    }
    return tags;
  }
  /**
   * Referrers of a digest: the OCI 1.1 referrers API, or, where the registry lacks it (404), the
   * fallback index tagged `sha256-<hex>`.
   */
  async referrers(ref, digest, artifactType) {
    const query = artifactType === void 0 ? "" : `?artifactType=${encodeURIComponent(artifactType)}`;
    const pages = await this.referrerPages(ref, `/v2/${ref.repository}/referrers/${digest}${query}`);
    let manifests;
    let via;
    if (pages !== void 0) {
      manifests = pages;
      via = "api";
    } else {
      const index = await this.getManifest(ref, Digest.parse(digest).toTagStem());
      manifests = index === void 0 ? [] : JSON.parse(index.bytes.toString("utf8")).manifests ?? [];
      via = "tag";
    }
    return {
      manifests: artifactType === void 0 ? manifests : manifests.filter((m) => m.artifactType === artifactType),
      via
    };
  }
  /**
   * Every page of a referrers answer (undefined: the registry has no referrers API). A registry may page
   * it (`Link: <…>; rel="next"`, distribution spec): an attestation on a later page must not go unseen.
   * Only a next page on the same registry is followed, at most MAX_REFERRER_PAGES of them.
   */
  async referrerPages(ref, first) {
    const manifests = [];
    let path = first;
    for (let page = 0; path !== void 0; page++) {
      if (page === MAX_REFERRER_PAGES)
        throw new CommandError(
          `registry ${ref.registry}: the referrers list runs past ${MAX_REFERRER_PAGES} pages; refusing to read on`,
          { tool: "registry" }
        );
      const res = await this.request(ref, "GET", path, {
        access: "pull",
        headers: { accept: "application/vnd.oci.image.index.v1+json" },
        okStatuses: [200, 404],
        maxBody: MAX_MANIFEST
      });
      if (res.status === 404) return page === 0 ? void 0 : manifests;
      manifests.push(
        ...JSON.parse(res.body.toString("utf8")).manifests ?? []
      );
      path = nextPage(header(res.headers, "link"), ref.apiHost);
    }
    return manifests;
  }
  // --- transport, auth, retries ------------------------------------------------------------------
  async request(ref, method, path, options) {
    const scope = requestScope(ref, options);
    const call = {
      ref,
      method,
      path,
      options,
      scope,
      key: `${ref.apiHost} ${scope}`,
      authTried: false
    };
    try {
      return await withRetries(() => this.attempt(call), requestVerdict(call), {
        policy: this.retry,
        sleep: this.sleep,
        random: this.random,
        elapsedClock: this.now,
        onRetry: (attempt, delay, reason) => this.options.logger.warning(
          `retrying in ${delay} ms (attempt ${attempt + 1} of ${this.retry.maxAttempts}): ${reason}`
        )
      });
    } catch (error) {
      throw requestFailure(call, error);
    }
  }
  /**
   * One attempt: sends the request and judges the answer. The first 401 of a request is answered by
   * following the registry's challenge and sending again within the same attempt.
   */
  async attempt(call) {
    for (; ; ) {
      const res = await this.sendOnce(call);
      if (res.status === 401 && !call.authTried) {
        call.authTried = true;
        await this.authenticate(call.ref, res, call.key, call.scope);
        continue;
      }
      return this.judge(call, res);
    }
  }
  async sendOnce(call) {
    const host = call.ref.apiHost;
    const authorization = this.authorizations.get(call.key) ?? this.authorizations.get(`${host} basic`);
    const headers = { ...call.options.headers, ...authorization === void 0 ? {} : { authorization } };
    try {
      return await this.send(
        host,
        call.method,
        call.path,
        headers,
        call.options.body,
        call.options.maxBody ?? 1024 * 1024
      );
    } catch (error) {
      throw new SendFailure(error);
    }
  }
  /** The answer, when it is one the caller takes; a refusal or a fault (transient or not) otherwise. */
  judge(call, res) {
    const { ref, options } = call;
    if (options.okStatuses.includes(res.status)) return res;
    if (res.status === 401 || res.status === 403) {
      const host = ref.apiHost;
      const who = this.authorizations.has(call.key) || this.authorizations.has(`${host} basic`) ? "refused the credentials" : "requires credentials";
      const detail = registryErrors(res.body);
      throw new ConfigurationError(
        `registry ${ref.registry} ${who} for ${options.access} on ${ref.repository} (HTTP ${res.status}${detail ? `: ${detail}` : ""}). Log in first (docker login / skopeo login / ecr-oidc-login) or pass auth-file.`
      );
    }
    const retryAfter = parseRetryAfter(header(res.headers, "retry-after"), this.now());
    throw new FaultyAnswer(res, isRetryableStatus(res.status), retryAfter);
  }
  async authenticate(ref, res, key, scope) {
    const challenge = parseChallenge(header(res.headers, "www-authenticate"));
    const credential = await this.options.credentials?.lookup(ref.registry, ref.repository);
    if (challenge?.scheme === "basic") {
      if (credential === void 0) return;
      const value = `Basic ${basicCredentials(credential)}`;
      this.options.logger.setSecret(value.slice(6));
      this.authorizations.set(`${ref.apiHost} basic`, value);
      return;
    }
    if (challenge?.scheme !== "bearer" || challenge.params.realm === void 0) return;
    const token = await this.fetchToken(ref, tokenRealm(challenge.params, scope), credential);
    this.options.logger.setSecret(token);
    this.authorizations.set(key, `Bearer ${token}`);
  }
  /**
   * The token service is a server like any other: down, overloaded or behind a proxy's HTML page is a
   * transient fault (retried), a 401/403 a refusal of these credentials (final), anything else a fault
   * of that service, named with its URL and status.
   */
  async fetchToken(ref, realm, credential) {
    const headers = credential === void 0 ? {} : { authorization: `Basic ${basicCredentials(credential)}` };
    const service = `${realm.origin}${realm.pathname}`;
    const who = credential ? `the credentials from ${credential.source}` : "anonymous access";
    return withRetries(
      async () => {
        const tokenRes = await this.sendUrl(realm, "GET", headers, void 0, 1024 * 1024);
        if (tokenRes.status === 401 || tokenRes.status === 403)
          throw new ConfigurationError(
            `registry ${ref.registry}: the token service ${service} refused ${who} (HTTP ${tokenRes.status})`
          );
        return tokenFrom(tokenRes, `registry ${ref.registry}: the token service ${service}`, this.now());
      },
      tokenVerdict,
      {
        sleep: this.sleep,
        onRetry: (attempt, delay, reason) => this.options.logger.warning(`${reason}; retrying in ${delay} ms (attempt ${attempt + 1})`)
      }
    ).catch((error) => {
      if (error instanceof TokenServiceError)
        throw new CommandError(error.message, { tool: "registry token service" });
      if (isNetworkError(error))
        throw new CommandError(
          `registry ${ref.registry}: the token service ${service} is unreachable (${error.message})`,
          { tool: "registry token service", cause: error }
        );
      throw error;
    });
  }
  /**
   * HTTPS always when TLS is verified. With tls-verify false, one probe per host (shared by concurrent
   * requests) finds out whether the registry speaks TLS at all, and falls back to plain HTTP as skopeo does.
   */
  scheme(host) {
    if (this.options.tlsVerify !== false) return Promise.resolve("https");
    let known = this.schemes.get(host);
    if (known === void 0) {
      known = this.sendUrl(new URL(`https://${host}/v2/`), "GET", {}, void 0, 64 * 1024).then(
        () => "https",
        (error) => {
          if (!isTlsHandshakeFailure(error)) return "https";
          this.options.logger.debug(
            `registry ${host} does not speak TLS; using plain HTTP (tls-verify is false)`
          );
          return "http";
        }
      );
      this.schemes.set(host, known);
    }
    return known;
  }
  async send(host, method, path, headers, body, maxBody) {
    const scheme = await this.scheme(host);
    return this.sendUrl(new URL(`${scheme}://${host}${path}`), method, headers, body, maxBody);
  }
  async sendUrl(url, method, headers, body, maxBody) {
    const transport = url.protocol === "http:" ? (await import("./http-SB2IGQYH.mjs")).default : (await import("./https-AHHFARHI.mjs")).default;
    return new Promise((resolve, reject) => {
      const req = transport.request(
        url,
        {
          method,
          headers: {
            "user-agent": "container-supply-chain-actions",
            ...headers,
            ...body ? { "content-length": String(body.length) } : {}
          },
          timeout: this.options.requestTimeoutMs ?? 6e4,
          ...url.protocol === "https:" ? {
            rejectUnauthorized: this.options.tlsVerify !== false,
            ...this.options.ca ? { ca: this.options.ca } : {}
          } : {}
        },
        (res) => {
          const chunks = [];
          let size = 0;
          res.on("data", (chunk) => {
            size += chunk.length;
            if (size > maxBody) {
              req.destroy(new Error(`response body larger than ${maxBody} bytes`));
              return;
            }
            chunks.push(chunk);
          });
          res.on(
            "end",
            () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
          );
          res.on("error", reject);
        }
      );
      req.on(
        "timeout",
        () => req.destroy(Object.assign(new Error("request timed out"), { code: "ETIMEDOUT" }))
      );
      req.on("error", reject);
      req.end(body);
    });
  }
};
function isTlsHandshakeFailure(error) {
  const code = error?.code;
  const message = error instanceof Error ? error.message : "";
  return typeof code === "string" && (code.startsWith("ERR_SSL") || code === "EPROTO" || code === "ECONNRESET") || /wrong version number|ssl/i.test(message);
}
function requestScope(ref, options) {
  if (options.scoped === false) return "";
  return [
    `repository:${ref.repository}:${options.access === "push" ? "pull,push" : "pull"}`,
    ...options.extraScopes ?? []
  ].join(" ");
}
var SendFailure = class extends Error {
  cause;
  constructor(cause) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.cause = cause;
  }
};
var FaultyAnswer = class extends Error {
  response;
  transient;
  retryAfterMs;
  constructor(response, transient, retryAfterMs) {
    super(`HTTP ${response.status}`);
    this.response = response;
    this.transient = transient;
    this.retryAfterMs = retryAfterMs;
  }
};
function requestVerdict(call) {
  return (error) => {
    const what = `${call.method} ${call.path}`;
    if (error instanceof SendFailure)
      return {
        transient: isNetworkError(error.cause),
        reason: `${what}: ${error.cause.code ?? "network error"}`
      };
    if (error instanceof FaultyAnswer)
      return {
        transient: error.transient,
        retryAfterMs: error.retryAfterMs,
        reason: `${what}: HTTP ${error.response.status}`
      };
    return { transient: false, reason: String(error) };
  };
}
function requestFailure(call, error) {
  const { ref, method, path } = call;
  if (error instanceof SendFailure)
    return new CommandError(
      `registry ${ref.registry}: ${method} ${path} failed: ${error.cause.message}`,
      {
        tool: "registry",
        cause: error.cause
      }
    );
  if (error instanceof FaultyAnswer) {
    const detail = registryErrors(error.response.body);
    return new CommandError(
      `registry ${ref.registry}: ${method} ${path} answered HTTP ${error.response.status}${detail ? ` (${detail})` : ""}`,
      { tool: "registry" }
    );
  }
  return error;
}
function basicCredentials(credential) {
  return Buffer.from(`${credential.username}:${credential.password}`).toString("base64");
}
function tokenRealm(params, scope) {
  const realm = new URL(params.realm ?? "");
  if (params.service !== void 0) realm.searchParams.set("service", params.service);
  for (const s of scope.split(" ").filter((x) => x !== "")) realm.searchParams.append("scope", s);
  return realm;
}
function tokenFrom(res, service, now) {
  const text = res.body.toString("utf8");
  if (res.status !== 200) {
    throw new TokenServiceError(
      `${service} answered HTTP ${res.status}${/<html/i.test(text) ? " with an HTML page" : ""}`,
      isRetryableStatus(res.status),
      parseRetryAfter(header(res.headers, "retry-after"), now)
    );
  }
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new TokenServiceError(
      `${service} answered HTTP 200 with ${/<html/i.test(text) ? "an HTML page" : "a body that is not JSON"}`,
      true
    );
  }
  const value = typeof body.token === "string" ? body.token : typeof body.access_token === "string" ? body.access_token : "";
  if (value === "") throw new TokenServiceError(`${service} returned no token`, false);
  return value;
}
function tokenVerdict(error) {
  return error instanceof TokenServiceError ? { transient: error.transient, retryAfterMs: error.retryAfterMs, reason: error.message } : { transient: isNetworkError(error), reason: error instanceof Error ? error.message : String(error) };
}
var TokenServiceError = class extends Error {
  transient;
  retryAfterMs;
  constructor(message, transient, retryAfterMs) {
    super(message);
    this.transient = transient;
    this.retryAfterMs = retryAfterMs;
  }
};
var MAX_REFERRER_PAGES = 16;
function nextPage(link, apiHost) {
  const target = link === void 0 ? void 0 : /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link)?.[1];
  if (target === void 0) return void 0;
  const url = new URL(target, `http://${apiHost}`);
  return url.host === apiHost ? `${url.pathname}${url.search}` : void 0;
}

// packages/core/src/oci/registry-credentials.ts
var import_promises = __toESM(require_promises(), 1);
var import_node_os = __toESM(require_os(), 1);
var import_node_path = __toESM(require_path(), 1);
function credentialFiles(env, explicit) {
  if (explicit !== void 0) return [explicit];
  const files = [];
  if (env.REGISTRY_AUTH_FILE) files.push(env.REGISTRY_AUTH_FILE);
  if (env.XDG_RUNTIME_DIR) files.push((0, import_node_path.join)(env.XDG_RUNTIME_DIR, "containers", "auth.json"));
  files.push((0, import_node_path.join)(env.DOCKER_CONFIG ?? (0, import_node_path.join)(env.HOME ?? (0, import_node_os.homedir)(), ".docker"), "config.json"));
  return files;
}
function normaliseKey(key) {
  let k = key.replace(/^https?:\/\//, "").replace(/\/+$/, "");
  if (k === "index.docker.io/v1" || k === "index.docker.io" || k === "registry-1.docker.io") k = "docker.io";
  return k;
}
function decodeAuth(entry, source) {
  if (entry.auth) {
    const text = Buffer.from(entry.auth, "base64").toString("utf8");
    const colon = text.indexOf(":");
    if (colon < 0) throw new ConfigurationError(`credentials in ${source} are not base64("user:password")`);
    return { username: text.slice(0, colon), password: text.slice(colon + 1), source };
  }
  if (entry.username !== void 0 && entry.password !== void 0) {
    return { username: entry.username, password: entry.password, source };
  }
  return void 0;
}
var CredentialStore = class {
  files;
  env;
  runner;
  logger;
  constructor(options) {
    this.env = options.env;
    this.runner = options.runner;
    this.logger = options.logger;
    this.files = credentialFiles(options.env, options.authFile);
  }
  async lookup(registry, repository) {
    const host = normaliseKey(registry);
    for (const file of this.files) {
      const parsed = await this.readFile(file);
      if (parsed === void 0) continue;
      const helper = parsed.credHelpers?.[host] ?? parsed.credHelpers?.[registry];
      if (helper !== void 0) return this.mask(await this.fromHelper(helper, registry));
      const candidates = Object.entries(parsed.auths ?? {}).map(([key, entry]) => [normaliseKey(key), entry]).filter(
        ([key]) => key === host || repository !== void 0 && `${host}/${repository}`.startsWith(`${key}/`)
      ).sort((a, b) => b[0].length - a[0].length);
      for (const [, entry] of candidates) {
        const credential = decodeAuth(entry, file);
        if (credential !== void 0) return this.mask(credential);
      }
      if (parsed.credsStore !== void 0) {
        const credential = await this.fromHelper(parsed.credsStore, registry).catch(() => void 0);
        if (credential !== void 0) return this.mask(credential);
      }
    }
    return void 0;
  }
  mask(credential) {
    this.logger.setSecret(credential.password);
    this.logger.setSecret(Buffer.from(`${credential.username}:${credential.password}`).toString("base64"));
    return credential;
  }
  async readFile(file) {
    let text;
    try {
      text = await (0, import_promises.readFile)(file, "utf8");
    } catch (error) {
      if (error.code === "ENOENT") return void 0;
      throw new ConfigurationError(
        `cannot read registry credentials file ${file}: ${error.message}`
      );
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new ConfigurationError(`registry credentials file ${file} is not valid JSON`);
    }
  }
  async fromHelper(helper, registry) {
    if (!/^[A-Za-z0-9_.-]+$/.test(helper))
      throw new ConfigurationError(`credential helper name "${helper}" is not valid`);
    const { stdout } = await this.runner.run({
      tool: `docker-credential-${helper}`,
      command: `docker-credential-${helper}`,
      args: ["get"],
      stdin: registry,
      env: this.env,
      timeoutMs: 3e4
    });
    let parsed;
    try {
      parsed = JSON.parse(stdout);
    } catch {
      throw new ConfigurationError(
        `docker-credential-${helper} printed something other than JSON for ${registry}`
      );
    }
    if (typeof parsed.Username !== "string" || typeof parsed.Secret !== "string") {
      throw new ConfigurationError(`docker-credential-${helper} returned no Username/Secret for ${registry}`);
    }
    this.logger.setSecret(parsed.Secret);
    return { username: parsed.Username, password: parsed.Secret, source: `docker-credential-${helper}` };
  }
};

// packages/core/src/oci/open-registry.ts
function openRegistry(deps, options) {
  const credentials = new CredentialStore({
    env: deps.env,
    runner: deps.runner,
    logger: deps.logger,
    authFile: options.authFile
  });
  return new RegistryClient({
    logger: deps.logger,
    credentials,
    tlsVerify: options.tlsVerify,
    ...options.sleep ? { sleep: options.sleep } : {}
  });
}

// packages/core/src/oci/tag-merge.ts
var SETTLE_ROUND_TRIPS = 6;
var SETTLE_MIN_MS = 30;
var SETTLE_MAX_MS = 1e3;
function mergePolicy(attempts) {
  return { maxAttempts: attempts, baseDelayMs: 50, maxDelayMs: 1e3, deadlineMs: 6e4 };
}
var ChangeLost = class extends Error {
};
async function mergeIntoTag(merge) {
  const attempts = merge.attempts ?? 8;
  const sleep = merge.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const random = merge.random ?? Math.random;
  let current = await merge.read();
  const attempt = async (n) => {
    if (n > 1) current = await merge.read();
    if (merge.holds(current)) return n;
    const started = Date.now();
    await merge.write(merge.merge(current));
    const putMs = Date.now() - started;
    current = await merge.read();
    if (!merge.holds(current)) throw new ChangeLost();
    const settle = Math.min(SETTLE_MAX_MS, Math.max(SETTLE_MIN_MS, SETTLE_ROUND_TRIPS * putMs));
    await sleep(Math.round(settle * (1 + random())));
    current = await merge.read();
    if (!merge.holds(current)) throw new ChangeLost();
    return n;
  };
  try {
    return await withRetries(
      attempt,
      (error) => ({ transient: error instanceof ChangeLost, reason: "another writer replaced it" }),
      { policy: mergePolicy(attempts), sleep, random }
    );
  } catch (error) {
    if (!(error instanceof ChangeLost)) throw error;
    throw new CommandError(
      `${merge.what}: another writer replaced it each time, ${attempts} times; our change is not in it`,
      { tool: "registry" }
    );
  }
}

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
var import_node_crypto2 = __toESM(require_crypto(), 1);
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
var import_node_crypto3 = __toESM(require_crypto(), 1);

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
      digest: `sha256:${(0, import_node_crypto3.createHash)("sha256").update(EMPTY_CONFIG).digest("hex")}`
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
      messageDigest: { algorithm: "SHA2_256", digest: (0, import_node_crypto3.createHash)("sha256").update(payload).digest("base64") },
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
var import_promises2 = __toESM(require_promises(), 1);
var import_node_path2 = __toESM(require_path(), 1);
async function loadTrustedRoot(path, temp) {
  if (path !== void 0) {
    let json;
    try {
      json = JSON.parse(await (0, import_promises2.readFile)(path, "utf8"));
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
    return await getTrustedRoot({ cachePath: (0, import_node_path2.join)(temp, "sigstore-tuf") });
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
//# sourceMappingURL=run-D3KRGEEN.mjs.map
