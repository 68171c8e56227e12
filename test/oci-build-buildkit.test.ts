// oci-build's buildx path with the real BuildKit: buildkitd v0.32 and buildx v0.36 (built by
// scripts/tools.ts), the Docker CLI's buildx plugin pointed at buildkitd through the remote driver (there
// is no Docker engine here). The same checks as the buildah path: a verified multi-platform layout whose
// platform images the real trivy then scans, plus BuildKit's provenance attestation manifests.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OciLayout } from '@chain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/actions.ts';
import { devTool, realTools, runImageScan, vulnDbs } from './helpers/real-scanners.ts';
import { runBundle } from './helpers/runner.ts';

const buildkitd = devTool('buildkitd');
const buildx = devTool('buildx');
const docker = spawnSync('docker', ['--version'], { encoding: 'utf8' });
const skip =
  buildkitd.skip ??
  buildx.skip ??
  (docker.status === 0 ? undefined : 'the docker CLI is not installed (buildx runs as its plugin)');
const { tools } = realTools('trivy');

describe.skipIf(skip)('oci-build with the real BuildKit (buildx, remote driver)', () => {
  let daemon: ChildProcess;
  let base: string;
  let dockerConfig: string;
  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'buildkit-'));
    const socket = `unix://${join(base, 'buildkitd.sock')}`;
    daemon = spawn(
      buildkitd.path ?? '',
      ['--root', join(base, 'root'), '--addr', socket, '--oci-worker-snapshotter', 'native'],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 100 && !existsSync(join(base, 'buildkitd.sock')); i++)
      await new Promise((r) => setTimeout(r, 100));
    dockerConfig = join(base, 'docker');
    mkdirSync(join(dockerConfig, 'cli-plugins'), { recursive: true });
    symlinkSync(buildx.path ?? '', join(dockerConfig, 'cli-plugins', 'docker-buildx'));
    const env = { ...process.env, DOCKER_CONFIG: dockerConfig };
    const created = spawnSync(
      'docker',
      ['buildx', 'create', '--name', 'chain', '--driver', 'remote', '--use', socket],
      {
        encoding: 'utf8',
        env,
      },
    );
    expect(created.status, created.stderr).toBe(0);
  });
  afterAll(() => {
    daemon?.kill();
  });

  it('builds a verified two-platform layout with provenance attestations, and image-scan scans each image', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'buildkit-ws-'));
    const r = runBundle('oci-build', 'main', {
      workspace: repoRoot,
      inputs: {
        builder: 'buildx',
        context: 'test/fixtures/images/vulnerable-app',
        file: 'test/fixtures/images/vulnerable-app/Containerfile',
        platforms: 'linux/amd64,linux/arm64',
        'output-dir': join(workspace, 'layout'),
      },
      env: { DOCKER_CONFIG: dockerConfig, GITHUB_SHA: 'a'.repeat(40), GITHUB_REPOSITORY: 'acme/app' },
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.builder).toBe('buildx');
    const layout = await OciLayout.open(r.outputs.layout ?? '');
    const verified = await layout.verify();
    expect(verified.root.digest).toBe(r.outputs.digest);
    expect(verified.images.map((i) => i.platform).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    expect(JSON.parse(r.outputs.platforms ?? '[]')).toEqual(
      expect.arrayContaining(verified.images.map((i) => ({ platform: i.platform, digest: i.digest }))),
    );
    // BuildKit's provenance: one attestation manifest per image, an in-toto SLSA statement about it.
    expect(verified.attestations).toHaveLength(2);
    for (const attestation of verified.attestations) {
      const manifest = JSON.parse(
        readFileSync(join(r.outputs.layout ?? '', 'blobs', 'sha256', attestation.digest.slice(7)), 'utf8'),
      ) as { layers: { mediaType: string; annotations?: Record<string, string> }[] };
      expect(manifest.layers[0]?.mediaType).toBe('application/vnd.in-toto+json');
      expect(manifest.layers[0]?.annotations?.['in-toto.io/predicate-type']).toMatch(
        /^https:\/\/slsa\.dev\/provenance\//,
      );
    }

    if (tools.trivy === undefined) return;
    vulnDbs();
    const scan = await runImageScan(r.outputs.layout ?? '', r.outputs.digest ?? '', {
      trivy: tools.trivy,
      inputs: { 'fail-on': 'never' },
    });
    expect(scan.status, scan.stdout + scan.stderr).toBe(0);
    expect(scan.stdout).toContain('skipping 2 attestation manifest(s)');
    const report = JSON.parse(readFileSync(scan.outputs.report ?? '', 'utf8')) as {
      failing: { id: string; package: string; platform: string }[];
    };
    const byPlatform = (platform: string) =>
      report.failing
        .filter((f) => f.platform === platform)
        .map((f) => f.package)
        .sort();
    expect(byPlatform('linux/amd64')).toEqual(['json5', 'lodash']);
    expect(byPlatform('linux/arm64')).toEqual(['lodash', 'minimist']);
  });
});
