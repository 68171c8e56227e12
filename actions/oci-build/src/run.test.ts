// oci-build in process: the step's decisions and failure paths through its seam (runAction). buildah,
// docker buildx and git are scripted (ScriptedToolRunner); what "they" write is a real OCI layout in a
// temporary folder, which the step verifies for real. The real builders run in test/oci-build*.test.ts.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecRequest } from '@chain/core';
import { runAction, type ScriptedCall } from '@chain/core/testing';
import { describe, expect, it } from 'vitest';
import { eventFixture } from '../../../test/helpers/event-fixtures.ts';
import { blobFile, writeSyntheticLayout } from '../../../test/helpers/layout-fixture.ts';
import { action } from './action.ts';

const SHA = 'c0ffee'.padEnd(40, '0');
const OCI = 'org.opencontainers.image';
const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'buildx');

function job(env: NodeJS.ProcessEnv = {}) {
  const workspace = mkdtempSync(join(tmpdir(), 'oci-build-ws-'));
  writeFileSync(join(workspace, 'Containerfile'), 'FROM scratch\nCOPY busybox /bin/busybox\n');
  const temp = mkdtempSync(join(tmpdir(), 'oci-build-temp-'));
  return {
    workspace,
    temp,
    env: {
      RUNNER_TEMP: temp,
      GITHUB_SHA: SHA,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/hello',
      ...env,
    },
  };
}

const after = (args: readonly string[], flag: string) => args[args.indexOf(flag) + 1] ?? '';
const pairs = (args: readonly string[], flag: string) =>
  args.flatMap((a, i) => (a === flag ? [args[i + 1] ?? ''] : []));

/** git in the context: the commit's time and SHA. */
const git: ScriptedCall[] = [
  { command: 'git', argsPrefix: ['-C'], result: { stdout: '1700000000\n' } },
  { command: 'git', argsPrefix: ['-C'], result: { stdout: `${'e'.repeat(40)}\n` } },
];

/** buildah building, then writing the layout (`oci:<dir>:latest`), then removing its manifest list. */
function buildah(platforms = ['linux/amd64'], tamper?: (dir: string) => Promise<void>): ScriptedCall[] {
  return [
    { command: 'buildah', argsPrefix: ['build'] },
    {
      command: 'buildah',
      argsPrefix: ['manifest', 'push'],
      respond: async (request: ExecRequest) => {
        const dir = (request.args.at(-1) ?? '').replace(/^oci:/, '').replace(/:latest$/, '');
        const layout = await writeSyntheticLayout(dir, { platforms });
        await tamper?.(dir);
        return { stdout: layout.root.digest };
      },
    },
    { command: 'buildah', argsPrefix: ['manifest', 'rm'] },
  ];
}

const dockerBuildx = (inspect: string): ScriptedCall[] => [
  {
    command: 'docker',
    argsPrefix: ['buildx', 'version'],
    result: { stdout: 'github.com/docker/buildx v0.36.1' },
  },
  { command: 'docker', argsPrefix: ['info'], result: { stdout: '28.0.0' } },
  {
    command: 'docker',
    argsPrefix: ['buildx', 'inspect'],
    result: { stdout: readFileSync(join(FIXTURES, `inspect-${inspect}.txt`), 'utf8') },
  },
];

const builds = (calls: ExecRequest[]) => calls.filter((c) => c.args[0] === 'build' || c.args[1] === 'build');

