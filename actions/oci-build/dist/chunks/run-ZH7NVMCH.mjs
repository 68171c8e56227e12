import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  CommandError,
  ConfigurationError,
  Digest,
  JobSummary,
  buildx,
  chooseBuilder,
  formatPlatform,
  planBuild,
  withSecretFile
} from "./chunk-JIZEOZ6E.mjs";
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

// actions/oci-build/src/run.ts
var import_node_crypto4 = __toESM(require_crypto(), 1);
var import_node_fs3 = __toESM(require_fs(), 1);
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

// packages/core/src/oci/join-layouts.ts
var import_node_crypto3 = __toESM(require_crypto(), 1);
var import_node_fs2 = __toESM(require_fs(), 1);
var import_promises5 = __toESM(require_promises(), 1);
var import_node_path2 = __toESM(require_path(), 1);

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

// packages/core/src/oci/join-layouts.ts
function platformOf(text2) {
  const [os = "", architecture = "", variant] = text2.split("/");
  return { os, architecture, ...variant ? { variant } : {} };
}
var exists = (path) => (0, import_promises5.access)(path, import_node_fs2.constants.F_OK).then(
  () => true,
  () => false
);
async function joinLayouts(sources, outputDir) {
  if (sources.length < 2)
    throw new ConfigurationError("joining layouts needs at least two per-platform layouts", {
      code: "LAYOUTS_TOO_FEW",
      expected: "at least 2 layouts",
      actual: String(sources.length)
    });
  if (await exists(outputDir) && (await (0, import_promises5.readdir)(outputDir)).length > 0)
    throw new ConfigurationError(`${outputDir} is not empty; give a new or empty directory`, {
      code: "DIRECTORY_NOT_EMPTY"
    });
  const blobDir = (0, import_node_path2.join)(outputDir, "blobs", "sha256");
  await (0, import_promises5.mkdir)(blobDir, { recursive: true });
  const manifests = [];
  const platforms = /* @__PURE__ */ new Map();
  for (const source of sources) {
    const layout = await OciLayout.open(source);
    const graph = await layout.verify();
    const children = isIndexMediaType(graph.root.mediaType) ? (await layout.readJsonBlob(graph.root)).manifests : [{ ...graph.root, platform: platformOf(graph.images[0]?.platform ?? "") }];
    for (const image of graph.images) {
      const seen = platforms.get(image.platform);
      if (seen !== void 0) {
        throw new ConfigurationError(
          `platform ${image.platform} is in both ${seen} and ${source}; each layout must bring its own`,
          { code: "PLATFORM_TWICE", actual: image.platform }
        );
      }
      platforms.set(image.platform, source);
    }
    manifests.push(
      ...children.map(({ annotations, ...d }) => {
        const kept = Object.fromEntries(
          Object.entries(annotations ?? {}).filter(([k]) => k !== "org.opencontainers.image.ref.name")
        );
        return Object.keys(kept).length > 0 ? { ...d, annotations: kept } : d;
      })
    );
    for (const digest2 of graph.blobs.keys()) {
      const target = (0, import_node_path2.join)(blobDir, Digest.parse(digest2).hex);
      if (await exists(target)) continue;
      await (0, import_promises5.link)(layout.blobPath(digest2), target).catch(() => (0, import_promises5.copyFile)(layout.blobPath(digest2), target));
    }
  }
  const index = { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests };
  const bytes = Buffer.from(JSON.stringify(index));
  const digest = `sha256:${(0, import_node_crypto3.createHash)("sha256").update(bytes).digest("hex")}`;
  await (0, import_promises5.writeFile)((0, import_node_path2.join)(blobDir, digest.slice(7)), bytes);
  const top = { mediaType: MediaType.ociIndex, digest, size: bytes.length };
  await writeLayoutRoot(outputDir, [top]);
  return top;
}

