import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export interface HashResult {
  /** `<algorithm>:<hex>` of the first `limit + 1` bytes at most. */
  digest: string;
  /** Bytes read, up to `limit + 1` (so "longer than declared" is visible without reading it all). */
  length: number;
}

/** Hashes a file by streaming it in bounded chunks. */
export interface BlobHasher {
  hash(path: string, algorithm: string, limit: number): Promise<HashResult>;
  close(): Promise<void>;
}

// The worker is plain JavaScript kept inline, so a bundled action needs no second file.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const buffer = Buffer.allocUnsafe(1024 * 1024);
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

/** Streams on the main thread: for small blobs, or where workers are not worth starting. */
export const inlineHasher: BlobHasher = {
  async hash(path, algorithm, limit) {
    const hash = createHash(algorithm);
    let length = 0;
    const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const take = chunk.subarray(0, Math.max(0, limit + 1 - length));
      hash.update(take);
      length += take.length;
      if (length > limit) {
        stream.destroy();
        break;
      }
    }
    return { digest: `${algorithm}:${hash.digest('hex')}`, length };
  },
  close: async () => {},
};

/**
 * Hashes on worker threads, one per core: SHA-256 is CPU-bound, so this is what lets verification
 * use every core. Memory stays bounded: each worker reuses one 1 MiB buffer.
 */
export function workerHasher(threads = availableParallelism()): BlobHasher {
  type Pending = { resolve: (r: HashResult) => void; reject: (e: Error) => void };
  const pending = new Map<number, Pending>();
  const workers = Array.from({ length: Math.max(1, threads) }, () => {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on('message', (m: { id: number; digest?: string; length?: number; error?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (p === undefined) return;
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve({ digest: m.digest ?? '', length: m.length ?? 0 });
    });
    worker.on('error', (error) => {
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    });
    return worker;
  });
  let next = 0;
  return {
    hash(path, algorithm, limit) {
      const id = next++;
      const worker = workers[id % workers.length];
      if (worker === undefined) return Promise.reject(new Error('no hashing worker'));
      return new Promise<HashResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, path, algorithm, limit });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
