// oci-build, bundled, run the way the runner runs it, building with the real buildah.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { OciLayout } from '@chain/core';
import { describe, expect, it } from 'vitest';
import { eventFixture } from './helpers/event-fixtures.ts';
import { buildahEnv, exampleContext } from './helpers/real-tools.ts';
import { type RunnerResult, runBundle } from './helpers/runner.ts';

const SHA = 'c0ffee'.padEnd(40, '0');
const github = { GITHUB_SHA: SHA, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/hello' };

function workspaceWith(options: { run?: boolean; fail?: boolean; containerfile?: string } = {}): string {
  const ws = mkdtempSync(join(tmpdir(), 'ws-'));
  cpSync(exampleContext(options), ws, { recursive: true });
  if (options.containerfile !== undefined) writeFileSync(join(ws, 'Containerfile'), options.containerfile);
  return ws;
}

function build(
  inputs: Record<string, string>,
  workspace = workspaceWith({ run: true }),
  env: NodeJS.ProcessEnv = {},
): RunnerResult {
  return runBundle('oci-build', 'main', { inputs, workspace, env: { ...buildahEnv(), ...github, ...env } });
}

async function config(
  layout: string,
  manifestDigest: string,
): Promise<{ architecture: string; config: { Labels?: Record<string, string> } }> {
  const oci = await OciLayout.open(layout);
  const graph = await oci.walk();
  const image = graph.images.find((i) => i.digest === manifestDigest);
  if (image === undefined) throw new Error(`no image ${manifestDigest}`);
  return JSON.parse((await oci.readBlob(image.config)).toString()) as {
    architecture: string;
    config: { Labels?: Record<string, string> };
  };
}

describe('oci-build with buildah', () => {
  it('single platform, with a RUN step: outputs match the verified layout on disk', async () => {
    const r = build({
      platforms: 'linux/amd64',
      version: '1.2.3',
      labels: 'team=platform',
      'source-date-epoch': '1700000000',
    });
    expect(r.status, r.stdout).toBe(0);
    expect(r.outputs.builder).toBe('buildah');
    const layout = r.outputs.layout ?? '';
    expect(isAbsolute(layout)).toBe(true);
    const report = await (await OciLayout.open(layout)).verify();
    expect(r.outputs.digest).toBe(report.root.digest);
    expect(r.outputs['media-type']).toBe(report.root.mediaType);
    const platforms = JSON.parse(r.outputs.platforms ?? '[]') as { platform: string; digest: string }[];
    expect(platforms).toEqual(report.images.map((i) => ({ platform: i.platform, digest: i.digest })));
    expect(platforms.map((p) => p.platform)).toEqual(['linux/amd64']);

    const labels = (await config(layout, platforms[0]?.digest ?? '')).config.Labels ?? {};
    expect(labels).toMatchObject({
      'org.opencontainers.image.revision': SHA,
      'org.opencontainers.image.source': 'https://github.com/acme/hello',
      'org.opencontainers.image.created': '2023-11-14T22:13:20Z',
      'org.opencontainers.image.version': '1.2.3',
      team: 'platform',
    });
    expect(r.summary).toContain(report.root.digest);
    expect(r.summary).toContain('linux/amd64');
    expect(r.stdout).toContain('auto: docker buildx did not answer');
  });

  it('labels and annotates from the event payload of a tag push (recorded event); user labels win', async () => {
    const event = eventFixture('tag-v1.2.3').env;
    const r = build(
      {
        platforms: 'linux/amd64',
        'source-date-epoch': '1700000000',
        labels: 'org.opencontainers.image.title=Hello',
      },
      workspaceWith(),
      event,
    );
    expect(r.status, r.stdout).toBe(0);
    const expected = {
      'org.opencontainers.image.description': 'Test "Docker" Actions',
      'org.opencontainers.image.url': 'https://github.com/docker/test-docker-action',
      'org.opencontainers.image.source': 'https://github.com/docker/test-docker-action',
      'org.opencontainers.image.version': '1.2.3',
      'org.opencontainers.image.created': '2023-11-14T22:13:20Z',
      'org.opencontainers.image.revision': event.GITHUB_SHA,
      'org.opencontainers.image.licenses': 'MIT',
    };
    const layout = r.outputs.layout ?? '';
    const [platform] = JSON.parse(r.outputs.platforms ?? '[]') as { digest: string }[];
    const labels = (await config(layout, platform?.digest ?? '')).config.Labels ?? {};
    expect(labels).toMatchObject({ ...expected, 'org.opencontainers.image.title': 'Hello' });
    const oci = await OciLayout.open(layout);
    const image = (await oci.walk()).images[0];
    if (image === undefined) throw new Error('no image');
    const manifest = JSON.parse(
      (await oci.readBlob({ digest: image.digest, mediaType: image.mediaType, size: image.size })).toString(),
    ) as { annotations?: Record<string, string> };
    expect(manifest.annotations).toMatchObject({
      ...expected,
      'org.opencontainers.image.title': 'test-docker-action',
    });
  });

  it('multi-platform: one index, a manifest per platform', async () => {
    const r = build({ platforms: 'linux/amd64,linux/arm64' }, workspaceWith());
    expect(r.status, r.stdout).toBe(0);
    const report = await (await OciLayout.open(r.outputs.layout ?? '')).verify();
    expect(report.root.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(report.root.digest).toBe(r.outputs.digest);
    const platforms = JSON.parse(r.outputs.platforms ?? '[]') as { platform: string; digest: string }[];
    expect(platforms.map((p) => p.platform).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    const arm = platforms.find((p) => p.platform === 'linux/arm64');
    expect((await config(r.outputs.layout ?? '', arm?.digest ?? '')).architecture).toBe('arm64');
  });

  it('scale-out: per-platform builds (one per native runner) join into one index; manifests keep their digests', async () => {
    const amd = build({ platforms: 'linux/amd64', 'source-date-epoch': '1700000000' }, workspaceWith());
    const arm = build({ platforms: 'linux/arm64', 'source-date-epoch': '1700000000' }, workspaceWith());
    expect(amd.status, amd.stdout).toBe(0);
    expect(arm.status, arm.stdout).toBe(0);
    const joined = runBundle('oci-build', 'main', {
      inputs: { join: `${amd.outputs.layout}\n${arm.outputs.layout}` },
    });
    expect(joined.status, joined.stdout).toBe(0);
    expect(joined.outputs.builder).toBe('join');
    const report = await (await OciLayout.open(joined.outputs.layout ?? '')).verify();
    expect(report.root.digest).toBe(joined.outputs.digest);
    expect(report.root.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    const perPlatform = [amd, arm].flatMap((r) => JSON.parse(r.outputs.platforms ?? '[]') as unknown[]);
    expect(JSON.parse(joined.outputs.platforms ?? '[]')).toEqual(perPlatform);
    const armDigest = (perPlatform[1] as { digest: string }).digest;
    expect((await config(joined.outputs.layout ?? '', armDigest)).architecture).toBe('arm64');

    // The same platform twice is refused, naming both layouts.
    const twice = runBundle('oci-build', 'main', {
      inputs: { join: `${amd.outputs.layout}\n${amd.outputs.layout}` },
    });
    expect(twice.status).toBe(1);
    expect(twice.stdout).toMatch(
      /platform linux\/amd64 is in both .* and .*; each layout must bring its own/,
    );
  });

  it('rebuilding the same commit with the same epoch reproduces the digest', () => {
    const inputs = { platforms: 'linux/amd64', 'source-date-epoch': '1700000000' };
    const first = build(inputs, workspaceWith());
    const second = build(inputs, workspaceWith());
    expect(first.status).toBe(0);
    expect(second.outputs.digest).toBe(first.outputs.digest);
  });

  it('a build secret reaches the RUN step and never the logs', () => {
    const value = 'tok-3f9a1c77e2';
    const containerfile = [
      'FROM scratch',
      'COPY busybox /bin/busybox',
      `RUN --mount=type=secret,id=npm ["/bin/busybox", "sh", "-c", "test \\"$(/bin/busybox cat /run/secrets/npm)\\" = ${value}"]`,
      '',
    ].join('\n');
    const r = build(
      { platforms: 'linux/amd64', secrets: 'npm=env:NPM_TOKEN' },
      workspaceWith({ containerfile }),
      { NPM_TOKEN: value },
    );
    expect(r.status, r.stdout).toBe(0);
    const leaks = `${r.stdout}\n${r.stderr}`
      .split('\n')
      .filter((l) => l.includes(value) && !l.startsWith('::add-mask::'));
    expect(leaks).toEqual([]);
    expect(r.stdout).toContain(`::add-mask::${value}`);
  });

  it("secrets-env: id=value lines from one variable (a reusable workflow's secret) reach the build, masked", () => {
    const npm = 'npm-7c1e0b55d2';
    const pip = 'pip=with=equals-91aa';
    const containerfile = [
      'FROM scratch',
      'COPY busybox /bin/busybox',
      `RUN --mount=type=secret,id=npm --mount=type=secret,id=pip ["/bin/busybox", "sh", "-c", "test \\"$(/bin/busybox cat /run/secrets/npm)\\" = ${npm} && test \\"$(/bin/busybox cat /run/secrets/pip)\\" = ${pip}"]`,
      '',
    ].join('\n');
    const r = build(
      { platforms: 'linux/amd64', 'secrets-env': 'BUILD_SECRETS' },
      workspaceWith({ containerfile }),
      // CRLF line ends, and a last line ending in a lone CR: no CR is part of a value.
      { BUILD_SECRETS: `npm=${npm}\r\n\r\npip=${pip}\r` },
    );
    expect(r.status, r.stdout).toBe(0);
    for (const value of [npm, pip]) expect(r.stdout).toContain(`::add-mask::${value}`);
    const leaks = `${r.stdout}\n${r.stderr}`
      .split('\n')
      .filter((l) => (l.includes(npm) || l.includes(pip)) && !l.startsWith('::add-mask::'));
    expect(leaks).toEqual([]);
  });

  it('secrets-env: a malformed line is named by number and never shown; a repeated id is refused', () => {
    const bad = build({ platforms: 'linux/amd64', 'secrets-env': 'BUILD_SECRETS' }, workspaceWith(), {
      BUILD_SECRETS: 'npm=ok-value\nhunter2-no-id',
    });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/::error::Input "secrets-env": line 2 of BUILD_SECRETS is not id=value/);
    expect(bad.stdout).not.toContain('hunter2-no-id');
    const twice = build(
      { platforms: 'linux/amd64', secrets: 'npm=env:NPM_TOKEN', 'secrets-env': 'BUILD_SECRETS' },
      workspaceWith(),
      { NPM_TOKEN: 'x-token-1', BUILD_SECRETS: 'npm=x-token-2' },
    );
    expect(twice.status).toBe(1);
    expect(twice.stdout).toContain('secret id "npm" is given twice');
    expect(
      twice.stdout.split('\n').filter((l) => l.includes('x-token-2') && !l.startsWith('::add-mask::')),
    ).toEqual([]);
  });

  it('a failing Containerfile is a command error naming the step, and sets no output', () => {
    const r = build({ platforms: 'linux/amd64' }, workspaceWith({ fail: true }));
    expect(r.status).toBe(1);
    const error = r.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    expect(error).toMatch(/^::error::buildah build failed: step "RUN .*exit 3" failed: exit status 3$/);
    expect(r.outputs).toEqual({});
  });

  it('with no usable OCI runtime on the host, RUN steps fall back to chroot isolation, with a warning', () => {
    // BUILDAH_RUNTIME=/bin/false: the runtime buildah starts for a RUN step fails, as on a host without a
    // working runc/crun ("while running runtime: exit status 1"); no isolation was chosen.
    const r = build({ platforms: 'linux/amd64' }, workspaceWith({ run: true }), {
      BUILDAH_ISOLATION: '',
      BUILDAH_RUNTIME: '/bin/false',
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^::warning::buildah could not start a RUN step with its OCI runtime .*BUILDAH_ISOLATION=chroot/m,
    );
    expect(r.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('warns about buildx-only inputs that buildah cannot honour', () => {
    const r = build({ platforms: 'linux/amd64', 'cache-to': 'type=gha', provenance: 'max' }, workspaceWith());
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('::warning::buildah: cache-to has no buildah equivalent and was ignored');
    expect(r.stdout).toContain('::warning::buildah: provenance "max" needs BuildKit');
  });
});

describe('oci-build refuses bad inputs before building', () => {
  it.each([
    [{ context: '../elsewhere' }, /Input "context" must stay inside the workspace/],
    [{ platforms: 'linux' }, /Input "platforms" platform "linux" must be os\/arch/],
    [{ secrets: 'npm=hunter2-literal' }, /Input "secrets" line 1 \(id "npm"\) is not id=env:VARIABLE/],
    [{ builder: 'docker' }, /Input "builder" must be one of "auto", "buildx", "buildah"/],
    [{ file: 'Nope.containerfile' }, /Input "file" names .*Nope.containerfile, which does not exist/],
  ])('%j', (inputs, message) => {
    const r = build(inputs as Record<string, string>, workspaceWith());
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(message);
    expect(r.stdout).not.toContain('hunter2-literal');
    expect(r.stdout).not.toContain('$ buildah build');
  });

  it('refuses a non-empty output directory', () => {
    const out = mkdtempSync(join(tmpdir(), 'out-'));
    writeFileSync(join(out, 'keep'), 'x');
    const r = build({ 'output-dir': out }, workspaceWith());
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('is not empty');
    expect(existsSync(join(out, 'index.json'))).toBe(false);
    expect(readFileSync(join(out, 'keep'), 'utf8')).toBe('x');
  });
});

// A `docker` CLI whose active buildx builder uses the default `docker` driver, replaying recorded
// `docker buildx inspect` output (test/fixtures/buildx). A stand-in: no Docker engine can run here.
function dockerDriverCli(): string {
  const bin = mkdtempSync(join(tmpdir(), 'docker-cli-'));
  const inspect = new URL('./fixtures/buildx/inspect-docker-driver.txt', import.meta.url).pathname;
  writeFileSync(
    join(bin, 'docker'),
    [
      '#!/bin/sh',
      'case "$1 $2" in',
      '  "buildx version") echo "github.com/docker/buildx v0.36.1 0000000" ;;',
      '  "info --format") echo "28.0.0" ;;',
      `  "buildx inspect") cat '${inspect}' ;;`,
      '  *) echo "unexpected: $*" >&2; exit 2 ;;',
      'esac',
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  return bin;
}

describe('oci-build and the buildx driver', () => {
  it('auto: a builder on the docker driver cannot export OCI, so the build goes to buildah', async () => {
    const path = `${dockerDriverCli()}:${process.env.PATH ?? ''}`;
    const r = build({}, workspaceWith(), { PATH: path });
    expect(r.status, r.stdout).toBe(0);
    expect(r.outputs.builder).toBe('buildah');
    expect(r.stdout).toContain('(driver docker) cannot export an OCI layout, so buildah');
    await (await OciLayout.open(r.outputs.layout ?? '')).verify();
  });

  it('builder: buildx on the docker driver fails before building, naming the input and the fix', () => {
    const path = `${dockerDriverCli()}:${process.env.PATH ?? ''}`;
    const r = build({ builder: 'buildx' }, workspaceWith(), { PATH: path });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toContain(
      'Input "builder": the active buildx builder (driver docker) cannot export an OCI layout',
    );
    expect(r.stdout).toContain('docker buildx create --use --driver docker-container');
    expect(r.outputs.digest).toBeUndefined();
  });
});