// packages/core/src/tools/buildah.ts
var buildah = {
  /**
   * A RUN step that failed because no OCI runtime works on this host (buildah says only "while running
   * runtime: exit status 1"), as opposed to the step's own command failing.
   */
  runtimeUnusable(stderr) {
    return /while running runtime: exit status|error running container: from \S+ creating container|did not get container create message/i.test(
      stderr
    );
  },
  /** `buildah build` into a manifest list, every platform at once. */
  buildArgs(request, manifestList, isolation) {
    const args = ["build", "--manifest", manifestList, "--platform", request.platforms.join(",")];
    if (isolation !== void 0) args.push("--isolation", isolation);
    args.push("--file", request.file, "--timestamp", String(request.sourceDateEpoch));
    for (const [k, v] of request.buildArgs) args.push("--build-arg", `${k}=${v}`);
    for (const [k, v] of request.labels) args.push("--label", `${k}=${v}`);
    for (const [k, v] of request.annotations) args.push("--annotation", `${k}=${v}`);
    if (request.target !== void 0) args.push("--target", request.target);
    for (const secret of request.secrets) {
      if (!("file" in secret.source)) throw new Error("buildah secrets must be handed over as files");
      args.push("--secret", `id=${secret.id},src=${secret.source.file}`);
    }
    if (request.cacheFrom.length > 0) {
      args.push("--layers");
      for (const c of request.cacheFrom) args.push("--cache-from", c);
    }
    args.push(request.context);
    return args;
  },
  /** Writes every image of the list, and the list itself, to an OCI layout directory. */
  pushArgs(manifestList, outputDir) {
    return ["manifest", "push", "--all", "--format", "oci", manifestList, `oci:${outputDir}:latest`];
  },
  removeListArgs(manifestList) {
    return ["manifest", "rm", manifestList];
  },
  /** Inputs buildah has no equivalent for; the action warns when they are given. */
  unsupported(request) {
    const notes = [];
    if (request.cacheTo.length > 0) notes.push("cache-to has no buildah equivalent and was ignored");
    if (request.provenance === "min" || request.provenance === "max") {
      notes.push(
        `provenance "${request.provenance}" needs BuildKit (buildx); buildah writes no provenance attestation`
      );
    }
    if (request.sbom) notes.push("sbom needs BuildKit (buildx); buildah writes no SBOM attestation");
    return notes;
  },
  /** Turns buildah's `building at STEP "…": …` into a one-line reason naming the step. */
  failedStep(stderr) {
    const match = /building at STEP "([^"]*)": (.*)$/m.exec(stderr);
    return match === null ? void 0 : `step "${match[1]}" failed: ${match[2]}`;
  }
};