describe('oci-build with buildah, in process', () => {
  it('builds, verifies the layout, sets every output, writes the build record and the summary', async () => {
    const { workspace, env } = job();
    const r = await runAction(action, {
      inputs: { builder: 'buildah', platforms: 'linux/amd64', version: '1.2.3', labels: 'team=platform' },
      env,
      workspace,
      tools: [...git, ...buildah()],
    });
    expect(r.error).toBeUndefined();
    const layout = r.output.layout ?? '';
    const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as {
      manifests: { digest: string }[];
    };
    expect(r.output).toMatchObject({
      digest: index.manifests[0]?.digest,
      'media-type': 'application/vnd.oci.image.index.v1+json',
      builder: 'buildah',
    });
    expect((JSON.parse(r.output.platforms ?? '') as { platform: string }[]).map((p) => p.platform)).toEqual([
      'linux/amd64',
    ]);
    const record = JSON.parse(readFileSync(r.output['build-record'] ?? '', 'utf8')) as Record<
      string,
      unknown
    >;
    expect(record).toMatchObject({
      schema: 'build-record/v1',
      digest: r.output.digest,
      builder: 'buildah',
      containerfile: { path: 'Containerfile' },
      context: '.',
      platforms: ['linux/amd64'],
    });

    const [build] = builds(r.calls);
    const args = build?.args ?? [];
    expect(after(args, '--timestamp')).toBe('1700000000'); // the commit's time
    expect(pairs(args, '--label')).toEqual([
      `${OCI}.title=hello`,
      `${OCI}.url=https://github.com/acme/hello`,
      `${OCI}.source=https://github.com/acme/hello`,
      `${OCI}.version=1.2.3`,
      `${OCI}.created=2023-11-14T22:13:20Z`,
      `${OCI}.revision=${SHA}`,
      'team=platform',
    ]);
    expect(r.calls.at(-1)?.args.slice(0, 2)).toEqual(['manifest', 'rm']);
    expect(r.summaries.join('')).toContain(r.output.digest);
    expect(r.logger.messages('info')).toContain('builder: buildah (input builder is "buildah")');
  });

  it('labels from the event payload the runner wrote (a tag push), read in run', async () => {
    const event = eventFixture('tag-v1.2.3').env;
    const { workspace, env } = job(event);
    const r = await runAction(action, {
      inputs: { builder: 'buildah', platforms: 'linux/amd64' },
      env,
      workspace,
      tools: [...git, ...buildah()],
    });
    expect(r.error).toBeUndefined();
    const labels = pairs(builds(r.calls)[0]?.args ?? [], '--label');
    expect(labels).toContain(`${OCI}.version=1.2.3`);
    expect(labels).toContain(`${OCI}.licenses=MIT`);
    expect(labels).toContain(`${OCI}.source=https://github.com/docker/test-docker-action`);
  });

  it('an event payload path that cannot be read is refused, naming GITHUB_EVENT_PATH, before building', async () => {
    const { workspace, env } = job({ GITHUB_EVENT_PATH: '/nonexistent/event.json' });
    const r = await runAction(action, {
      inputs: { builder: 'buildah', platforms: 'linux/amd64' },
      env,
      workspace,
      tools: [...git],
    });
    expect(r.code).toBe('INPUT_INVALID');
    expect(r.error).toMatchObject({ input: 'GITHUB_EVENT_PATH' });
    expect(builds(r.calls)).toEqual([]);
  });

  it('a build tool failure is COMMAND_FAILED naming the step; no output; the manifest list is removed', async () => {
    const { workspace, env } = job();
    const stderrTail = 'error building at STEP "RUN exit 3": exit status 3';
    const r = await runAction(action, {
      inputs: { builder: 'buildah', platforms: 'linux/amd64' },
      env,
      workspace,
      tools: [
        ...git,
        { command: 'buildah', argsPrefix: ['build'], result: { exitCode: 3, stderrTail } },
        { command: 'buildah', argsPrefix: ['manifest', 'rm'] },
      ],
    });
    expect(r.code).toBe('COMMAND_FAILED');
    expect(r.error).toMatchObject({ tool: 'buildah', exitCode: 3, stderrTail });
    expect((r.error as Error).message).toContain('step "RUN exit 3" failed');
    expect(r.output).toEqual({});
    expect(r.calls.at(-1)?.args.slice(0, 2)).toEqual(['manifest', 'rm']);
  });

  it('a layout that does not verify is LAYOUT_INVALID, and no digest is output', async () => {
    const { workspace, env } = job();
    const corrupt = async (dir: string) => {
      const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
        manifests: { digest: string }[];
      };
      writeFileSync(blobFile({ dir }, index.manifests[0]?.digest ?? ''), '{"tampered":true}');
    };
    const r = await runAction(action, {
      inputs: { builder: 'buildah', platforms: 'linux/amd64' },
      env,
      workspace,
      tools: [...git, ...buildah(['linux/amd64'], corrupt)],
    });
    expect(r.code).toBe('LAYOUT_INVALID');
    expect(r.output).toEqual({});
  });

  it('a layout without a platform asked for is COMMAND_FAILED', async () => {
    const { workspace, env } = job();
    const r = await runAction(action, {
      inputs: { builder: 'buildah', platforms: 'linux/amd64,linux/arm64' },
      env,
      workspace,
      tools: [...git, ...buildah(['linux/amd64'])],
    });
    expect(r.code).toBe('COMMAND_FAILED');
    expect(r.error).toMatchObject({ tool: 'buildah' });
    expect(r.output).toEqual({});
  });

  it('no usable OCI runtime: builds again with chroot isolation, with a warning', async () => {
    const { workspace, env } = job();
    const [, push, rm] = buildah();
    const r = await runAction(action, {
      inputs: { builder: 'buildah', platforms: 'linux/amd64' },
      env,
      workspace,
      tools: [
        ...git,
        {
          command: 'buildah',
          argsPrefix: ['build'],
          result: {
            exitCode: 1,
            stderrTail: 'error running container: while running runtime: exit status 1',
          },
        },
        { command: 'buildah', argsPrefix: ['build'] },
        ...[push, rm].filter((c) => c !== undefined),
      ],
    });
    expect(r.error).toBeUndefined();
    const [first, second] = builds(r.calls);
    expect(first?.args).not.toContain('--isolation');
    expect(after(second?.args ?? [], '--isolation')).toBe('chroot');
    expect(r.logger.messages('warning').join('\n')).toContain('Set BUILDAH_ISOLATION=chroot');
  });

  it('an env secret reaches buildah as a 0600 file, masked, and the file is gone after the build', async () => {
    const { workspace, env } = job({ NPM_TOKEN: 'tok-3f9a1c77e2' });
    let secretFile = '';
    const [build, ...rest] = buildah();
    const r = await runAction(action, {
      inputs: { builder: 'buildah', platforms: 'linux/amd64', secrets: 'npm=env:NPM_TOKEN' },
      env,
      workspace,
      tools: [
        ...git,
        {
          command: 'buildah',
          argsPrefix: ['build'],
          respond: (request) => {
            secretFile = after(request.args, '--secret').replace(/^id=npm,src=/, '');
            expect(readFileSync(secretFile, 'utf8')).toBe('tok-3f9a1c77e2');
            expect(request.secrets).toEqual(['tok-3f9a1c77e2']);
            return {};
          },
        },
        ...rest,
      ],
    });
    expect(build).toBeDefined();
    expect(r.error).toBeUndefined();
    expect(r.logger.secrets).toContain('tok-3f9a1c77e2');
    expect(secretFile).not.toBe('');
    expect(existsSync(secretFile)).toBe(false);
  });

  it('secrets-env: a malformed line is INPUT_INVALID naming secrets-env, masked and never shown; nothing is built', async () => {
    const { workspace, env } = job({ BUILD_SECRETS: 'npm=ok-value\nhunter2-no-id' });
    const r = await runAction(action, {
      inputs: { builder: 'buildah', platforms: 'linux/amd64', 'secrets-env': 'BUILD_SECRETS' },
      env,
      workspace,
      tools: [...git],
    });
    expect(r.code).toBe('INPUT_INVALID');
    expect(r.error).toMatchObject({ input: 'secrets-env' });
    expect((r.error as Error).message).not.toContain('hunter2');
    expect(r.logger.secrets).toContain('ok-value');
    expect(builds(r.calls)).toEqual([]);
  });
});

