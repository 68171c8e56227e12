import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  CommandError,
  ConfigurationError,
  Digest,
  ImageReference,
  JobSummary,
  addLogin,
  authValue,
  defineState,
  dockerShadow,
  loginKey,
  parseLoginRecord,
  removeLogins,
  withSecretFile
} from "./chunk-6FVI6DDV.mjs";
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

// actions/registry-login/src/run.ts
var import_promises2 = __toESM(require_promises(), 1);
var import_node_path2 = __toESM(require_path(), 1);

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
    if (colon < 0)
      throw new ConfigurationError(`credentials in ${source} are not base64("user:password")`, {
        code: "CREDENTIALS_INVALID",
        reason: "AUTH_NOT_USER_PASSWORD"
      });
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
        `cannot read registry credentials file ${file}: ${error.message}`,
        { code: "CREDENTIALS_INVALID", reason: "FILE_UNREADABLE", actual: file }
      );
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new ConfigurationError(`registry credentials file ${file} is not valid JSON`, {
        code: "CREDENTIALS_INVALID",
        reason: "FILE_NOT_JSON",
        actual: file
      });
    }
  }
  async fromHelper(helper, registry) {
    if (!/^[A-Za-z0-9_.-]+$/.test(helper))
      throw new ConfigurationError(`credential helper name "${helper}" is not valid`, {
        code: "CREDENTIALS_INVALID",
        reason: "HELPER_NAME_INVALID",
        actual: helper
      });
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
        `docker-credential-${helper} printed something other than JSON for ${registry}`,
        { code: "CREDENTIALS_INVALID", reason: "HELPER_OUTPUT_NOT_JSON" }
      );
    }
    if (typeof parsed.Username !== "string" || typeof parsed.Secret !== "string") {
      throw new ConfigurationError(
        `docker-credential-${helper} returned no Username/Secret for ${registry}`,
        {
          code: "CREDENTIALS_INVALID",
          reason: "HELPER_NO_CREDENTIALS"
        }
      );
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

// actions/registry-login/src/run.ts
var loginState = defineState("registry-login", parseLoginRecord("registry-login"));
async function run(plan, { deps, outputs }) {
  const { logins, files } = plan;
  for (const login of logins) deps.logger.setSecret(authValue(login.username, login.password));
  if (plan.verify) for (const login of logins) await verifyLogin(login, plan.tlsVerify, deps);
  const state = { keep: plan.keep, logins: [] };
  await writeLogins(logins, files, state, deps);
  if (files.exportAuthFile) deps.exportVariable("REGISTRY_AUTH_FILE", files.authFile);
  if (files.exportDockerConfig) deps.exportVariable("DOCKER_CONFIG", (0, import_node_path2.dirname)(files.dockerConfig));
  outputs.write({
    registries: logins.map((l) => l.registry).join("\n"),
    "auth-file": files.authFile,
    "docker-config": (0, import_node_path2.dirname)(files.dockerConfig)
  });
  await deps.writeSummary(loginSummary(plan));
}
function loginSummary({ logins, files, verify, keep }) {
  return new JobSummary().heading("registry-login").verdict(true, `Logged in to ${logins.map((l) => l.registry).join(", ")}`).table(
    ["registry", "user", "credential", "checked"],
    logins.map((l) => [
      { text: l.registry, code: true },
      { text: l.username, code: true },
      l.source,
      verify ? "accepted by the registry (GET /v2/)" : "not checked (verify: false)"
    ])
  ).facts([
    ["containers auth.json", { text: files.authFile, code: true }],
    ["Docker config.json", { text: files.dockerConfig, code: true }],
    ["after the job", keep ? "kept (keep-login: true)" : "removed by the post step"]
  ]);
}
async function verifyLogin(login, tlsVerify, deps) {
  const key = loginKey(login.registry, "containers");
  const document = JSON.stringify({ auths: { [key]: { auth: authValue(login.username, login.password) } } });
  await withSecretFile(
    document,
    async (authFile) => {
      const client = openRegistry(deps, { authFile, tlsVerify });
      try {
        await client.ping(ImageReference.parse(`${login.registry}/login-check`));
      } catch (error) {
        if (!(error instanceof ConfigurationError)) throw error;
        const input = login.source === "github-token" ? "github-token" : "password";
        throw new ConfigurationError(
          `Input "${input}": ${login.registry} did not accept the login of "${login.username}": ${error.message.replace(/ Log in first.*$/s, "")}`,
          { input }
        );
      }
      deps.logger.info(`${login.registry} accepted the login of ${login.username} (${login.source})`);
    },
    { directory: deps.paths.temp, name: "auth.json" }
  );
}
async function writeLogins(logins, files, state, deps) {
  for (const login of logins) {
    for (const [file, kind] of [
      [files.dockerConfig, "docker"],
      [files.authFile, "containers"]
    ]) {
      const key = loginKey(login.registry, kind);
      const added = await addLogin(file, key, login.username, login.password);
      state.logins.push(added);
      loginState.save(deps.state, state);
      if (added.replaced)
        deps.logger.warning(`replaced a login for ${key} in ${file}; the post step puts it back`);
      if (kind === "docker") {
        const shadow = dockerShadow(await readJson(file), key);
        if (shadow !== void 0)
          deps.logger.warning(
            `docker will ask ${shadow} in ${file} for ${key}, not this login; skopeo, buildah, cosign and trivy use ${files.authFile}`
          );
      }
    }
  }
}
async function readJson(file) {
  try {
    return JSON.parse(await (0, import_promises2.readFile)(file, "utf8"));
  } catch {
    return void 0;
  }
}
async function post(deps) {
  await removeLogins(loginState.load(deps.state), deps.logger);
}
export {
  loginState,
  post,
  run
};
//# sourceMappingURL=run-H2O6QZOU.mjs.map