// actions/oci-build/src/run.ts
async function run(plan, { deps, outputs }) {
  if (plan.kind === "join") return joinPlatformLayouts(plan, deps, outputs);
  const build = planBuild(plan, await gatherFacts(plan, deps));
  build.secrets.push(...secretLines(plan.secretsEnv, deps, build.secrets));
  for (const warning of build.warnings) deps.logger.warning(warning);
  const { builder, reason } = chooseBuilder(plan.builder, await buildxFacts(plan.builder, deps));
  deps.logger.info(`builder: ${builder} (${reason})`);
  const topLevel = builder === "buildx" ? await runBuildx(build, deps) : await runBuildah(build, deps);
  const report = await verifyLayout(build.request.outputDir, topLevel, build.request.platforms, builder);
  setLayoutOutputs(outputs, build.request.outputDir, report, builder);
  outputs.set("build-record", await writeBuildRecord(build, builder, report.root.digest, deps));
  deps.logger.info(
    `built ${report.root.digest} (${report.blobCount} blobs verified) in ${build.request.outputDir}`
  );
  await deps.writeSummary(summary(build, builder, reason, report));
}
function setLayoutOutputs(outputs, layout, report, builder) {
  const platforms = report.images.map((image) => ({ platform: image.platform, digest: image.digest }));
  outputs.set("layout", layout);
  outputs.set("digest", report.root.digest);
  outputs.set("media-type", report.root.mediaType);
  outputs.set("platforms", JSON.stringify(platforms));
  outputs.set("builder", builder);
}
async function joinNamingInputs(sources, out) {
  try {
    return await joinLayouts(sources, out);
  } catch (error) {
    if (error instanceof ConfigurationError)
      throw error.forInput(error.code === "DIRECTORY_NOT_EMPTY" ? "output-dir" : "join");
    throw error;
  }
}
async function joinPlatformLayouts(plan, deps, outputs) {
  const out = plan.outputDir ?? (0, import_node_path3.join)(await deps.tempDir("oci-join"), "layout");
  const top = await joinNamingInputs(plan.sources, out);
  const report = await verifyLayout(out, top.digest, [], "buildah");
  setLayoutOutputs(outputs, out, report, "join");
  outputs.set("build-record", "");
  const platforms = report.images.map((image) => ({ platform: image.platform, digest: image.digest }));
  deps.logger.info(
    `joined ${plan.sources.length} layouts into ${report.root.digest} (${platforms.map((p) => p.platform).join(", ")})`
  );
  await deps.writeSummary(
    new JobSummary().heading("oci-build (join)").verdict(true, `Joined ${plan.sources.length} per-platform layouts into ${report.root.digest}`).facts([
      ["digest", { text: report.root.digest, code: true }],
      ["layout", { text: out, code: true }],
      ["verified", `${report.blobCount} blobs, ${report.totalBytes} bytes`]
    ]).table(
      ["platform", "manifest digest (unchanged from its build)"],
      platforms.map((p) => [p.platform, { text: p.digest, code: true }])
    )
  );
}
async function writeBuildRecord(plan, builder, digest, deps) {
  const workspace = deps.inputContext.workspace;
  const request = plan.request;
  const record2 = {
    schema: "build-record/v1",
    digest,
    builder,
    containerfile: {
      path: (0, import_node_path3.relative)(workspace, request.file),
      sha256: (0, import_node_crypto4.createHash)("sha256").update(await (0, import_promises6.readFile)(request.file)).digest("hex")
    },
    context: (0, import_node_path3.relative)(workspace, request.context) || ".",
    platforms: request.platforms,
    buildArgs: Object.fromEntries(request.buildArgs),
    ...request.target === void 0 ? {} : { target: request.target }
  };
  const path = (0, import_node_path3.join)(await deps.tempDir("oci-build-record"), "build-record.json");
  await (0, import_promises6.writeFile)(path, `${JSON.stringify(record2, null, 2)}
`);
  return path;
}
async function gatherFacts(plan, deps) {
  const outputDir = await layoutFolder(plan, deps);
  const git = async (args) => deps.runner.run({ tool: "git", command: "git", args: ["-C", plan.context, ...args], timeoutMs: 15e3 }).then((r) => r.stdout.trim()).catch(() => void 0);
  const time = await git(["log", "-1", "--format=%ct"]);
  return {
    event: await readRefContext(deps.env, deps.now()),
    commitTime: time !== void 0 && /^\d+$/.test(time) ? Number(time) : void 0,
    commitSha: await git(["rev-parse", "HEAD"]),
    file: plan.file,
    outputDir,
    hostArch: process.arch
  };
}
async function layoutFolder(plan, deps) {
  if (plan.outputDir === void 0) return (0, import_node_path3.join)(await deps.tempDir("oci-build"), "layout");
  if ((0, import_node_fs3.existsSync)(plan.outputDir) && (await (0, import_promises6.readdir)(plan.outputDir)).length > 0)
    throw new ConfigurationError(
      `Input "output-dir": ${plan.outputDir} is not empty; give a new or empty directory`,
      { code: "DIRECTORY_NOT_EMPTY", input: "output-dir" }
    );
  return plan.outputDir;
}
async function buildxFacts(wanted, deps) {
  if (wanted === "buildah") return { probe: void 0, inspect: void 0 };
  const probe = wanted === "auto" ? await buildx.probe(deps.runner) : void 0;
  const inspect = wanted === "buildx" || probe?.available ? await inspectBuilder(deps) : void 0;
  return { probe, inspect };
}
async function inspectBuilder(deps) {
  const { stdout } = await deps.runner.run({
    tool: "docker buildx",
    command: "docker",
    args: ["buildx", "inspect"],
    env: deps.env,
    timeoutMs: 3e4
  });
  return buildx.parseInspect(stdout);
}
function secretLines(name, deps, named) {
  if (name === void 0) return [];
  const text2 = deps.env[name];
  if (text2 === void 0)
    deps.logger.warning(
      `secrets-env names ${name}, which is not set in the step's environment: no build secrets`
    );
  const lines = (text2 ?? "").split(/\r\n|\n|\r/);
  const specs = [];
  for (const [i, line] of lines.entries()) {
    if (line.trim() === "") continue;
    const match = /^([A-Za-z0-9_.-]+)=(.+)$/s.exec(line);
    if (match?.[2] !== void 0) deps.logger.setSecret(match[2]);
    const id = match?.[1];
    if (id === void 0 || match?.[2] === void 0)
      throw new ConfigurationError(
        `Input "secrets-env": line ${i + 1} of ${name} is not id=value (the line is not shown: it may hold a secret)`,
        { input: "secrets-env" }
      );
    if ([...named, ...specs].some((s) => s.id === id))
      throw new ConfigurationError(`Input "secrets-env": secret id "${id}" is given twice`, {
        input: "secrets-env"
      });
    specs.push({ id, source: { value: match[2] } });
  }
  return specs;
}
async function resolveSecret(secret, deps, asFiles, use) {
  const asFile = (value2) => withSecretFile(value2, (path) => use({ id: secret.id, source: { file: path } }, value2), {
    directory: deps.paths.temp
  });
  if ("value" in secret.source) return asFile(secret.source.value);
  if ("file" in secret.source) {
    if (!(0, import_node_fs3.existsSync)(secret.source.file))
      throw new ConfigurationError(`Input "secrets": the file for id "${secret.id}" does not exist`, {
        input: "secrets"
      });
    return use({ id: secret.id, source: secret.source }, void 0);
  }
  const value = deps.env[secret.source.env];
  if (value === void 0 || value === "")
    throw new ConfigurationError(
      `Input "secrets": environment variable ${secret.source.env} (id "${secret.id}") is not set or empty`,
      { input: "secrets" }
    );
  deps.logger.setSecret(value);
  return asFiles ? asFile(value) : use({ id: secret.id, source: secret.source }, value);
}
async function withSecretFiles(plan, deps, asFiles, use) {
  const resolved = [];
  const values = [];
  const step = async (i) => {
    const secret = plan.secrets[i];
    if (secret === void 0) return use(resolved, values);
    return resolveSecret(secret, deps, asFiles, async (r, value) => {
      resolved.push(r);
      if (value !== void 0) values.push(value);
      return step(i + 1);
    });
  };
  return step(0);
}
async function buildahBuild(plan, list, run2, deps) {
  await withSecretFiles(plan, deps, true, async (secrets, values) => {
    await run2(buildah.buildArgs({ ...plan.request, secrets }, list), values).catch(async (error) => {
      if (!(error instanceof CommandError) || !buildah.runtimeUnusable(error.stderrTail) || deps.env.BUILDAH_ISOLATION === "chroot")
        throw error;
      deps.logger.warning(
        'buildah could not start a RUN step with its OCI runtime on this host ("while running runtime"); building again with chroot isolation. Set BUILDAH_ISOLATION=chroot to choose it from the start.'
      );
      await run2(buildah.buildArgs({ ...plan.request, secrets }, list, "chroot"), values);
    });
  });
}
function buildahFailure(error) {
  if (!(error instanceof CommandError)) return error;
  const details = { tool: "buildah", exitCode: error.exitCode, stderrTail: error.stderrTail };
  if (buildah.runtimeUnusable(error.stderrTail))
    return new CommandError(
      `buildah could not run a RUN step on this host, with its OCI runtime nor with chroot isolation: ${error.stderrTail.trim().split("\n").at(-1)}. Check BUILDAH_ISOLATION and the runtime (runc or crun).`,
      details
    );
  const step = buildah.failedStep(error.stderrTail);
  return step === void 0 ? error : new CommandError(`buildah build failed: ${step}`, details);
}
async function runBuildah(plan, deps) {
  for (const note of buildah.unsupported({ ...plan.request, secrets: [] }))
    deps.logger.warning(`buildah: ${note}`);
  const list = `localhost/oci-build-${(0, import_node_crypto4.randomUUID)().slice(0, 12)}`;
  const run2 = (args, secrets = []) => deps.runner.run({ tool: "buildah", command: "buildah", args, env: deps.env, echo: true, secrets });
  try {
    await buildahBuild(plan, list, run2, deps).catch((error) => {
      throw buildahFailure(error);
    });
    await run2(buildah.pushArgs(list, plan.request.outputDir));
  } finally {
    await run2(buildah.removeListArgs(list)).catch(() => void 0);
  }
  return void 0;
}
async function runBuildx(plan, deps) {
  const work = await deps.tempDir("buildx");
  const metadataFile = (0, import_node_path3.join)(work, "metadata.json");
  try {
    await withSecretFiles(plan, deps, false, async (secrets, values) => {
      await deps.runner.run({
        tool: "docker buildx",
        command: "docker",
        args: buildx.buildArgs({ ...plan.request, secrets }, metadataFile),
        env: { ...deps.env, SOURCE_DATE_EPOCH: String(plan.request.sourceDateEpoch) },
        echo: true,
        secrets: values
      });
    });
    const metadata = buildx.parseMetadata(await (0, import_promises6.readFile)(metadataFile, "utf8"));
    if (metadata.digest === void 0) {
      throw new CommandError("docker buildx wrote no containerimage.digest to its metadata file", {
        tool: "docker buildx"
      });
    }
    return metadata.digest;
  } finally {
    await (0, import_promises6.rm)(work, { recursive: true, force: true });
  }
}
async function verifyLayout(dir, expected, platforms, builder) {
  const report = await (await OciLayout.open(dir)).verify();
  if (expected !== void 0 && expected !== report.root.digest) {
    throw new CommandError(
      `${builder} reported digest ${expected} but the layout's top level is ${report.root.digest}`,
      { tool: builder }
    );
  }
  if (report.images.length === 0)
    throw new CommandError(`${builder} produced a layout with no platform image`, { tool: builder });
  const built = new Set(report.images.map((i) => i.platform));
  const missing = platforms.filter((p) => !built.has(p));
  if (missing.length > 0) {
    throw new CommandError(
      `${builder} did not produce images for ${missing.join(", ")} (got ${[...built].join(", ")})`,
      { tool: builder }
    );
  }
  return report;
}
function summary(plan, builder, reason, report) {
  const s = new JobSummary().heading("oci-build").verdict(true, `Built and verified ${report.root.digest}`).facts([
    ["builder", `${builder} (${reason})`],
    ["digest", { text: report.root.digest, code: true }],
    ["media type", report.root.mediaType],
    ["layout", { text: plan.request.outputDir, code: true }],
    ["verified", `${report.blobCount} blobs, ${report.totalBytes} bytes`],
    ["source date epoch", `${plan.request.sourceDateEpoch} (from ${plan.epochSource})`]
  ]).table(
    ["platform", "manifest digest", "layers"],
    report.images.map((i) => [i.platform, { text: i.digest, code: true }, String(i.layers.length)])
  );
  if (report.attestations.length > 0)
    s.paragraph(`${report.attestations.length} attestation manifest(s) (provenance/SBOM) kept apart.`);
  for (const warning of plan.warnings) s.warning(warning);
  return s;
}
export {
  run,
  secretLines
};
//# sourceMappingURL=run-ZH7NVMCH.mjs.map
