import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineHasher, workerHasher } from './blob-hasher.ts';

const MiB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'hasher-'));
// Sizes around the 1 MiB read size, where double-buffering could drop or repeat a chunk.
const sizes = [0, 1, MiB - 1, MiB, MiB + 1, 3 * MiB + 5];
const files = sizes.map((size, i) => {
  const bytes = randomBytes(size);
  const path = join(dir, `f${i}`);
  writeFileSync(path, bytes);
  return { path, bytes, size };
});
const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

describe('inlineHasher', () => {
  it.each(files)('hashes a $size-byte file exactly', async ({ path, bytes, size }) => {
    expect(await inlineHasher.hash(path, 'sha256', size)).toEqual({ digest: sha(bytes), length: size });
  });

  it('reads at most limit + 1 bytes, so a longer file is visible without reading it all', async () => {
    const f = files[5];
    if (f === undefined) throw new Error('fixture');
    const r = await inlineHasher.hash(f.path, 'sha256', MiB);
    expect(r).toEqual({ digest: sha(f.bytes.subarray(0, MiB + 1)), length: MiB + 1 });
  });

  it('fails on a missing file', async () => {
    await expect(inlineHasher.hash(join(dir, 'absent'), 'sha256', 10)).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});

describe.each([
  ['main thread + 1 worker', { workers: 1 }],
  ['workers only', { workers: 2, inline: false }],
])('workerHasher (%s)', (_label, options) => {
  it('hashes many files at once, every result matching its own file', async () => {
    const pool = workerHasher(options);
    try {
      const jobs = [...files, ...files, ...files];
      const results = await Promise.all(jobs.map((f) => pool.hash(f.path, 'sha256', f.size)));
      expect(results).toEqual(jobs.map((f) => ({ digest: sha(f.bytes), length: f.size })));
      expect(pool.parallelism).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('a failing file fails its own job only', async () => {
    const pool = workerHasher(options);
    try {
      const f = files[4];
      if (f === undefined) throw new Error('fixture');
      const [bad, good] = await Promise.allSettled([
        pool.hash(join(dir, 'absent'), 'sha256', 10),
        pool.hash(f.path, 'sha256', f.size),
      ]);
      expect(bad.status).toBe('rejected');
      expect(good).toEqual({ status: 'fulfilled', value: { digest: sha(f.bytes), length: f.size } });
    } finally {
      await pool.close();
    }
  });

  it('refuses work once closed, and closing twice is harmless', async () => {
    const pool = workerHasher(options);
    await pool.close();
    await pool.close();
    await expect(pool.hash(files[1]?.path ?? '', 'sha256', 1)).rejects.toThrow(/closed/);
  });
});