describe('oci-build refuses before building, in process', () => {
  it('a non-empty output-dir is DIRECTORY_NOT_EMPTY naming output-dir; nothing runs', async () => {
    const { workspace, env, temp } = job();
    const out = join(temp, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'keep'), 'x');
    const r = await runAction(action, { inputs: { 'output-dir': out }, env, workspace });
    expect(r.code).toBe('DIRECTORY_NOT_EMPTY');
    expect(r.error).toMatchObject({ input: 'output-dir' });
    expect(r.calls).toEqual([]);
  });

  it('no Containerfile or Dockerfile in the context is INPUT_REQUIRED naming file', async () => {
    const { workspace, env } = job();
    mkdirSync(join(workspace, 'empty'));
    const r = await runAction(action, { inputs: { context: 'empty' }, env, workspace });
    expect(r.code).toBe('INPUT_REQUIRED');
    expect(r.error).toMatchObject({ input: 'file' });
  });

  it('a context outside the workspace is INPUT_INVALID', async () => {
    const { workspace, env } = job();
    const r = await runAction(action, { inputs: { context: '../elsewhere' }, env, workspace });
    expect(r.code).toBe('INPUT_INVALID');
    expect(r.error).toMatchObject({ input: 'context' });
  });
});

describe('oci-build chooses its builder, in process', () => {
  it('auto: docker buildx does not answer, so buildah', async () => {
    const { workspace, env } = job();
    const r = await runAction(action, {
      inputs: { platforms: 'linux/amd64' },
      env,
      workspace,
      tools: [
        ...git,
        { command: 'docker', argsPrefix: ['buildx', 'version'], result: { exitCode: 127 } },
        ...buildah(),
      ],
    });
    expect(r.error).toBeUndefined();
    expect(r.output.builder).toBe('buildah');
    expect(r.logger.messages('info').join('\n')).toContain('auto: docker buildx did not answer');
  });

  it('auto: a builder on the docker driver cannot export OCI, so buildah', async () => {
    const { workspace, env } = job();
    const r = await runAction(action, {
      inputs: { platforms: 'linux/amd64' },
      env,
      workspace,
      tools: [...git, ...dockerBuildx('docker-driver'), ...buildah()],
    });
    expect(r.error).toBeUndefined();
    expect(r.output.builder).toBe('buildah');
    expect(r.logger.messages('info').join('\n')).toContain(
      '(driver docker) cannot export an OCI layout, so buildah',
    );
  });

  it('builder: buildx on the docker driver is refused before building, naming the input', async () => {
    const { workspace, env } = job();
    const [, , inspect] = dockerBuildx('docker-driver');
    const r = await runAction(action, {
      inputs: { builder: 'buildx', platforms: 'linux/amd64' },
      env,
      workspace,
      tools: [...git, ...[inspect].filter((c) => c !== undefined)],
    });
    expect(r.code).toBe('BUILDER_CANNOT_EXPORT');
    expect(r.error).toMatchObject({ input: 'builder', actual: 'driver docker' });
    expect(builds(r.calls)).toEqual([]);
    expect(r.output).toEqual({});
  });

  it('auto: a docker-container builder builds with buildx; the digest it reports must be the layout top', async () => {
    const { workspace, env } = job({ NPM_TOKEN: 'tok-buildx-1' });
    const buildxBuild = (digest?: string): ScriptedCall => ({
      command: 'docker',
      argsPrefix: ['buildx', 'build'],
      respond: async (request) => {
        const dir = /dest=([^,]+),/.exec(after(request.args, '--output'))?.[1] ?? '';
        const layout = await writeSyntheticLayout(dir, { platforms: ['linux/amd64'], attestations: true });
        const metadata = { 'containerimage.digest': digest ?? layout.root.digest };
        writeFileSync(after(request.args, '--metadata-file'), JSON.stringify(metadata));
        return {};
      },
    });
    const inputs = { platforms: 'linux/amd64', secrets: 'npm=env:NPM_TOKEN', 'source-date-epoch': '42' };
    const r = await runAction(action, {
      inputs,
      env,
      workspace,
      tools: [...git, ...dockerBuildx('docker-container-driver'), buildxBuild()],
    });
    expect(r.error).toBeUndefined();
    expect(r.output.builder).toBe('buildx');
    const [build] = builds(r.calls);
    expect(after(build?.args ?? [], '--secret')).toBe('id=npm,env=NPM_TOKEN');
    expect(build?.env?.SOURCE_DATE_EPOCH).toBe('42');
    expect(build?.secrets).toEqual(['tok-buildx-1']);
    expect(r.summaries.join('')).toContain('attestation manifest(s)');

    const lying = job();
    const wrong = `sha256:${'0'.repeat(64)}`;
    const l = await runAction(action, {
      inputs: { platforms: 'linux/amd64' },
      env: lying.env,
      workspace: lying.workspace,
      tools: [...git, ...dockerBuildx('docker-container-driver'), buildxBuild(wrong)],
    });
    expect(l.code).toBe('COMMAND_FAILED');
    expect(l.error).toMatchObject({ tool: 'buildx' });
    expect(l.output).toEqual({});
  });
});

