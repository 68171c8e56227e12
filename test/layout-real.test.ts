// OCI layouts produced here by the real buildah and umoci, read and verified by the core verifier.
import { cpSync, mkdtempSync, readFileSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LayoutError, OciLayout } from '@chain/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildahLayout, umociLayout } from './helpers/real-tools.ts';

let single: string;
let multi: string;
let umoci: string;

beforeAll(async () => {
  [single, multi, umoci] = await Promise.all([
    buildahLayout(['linux/amd64'], { run: true }),
    buildahLayout(['linux/amd64', 'linux/arm64', 'linux/arm/v7']),
    umociLayout(),
  ]);
});

function copyOf(layout: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'copy-')), 'layout');
  cpSync(layout, dir, { recursive: true });
  return dir;
}

describe('layouts built by real tools verify', () => {
  it('buildah, single platform with a RUN step', async () => {
    const report = await (await OciLayout.open(single)).verify();
    expect(report.root.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(report.images.map((i) => i.platform)).toEqual(['linux/amd64']);
    // buildah commits one layer per build by default; the RUN step's file must be in it.
    const layer = report.images[0]?.layers[0];
    if (layer === undefined) throw new Error('no layer');
    const tar = gunzipSync(readFileSync(join(single, 'blobs', 'sha256', layer.digest.slice(7)))).toString(
      'latin1',
    );
    expect(tar).toContain('hello.txt');
    expect(tar).toContain('bin/busybox');
    const index = JSON.parse(readFileSync(join(single, 'index.json'), 'utf8'));
    expect(report.root.digest).toBe(index.manifests[0].digest);
  });

  it('buildah, multi-platform index', async () => {
    const report = await (await OciLayout.open(multi)).verify();
    expect(report.root.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(report.images.map((i) => i.platform).sort()).toEqual([
      'linux/amd64',
      'linux/arm/v7',
      'linux/arm64',
    ]);
    expect(report.attestations).toEqual([]);
  });

  it('umoci', async () => {
    const report = await (await OciLayout.open(umoci)).verify();
    expect(report.images).toHaveLength(1);
    expect(report.images[0]?.layers.length).toBe(1);
  });
});

describe('damaged copies of real layouts are refused', () => {
  async function failure(dir: string): Promise<Error> {
    const error = await (await OciLayout.open(dir)).verify().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LayoutError);
    return error as Error;
  }
  async function largestLayer(
    dir: string,
  ): Promise<{ digest: string; path: string; size: number; manifest: string }> {
    const graph = await (await OciLayout.open(dir)).walk();
    const image = graph.images[0];
    if (image === undefined) throw new Error('no image');
    const layer = [...image.layers].sort((a, b) => b.size - a.size)[0];
    if (layer === undefined) throw new Error('no layer');
    return {
      digest: layer.digest,
      path: join(dir, 'blobs', 'sha256', layer.digest.slice(7)),
      size: layer.size,
      manifest: image.digest,
    };
  }

  it('tampered blob (one byte flipped)', async () => {
    const dir = copyOf(multi);
    const layer = await largestLayer(dir);
    const bytes = readFileSync(layer.path);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x01;
    writeFileSync(layer.path, bytes);
    const error = await failure(dir);
    expect(error.message).toContain(layer.digest);
    expect(error.message).toContain(layer.manifest);
    expect(error.message).toContain('does not match its digest');
  });

  it('truncated blob', async () => {
    const dir = copyOf(single);
    const layer = await largestLayer(dir);
    truncateSync(layer.path, layer.size - 1);
    expect((await failure(dir)).message).toContain(
      `has ${layer.size - 1} bytes on disk; the descriptor says ${layer.size}`,
    );
  });

  it('missing blob', async () => {
    const dir = copyOf(umoci);
    const layer = await largestLayer(dir);
    unlinkSync(layer.path);
    const message = (await failure(dir)).message;
    expect(message).toContain(`blob ${layer.digest}`);
    expect(message).toContain('is missing');
  });
});
