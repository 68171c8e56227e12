import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  CommandError,
  ConfigurationError,
  Digest,
  JobSummary,
  chooseTags,
  formatPlatform,
  needsExistingTags,
  tagWrites
} from "./chunk-NTL7SYOL.mjs";
import "./chunk-LAKDNJDR.mjs";
import {
  require_promises
} from "./chunk-ZKXDAKWM.mjs";
import {
  require_os,
  require_path
} from "./chunk-Q7KQMW4X.mjs";
import {
  require_stream
} from "./chunk-YKKCAAD4.mjs";
import {
  require_crypto,
  require_fs
} from "./chunk-VCWESDKG.mjs";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-5MM4E6UD.mjs";

// builtin:stream/promises
var require_promises2 = __commonJS({
  "builtin:stream/promises"(exports, module) {
    module.exports = __require("node:stream/promises");
  }
});

// builtin:worker_threads
var require_worker_threads = __commonJS({
  "builtin:worker_threads"(exports, module) {
    module.exports = __require("node:worker_threads");
  }
});

// actions/skopeo-push/src/run.ts
var import_promises6 = __toESM(require_promises(), 1);
var import_node_path3 = __toESM(require_path(), 1);

// packages/core/src/action/github-event.ts
var import_promises = __toESM(require_promises(), 1);
function record(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function text(value) {
  return typeof value === "string" && value.trim() !== "" ? value : void 0;
}
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
function prNumberOf(eventName, ref, payload) {
  const fromRef = /^refs\/pull\/(\d+)\//.exec(ref)?.[1];
  if (!PULL_REQUEST_EVENTS.has(eventName) && fromRef === void 0) return void 0;
  const candidates = [record(payload.pull_request)?.number, payload.number, fromRef];
  for (const candidate of candidates) {
    const n = typeof candidate === "string" && /^\d+$/.test(candidate) ? Number(candidate) : candidate;
    if (typeof n === "number" && Number.isSafeInteger(n) && n > 0) return n;
  }
  return void 0;
}
function repositoryFacts(payload, env) {
  const repo = record(payload.repository) ?? {};
  const fullName = text(env.GITHUB_REPOSITORY);
  const server = text(env.GITHUB_SERVER_URL);
  const spdx = text(record(repo.license)?.spdx_id);
  return {
    name: text(repo.name) ?? fullName?.split("/").at(-1),
    htmlUrl: text(repo.html_url) ?? (server !== void 0 && fullName !== void 0 ? `${server}/${fullName}` : void 0),
    description: text(repo.description),
    license: spdx === "NOASSERTION" ? void 0 : spdx
  };
}
function refContext(env, payload, date) {
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const ref = text(env.GITHUB_REF) ?? text(payload.ref) ?? "";
  return {
    eventName,
    ref,
    sha: env.GITHUB_SHA ?? "",
    defaultBranch: text(record(payload.repository)?.default_branch),
    prNumber: prNumberOf(eventName, ref, payload),
    repository: repositoryFacts(payload, env),
    payload,
    date
  };
}
async function readRefContext(env, date) {
  const path = env.GITHUB_EVENT_PATH;
  if (path === void 0 || path === "") return refContext(env, {}, date);
  let raw;
  try {
    raw = await (0, import_promises.readFile)(path, "utf8");
  } catch (error) {
    throw new ConfigurationError(
      `GITHUB_EVENT_PATH names ${path}, which is not readable (${error.code ?? "unreadable"}); the runner writes the event payload there: leave the variable as the runner sets it`,
      { input: "GITHUB_EVENT_PATH", cause: error }
    );
  }
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new ConfigurationError(`GITHUB_EVENT_PATH names ${path}, which is not JSON`, {
      input: "GITHUB_EVENT_PATH",
      cause: error
    });
  }
  const payload = record(parsed);
  if (payload === void 0)
    throw new ConfigurationError(`GITHUB_EVENT_PATH names ${path}, which is not a JSON object`, {
      input: "GITHUB_EVENT_PATH"
    });
  return refContext(env, payload, date);
}

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
function isTransientText(text2) {
  if (FINAL_TEXT.test(text2)) return false;
  return TRANSIENT_CODES.test(text2) || TRANSIENT_TEXT.test(text2);
}
function retryAfterInText(text2) {
  const m = /retry[- ]after:?\s*(\d+)\s*s?/i.exec(text2);
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
function isIndexMediaType(mediaType) {
  return mediaType === MediaType.ociIndex || mediaType === MediaType.dockerManifestList;
}
function isManifestMediaType(mediaType) {
  return mediaType === MediaType.ociManifest || mediaType === MediaType.dockerManifest;
}
var MANIFEST_ACCEPT = [
  MediaType.ociIndex,
  MediaType.ociManifest,
  MediaType.dockerManifestList,
  MediaType.dockerManifest
];
var ATTESTATION_REFERENCE_TYPE = "vnd.docker.reference.type";
var ATTESTATION_REFERENCE_DIGEST = "vnd.docker.reference.digest";
var ATTESTATION_MANIFEST = "attestation-manifest";
var REF_NAME_ANNOTATION = "org.opencontainers.image.ref.name";

// packages/core/src/oci/oci-layout.ts
var import_node_crypto2 = __toESM(require_crypto(), 1);
var import_node_fs = __toESM(require_fs(), 1);
var import_promises3 = __toESM(require_promises(), 1);
var import_node_os2 = __toESM(require_os(), 1);
var import_node_path = __toESM(require_path(), 1);
var import_node_stream = __toESM(require_stream(), 1);
var import_promises4 = __toESM(require_promises2(), 1);

// packages/core/src/oci/blob-hasher.ts
var import_node_crypto = __toESM(require_crypto(), 1);
var import_promises2 = __toESM(require_promises(), 1);
var import_node_os = __toESM(require_os(), 1);
var import_node_worker_threads = __toESM(require_worker_threads(), 1);
var WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const buffer = Buffer.allocUnsafe(1024 * 1024);
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ path, algorithm, limit }) => {
  let fd;
  try {
    fd = openSync(path, 'r');
    const hash = createHash(algorithm);
    let length = 0;
    for (;;) {
      const want = Math.min(buffer.length, limit + 1 - length);
      if (want <= 0) break;
      const n = readSync(fd, buffer, 0, want, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
      length += n;
    }
    parentPort.postMessage({ digest: algorithm + ':' + hash.digest('hex'), length });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
});
`;
var inlineHasher = {
  parallelism: 1,
  async hash(path, algorithm, limit) {
    const hash = (0, import_node_crypto.createHash)(algorithm);
    const file = await (0, import_promises2.open)(path, "r");
    let reading = Buffer.allocUnsafe(CHUNK);
    let spare = Buffer.allocUnsafe(CHUNK);
    let length = 0;
    const read = (into, at) => {
      const want = Math.max(0, Math.min(CHUNK, limit + 1 - at));
      return want === 0 ? Promise.resolve(0) : file.read(into, 0, want, at).then((r) => r.bytesRead);
    };
    try {
      let next = read(reading, 0);
      for (; ; ) {
        const n = await next;
        if (n === 0) break;
        const full = reading;
        reading = spare;
        spare = full;
        length += n;
        next = read(reading, length);
        hash.update(full.subarray(0, n));
      }
    } finally {
      await file.close();
    }
    return { digest: `${algorithm}:${hash.digest("hex")}`, length };
  },
  close: async () => {
  }
};
var CHUNK = 1024 * 1024;
var LanePool = class {
  queue = [];
  idle = [];
  closed = false;
  /** Lanes that may still take work (the inline lane never stops: infinitely many). */
  alive;
  constructor(alive) {
    this.alive = alive;
  }
  submit(job) {
    this.queue.push(job);
    this.dispatch();
  }
  /** A lane is free (again). */
  offer(lane) {
    if (this.closed) return;
    this.idle.push(lane);
    this.dispatch();
  }
  /** A lane stopped for good; when none is left the queue fails rather than waiting for ever. */
  lost(lane) {
    const i = this.idle.indexOf(lane);
    if (i >= 0) this.idle.splice(i, 1);
    this.alive--;
    if (this.alive === 0) this.failWaiting("no hashing lane is left");
  }
  close() {
    this.closed = true;
    this.failWaiting("the hasher is closed");
  }
  failWaiting(message) {
    for (const job of this.queue.splice(0)) job.reject(new Error(message));
  }
  dispatch() {
    while (this.queue.length > 0 && this.idle.length > 0) {
      const lane = this.idle.shift();
      const job = this.queue.shift();
      if (lane !== void 0 && job !== void 0) lane(job);
    }
  }
};
function startInlineLane(pool) {
  const lane = (job) => {
    inlineHasher.hash(job.path, job.algorithm, job.limit).then(job.resolve, job.reject).finally(() => pool.offer(lane));
  };
  pool.offer(lane);
}
function startWorkerLane(pool) {
  const worker = new import_node_worker_threads.Worker(WORKER_SOURCE, { eval: true });
  let current;
  const lane = (job) => {
    current = job;
    worker.postMessage({ path: job.path, algorithm: job.algorithm, limit: job.limit });
  };
  const finish = (settle) => {
    const job = current;
    current = void 0;
    if (job !== void 0) settle(job);
  };
  worker.on("message", (m) => {
    if (m.ready === true) return pool.offer(lane);
    finish(
      (job) => m.error !== void 0 ? job.reject(new Error(m.error)) : job.resolve({ digest: m.digest ?? "", length: m.length ?? 0 })
    );
    pool.offer(lane);
  });
  worker.on("error", (error) => finish((job) => job.reject(error)));
  worker.on("exit", () => {
    finish((job) => job.reject(new Error("a hashing worker stopped")));
    pool.lost(lane);
  });
  return worker;
}
function workerHasher(options = {}) {
  const inline = options.inline ?? true;
  const count = Math.max(inline ? 0 : 1, options.workers ?? (0, import_node_os.availableParallelism)() - (inline ? 1 : 0));
  const pool = new LanePool(inline ? Number.POSITIVE_INFINITY : count);
  if (inline) startInlineLane(pool);
  const workers = Array.from({ length: count }, () => startWorkerLane(pool));
  return {
    parallelism: count + (inline ? 1 : 0),
    hash(path, algorithm, limit) {
      if (pool.closed) return Promise.reject(new Error("the hasher is closed"));
      return new Promise(
        (resolve2, reject) => pool.submit({ path, algorithm, limit, resolve: resolve2, reject })
      );
    },
    async close() {
      if (pool.closed) return;
      pool.close();
      await Promise.all(workers.map((w) => w.terminate()));
    }
  };
}

// packages/core/src/oci/oci-layout.ts
var LayoutError = class extends ConfigurationError {
  constructor(message, details = {}) {
    super(message, { code: "LAYOUT_INVALID", ...details });
  }
};
var MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
var MAX_DEPTH = 8;
var WORKER_THRESHOLD = 64 * 1024 * 1024;
var SUPPORTED_LAYOUT_VERSION = "1.0.0";
async function writeLayoutRoot(dir, manifests) {
  await (0, import_promises3.writeFile)((0, import_node_path.join)(dir, "oci-layout"), `{"imageLayoutVersion":"${SUPPORTED_LAYOUT_VERSION}"}`);
  const index = { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests };
  await (0, import_promises3.writeFile)((0, import_node_path.join)(dir, "index.json"), JSON.stringify(index));
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function asDescriptor(value, where) {
  const invalid = { reason: "DESCRIPTOR_INVALID" };
  if (!isRecord(value)) throw new LayoutError(`${where}: descriptor is not an object`, invalid);
  const { mediaType, digest, size } = value;
  if (typeof mediaType !== "string" || mediaType === "")
    throw new LayoutError(`${where}: descriptor has no mediaType`, invalid);
  if (typeof digest !== "string") throw new LayoutError(`${where}: descriptor has no digest`, invalid);
  try {
    Digest.parse(digest);
  } catch (error) {
    throw new LayoutError(`${where}: ${error.message}`, {
      reason: "DIGEST_INVALID",
      actual: digest,
      cause: error
    });
  }
  if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) {
    throw new LayoutError(`${where}: descriptor ${digest} has an invalid size`, invalid);
  }
  return value;
}
function describe(desc) {
  const platform = desc.platform ? ` [${formatPlatform(desc.platform)}]` : "";
  return `${desc.digest}${platform}`;
}
var OciLayout = class _OciLayout {
  root;
  index;
  constructor(root, index) {
    this.root = root;
    this.index = index;
  }
  static async open(directory) {
    const root = (0, import_node_path.resolve)(directory);
    const rootStat = await (0, import_promises3.lstat)(root).catch(() => void 0);
    if (rootStat === void 0)
      throw new LayoutError(`OCI layout ${root} does not exist`, { reason: "NOT_FOUND" });
    if (!rootStat.isDirectory())
      throw new LayoutError(`OCI layout ${root} is not a directory`, { reason: "NOT_A_DIRECTORY" });
    for (const entry of ["oci-layout", "index.json"]) {
      const s = await (0, import_promises3.lstat)((0, import_node_path.join)(root, entry)).catch(() => void 0);
      if (s === void 0)
        throw new LayoutError(`OCI layout ${root} has no ${entry}: is this an OCI layout directory?`, {
          reason: "NOT_A_LAYOUT"
        });
      if (s.isSymbolicLink())
        throw new LayoutError(`OCI layout ${root}: ${entry} is a symbolic link; refused`, {
          reason: "SYMLINK"
        });
      if (!s.isFile())
        throw new LayoutError(`OCI layout ${root}: ${entry} is not a regular file`, { reason: "NOT_A_FILE" });
    }
    const marker = await readJson((0, import_node_path.join)(root, "oci-layout"), `${root}/oci-layout`);
    if (!isRecord(marker) || marker.imageLayoutVersion !== SUPPORTED_LAYOUT_VERSION) {
      const version = isRecord(marker) ? marker.imageLayoutVersion : void 0;
      const found = isRecord(marker) ? JSON.stringify(version) : "no object";
      throw new LayoutError(
        `OCI layout ${root}: unsupported imageLayoutVersion ${found}; this action reads "${SUPPORTED_LAYOUT_VERSION}"`,
        {
          reason: "UNSUPPORTED_VERSION",
          expected: SUPPORTED_LAYOUT_VERSION,
          actual: typeof version === "string" ? version : found ?? "undefined"
        }
      );
    }
    const blobs = await (0, import_promises3.lstat)((0, import_node_path.join)(root, "blobs")).catch(() => void 0);
    if (blobs === void 0 || !blobs.isDirectory() || blobs.isSymbolicLink()) {
      throw new LayoutError(`OCI layout ${root}: blobs/ is missing or not a plain directory`, {
        reason: "NOT_A_LAYOUT"
      });
    }
    for (const algorithm of ["sha256", "sha512"]) {
      const dir = await (0, import_promises3.lstat)((0, import_node_path.join)(root, "blobs", algorithm)).catch(() => void 0);
      if (dir !== void 0 && (dir.isSymbolicLink() || !dir.isDirectory()))
        throw new LayoutError(
          `OCI layout ${root}: blobs/${algorithm} is ${dir.isSymbolicLink() ? "a symbolic link" : "not a directory"}; refused`,
          { reason: dir.isSymbolicLink() ? "SYMLINK" : "NOT_A_DIRECTORY" }
        );
    }
    const index = await readJson((0, import_node_path.join)(root, "index.json"), `${root}/index.json`);
    if (!isRecord(index) || index.schemaVersion !== 2 || !Array.isArray(index.manifests)) {
      throw new LayoutError(
        `OCI layout ${root}: index.json is not an image index (schemaVersion 2 with manifests)`,
        { reason: "NOT_AN_INDEX" }
      );
    }
    for (const [i, m] of index.manifests.entries()) asDescriptor(m, `index.json manifests[${i}]`);
    return new _OciLayout(root, index);
  }
  /** The path of a blob; the digest is validated, so the path cannot leave blobs/. */
  blobPath(digest) {
    const d = Digest.parse(digest);
    return (0, import_node_path.join)(this.root, "blobs", d.algorithm, d.hex);
  }
  /**
   * The top-level descriptor: index.json's only entry, or the one whose
   * `org.opencontainers.image.ref.name` equals `ref`.
   */
  topLevel(ref) {
    const entries = this.index.manifests;
    if (ref !== void 0) {
      const found = entries.find((m) => m.annotations?.[REF_NAME_ANNOTATION] === ref);
      if (found === void 0) {
        const names = entries.map((m) => m.annotations?.[REF_NAME_ANNOTATION]).filter((n) => n !== void 0);
        throw new LayoutError(
          `OCI layout ${this.root} has no entry named "${ref}" (names: ${names.join(", ") || "none"})`,
          { reason: "ENTRY_NOT_FOUND", expected: ref, actual: names.join(", ") }
        );
      }
      return found;
    }
    const [only, ...others] = entries;
    if (only === void 0)
      throw new LayoutError(`OCI layout ${this.root}: index.json lists no manifests`, { reason: "NO_ENTRY" });
    if (others.length > 0) {
      const names = entries.map((m) => m.annotations?.[REF_NAME_ANNOTATION] ?? m.digest);
      throw new LayoutError(
        `OCI layout ${this.root} holds ${entries.length} entries (${names.join(", ")}); name the one to use`,
        { reason: "ENTRY_AMBIGUOUS", actual: names.join(", ") }
      );
    }
    return only;
  }
  /** Reads a small blob (manifest, config) whole, checking size and digest first. */
  async readBlob(descriptor, referencedBy = "index.json") {
    if (descriptor.size > MAX_MANIFEST_BYTES) {
      throw new LayoutError(
        `blob ${describe(descriptor)} (referenced by ${referencedBy}) is ${descriptor.size} bytes; manifests and configs are read only up to ${MAX_MANIFEST_BYTES}`,
        {
          reason: "MANIFEST_TOO_LARGE",
          expected: String(MAX_MANIFEST_BYTES),
          actual: String(descriptor.size)
        }
      );
    }
    const path = await this.checkedBlobPath(descriptor, referencedBy);
    const handle = await (0, import_promises3.open)(path, "r");
    try {
      const buffer = Buffer.alloc(descriptor.size + 1);
      let length = 0;
      for (; ; ) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length > descriptor.size) break;
      }
      const content = buffer.subarray(0, length);
      this.checkContent(descriptor, referencedBy, length, digestOf(descriptor.digest, content));
      return content;
    } finally {
      await handle.close();
    }
  }
  async readJsonBlob(descriptor, referencedBy) {
    const bytes = await this.readBlob(descriptor, referencedBy);
    try {
      return JSON.parse(bytes.toString("utf8"));
    } catch (error) {
      throw new LayoutError(`blob ${describe(descriptor)} is not valid JSON`, {
        reason: "INVALID_JSON",
        cause: error
      });
    }
  }
  /**
   * Checks the layout for a tool that verifies layer digests itself as it streams them (skopeo: "Digest did
   * not match"; the registry checks again before it commits a blob): every manifest and index is
   * digest-checked as the walk reads it, every other blob must exist as a regular file of its declared size.
   * Layers are not hashed here. Use with `snapshot`, which digest-checks configs as it copies them.
   */
  async checkForStreaming(ref) {
    const graph = await this.walk(ref);
    let totalBytes = 0;
    await Promise.all(
      [...graph.blobs.values()].map(async ({ descriptor, referencedBy }) => {
        const what = `blob ${describe(descriptor)} (referenced by ${referencedBy.join(", ")})`;
        const path = await this.checkedBlobPath(descriptor, referencedBy.join(", "));
        const size = (await (0, import_promises3.lstat)(path)).size;
        if (size !== descriptor.size)
          throw new LayoutError(`${what} has ${size} bytes on disk; the descriptor says ${descriptor.size}`, {
            reason: "BLOB_SIZE_MISMATCH",
            expected: String(descriptor.size),
            actual: String(size)
          });
        totalBytes += size;
      })
    );
    return { ...graph, blobCount: graph.blobs.size, totalBytes };
  }
  /**
   * A private layout holding exactly what `graph` verified, for a tool (skopeo, Trivy) to read instead of
   * this directory, which anyone with write access could change between our check and the tool's read.
   * index.json names only the verified root; every manifest, index and config is copied from bytes whose
   * digest is checked as they are read; layers are hard links (the inode that was verified: a file renamed
   * over the original later is not seen), or copies across file systems. Layers are content-addressed,
   * so skopeo and the registry check their digests again as they stream.
   */
  async snapshot(graph, target, layers = "link") {
    await (0, import_promises3.mkdir)((0, import_node_path.join)(target, "blobs", "sha256"), { recursive: true, mode: 448 });
    for (const { descriptor, referencedBy } of graph.blobs.values()) {
      const d = Digest.parse(descriptor.digest);
      const to = (0, import_node_path.join)(target, "blobs", d.algorithm, d.hex);
      const by = referencedBy.join(", ") || "index.json";
      await (0, import_promises3.mkdir)((0, import_node_path.dirname)(to), { recursive: true, mode: 448 });
      if (isDocument(descriptor)) await (0, import_promises3.writeFile)(to, await this.readBlob(descriptor, by));
      else if (layers === "copy-verified") await this.copyVerified(descriptor, by, to);
      else await this.linkChecked(descriptor, by, to);
    }
    await writeLayoutRoot(target, [graph.root]);
    return target;
  }
  /**
   * A hard link to the blob (for a reader that checks digests itself, like skopeo), then a check of what was
   * linked: a regular file of the declared size. A symbolic link swapped in after the layout check would be
   * linked as the link itself, and is refused here.
   */
  async linkChecked(descriptor, referencedBy, to) {
    const from = this.blobPath(descriptor.digest);
    await (0, import_promises3.link)(from, to).catch(async (error) => {
      if (error.code !== "EXDEV" && error.code !== "EPERM") throw error;
      await this.copyVerified(descriptor, referencedBy, to);
    });
    const s = await (0, import_promises3.lstat)(to);
    if (!s.isFile() || s.size !== descriptor.size)
      throw new LayoutError(
        `blob ${describe(descriptor)} (referenced by ${referencedBy}) changed after the layout was checked: ${s.isFile() ? `${s.size} bytes` : "not a regular file"} where ${descriptor.size} bytes were declared`,
        {
          reason: "BLOB_CHANGED",
          expected: String(descriptor.size),
          ...s.isFile() ? { actual: String(s.size) } : {}
        }
      );
  }
  /**
   * A private copy of the blob, hashed as it is copied from a handle that refuses a symbolic link: what the
   * copy holds is what was hashed (for a reader that checks no digest, like Trivy). A hard link would share
   * the inode, so a write into the layout's file would change the snapshot too.
   */
  async copyVerified(descriptor, referencedBy, to) {
    const what = `blob ${describe(descriptor)} (referenced by ${referencedBy})`;
    const source = await (0, import_promises3.open)(
      this.blobPath(descriptor.digest),
      import_node_fs.constants.O_RDONLY | import_node_fs.constants.O_NOFOLLOW
    ).catch((error) => {
      throw new LayoutError(
        `${what} cannot be read as a regular file (${error.code ?? error.message}); refused`,
        { reason: "BLOB_UNREADABLE", cause: error }
      );
    });
    try {
      if (!(await source.stat()).isFile())
        throw new LayoutError(`${what} is not a regular file; refused`, { reason: "NOT_A_FILE" });
      const hash = (0, import_node_crypto2.createHash)(Digest.parse(descriptor.digest).algorithm);
      let length = 0;
      const counting = new import_node_stream.Transform({
        transform(chunk, _encoding, done) {
          hash.update(chunk);
          length += chunk.length;
          done(null, chunk);
        }
      });
      await (0, import_promises4.pipeline)(
        source.createReadStream({ autoClose: false }),
        counting,
        (0, import_node_fs.createWriteStream)(to, { mode: 384 })
      );
      this.checkContent(
        descriptor,
        referencedBy,
        length,
        `${Digest.parse(descriptor.digest).algorithm}:${hash.digest("hex")}`
      );
    } finally {
      await source.close();
    }
  }
  /** Walks index.json → indexes → manifests → config and layers, verifying every manifest it parses. */
  async walk(ref) {
    const root = this.topLevel(ref);
    const graph = { root, images: [], attestations: [], indexes: [], blobs: /* @__PURE__ */ new Map() };
    await this.visit(root, "index.json", graph, 0, /* @__PURE__ */ new Set());
    return graph;
  }
  /**
   * Verifies the whole layout: every blob reachable from the top level exists as a regular file, has
   * the declared size and hashes to its digest. Blobs are streamed (memory stays bounded whatever their
   * size); when the layout is large enough to pay for it, hashing runs on one worker thread per core.
   */
  async verify(options = {}) {
    const graph = await this.walk(options.ref);
    const pending = [...graph.blobs.values()].sort((a, b) => b.descriptor.size - a.descriptor.size);
    const totalBytes = pending.reduce((n, b) => n + b.descriptor.size, 0);
    const threads = Math.max(1, options.concurrency ?? (0, import_node_os2.availableParallelism)());
    const threshold = options.workerThresholdBytes ?? WORKER_THRESHOLD;
    const owned = options.hasher === void 0;
    const hasher = options.hasher ?? (threads > 1 && totalBytes >= threshold ? workerHasher({ workers: threads - 1 }) : inlineHasher);
    try {
      const lanes = Array.from({ length: Math.max(threads, hasher.parallelism) }, async () => {
        for (let next = pending.shift(); next !== void 0; next = pending.shift()) {
          await this.verifyBlob(next.descriptor, next.referencedBy.join(", "), hasher);
        }
      });
      await Promise.all(lanes);
    } finally {
      if (owned) await hasher.close();
    }
    return { ...graph, blobCount: graph.blobs.size, totalBytes };
  }
  /** Streams one blob through its hash; throws a LayoutError naming the blob and its referrer. */
  async verifyBlob(descriptor, referencedBy, hasher = inlineHasher) {
    const path = await this.checkedBlobPath(descriptor, referencedBy);
    const algorithm = Digest.parse(descriptor.digest).algorithm;
    const { digest, length } = await hasher.hash(path, algorithm, descriptor.size);
    this.checkContent(descriptor, referencedBy, length, digest);
  }
  checkContent(descriptor, referencedBy, length, actual) {
    const what = `blob ${describe(descriptor)} (referenced by ${referencedBy})`;
    if (length !== descriptor.size) {
      const sizeText = length > descriptor.size ? `more than ${descriptor.size}` : `${length}`;
      throw new LayoutError(`${what} has ${sizeText} bytes on disk; the descriptor says ${descriptor.size}`, {
        reason: "BLOB_SIZE_MISMATCH",
        expected: String(descriptor.size),
        actual: sizeText
      });
    }
    if (actual !== descriptor.digest)
      throw new LayoutError(`${what} does not match its digest: content hashes to ${actual}`, {
        reason: "BLOB_DIGEST_MISMATCH",
        expected: descriptor.digest,
        actual
      });
  }
  async checkedBlobPath(descriptor, referencedBy) {
    const path = this.blobPath(descriptor.digest);
    const s = await (0, import_promises3.lstat)(path).catch(() => void 0);
    const what = `blob ${describe(descriptor)} (referenced by ${referencedBy})`;
    if (s === void 0) throw new LayoutError(`${what} is missing from ${path}`, { reason: "BLOB_MISSING" });
    if (s.isSymbolicLink())
      throw new LayoutError(`${what} is a symbolic link at ${path}; refused`, { reason: "SYMLINK" });
    if (!s.isFile())
      throw new LayoutError(`${what} is not a regular file at ${path}`, { reason: "NOT_A_FILE" });
    return path;
  }
  addBlob(graph, descriptor, referencedBy) {
    const known = graph.blobs.get(descriptor.digest);
    if (known === void 0) {
      graph.blobs.set(descriptor.digest, { descriptor, referencedBy: [referencedBy] });
      return;
    }
    const document = (d) => isIndexMediaType(d.mediaType) || isManifestMediaType(d.mediaType);
    if (document(known.descriptor) !== document(descriptor) || document(descriptor) && known.descriptor.mediaType !== descriptor.mediaType) {
      throw new LayoutError(
        `blob ${descriptor.digest} is declared as ${descriptor.mediaType} by ${referencedBy} but as ${known.descriptor.mediaType} by ${known.referencedBy.join(", ")}; one blob, one role`,
        { reason: "ROLE_CONFLICT", expected: known.descriptor.mediaType, actual: descriptor.mediaType }
      );
    }
    if (known.descriptor.size !== descriptor.size) {
      throw new LayoutError(
        `blob ${descriptor.digest} is declared with size ${descriptor.size} by ${referencedBy} but ${known.descriptor.size} by ${known.referencedBy.join(", ")}`,
        { reason: "SIZE_CONFLICT", expected: String(known.descriptor.size), actual: String(descriptor.size) }
      );
    }
    if (!known.referencedBy.includes(referencedBy)) known.referencedBy.push(referencedBy);
  }
  async visit(descriptor, referencedBy, graph, depth, path, siblings = /* @__PURE__ */ new Set()) {
    if (depth > MAX_DEPTH)
      throw new LayoutError(`index nesting deeper than ${MAX_DEPTH} at ${descriptor.digest}`, {
        reason: "TOO_DEEP"
      });
    if (path.has(descriptor.digest))
      throw new LayoutError(`index cycle through ${descriptor.digest}`, { reason: "INDEX_CYCLE" });
    const seen = graph.blobs.has(descriptor.digest);
    this.addBlob(graph, descriptor, referencedBy);
    if (seen) return;
    const here = `${isIndexMediaType(descriptor.mediaType) ? "index" : "manifest"} ${describe(descriptor)}`;
    const at = { descriptor, referencedBy, here, graph };
    if (isIndexMediaType(descriptor.mediaType)) await this.visitIndex(at, depth, path);
    else if (isManifestMediaType(descriptor.mediaType)) await this.visitManifest(at, siblings);
  }
  /** An index: every child is visited, knowing which of them are images (what an attestation may name). */
  async visitIndex(at, depth, path) {
    const { descriptor, here, graph } = at;
    const doc = await this.readJsonBlob(descriptor, at.referencedBy);
    if (!isRecord(doc) || doc.schemaVersion !== 2 || !Array.isArray(doc.manifests)) {
      throw new LayoutError(`${here} is not an image index`, { reason: "NOT_AN_INDEX" });
    }
    checkEmbeddedMediaType(doc, descriptor, here);
    graph.indexes.push(descriptor.digest);
    const next = new Set(path).add(descriptor.digest);
    const children = doc.manifests.map((m, i) => asDescriptor(m, `${here} manifests[${i}]`));
    const images = new Set(
      children.filter((c) => isManifestMediaType(c.mediaType) && !markedAsAttestation(c)).map((c) => c.digest)
    );
    for (const child of children) await this.visit(child, here, graph, depth + 1, next, images);
  }
  /** An image manifest: its config and layers join the graph, as an image or as a checked attestation. */
  async visitManifest(at, siblings) {
    const { descriptor, here, graph } = at;
    const doc = await this.readJsonBlob(descriptor, at.referencedBy);
    if (!isRecord(doc) || doc.schemaVersion !== 2 || !Array.isArray(doc.layers)) {
      throw new LayoutError(`${here} is not an image manifest`, { reason: "NOT_A_MANIFEST" });
    }
    checkEmbeddedMediaType(doc, descriptor, here);
    const config = asDescriptor(doc.config, `${here} config`);
    const layers = doc.layers.map((l, i) => asDescriptor(l, `${here} layers[${i}]`));
    this.addBlob(graph, config, `${here} (config)`);
    for (const [i, layer] of layers.entries()) {
      this.addBlob(graph, layer, `${here} (layer ${i + 1} of ${layers.length})`);
    }
    if (markedAsAttestation(descriptor)) {
      const problem = attestationProblem(descriptor, layers, siblings);
      if (problem !== void 0) {
        throw new LayoutError(
          `${here} is marked as a BuildKit attestation manifest but ${problem}: refusing a layout that would hide an image from the scan`,
          { reason: "ATTESTATION_INVALID" }
        );
      }
      graph.attestations.push({
        digest: descriptor.digest,
        subject: descriptor.annotations?.[ATTESTATION_REFERENCE_DIGEST],
        layers
      });
      return;
    }
    const platform = descriptor.platform ?? await this.platformFromConfig(config, here);
    graph.images.push({
      platform: formatPlatform(platform),
      digest: descriptor.digest,
      mediaType: descriptor.mediaType,
      size: descriptor.size,
      config,
      layers
    });
  }
  async platformFromConfig(config, manifest) {
    const doc = await this.readJsonBlob(config, `${manifest} (config)`);
    if (!isRecord(doc) || typeof doc.os !== "string" || typeof doc.architecture !== "string") {
      return { os: "unknown", architecture: "unknown" };
    }
    return typeof doc.variant === "string" && doc.variant !== "" ? { os: doc.os, architecture: doc.architecture, variant: doc.variant } : { os: doc.os, architecture: doc.architecture };
  }
};
var IN_TOTO_LAYER = "application/vnd.in-toto+json";
function isDocument(descriptor) {
  return isIndexMediaType(descriptor.mediaType) || isManifestMediaType(descriptor.mediaType) || /json$/.test(descriptor.mediaType) && descriptor.size <= MAX_MANIFEST_BYTES;
}
function markedAsAttestation(descriptor) {
  return descriptor.annotations?.[ATTESTATION_REFERENCE_TYPE] === ATTESTATION_MANIFEST;
}
function attestationProblem(descriptor, layers, siblings) {
  const platform = descriptor.platform;
  if (platform?.os !== "unknown" || platform.architecture !== "unknown")
    return `its platform is ${platform === void 0 ? "missing" : formatPlatform(platform)}, not unknown/unknown`;
  const other = layers.find((l) => l.mediaType !== IN_TOTO_LAYER);
  if (layers.length === 0 || other !== void 0)
    return `its layers are not all in-toto statements (${other?.mediaType ?? "it has none"})`;
  const subject = descriptor.annotations?.[ATTESTATION_REFERENCE_DIGEST];
  if (subject === void 0 || !siblings.has(subject))
    return `it refers to ${subject ?? "nothing"}, which is not an image of the same index`;
  return void 0;
}
function checkEmbeddedMediaType(doc, descriptor, here) {
  if (typeof doc.mediaType === "string" && doc.mediaType !== descriptor.mediaType) {
    throw new LayoutError(
      `${here} declares mediaType ${doc.mediaType} but its descriptor says ${descriptor.mediaType}`,
      { reason: "MEDIA_TYPE_MISMATCH", expected: descriptor.mediaType, actual: doc.mediaType }
    );
  }
}
function digestOf(expected, content) {
  const algorithm = Digest.parse(expected).algorithm;
  return `${algorithm}:${(0, import_node_crypto2.createHash)(algorithm).update(content).digest("hex")}`;
}
async function readJson(path, label) {
  const s = await (0, import_promises3.lstat)(path);
  if (s.size > MAX_MANIFEST_BYTES)
    throw new LayoutError(`${label} is larger than ${MAX_MANIFEST_BYTES} bytes`, {
      reason: "MANIFEST_TOO_LARGE",
      expected: String(MAX_MANIFEST_BYTES),
      actual: String(s.size)
    });
  try {
    return JSON.parse(await (0, import_promises3.readFile)(path, "utf8"));
  } catch (error) {
    throw new LayoutError(`${label} is not valid JSON`, { reason: "INVALID_JSON", cause: error });
  }
}
function requireLayoutDigest(layout, actual, expected, refusing) {
  if (actual !== expected) {
    throw new ConfigurationError(
      `the layout ${layout} has top-level digest ${actual}, but input "digest" is ${expected}: ${refusing}`,
      { code: "DIGEST_MISMATCH", input: "digest", expected, actual }
    );
  }
}

// packages/core/src/oci/registry-client.ts
var import_node_crypto3 = __toESM(require_crypto(), 1);

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
  return `sha256:${(0, import_node_crypto3.createHash)("sha256").update(bytes).digest("hex")}`;
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
      const link2 = header(res.headers, "link");
      path = link2 === void 0 ? void 0 : /<([^>]+)>;\s*rel="?next"?/.exec(link2)?.[1];
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
    return new Promise((resolve2, reject) => {
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
            () => resolve2({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
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
  const text2 = res.body.toString("utf8");
  if (res.status !== 200) {
    throw new TokenServiceError(
      `${service} answered HTTP ${res.status}${/<html/i.test(text2) ? " with an HTML page" : ""}`,
      isRetryableStatus(res.status),
      parseRetryAfter(header(res.headers, "retry-after"), now)
    );
  }
  let body;
  try {
    body = JSON.parse(text2);
  } catch {
    throw new TokenServiceError(
      `${service} answered HTTP 200 with ${/<html/i.test(text2) ? "an HTML page" : "a body that is not JSON"}`,
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
function nextPage(link2, apiHost) {
  const target = link2 === void 0 ? void 0 : /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link2)?.[1];
  if (target === void 0) return void 0;
  const url = new URL(target, `http://${apiHost}`);
  return url.host === apiHost ? `${url.pathname}${url.search}` : void 0;
}

