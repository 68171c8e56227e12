import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// packages/core/src/oci/blob-hasher.ts
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
var WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const buffer = Buffer.allocUnsafe(1024 * 1024);
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id, path, algorithm, limit }) => {
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
    parentPort.postMessage({ id, digest: algorithm + ':' + hash.digest('hex'), length });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
});
`;
var inlineHasher = {
  parallelism: 1,
  async hash(path, algorithm, limit) {
    const hash = createHash(algorithm);
    const file = await open(path, "r");
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
function workerHasher(options = {}) {
  const inline = options.inline ?? true;
  const count = Math.max(inline ? 0 : 1, options.workers ?? availableParallelism() - (inline ? 1 : 0));
  const queue = [];
  const idle = [];
  let closed = false;
  let alive = inline ? Number.POSITIVE_INFINITY : count;
  const dispatch = () => {
    while (queue.length > 0 && idle.length > 0) {
      const lane = idle.shift();
      const job = queue.shift();
      if (lane !== void 0 && job !== void 0) lane(job);
    }
  };
  const offer = (lane) => {
    if (closed) return;
    idle.push(lane);
    dispatch();
  };
  if (inline) {
    const lane = (job) => {
      inlineHasher.hash(job.path, job.algorithm, job.limit).then(job.resolve, job.reject).finally(() => offer(lane));
    };
    offer(lane);
  }
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    let current;
    const lane = (job) => {
      current = job;
      worker.postMessage({ id: 0, path: job.path, algorithm: job.algorithm, limit: job.limit });
    };
    worker.on("message", (m) => {
      if (m.ready === true) return offer(lane);
      const job = current;
      current = void 0;
      if (job !== void 0) {
        if (m.error !== void 0) job.reject(new Error(m.error));
        else job.resolve({ digest: m.digest ?? "", length: m.length ?? 0 });
      }
      offer(lane);
    });
    worker.on("error", (error) => {
      current?.reject(error);
      current = void 0;
    });
    worker.on("exit", () => {
      current?.reject(new Error("a hashing worker stopped"));
      current = void 0;
      const i = idle.indexOf(lane);
      if (i >= 0) idle.splice(i, 1);
      alive--;
      if (alive === 0) for (const job of queue.splice(0)) job.reject(new Error("no hashing lane is left"));
    });
    return worker;
  });
  return {
    parallelism: count + (inline ? 1 : 0),
    hash(path, algorithm, limit) {
      if (closed) return Promise.reject(new Error("the hasher is closed"));
      return new Promise((resolve, reject) => {
        queue.push({ path, algorithm, limit, resolve, reject });
        dispatch();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error("the hasher is closed"));
      await Promise.all(workers.map((w) => w.terminate()));
    }
  };
}

export {
  inlineHasher,
  workerHasher
};
//# sourceMappingURL=chunk-J2566S43.mjs.map
