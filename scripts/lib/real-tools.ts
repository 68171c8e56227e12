import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuildRecord, ProcessToolRunner } from '@chain/core';

const runner = new ProcessToolRunner();

/** A buildah with its own vfs storage under a temp dir (no system state touched). */
export function isolatedBuildah(base = mkdtempSync(join(tmpdir(), 'buildah-'))) {
  const globalArgs = [
    '--root',
    join(base, 'root'),
    '--runroot',
    join(base, 'runroot'),
    '--storage-driver',
    'vfs',
  ];
  return {
    base,
    globalArgs,
    async run(args: string[]): Promise<string> {
      const result = await runner.run({
        tool: 'buildah',
        command: 'buildah',
        args: [...globalArgs, ...args],
      });
      return result.stdout;
    },
  };
}

/** A small build context: a static busybox in a FROM scratch image (no base image registry needed). */
export function exampleContext(options: { run?: boolean; fail?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ctx-'));
  copyFileSync('/bin/busybox', join(dir, 'busybox'));
  const lines = ['FROM scratch', 'COPY busybox /bin/busybox'];
  if (options.run) lines.push('RUN ["/bin/busybox", "sh", "-c", "echo built > /hello.txt"]');
  if (options.fail) lines.push('RUN ["/bin/busybox", "sh", "-c", "echo failing on purpose >&2; exit 3"]');
  lines.push('LABEL org.example.fixture=true');
  writeFileSync(join(dir, 'Containerfile'), `${lines.join('\n')}\n`);
  return dir;
}

/** Builds the example with real buildah into an OCI layout; multi-platform when several platforms. */
export async function buildahLayout(
  platforms: string[],
  options: { run?: boolean; context?: string } = {},
): Promise<string> {
  const b = isolatedBuildah();
  const ctx = options.context ?? exampleContext(options);
  const out = join(b.base, 'layout');
  if (platforms.length === 1) {
    await b.run([
      'build',
      '--isolation',
      'chroot',
      '-q',
      '--platform',
      platforms[0] ?? '',
      '-t',
      'localhost/fixture',
      ctx,
    ]);
    await b.run(['push', '-q', 'localhost/fixture', `oci:${out}:latest`]);
  } else {
    await b.run([
      'build',
      '--isolation',
      'chroot',
      '-q',
      '--manifest',
      'localhost/fixture',
      '--platform',
      platforms.join(','),
      ctx,
    ]);
    await b.run(['manifest', 'push', '-q', '--all', 'localhost/fixture', `oci:${out}:latest`]);
  }
  return out;
}

/** Creates a layout with umoci: a new image, a file added through unpack/repack. */
export async function umociLayout(): Promise<string> {
  const base = mkdtempSync(join(tmpdir(), 'umoci-'));
  const layout = join(base, 'layout');
  const bundle = join(base, 'bundle');
  const umoci = (args: string[]) => runner.run({ tool: 'umoci', command: 'umoci', args });
  await umoci(['init', '--layout', layout]);
  await umoci(['new', '--image', `${layout}:latest`]);
  await umoci(['unpack', '--rootless', '--image', `${layout}:latest`, bundle]);
  mkdirSync(join(bundle, 'rootfs', 'etc'), { recursive: true });
  writeFileSync(join(bundle, 'rootfs', 'etc', 'fixture'), 'made by umoci\n');
  await umoci(['repack', '--image', `${layout}:latest`, bundle]);
  return layout;
}

/** Environment that gives buildah private vfs storage and chroot isolation (what works on this machine). */
export function buildahEnv(): NodeJS.ProcessEnv {
  const base = mkdtempSync(join(tmpdir(), 'buildah-storage-'));
  const conf = join(base, 'storage.conf');
  writeFileSync(
    conf,
    `[storage]\ndriver = "vfs"\ngraphroot = "${join(base, 'root')}"\nrunroot = "${join(base, 'runroot')}"\n`,
  );
  return { CONTAINERS_STORAGE_CONF: conf, BUILDAH_ISOLATION: 'chroot' };
}

/** The SHA-256 (hex) of a build context's Containerfile, as oci-build records it. */
export function containerfileSha256(context: string): string {
  return createHash('sha256')
    .update(readFileSync(join(context, 'Containerfile')))
    .digest('hex');
}

/**
 * Writes oci-build's build record (build-record/v1, builder buildah, no build arguments) of `digest` to
 * `file`; by default a linux/amd64 build of ./Containerfile in context `.`. Returns `file`.
 */
export function writeBuildRecord(
  file: string,
  record: Pick<BuildRecord, 'digest'> & Partial<Pick<BuildRecord, 'containerfile' | 'context' | 'platforms'>>,
): string {
  const full: BuildRecord = {
    schema: 'build-record/v1',
    digest: record.digest,
    builder: 'buildah',
    containerfile: record.containerfile ?? { path: 'Containerfile', sha256: 'a'.repeat(64) },
    context: record.context ?? '.',
    platforms: record.platforms ?? ['linux/amd64'],
    buildArgs: {},
  };
  writeFileSync(file, JSON.stringify(full));
  return file;
}
