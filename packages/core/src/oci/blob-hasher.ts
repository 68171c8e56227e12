import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
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
  /** How many files it hashes at once. */
  readonly parallelism: number;
  hash(path: string, algorithm: string, limit: number): Promise<HashResult>;
  close(): Promise<void>;
}

// The worker is plain JavaScript kept inline, so a bundled action needs no second file.
const WORKER_SOURCE = `
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

/**
 * Hashes on the main thread. Reads go to libuv's thread pool and are double-buffered, so the next 1 MiB
 * is being read while this one is hashed; the event loop stays free between chunks.
 */
export const inlineHasher: BlobHasher = {
  parallelism: 1,
  async hash(path, algorithm, limit) {
    const hash = createHash(algorithm);
    const file = await open(path, 'r');
    // Two buffers: the next chunk is read into one while the other is hashed.
    let reading = Buffer.allocUnsafe(CHUNK);
    let spare = Buffer.allocUnsafe(CHUNK);
    let length = 0;
    const read = (into: Buffer, at: number) => {
      const want = Math.max(0, Math.min(CHUNK, limit + 1 - at));
      return want === 0 ? Promise.resolve(0) : file.read(into, 0, want, at).then((r) => r.bytesRead);
    };
    try {
      let next = read(reading, 0);
      for (;;) {
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
    return { digest: `${algorithm}:${hash.digest('hex')}`, length };
  },
  close: async () => {},
};

const CHUNK = 1024 * 1024;

interface Job {
  path: string;
  algorithm: string;
  limit: number;
  resolve: (r: HashResult) => void;
  reject: (e: Error) => void;
}

/** A lane hashes one job at a time and offers itself to the pool again when done. */
type Lane = (job: Job) => void;

/** The jobs waiting and the lanes free to take one: each job goes to whichever lane is free first. */
class LanePool {
  private readonly queue: Job[] = [];
  private readonly idle: Lane[] = [];
  closed = false;
  /** Lanes that may still take work (the inline lane never stops: infinitely many). */
  private alive: number;

  constructor(alive: number) {
    this.alive = alive;
  }

  submit(job: Job): void {
    this.queue.push(job);
    this.dispatch();
  }

  /** A lane is free (again). */
  offer(lane: Lane): void {
    if (this.closed) return;
    this.idle.push(lane);
    this.dispatch();
  }

  /** A lane stopped for good; when none is left the queue fails rather than waiting for ever. */
  lost(lane: Lane): void {
    const i = this.idle.indexOf(lane);
    if (i >= 0) this.idle.splice(i, 1);
    this.alive--;
    if (this.alive === 0) this.failWaiting('no hashing lane is left');
  }

  close(): void {
    this.closed = true;
    this.failWaiting('the hasher is closed');
  }

  private failWaiting(message: string): void {
    for (const job of this.queue.splice(0)) job.reject(new Error(message));
  }

  private dispatch(): void {
    while (this.queue.length > 0 && this.idle.length > 0) {
      const lane = this.idle.shift();
      const job = this.queue.shift();
      if (lane !== undefined && job !== undefined) lane(job);
    }
  }
}

/** The main thread's lane: hashes with `inlineHasher`. */
function startInlineLane(pool: LanePool): void {
  const lane: Lane = (job) => {
    inlineHasher
      .hash(job.path, job.algorithm, job.limit)
      .then(job.resolve, job.reject)
      .finally(() => pool.offer(lane));
  };
  pool.offer(lane);
}

/** A worker thread's lane: it offers itself once the worker has started. */
function startWorkerLane(pool: LanePool): Worker {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  let current: Job | undefined;
  const lane: Lane = (job) => {
    current = job;
    worker.postMessage({ path: job.path, algorithm: job.algorithm, limit: job.limit });
  };
  const finish = (settle: (job: Job) => void) => {
    const job = current;
    current = undefined;
    if (job !== undefined) settle(job);
  };
  worker.on('message', (m: { ready?: true; digest?: string; length?: number; error?: string }) => {
    if (m.ready === true) return pool.offer(lane);
    finish((job) =>
      m.error !== undefined
        ? job.reject(new Error(m.error))
        : job.resolve({ digest: m.digest ?? '', length: m.length ?? 0 }),
    );
    pool.offer(lane);
  });
  // A worker that dies fails its job; the other lanes carry on.
  worker.on('error', (error) => finish((job) => job.reject(error)));
  worker.on('exit', () => {
    finish((job) => job.reject(new Error('a hashing worker stopped')));
    pool.lost(lane);
  });
  return worker;
}

/**
 * Hashes on the main thread and on worker threads together: SHA-256 is CPU-bound, so this is what lets
 * verification use every core. Jobs go to whichever lane is free, and a worker takes work only once it
 * has started (~30 ms), so the main thread hashes from the first millisecond instead of waiting for
 * workers to boot. By default one worker per core but one, plus the main thread (whose event loop stays
 * responsive: it hashes in 1 MiB steps between reads). Memory stays bounded: one 1 MiB buffer per lane.
 */
export function workerHasher(options: { workers?: number; inline?: boolean } = {}): BlobHasher {
  const inline = options.inline ?? true;
  const count = Math.max(inline ? 0 : 1, options.workers ?? availableParallelism() - (inline ? 1 : 0));
  const pool = new LanePool(inline ? Number.POSITIVE_INFINITY : count);
  if (inline) startInlineLane(pool);
  const workers = Array.from({ length: count }, () => startWorkerLane(pool));
  return {
    parallelism: count + (inline ? 1 : 0),
    hash(path, algorithm, limit) {
      if (pool.closed) return Promise.reject(new Error('the hasher is closed'));
      return new Promise<HashResult>((resolve, reject) =>
        pool.submit({ path, algorithm, limit, resolve, reject }),
      );
    },
    async close() {
      if (pool.closed) return;
      pool.close();
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
