import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BuildRequest } from './build-request.ts';
import { buildah } from './buildah.ts';
import { buildx } from './buildx.ts';

const base: BuildRequest = {
  context: '/ws',
  file: '/ws/Containerfile',
  platforms: ['linux/amd64', 'linux/arm64'],
  buildArgs: [['VERSION', '1.0']],
  labels: [['org.opencontainers.image.revision', 'abc']],
  annotations: [['org.opencontainers.image.revision', 'abc']],
  target: undefined,
  secrets: [],
  cacheFrom: [],
  cacheTo: [],
  provenance: undefined,
  sbom: false,
  sourceDateEpoch: 1700000000,
  outputDir: '/tmp/out/layout',
};

/** Pairs `--flag value` occurrences, for order-insensitive assertions. */
function flags(args: string[], flag: string): string[] {
  return args.flatMap((a, i) =>
    a === flag ? [args[i + 1] ?? ''] : a.startsWith(`${flag}=`) ? [a.slice(flag.length + 1)] : [],
  );
}

describe('buildx.buildArgs', () => {
  it('writes an OCI layout directory and a metadata file, all platforms in one build', () => {
    const args = buildx.buildArgs(base, '/tmp/meta.json');
    expect(args.slice(0, 2)).toEqual(['buildx', 'build']);
    expect(flags(args, '--output')).toEqual(['type=oci,dest=/tmp/out/layout,tar=false']);
    expect(flags(args, '--metadata-file')).toEqual(['/tmp/meta.json']);
    expect(flags(args, '--platform')).toEqual(['linux/amd64,linux/arm64']);
    expect(flags(args, '--file')).toEqual(['/ws/Containerfile']);
    expect(args.at(-1)).toBe('/ws');
  });

  it('maps provenance: builder default min, explicit max, or off', () => {
    expect(flags(buildx.buildArgs(base, 'm'), '--provenance')).toEqual(['mode=min']);
    expect(flags(buildx.buildArgs({ ...base, provenance: 'max' }, 'm'), '--provenance')).toEqual([
      'mode=max',
    ]);
    expect(flags(buildx.buildArgs({ ...base, provenance: 'false' }, 'm'), '--provenance')).toEqual(['false']);
    expect(flags(buildx.buildArgs({ ...base, sbom: true }, 'm'), '--sbom')).toEqual(['true']);
  });

  it('passes SOURCE_DATE_EPOCH, build args, labels, index+manifest annotations, target, caches', () => {
    const args = buildx.buildArgs(
      { ...base, target: 'runtime', cacheFrom: ['type=gha'], cacheTo: ['type=gha,mode=max'] },
      'm',
    );
    expect(flags(args, '--build-arg')).toEqual(['SOURCE_DATE_EPOCH=1700000000', 'VERSION=1.0']);
    expect(flags(args, '--label')).toEqual(['org.opencontainers.image.revision=abc']);
    expect(flags(args, '--annotation')).toEqual(['index,manifest:org.opencontainers.image.revision=abc']);
    expect(flags(args, '--target')).toEqual(['runtime']);
    expect(flags(args, '--cache-from')).toEqual(['type=gha']);
    expect(flags(args, '--cache-to')).toEqual(['type=gha,mode=max']);
  });

  it('names secrets by environment variable or file, never by value', () => {
    const args = buildx.buildArgs(
      {
        ...base,
        secrets: [
          { id: 'npm', source: { env: 'NPM_TOKEN' } },
          { id: 'key', source: { file: '/run/key' } },
        ],
      },
      'm',
    );
    expect(flags(args, '--secret')).toEqual(['id=npm,env=NPM_TOKEN', 'id=key,src=/run/key']);
  });

  it('reads the digest from the metadata file', () => {
    expect(buildx.parseMetadata('{"containerimage.digest":"sha256:abc","buildx.build.ref":"x"}')).toEqual({
      digest: 'sha256:abc',
    });
    expect(buildx.parseMetadata('{}')).toEqual({ digest: undefined });
  });
});

describe('buildah', () => {
  it('builds every platform into one manifest list with a fixed timestamp', () => {
    const args = buildah.buildArgs(base, 'localhost/list');
    expect(args[0]).toBe('build');
    expect(flags(args, '--manifest')).toEqual(['localhost/list']);
    expect(flags(args, '--platform')).toEqual(['linux/amd64,linux/arm64']);
    expect(flags(args, '--timestamp')).toEqual(['1700000000']);
    expect(flags(args, '--annotation')).toEqual(['org.opencontainers.image.revision=abc']);
    expect(args.at(-1)).toBe('/ws');
  });

  it('uses --layers only with a cache source, and files for secrets', () => {
    expect(buildah.buildArgs(base, 'l')).not.toContain('--layers');
    const args = buildah.buildArgs(
      { ...base, cacheFrom: ['ghcr.io/o/cache'], secrets: [{ id: 's', source: { file: '/f' } }] },
      'l',
    );
    expect(args).toContain('--layers');
    expect(flags(args, '--secret')).toEqual(['id=s,src=/f']);
    expect(() => buildah.buildArgs({ ...base, secrets: [{ id: 's', source: { env: 'X' } }] }, 'l')).toThrow(
      /as files/,
    );
  });

  it('pushes the list with every image to an OCI layout', () => {
    expect(buildah.pushArgs('localhost/list', '/out')).toEqual([
      'manifest',
      'push',
      '--all',
      '--format',
      'oci',
      'localhost/list',
      'oci:/out:latest',
    ]);
  });

  it('warns about buildx-only inputs, and only when they are asked for', () => {
    expect(buildah.unsupported(base)).toEqual([]);
    expect(buildah.unsupported({ ...base, cacheTo: ['x'], provenance: 'max', sbom: true })).toHaveLength(3);
    expect(buildah.unsupported({ ...base, provenance: 'false' })).toEqual([]);
  });

  it('names the failing step from buildah stderr', () => {
    const stderr =
      'failing\nsubprocess exited with status 3\nError: building at STEP "RUN /bin/sh -c make": exit status 3\n';
    expect(buildah.failedStep(stderr)).toBe('step "RUN /bin/sh -c make" failed: exit status 3');
    expect(buildah.failedStep('something else')).toBeUndefined();
  });
});

describe('buildx.parseInspect (recorded `docker buildx inspect` output)', () => {
  const fixture = (name: string) =>
    readFileSync(new URL(`../../../../test/fixtures/buildx/${name}`, import.meta.url), 'utf8');

  it('the docker driver cannot export an OCI layout', () => {
    expect(buildx.parseInspect(fixture('inspect-docker-driver.txt'))).toEqual({
      driver: 'docker',
      ociExport: false,
    });
  });

  it('docker-container and remote drivers can', () => {
    expect(buildx.parseInspect(fixture('inspect-docker-container-driver.txt'))).toEqual({
      driver: 'docker-container',
      ociExport: true,
    });
    expect(buildx.parseInspect(fixture('inspect-remote-driver.txt'))).toEqual({
      driver: 'remote',
      ociExport: true,
    });
  });

  it('fails closed when the output names no driver', () => {
    expect(buildx.parseInspect('ERROR: no builder "x" found')).toEqual({
      driver: undefined,
      ociExport: false,
    });
  });

  it('the fix names the driver and both ways out', () => {
    const fix = buildx.ociExportFix('docker');
    expect(fix).toContain('driver docker');
    expect(fix).toContain('docker buildx create --use --driver docker-container');
    expect(fix).toContain('builder: buildah');
  });
});
