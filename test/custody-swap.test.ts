// Custody attack (#14.2): files of the layout swapped between the action's verification and the tool's
// read. A wrapper placed where the action finds the real tool swaps the layout directory's index.json or a
// manifest for another image's just before running the real skopeo or trivy. The tools must read what was
// verified (a private snapshot), so the swap changes nothing: the verified digest is pushed, and the
// verified image is scanned.
import { chmodSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ImageReference, OciLayout, RegistryClient } from '@chain/core';
import { MemoryLogger } from '@chain/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/actions.ts';
import { realTools, runImageScan, vulnDbs } from './helpers/real-scanners.ts';
import { buildahLayout } from './helpers/real-tools.ts';
import { type LocalRegistry, startRegistry } from './helpers/registry.ts';
import { runBundleAsync, userErrorLine } from './helpers/runner.ts';

const { tools, skip } = realTools('trivy');

/**
 * A `name` executable that, before exec'ing `real`, makes SWAP_LAYOUT look like SWAP_WITH: copies that
 * layout's blobs in, then (mode index) replaces index.json, or (mode manifest) writes SWAP_WITH's root
 * manifest over the file of SWAP_TARGET (a manifest digest of SWAP_LAYOUT).
 */
function swappingWrapper(name: string, real: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'swap-'));
  const script = `#!/usr/bin/env node
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
const { SWAP_LAYOUT: layout, SWAP_WITH: other, SWAP_MODE: mode, SWAP_TARGET: target } = process.env;
cpSync(join(other, 'blobs'), join(layout, 'blobs'), { recursive: true });
const otherIndex = readFileSync(join(other, 'index.json'));
if (mode === 'index') writeFileSync(join(layout, 'index.json'), otherIndex);
else {
  const root = JSON.parse(otherIndex).manifests[0].digest.slice(7);
  writeFileSync(join(layout, 'blobs', 'sha256', target.slice(7)), readFileSync(join(other, 'blobs', 'sha256', root)));
}
const r = spawnSync(${JSON.stringify(real)}, process.argv.slice(2), { stdio: 'inherit' });
process.exit(r.status ?? 1);
`;
  writeFileSync(join(dir, name), script);
  chmodSync(join(dir, name), 0o755);
  return dir;
}

let registry: LocalRegistry;
let verifiedImage: string;
let intruder: string;
beforeAll(async () => {
  [registry, verifiedImage, intruder] = await Promise.all([
    startRegistry(),
    buildahLayout(['linux/amd64'], {
      context: join(repoRoot, 'test', 'fixtures', 'images', 'vulnerable-app'),
    }),
    buildahLayout(['linux/amd64']),
  ]);
});
afterAll(async () => {
  await registry?.stop();
});

const copy = (dir: string) => {
  const to = join(mkdtempSync(join(tmpdir(), 'layout-')), 'layout');
  cpSync(dir, to, { recursive: true });
  return to;
};

describe('a layout swapped between verification and the tool', () => {
  it('skopeo-push: index.json swapped just before skopeo runs; the verified digest is still what is pushed and tagged', async () => {
    const layout = copy(verifiedImage);
    const expected = (await OciLayout.open(layout)).topLevel().digest;
    const other = (await OciLayout.open(intruder)).topLevel().digest;
    const wrapper = swappingWrapper('skopeo', '/usr/bin/skopeo');
    const repo = `swap/push-${Math.random().toString(36).slice(2, 8)}`;
    const r = await runBundleAsync('skopeo-push', 'main', {
      inputs: { layout, digest: expected, image: `${registry.host}/${repo}`, 'tls-verify': 'false' },
      env: {
        GITHUB_SHA: '2'.repeat(40),
        PATH: `${wrapper}${delimiter}${process.env.PATH}`,
        SWAP_LAYOUT: layout,
        SWAP_WITH: intruder,
        SWAP_MODE: 'index',
      },
    });
    // The swap did happen in the layout directory...
    expect(JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')).manifests[0].digest).toBe(other);
    // ...and changed nothing: the immutable tag holds the verified digest.
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.digest).toBe(expected);
    const client = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
    const served = await client.headManifest(
      ImageReference.parse(`${registry.host}/${repo}`),
      `sha-${'2'.repeat(7)}`,
    );
    expect(served?.digest).toBe(expected);
    expect(
      await client.headManifest(ImageReference.parse(`${registry.host}/${repo}`), other),
    ).toBeUndefined();
  });

  it.skipIf(skip)(
    'image-scan: the manifest swapped for a clean image just before trivy runs; the verified image is what is scanned',
    async () => {
      vulnDbs();
      const layout = copy(verifiedImage);
      const expected = (await OciLayout.open(layout)).topLevel().digest;
      const wrapper = swappingWrapper('trivy', tools.trivy);
      const r = await runImageScan(layout, expected, {
        trivy: join(wrapper, 'trivy'),
        env: { SWAP_LAYOUT: layout, SWAP_WITH: intruder, SWAP_MODE: 'manifest', SWAP_TARGET: expected },
      });
      // The layout directory now holds the clean image's manifest under the verified digest's name...
      expect(readFileSync(join(layout, 'blobs', 'sha256', expected.slice(7)), 'utf8')).not.toContain(
        'vulnerable',
      );
      // ...but Trivy scanned the verified bytes: the vulnerable packages are found and the gate fails.
      expect(r.status, r.stdout + r.stderr).toBe(1);
      expect(userErrorLine(r)).toMatch(/image-scan: 2 finding\(s\) at HIGH, CRITICAL in sha256:/);
    },
  );

  it.skipIf(skip)(
    'image-scan: a layer written over in place (same file, same inode) before trivy runs; the verified bytes are still what is scanned',
    async () => {
      // Found by review: a hard-linked snapshot shares the inode, so an in-place write reached Trivy, which
      // checks no digest. The snapshot now holds copies hashed as they were made.
      vulnDbs();
      const layout = copy(verifiedImage);
      const graph = await (await OciLayout.open(layout)).walk();
      const expected = graph.root.digest;
      const intruderLayers = (await (await OciLayout.open(intruder)).walk()).images[0]?.layers ?? [];
      const dir = mkdtempSync(join(tmpdir(), 'inplace-'));
      const script = `#!/usr/bin/env node
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
const { T_FILES: files, T_WITH: other } = process.env;
const originals = files.split(',').map((f) => [f, readFileSync(f)]);
if (process.argv[2] === 'image') for (const [f] of originals) writeFileSync(f, readFileSync(other)); // in place
const r = spawnSync(${JSON.stringify(tools.trivy ?? '')}, process.argv.slice(2), { stdio: 'inherit' });
for (const [f, bytes] of originals) writeFileSync(f, bytes); // put back: the layout verifies again afterwards
process.exit(r.status ?? 1);
`;
      writeFileSync(join(dir, 'trivy'), script);
      chmodSync(join(dir, 'trivy'), 0o755);
      const files = (graph.images[0]?.layers ?? []).map((l) =>
        join(layout, 'blobs', 'sha256', l.digest.slice(7)),
      );
      const other = join(intruder, 'blobs', 'sha256', (intruderLayers.at(-1)?.digest ?? '').slice(7));
      const r = await runImageScan(layout, expected, {
        trivy: join(dir, 'trivy'),
        env: { T_FILES: files.join(','), T_WITH: other },
      });
      expect(r.status, r.stdout + r.stderr).toBe(1);
      expect(userErrorLine(r)).toMatch(/image-scan: 2 finding\(s\) at HIGH, CRITICAL in sha256:/);
    },
  );
});