// packages/core/src/oci/registry-credentials.ts
var import_promises5 = __toESM(require_promises(), 1);
var import_node_os3 = __toESM(require_os(), 1);
var import_node_path2 = __toESM(require_path(), 1);
function credentialFiles(env, explicit) {
  if (explicit !== void 0) return [explicit];
  const files = [];
  if (env.REGISTRY_AUTH_FILE) files.push(env.REGISTRY_AUTH_FILE);
  if (env.XDG_RUNTIME_DIR) files.push((0, import_node_path2.join)(env.XDG_RUNTIME_DIR, "containers", "auth.json"));
  files.push((0, import_node_path2.join)(env.DOCKER_CONFIG ?? (0, import_node_path2.join)(env.HOME ?? (0, import_node_os3.homedir)(), ".docker"), "config.json"));
  return files;
}
function normaliseKey(key) {
  let k = key.replace(/^https?:\/\//, "").replace(/\/+$/, "");
  if (k === "index.docker.io/v1" || k === "index.docker.io" || k === "registry-1.docker.io") k = "docker.io";
  return k;
}
function decodeAuth(entry, source) {
  if (entry.auth) {
    const text2 = Buffer.from(entry.auth, "base64").toString("utf8");
    const colon = text2.indexOf(":");
    if (colon < 0)
      throw new ConfigurationError(`credentials in ${source} are not base64("user:password")`, {
        code: "CREDENTIALS_INVALID",
        reason: "AUTH_NOT_USER_PASSWORD"
      });
    return { username: text2.slice(0, colon), password: text2.slice(colon + 1), source };
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
    let text2;
    try {
      text2 = await (0, import_promises5.readFile)(file, "utf8");
    } catch (error) {
      if (error.code === "ENOENT") return void 0;
      throw new ConfigurationError(
        `cannot read registry credentials file ${file}: ${error.message}`,
        { code: "CREDENTIALS_INVALID", reason: "FILE_UNREADABLE", actual: file }
      );
    }
    try {
      return JSON.parse(text2);
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
    const text2 = `${error.stderrTail}
${error.message}`;
    return { transient: isTransientText(text2), retryAfterMs: retryAfterInText(text2), reason: error.message };
  }
};

// actions/skopeo-push/src/run.ts
var PUSH_REFUSAL = "refusing to push bytes other than the ones that were built and scanned";
async function run(plan, { deps, outputs }) {
  const phase = (name) => deps.logger.debug(`skopeo-push: ${name} at ${performance.now().toFixed(0)} ms since the process started`);
  const client = openRegistry(deps, plan.registry);
  const chosen = await selectTags(plan, client, deps);
  const source = await openLayout(plan);
  const checked = await verifyAndCheck(plan, chosen.tags, source, client);
  phase("verified and checked the registry");
  const decisions = tagWrites(plan, chosen.tags, checked.current);
  await writeTags(plan, decisions, { ...source, ...checked }, client, deps, phase);
  phase("pushed");
  await readBack(plan, decisions, client);
  phase("read back");
  const { image, digest } = plan;
  outputs.write({
    digest,
    "image-ref": `${image}@${digest}`,
    tags: JSON.stringify(decisions.map((d) => d.tag))
  });
  const { blobs } = checked;
  deps.logger.info(
    `pushed ${image}@${digest} as ${chosen.tags.join(", ")} (${blobs.missing.length} blobs uploaded, ${blobs.present} already present)`
  );
  await deps.writeSummary(pushSummary(plan, decisions, chosen, checked));
  phase("done");
}
async function selectTags(plan, client, deps) {
  const ref = await readRefContext(deps.env, deps.now());
  const existing = needsExistingTags(plan.rules, ref) ? await client.listTags(plan.image) : void 0;
  const chosen = chooseTags(plan, ref, existing);
  for (const rule of chosen.skipped) deps.logger.info(`tag rule "${rule.rule}" skipped: ${rule.reason}`);
  if (chosen.fallback)
    deps.logger.info(`no tag rule applies to this run: pushing under the default ${chosen.tags.join(", ")}`);
  return chosen;
}
async function openLayout(plan) {
  const layout = await OciLayout.open(plan.layout);
  const entry = layout.index.manifests.length === 1 ? void 0 : layout.index.manifests.find((m) => m.digest === plan.digest);
  const ref = entry?.annotations?.["org.opencontainers.image.ref.name"];
  const graph = await layout.walk(ref);
  requireLayoutDigest(plan.layout, graph.root.digest, plan.digest, PUSH_REFUSAL);
  return { layout, ref, graph };
}
async function verifyAndCheck(plan, tags, source, client) {
  const [verified, tagged, present] = await Promise.allSettled([
    source.layout.checkForStreaming(source.ref),
    Promise.all(tags.map(async (t) => [t, await client.headManifest(plan.image, t)])),
    blobPresence(client, plan.image, source.graph)
  ]);
  if (verified.status === "rejected") throw verified.reason;
  if (tagged.status === "rejected") throw tagged.reason;
  if (present.status === "rejected") throw present.reason;
  const report = verified.value;
  requireLayoutDigest(plan.layout, report.root.digest, plan.digest, PUSH_REFUSAL);
  return {
    report,
    rootBytes: await source.layout.readBlob(report.root),
    current: new Map(tagged.value),
    blobs: present.value
  };
}
async function blobPresence(client, image, graph) {
  const layerBlobs = [...graph.blobs.values()].map((b) => b.descriptor).filter((d) => !d.mediaType.includes("manifest") && !d.mediaType.includes("index"));
  const sizes = await Promise.all(layerBlobs.map((d) => client.headBlob(image, d.digest)));
  const missing = layerBlobs.filter((_, i) => sizes[i] === void 0);
  return {
    present: layerBlobs.length - missing.length,
    missing,
    bytes: missing.reduce((n, d) => n + d.size, 0)
  };
}
async function writeTags(plan, decisions, verified, client, deps, phase) {
  const [first, ...rest] = decisions.filter((d) => d.action !== "unchanged");
  if (first === void 0) {
    deps.logger.info(`every tag already points at ${plan.digest}; nothing to push`);
    return;
  }
  const folder = await deps.tempDir("verified");
  try {
    const snapshot = await verified.layout.snapshot(verified.report, (0, import_node_path3.join)(folder, "layout"));
    phase("snapshotted the verified layout");
    await copyWithRetries(plan, snapshot, first.tag, verified.ref, deps);
  } finally {
    await (0, import_promises6.rm)(folder, { recursive: true, force: true });
  }
  const { root } = verified.report;
  for (const d of rest) await client.putManifest(plan.image, d.tag, verified.rootBytes, root.mediaType);
}
async function copyWithRetries(plan, snapshot, tag, ref, deps) {
  const work = await deps.tempDir("skopeo-push");
  const digestFile = (0, import_node_path3.join)(work, "digest");
  const args = skopeo.copyArgs({
    source: `oci:${snapshot}${ref === void 0 ? "" : `:${ref}`}`,
    destination: `docker://${plan.image.withTag(tag)}`,
    digestFile,
    authFile: plan.registry.authFile,
    tlsVerify: plan.registry.tlsVerify
  });
  try {
    await withRetries(
      () => deps.runner.run({ tool: "skopeo", command: "skopeo", args, env: deps.env, echo: true }),
      skopeo.failure,
      {
        policy: { ...DEFAULT_RETRY, maxAttempts: plan.attempts },
        onRetry: (attempt, delay, reason) => deps.logger.warning(
          `skopeo copy failed on a transient registry fault; retrying in ${delay} ms (attempt ${attempt + 1} of ${plan.attempts}): ${reason}`
        )
      }
    );
    const pushed = (await (0, import_promises6.readFile)(digestFile, "utf8")).trim();
    if (pushed !== plan.digest)
      throw new CommandError(`skopeo pushed ${pushed}, not ${plan.digest}: the registry changed the bytes`, {
        tool: "skopeo",
        code: "DIGEST_MISMATCH",
        expected: plan.digest.toString(),
        actual: pushed
      });
  } finally {
    await (0, import_promises6.rm)(work, { recursive: true, force: true });
  }
}
async function readBack(plan, decisions, client) {
  for (const d of decisions) {
    const served = await client.getManifest(plan.image, d.tag);
    if (served?.digest !== plan.digest)
      throw new CommandError(
        `after the push, ${plan.image}:${d.tag} serves ${served?.digest ?? "nothing"}, not ${plan.digest}`,
        {
          tool: "registry",
          code: "DIGEST_MISMATCH",
          expected: plan.digest.toString(),
          actual: served?.digest ?? "nothing"
        }
      );
  }
}
function pushSummary({ image, digest }, decisions, chosen, { blobs, report }) {
  const result = new JobSummary().heading("skopeo-push").verdict(true, `Pushed and read back ${image}@${digest}`).facts([
    ["image", { text: image.toString(), code: true }],
    ["digest", { text: digest, code: true }],
    ["platforms", report.images.map((i) => i.platform).join(", ")],
    ["blobs", `${blobs.missing.length} uploaded (${blobs.bytes} bytes), ${blobs.present} already present`]
  ]).table(
    ["tag", "kind", "before", "result"],
    decisions.map((d) => [
      d.tag,
      d.immutable ? "immutable" : "mutable",
      d.previous === void 0 ? "new" : { text: d.previous, code: true },
      d.action === "unchanged" ? "already there, verified" : "written, verified"
    ])
  );
  if (chosen.fallback)
    result.paragraph(`No tag rule applies to this run: pushed under the default ${chosen.tags.join(", ")}.`);
  if (chosen.skipped.length > 0)
    result.table(
      ["skipped tag rule", "why"],
      chosen.skipped.map((s) => [{ text: s.rule, code: true }, s.reason])
    );
  return result;
}
export {
  run
};
//# sourceMappingURL=run-YLM6AH3W.mjs.map