describe('oci-build join, in process', () => {
  async function platformLayout(temp: string, platform: string): Promise<string> {
    const dir = join(temp, platform.replace('/', '-'));
    await writeSyntheticLayout(dir, { platforms: [platform], single: true });
    return dir;
  }

  it('joins per-platform layouts into one index, builds nothing, and has no build record', async () => {
    const { workspace, env, temp } = job();
    const amd = await platformLayout(temp, 'linux/amd64');
    const arm = await platformLayout(temp, 'linux/arm64');
    const r = await runAction(action, { inputs: { join: `${amd}\n${arm}` }, env, workspace });
    expect(r.error).toBeUndefined();
    expect(r.calls).toEqual([]);
    expect(r.output).toMatchObject({
      builder: 'join',
      'build-record': '',
      'media-type': 'application/vnd.oci.image.index.v1+json',
    });
    expect((JSON.parse(r.output.platforms ?? '') as { platform: string }[]).map((p) => p.platform)).toEqual([
      'linux/amd64',
      'linux/arm64',
    ]);
    expect(r.output.layout?.startsWith(temp)).toBe(true);
  });

  it.each([
    ['the same platform twice', 'PLATFORM_TWICE', 'join'],
    ['a single layout', 'LAYOUTS_TOO_FEW', 'join'],
    ['a non-empty output-dir', 'DIRECTORY_NOT_EMPTY', 'output-dir'],
  ])('%s is %s naming %s', async (what, code, input) => {
    const { workspace, env, temp } = job();
    const amd = await platformLayout(temp, 'linux/amd64');
    const arm = await platformLayout(temp, 'linux/arm64');
    const out = join(temp, 'out');
    mkdirSync(out);
    if (what === 'a non-empty output-dir') writeFileSync(join(out, 'keep'), 'x');
    const join_ =
      { 'the same platform twice': `${amd}\n${amd}`, 'a single layout': amd }[what] ?? `${amd}\n${arm}`;
    const r = await runAction(action, { inputs: { join: join_, 'output-dir': out }, env, workspace });
    expect(r.code).toBe(code);
    expect(r.error).toMatchObject({ input });
    expect(r.output).toEqual({});
  });
});
