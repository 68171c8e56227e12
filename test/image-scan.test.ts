// image-scan, bundled, on layouts built by real buildah (and a synthetic BuildKit-shaped one with
// attestation manifests), with the trivy stand-in replaying a recorded real report per platform.
import { cpSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OciLayout } from '@chain/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/actions.ts';
import { writeSyntheticLayout } from './helpers/layout-fixture.ts';
import { buildahLayout } from './helpers/real-tools.ts';
import { runBundle, standInLog, userErrorLine } from './helpers/runner.ts';

let multi: string;
let multiDigest: string;
beforeAll(async () => {
  multi = await buildahLayout(['linux/amd64', 'linux/arm64']);
  multiDigest = (await OciLayout.open(multi)).topLevel().digest;
});

function scan(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  const log = standInLog();
  const r = runBundle('image-scan', 'main', {
    inputs: { 'trivy-path': join(repoRoot, 'test', 'stand-ins', 'trivy'), ...inputs },
    env: { ...log.env, ...env },
  });
  const calls = log.calls();
  return { r, images: calls.filter((c) => c.argv[0] === 'image'), calls };
}

const errorLine = userErrorLine;

const inputOf = (argv: string[]) => argv[argv.indexOf('--input') + 1] ?? '';

describe('image-scan', () => {
  it('scans each platform image through its own view of the same blobs, one verdict', () => {
    const { r, images, calls } = scan({ layout: multi, digest: multiDigest });
    expect(r.status).toBe(1);
    expect(images).toHaveLength(2);
    expect(calls.filter((c) => c.argv[0] === 'convert')).toHaveLength(2);
    const seen = images.map((c) => {
      const view = inputOf(c.argv);
      const index = JSON.parse(readFileSync(join(view, 'index.json'), 'utf8')) as {
        manifests: { digest: string; platform: { architecture: string } }[];
      };
      expect(index.manifests).toHaveLength(1);
      expect(lstatSync(join(view, 'blobs')).isSymbolicLink()).toBe(true);
      expect(readlinkSync(join(view, 'blobs'))).toBe(join(multi, 'blobs'));
      return index.manifests[0]?.platform.architecture;
    });
    expect(seen.sort()).toEqual(['amd64', 'arm64']);

    expect(r.outputs.digest).toBe(multiDigest);
    expect(r.outputs.passed).toBe('false');
    const counts = JSON.parse(r.outputs.counts ?? '{}');
    expect(Object.keys(counts.platforms).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    expect(counts.trivy.CRITICAL).toBe(4);
    const report = JSON.parse(readFileSync(r.outputs.report ?? '', 'utf8'));
    expect(report).toMatchObject({ tool: 'image-scan', digest: multiDigest });
    expect(new Set(report.failing.map((f: { platform: string }) => f.platform))).toEqual(
      new Set(['linux/amd64', 'linux/arm64']),
    );
    expect(JSON.parse(readFileSync(r.outputs.sarif ?? '', 'utf8')).runs).toHaveLength(2);
    expect(r.summary).toContain('linux/arm64');
    expect(errorLine(r)).toMatch(/image-scan: 4 finding\(s\) at HIGH, CRITICAL in sha256:/);
  });

  it('skips BuildKit attestation manifests', async () => {
    const fx = await writeSyntheticLayout(mkdtempSync(join(tmpdir(), 'att-')), { attestations: true });
    const { images, r } = scan({ layout: fx.dir, digest: fx.root.digest, 'fail-on': 'never' });
    expect(r.status, r.stdout).toBe(0);
    expect(images).toHaveLength(2);
    expect(r.stdout).toContain('skipping 2 attestation manifest(s)');
  });

  it('scans only the platforms asked for, and refuses one the layout lacks', () => {
    expect(
      scan({ layout: multi, digest: multiDigest, platforms: 'linux/arm64', 'fail-on': 'never' }).images,
    ).toHaveLength(1);
    const { r, calls } = scan({ layout: multi, digest: multiDigest, platforms: 'linux/s390x' });
    expect(errorLine(r)).toContain('Input "platforms": the layout has no image for linux/s390x (it has');
    expect(calls).toEqual([]);
  });

  it('passes a clean image', () => {
    const { r } = scan(
      { layout: multi, digest: multiDigest },
      { STANDIN_TRIVY_REPORT: join(repoRoot, 'test/fixtures/scanners/trivy/alpine-39-skip.json.golden') },
    );
    expect(r.status, r.stdout).toBe(0);
    expect(r.outputs.passed).toBe('true');
  });

  it("refuses a digest other than the layout's, and a tampered layout, before any scan", () => {
    const wrong = `sha256:${'1'.repeat(64)}`;
    const mismatch = scan({ layout: multi, digest: wrong });
    expect(errorLine(mismatch.r)).toContain(
      `has top-level digest ${multiDigest}, but input "digest" is ${wrong}`,
    );
    expect(mismatch.calls).toEqual([]);

    const copy = join(mkdtempSync(join(tmpdir(), 'tamper-')), 'layout');
    cpSync(multi, copy, { recursive: true });
    const index = JSON.parse(readFileSync(join(copy, 'index.json'), 'utf8')) as {
      manifests: { digest: string }[];
    };
    const rootBlob = join(copy, 'blobs', 'sha256', (index.manifests[0]?.digest ?? '').slice(7));
    writeFileSync(
      rootBlob,
      readFileSync(rootBlob, 'utf8').replace('"schemaVersion":2', '"schemaVersion": 2'),
    );
    const tampered = scan({ layout: copy, digest: multiDigest });
    expect(errorLine(tampered.r)).toMatch(/does not match its digest|bytes on disk/);
    expect(tampered.calls).toEqual([]);
  });
});
