import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  symlinkSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobFile, writeSyntheticLayout } from '../../../../scripts/lib/layout-fixture.ts';
import { thrownAs } from '../../../../test/helpers/errors.ts';
import { LayoutError, OciLayout, writeLayoutRoot } from './oci-layout.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'layout-'));

describe('OciLayout: reading a layout', () => {
  it('walks index → manifests → config and layers, listing platforms', async () => {
    const fx = await writeSyntheticLayout(fresh(), { platforms: ['linux/amd64', 'linux/arm/v7'] });
    const layout = await OciLayout.open(fx.dir);
    const report = await layout.verify();
    expect(report.root.digest).toBe(fx.root.digest);
    expect(report.images.map((i) => [i.platform, i.digest])).toEqual([
      ['linux/amd64', fx.manifests[0]?.digest],
      ['linux/arm/v7', fx.manifests[1]?.digest],
    ]);
    // index + 2 manifests + 2 configs + 4 layers
    expect(report.blobCount).toBe(9);
    expect(report.totalBytes).toBeGreaterThan(2 * (1024 + 4096));
  });

  it('keeps BuildKit attestation manifests apart from platform images', async () => {
    const fx = await writeSyntheticLayout(fresh(), { attestations: true });
    const report = await (await OciLayout.open(fx.dir)).verify();
    expect(report.images.map((i) => i.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    expect(report.attestations.map((a) => a.subject)).toEqual(fx.manifests.map((m) => m.digest));
  });

  it('follows nested indexes', async () => {
    const fx = await writeSyntheticLayout(fresh(), { nested: true });
    const report = await (await OciLayout.open(fx.dir)).verify();
    expect(report.indexes).toHaveLength(2);
    expect(report.images).toHaveLength(2);
  });

  it('reads the platform of a single-manifest layout from its config', async () => {
    const fx = await writeSyntheticLayout(fresh(), { platforms: ['linux/arm64'], single: true });
    const report = await (await OciLayout.open(fx.dir)).verify();
    expect(report.root.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(report.images.map((i) => i.platform)).toEqual(['linux/arm64']);
  });

  it('selects the top level by ref name and refuses an unknown one', async () => {
    const fx = await writeSyntheticLayout(fresh());
    const layout = await OciLayout.open(fx.dir);
    expect(layout.topLevel('latest').digest).toBe(fx.root.digest);
    expect(thrownAs(LayoutError, () => layout.topLevel('nope'))).toMatchObject({
      code: 'LAYOUT_INVALID',
      reason: 'ENTRY_NOT_FOUND',
      expected: 'nope',
      actual: 'latest',
    });
  });
});

describe('OciLayout: verification failures name the blob and who references it', () => {
  it('a tampered layer (same size, other bytes)', async () => {
    const fx = await writeSyntheticLayout(fresh());
    const layer = fx.layers[1];
    if (layer === undefined) throw new Error('fixture');
    const bytes = readFileSync(blobFile(fx, layer.digest));
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    writeFileSync(blobFile(fx, layer.digest), bytes);
    const error = await (await OciLayout.open(fx.dir)).verify().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LayoutError);
    expect(error).toMatchObject({
      code: 'LAYOUT_INVALID',
      reason: 'BLOB_DIGEST_MISMATCH',
      expected: layer.digest,
      actual: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
    expect((error as LayoutError).actual).not.toBe(layer.digest);
    // The message is the contract here: it names the blob and the manifest that references it.
    expect((error as Error).message).toContain(`blob ${layer.digest}`);
    expect((error as Error).message).toContain(
      `manifest ${fx.manifests[0]?.digest} [linux/amd64] (layer 2 of 2)`,
    );
  });

  it('a truncated layer', async () => {
    const fx = await writeSyntheticLayout(fresh());
    const layer = fx.layers[0];
    if (layer === undefined) throw new Error('fixture');
    truncateSync(blobFile(fx, layer.digest), 100);
    await expect((await OciLayout.open(fx.dir)).verify()).rejects.toMatchObject({
      code: 'LAYOUT_INVALID',
      reason: 'BLOB_SIZE_MISMATCH',
      expected: '1024',
      actual: '100',
      message: expect.stringContaining(`blob ${layer.digest} `),
    });
  });

  it('a layer with bytes appended', async () => {
    const fx = await writeSyntheticLayout(fresh());
    const layer = fx.layers[0];
    if (layer === undefined) throw new Error('fixture');
    appendFileSync(blobFile(fx, layer.digest), 'x');
    await expect((await OciLayout.open(fx.dir)).verify()).rejects.toMatchObject({
      code: 'LAYOUT_INVALID',
      reason: 'BLOB_SIZE_MISMATCH',
      expected: '1024',
      actual: 'more than 1024',
    });
  });

  it('a missing layer', async () => {
    const fx = await writeSyntheticLayout(fresh());
    const layer = fx.layers[3];
    if (layer === undefined) throw new Error('fixture');
    unlinkSync(blobFile(fx, layer.digest));
    const error = await (await OciLayout.open(fx.dir)).verify().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'LAYOUT_INVALID', reason: 'BLOB_MISSING' });
    // The message names the missing blob and the manifest that references it.
    expect((error as Error).message).toContain(
      `blob ${layer.digest} (referenced by manifest ${fx.manifests[1]?.digest} [linux/arm64] (layer 2 of 2))`,
    );
  });

  it('a tampered manifest is caught before it is parsed', async () => {
    const fx = await writeSyntheticLayout(fresh());
    const m = fx.manifests[0];
    if (m === undefined) throw new Error('fixture');
    const text = readFileSync(blobFile(fx, m.digest), 'utf8').replace(
      '"schemaVersion":2',
      '"schemaVersion":3',
    );
    writeFileSync(blobFile(fx, m.digest), text);
    await expect((await OciLayout.open(fx.dir)).verify()).rejects.toMatchObject({
      code: 'LAYOUT_INVALID',
      reason: 'BLOB_DIGEST_MISMATCH',
      expected: m.digest,
    });
  });

  it('a blob that is a symbolic link (even to the right bytes)', async () => {
    const fx = await writeSyntheticLayout(fresh());
    const layer = fx.layers[0];
    if (layer === undefined) throw new Error('fixture');
    const outside = join(fresh(), 'real');
    renameSync(blobFile(fx, layer.digest), outside);
    symlinkSync(outside, blobFile(fx, layer.digest));
    await expect((await OciLayout.open(fx.dir)).verify()).rejects.toMatchObject({
      code: 'LAYOUT_INVALID',
      reason: 'SYMLINK',
      message: expect.stringContaining(`blob ${layer.digest} `),
    });
  });

  it('blobs/sha256 itself as a symbolic link (to a copy of the very same blobs)', async () => {
    const fx = await writeSyntheticLayout(fresh());
    const elsewhere = join(fresh(), 'sha256');
    renameSync(join(fx.dir, 'blobs', 'sha256'), elsewhere);
    symlinkSync(elsewhere, join(fx.dir, 'blobs', 'sha256'));
    await expect(OciLayout.open(fx.dir)).rejects.toMatchObject({
      code: 'LAYOUT_INVALID',
      reason: 'SYMLINK',
      message: expect.stringContaining('blobs/sha256 '),
    });
  });

  it('index.json as a symbolic link', async () => {
    const fx = await writeSyntheticLayout(fresh());
    const elsewhere = join(fresh(), 'index.json');
    renameSync(join(fx.dir, 'index.json'), elsewhere);
    symlinkSync(elsewhere, join(fx.dir, 'index.json'));
    await expect(OciLayout.open(fx.dir)).rejects.toMatchObject({
      code: 'LAYOUT_INVALID',
      reason: 'SYMLINK',
      message: expect.stringContaining('index.json '),
    });
  });

  it('an unknown imageLayoutVersion', async () => {
    const fx = await writeSyntheticLayout(fresh());
    writeFileSync(join(fx.dir, 'oci-layout'), '{"imageLayoutVersion":"2.0.0"}');
    await expect(OciLayout.open(fx.dir)).rejects.toMatchObject({
      code: 'LAYOUT_INVALID',
      reason: 'UNSUPPORTED_VERSION',
      expected: '1.0.0',
      actual: '2.0.0',
    });
  });

  it('a descriptor digest that would escape blobs/', async () => {
    const fx = await writeSyntheticLayout(fresh());
    await writeLayoutRoot(fx.dir, [
      { mediaType: 'application/vnd.oci.image.index.v1+json', digest: 'sha256:../../../etc/passwd', size: 1 },
    ]);
    await expect(OciLayout.open(fx.dir)).rejects.toMatchObject({
      code: 'LAYOUT_INVALID',
      reason: 'DIGEST_INVALID',
      actual: 'sha256:../../../etc/passwd',
      message: expect.stringContaining('index.json manifests[0]: '),
    });
  });

  it('index.json declaring the wrong size for the top level', async () => {
    const fx = await writeSyntheticLayout(fresh());
    const root = fx.root;
    await writeLayoutRoot(fx.dir, [{ ...root, size: root.size + 1 }]);
    await expect((await OciLayout.open(fx.dir)).verify()).rejects.toMatchObject({
      code: 'LAYOUT_INVALID',
      reason: 'BLOB_SIZE_MISMATCH',
      expected: String(root.size + 1),
      actual: String(root.size),
    });
  });

  it('not a layout at all', async () => {
    await expect(OciLayout.open(fresh())).rejects.toMatchObject({
      code: 'LAYOUT_INVALID',
      reason: 'NOT_A_LAYOUT',
    });
    await expect(OciLayout.open('/nonexistent/layout')).rejects.toMatchObject({
      code: 'LAYOUT_INVALID',
      reason: 'NOT_FOUND',
    });
  });

  it('several entries without a ref name to choose', async () => {
    const fx = await writeSyntheticLayout(fresh());
    const index = JSON.parse(readFileSync(join(fx.dir, 'index.json'), 'utf8'));
    await writeLayoutRoot(fx.dir, [
      ...index.manifests,
      { ...fx.manifests[0], annotations: { 'org.opencontainers.image.ref.name': 'other' } },
    ]);
    await expect((await OciLayout.open(fx.dir)).verify()).rejects.toMatchObject({
      code: 'LAYOUT_INVALID',
      reason: 'ENTRY_AMBIGUOUS',
      actual: 'latest, other',
    });
  });
});

describe('OciLayout: verification on worker threads', () => {
  const viaWorkers = async (dir: string) =>
    (await OciLayout.open(dir)).verify({ concurrency: 2, workerThresholdBytes: 0 });

  it('verifies a good layout', async () => {
    const fx = await writeSyntheticLayout(fresh(), { layerSizes: [3 * 1024 * 1024, 10] });
    expect((await viaWorkers(fx.dir)).blobCount).toBe(9);
  });

  it.each(['tamper', 'truncate', 'extend'] as const)('catches a %sed blob', async (damage) => {
    const fx = await writeSyntheticLayout(fresh(), { layerSizes: [3 * 1024 * 1024, 10] });
    const layer = fx.layers[2];
    if (layer === undefined) throw new Error('fixture');
    const path = blobFile(fx, layer.digest);
    if (damage === 'truncate') truncateSync(path, 1024);
    if (damage === 'extend') appendFileSync(path, 'x');
    if (damage === 'tamper') {
      const bytes = readFileSync(path);
      bytes[2 * 1024 * 1024] = (bytes[2 * 1024 * 1024] ?? 0) ^ 1;
      writeFileSync(path, bytes);
    }
    await expect(viaWorkers(fx.dir)).rejects.toMatchObject({
      code: 'LAYOUT_INVALID',
      reason: damage === 'tamper' ? 'BLOB_DIGEST_MISMATCH' : 'BLOB_SIZE_MISMATCH',
      message: expect.stringContaining(`blob ${layer.digest} `),
    });
  });
});
