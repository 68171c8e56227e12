// ToolInstaller against a local HTTP server on 127.0.0.1 serving a real tar.gz and a raw binary.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CommandError,
  ConfigurationError,
  ProcessToolRunner,
  ToolInstaller,
  type ToolManifest,
} from '@chain/core';
import { MemoryLogger } from '@chain/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

let server: Server;
let base: string;
const served = new Map<string, Buffer>();
const hits: string[] = [];
let archiveSha = '';
let binarySha = '';

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), 'archive-'));
  writeFileSync(join(work, 'faketool'), '#!/bin/sh\necho "faketool 1.2.3"\n');
  chmodSync(join(work, 'faketool'), 0o755);
  writeFileSync(join(work, 'README'), 'docs\n');
  execFileSync('tar', ['-czf', join(work, 'faketool.tar.gz'), '-C', work, 'faketool', 'README']);
  const archive = readFileSync(join(work, 'faketool.tar.gz'));
  const binary = readFileSync(join(work, 'faketool'));
  archiveSha = createHash('sha256').update(archive).digest('hex');
  binarySha = createHash('sha256').update(binary).digest('hex');
  served.set('/releases/faketool.tar.gz', archive);
  served.set('/releases/rawtool', binary);
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const body = served.get(req.url ?? '');
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-length': body.length }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

beforeEach(() => {
  process.env.RUNNER_TOOL_CACHE = mkdtempSync(join(tmpdir(), 'toolcache-'));
  process.env.RUNNER_TEMP = mkdtempSync(join(tmpdir(), 'runnertemp-'));
  hits.length = 0;
});

function manifest(overrides: Partial<{ sha: string; url: string; rawSha: string }> = {}): ToolManifest {
  return {
    tools: {
      faketool: {
        version: '1.2.3',
        binary: 'faketool',
        platforms: {
          'linux-x64': {
            url: overrides.url ?? `${base}/releases/faketool.tar.gz`,
            sha256: overrides.sha ?? archiveSha,
            archive: 'tar.gz',
          },
        },
      },
      rawtool: {
        version: '2.0.0',
        binary: 'rawtool',
        platforms: {
          'linux-x64': {
            url: `${base}/releases/rawtool`,
            sha256: overrides.rawSha ?? binarySha,
            archive: 'binary',
          },
        },
      },
    },
  };
}

function installer(m: ToolManifest, logger = new MemoryLogger()) {
  return new ToolInstaller({
    logger,
    runner: new ProcessToolRunner(),
    paths: { temp: process.env.RUNNER_TEMP ?? tmpdir(), toolCache: process.env.RUNNER_TOOL_CACHE },
    manifest: m,
    platformKey: 'linux-x64',
  });
}

describe('ToolInstaller', () => {
  it('downloads, verifies, extracts and caches; a second install is a cache hit', async () => {
    const first = await installer(manifest()).install('faketool');
    expect(first.source).toBe('download');
    expect(first.path).toBe(
      join(process.env.RUNNER_TOOL_CACHE ?? '', 'faketool', '1.2.3', 'x64', 'faketool'),
    );
    expect(execFileSync(first.path).toString()).toBe('faketool 1.2.3\n');
    expect(hits).toEqual(['/releases/faketool.tar.gz']);

    const second = await installer(manifest()).install('faketool');
    expect(second).toMatchObject({ source: 'cache', path: first.path });
    expect(hits).toHaveLength(1);
  });

  it('installs a raw binary asset', async () => {
    const tool = await installer(manifest()).install('rawtool');
    expect(tool.source).toBe('download');
    expect(execFileSync(tool.path).toString()).toBe('faketool 1.2.3\n');
  });

  it('refuses a checksum mismatch and caches nothing', async () => {
    const wrong = 'f'.repeat(64);
    const error = await installer(manifest({ sha: wrong }))
      .install('faketool')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect((error as Error).message).toContain(`checksum mismatch for ${base}/releases/faketool.tar.gz`);
    expect((error as Error).message).toContain(`expected sha256 ${wrong}, got ${archiveSha}`);
    expect(existsSync(join(process.env.RUNNER_TOOL_CACHE ?? '', 'faketool'))).toBe(false);
  });

  it('uses an explicit path without downloading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'own-'));
    writeFileSync(join(dir, 'faketool'), '#!/bin/sh\necho mine\n', { mode: 0o755 });
    const tool = await installer(manifest()).install('faketool', { path: join(dir, 'faketool') });
    expect(tool).toMatchObject({ source: 'path', version: 'unpinned' });
    expect(hits).toEqual([]);
  });

  it('refuses an explicit path that is not executable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'own-'));
    writeFileSync(join(dir, 'faketool'), 'data', { mode: 0o644 });
    await expect(
      installer(manifest()).install('faketool', { path: join(dir, 'faketool') }),
    ).rejects.toMatchObject({
      code: 'TOOL_NOT_EXECUTABLE',
      actual: join(dir, 'faketool'),
      input: undefined,
    });
    await expect(
      installer(manifest()).install('faketool', { path: join(dir, 'missing') }),
    ).rejects.toMatchObject({
      code: 'TOOL_NOT_A_FILE',
    });
  });

  it('refuses a version that has no pinned checksum', async () => {
    const error = await installer(manifest())
      .install('faketool', { version: '9.9.9' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({
      code: 'TOOL_VERSION_UNPINNED',
      expected: '1.2.3',
      actual: '9.9.9',
      input: undefined,
    });
  });

  it('offline: names the URL that failed and how to pre-provision', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const url = `http://127.0.0.1:${port}/releases/faketool.tar.gz`;
    const error = await installer(manifest({ url }))
      .install('faketool')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect((error as Error).message).toContain(`download from ${url} failed`);
    expect((error as Error).message).toContain('To pre-provision faketool 1.2.3 offline');
  });

  it('HTTP errors are failures', async () => {
    await expect(installer(manifest({ url: `${base}/missing` })).install('faketool')).rejects.toThrow(
      /failed with HTTP 404/,
    );
  });

  it('finds a pre-provisioned tool in the cache without network', async () => {
    const cacheDir = join(process.env.RUNNER_TOOL_CACHE ?? '', 'faketool', '1.2.3', 'x64');
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, 'faketool'), '#!/bin/sh\necho provisioned\n', { mode: 0o755 });
    writeFileSync(`${cacheDir}.complete`, '');
    const tool = await installer(manifest({ url: 'http://127.0.0.1:1/never' })).install('faketool');
    expect(tool.source).toBe('cache');
    expect(execFileSync(tool.path).toString()).toBe('provisioned\n');
  });

  it('ignores a cache entry without its .complete marker (an interrupted install) and downloads instead', async () => {
    const cacheDir = join(process.env.RUNNER_TOOL_CACHE ?? '', 'faketool', '1.2.3', 'x64');
    rmSync(`${cacheDir}.complete`, { force: true });
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, 'faketool'), '#!/bin/sh\necho half-installed\n', { mode: 0o755 });
    const error = await installer(manifest({ url: 'http://127.0.0.1:1/never' }))
      .install('faketool')
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain('download from http://127.0.0.1:1/never failed');
  });
});
