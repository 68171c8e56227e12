import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, mapInputSource, readInputs, refContext } from '@chain/core';
import { describe, expect, it } from 'vitest';
import { type EventCase, eventFixture } from '../../../test/helpers/event-fixtures.ts';
import { spec } from './inputs.ts';
import {
  type BuildFacts,
  type BuildStepPlan,
  type BuildxFacts,
  chooseBuilder,
  hostPlatform,
  type Inputs,
  plan,
  planBuild,
} from './plan.ts';

const workspace = mkdtempSync(join(tmpdir(), 'ws-'));
writeFileSync(join(workspace, 'Containerfile'), 'FROM scratch\n');
const read = (values: Record<string, string>) => readInputs(spec, mapInputSource(values), { workspace });
const NOW = new Date('2026-11-23T12:00:00Z');
const RUNNER_ENV = {
  GITHUB_SHA: 'f'.repeat(40),
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/app',
};
/** The facts run.ts finds, and the step's environment the plan is made in. */
type Facts = BuildFacts & { env: NodeJS.ProcessEnv };
const stepPlan = (values: Inputs, env: NodeJS.ProcessEnv = RUNNER_ENV): BuildStepPlan => {
  const p = plan(values, { env, workspace, now: NOW });
  if (p.kind !== 'build') throw new Error('not a build');
  return p;
};
/** plan, then planBuild: the two pure halves of a build's request. */
const build = (values: Inputs, f: Facts) => planBuild(stepPlan(values, f.env), f);
const facts = (over: Partial<Facts> = {}): Facts => {
  const env = over.env ?? RUNNER_ENV;
  return {
    env,
    event: refContext(env, {}, NOW),
    commitTime: 1_700_000_000,
    commitSha: 'e'.repeat(40),
    file: join(workspace, 'Containerfile'),
    outputDir: '/tmp/layout',
    hostArch: 'x64',
    ...over,
  };
};
/** Facts of a recorded event: its GITHUB_* variables and its payload. */
const eventFacts = (name: EventCase, payload?: Record<string, unknown>): Facts => {
  const fixture = eventFixture(name);
  return facts({ env: fixture.env, event: refContext(fixture.env, payload ?? fixture.payload, NOW) });
};
const OCI = 'org.opencontainers.image';
const CREATED = [`${OCI}.created`, '2023-11-14T22:13:20Z'];

describe('planBuild', () => {
  it('adds traceability labels and annotations from the runner and the commit', () => {
    const planned = build(read({ version: '1.4.0' }), facts());
    const expected = [
      [`${OCI}.title`, 'app'],
      [`${OCI}.url`, 'https://github.com/acme/app'],
      [`${OCI}.source`, 'https://github.com/acme/app'],
      [`${OCI}.version`, '1.4.0'],
      CREATED,
      [`${OCI}.revision`, 'f'.repeat(40)],
    ];
    expect(planned.request.labels).toEqual(expected);
    expect(planned.request.annotations).toEqual(expected);
    expect(planned.request.sourceDateEpoch).toBe(1_700_000_000);
    expect(planned.epochSource).toBe('the commit time');
  });

  it('falls back to git for the revision and lets user labels override', () => {
    const planned = build(
      read({ labels: `${OCI}.source=https://example.com/x\nteam=core` }),
      facts({ env: {} }),
    );
    expect(planned.request.labels).toEqual([
      CREATED,
      [`${OCI}.revision`, 'e'.repeat(40)],
      [`${OCI}.source`, 'https://example.com/x'],
      ['team', 'core'],
    ]);
  });

  it.each<[EventCase, string]>([
    ['push-default-branch', 'master'],
    ['push-branch', 'my-feature-1245'],
    ['tag-v1.2.3', '1.2.3'],
    ['tag-v2.0.0-rc.1', '2.0.0-rc.1'],
    ['pull-request', 'pr-15'],
    ['workflow-dispatch', 'master'],
  ])('labels a build of %s from the payload repository, version %s', (name, version) => {
    const f = eventFacts(name);
    const expected = [
      [`${OCI}.title`, 'test-docker-action'],
      [`${OCI}.description`, 'Test "Docker" Actions'],
      [`${OCI}.url`, 'https://github.com/docker/test-docker-action'],
      [`${OCI}.source`, 'https://github.com/docker/test-docker-action'],
      [`${OCI}.version`, version],
      CREATED,
      [`${OCI}.revision`, f.env.GITHUB_SHA],
      [`${OCI}.licenses`, 'MIT'],
    ];
    const planned = build(read({}), f);
    expect(planned.request.labels).toEqual(expected);
    expect(planned.request.annotations).toEqual(expected);
  });

  it('labels a schedule build (its payload has no repository) from the runner variables', () => {
    expect(build(read({}), eventFacts('schedule')).request.labels).toEqual([
      [`${OCI}.title`, 'test-docker-action'],
      [`${OCI}.url`, 'https://github.com/docker/test-docker-action'],
      [`${OCI}.source`, 'https://github.com/docker/test-docker-action'],
      [`${OCI}.version`, 'master'],
      CREATED,
      [`${OCI}.revision`, '860c1904a1ce19322e91ac35af1ab07466440c37'],
    ]);
  });

  it('the version input, and the user labels and annotations, take precedence', () => {
    const planned = build(
      read({
        version: '9.9.9',
        labels: `${OCI}.licenses=Apache-2.0\n${OCI}.title=App`,
        annotations: `${OCI}.description=Shipped`,
      }),
      eventFacts('tag-v1.2.3'),
    );
    const labels = new Map(planned.request.labels);
    const annotations = new Map(planned.request.annotations);
    expect([labels.get(`${OCI}.version`), labels.get(`${OCI}.licenses`), labels.get(`${OCI}.title`)]).toEqual(
      ['9.9.9', 'Apache-2.0', 'App'],
    );
    expect(labels.get(`${OCI}.description`)).toBe('Test "Docker" Actions');
    expect(annotations.get(`${OCI}.description`)).toBe('Shipped');
    expect(annotations.get(`${OCI}.licenses`)).toBe('MIT');
  });

  it('leaves out a licence GitHub could not identify (NOASSERTION) or that is missing', () => {
    const { payload } = eventFixture('push-default-branch');
    const repository = payload.repository as Record<string, unknown>;
    // Changed from the recording: GitHub's "Other" licence; then none at all.
    for (const license of [{ key: 'other', name: 'Other', spdx_id: 'NOASSERTION', url: null }, null]) {
      const planned = build(
        read({}),
        eventFacts('push-default-branch', { ...payload, repository: { ...repository, license } }),
      );
      expect(planned.request.labels.map(([k]) => k)).not.toContain(`${OCI}.licenses`);
    }
  });

  it('chooses source-date-epoch: input, then SOURCE_DATE_EPOCH, then the commit, then now with a warning', () => {
    expect(build(read({ 'source-date-epoch': '42' }), facts()).request.sourceDateEpoch).toBe(42);
    expect(build(read({}), facts({ env: { SOURCE_DATE_EPOCH: '7' } })).request.sourceDateEpoch).toBe(7);
    const now = build(read({}), facts({ commitTime: undefined }));
    expect(now.request.sourceDateEpoch).toBe(Math.floor(NOW.getTime() / 1000));
    expect(now.epochSource).toBe('the current time');
    expect(now.warnings.join()).toMatch(/rebuilds will not reproduce/);
  });

  it('can leave traceability out', () => {
    const planned = build(read({ 'traceability-labels': 'false' }), facts());
    expect(planned.request.labels).toEqual([]);
  });

  it('defaults to the runner platform and keeps requested ones in order', () => {
    expect(build(read({}), facts({ hostArch: 'arm64' })).request.platforms).toEqual(['linux/arm64']);
    expect(build(read({ platforms: 'linux/arm/v7, linux/amd64' }), facts()).request.platforms).toEqual([
      'linux/arm/v7',
      'linux/amd64',
    ]);
    expect(hostPlatform('arm')).toEqual({ os: 'linux', architecture: 'arm', variant: 'v7' });
  });
});

describe('plan', () => {
  it('join: the layouts resolved in the workspace, nothing built', () => {
    expect(plan(read({ join: 'amd64/layout, /abs/arm64' }), { env: {}, workspace, now: NOW })).toEqual({
      kind: 'join',
      sources: [join(workspace, 'amd64/layout'), '/abs/arm64'],
      outputDir: undefined,
    });
  });

  it("the Containerfile: the file input, else the context's Containerfile, else its Dockerfile, else INPUT_REQUIRED", () => {
    const dir = mkdtempSync(join(workspace, 'ctx-'));
    const thrown = (() => {
      try {
        stepPlan(read({ context: dir }));
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toMatchObject({ code: 'INPUT_REQUIRED', input: 'file' });
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n');
    expect(stepPlan(read({ context: dir })).file).toBe(join(dir, 'Dockerfile'));
    writeFileSync(join(dir, 'Containerfile'), 'FROM scratch\n');
    expect(stepPlan(read({ context: dir })).file).toBe(join(dir, 'Containerfile'));
    expect(stepPlan(read({ context: dir, file: join(dir, 'Dockerfile') })).file).toBe(
      join(dir, 'Dockerfile'),
    );
  });

  it('a build: what the inputs and the environment decide, and what is left to the facts', () => {
    const p = stepPlan(
      read({ platforms: 'linux/arm64', 'build-args': 'A=1', 'secrets-env': 'BUILD_SECRETS' }),
    );
    expect(p).toMatchObject({
      kind: 'build',
      context: workspace,
      file: join(workspace, 'Containerfile'),
      outputDir: undefined,
      builder: 'auto',
      platforms: ['linux/arm64'],
      buildArgs: [['A', '1']],
      traceability: { version: undefined, revision: 'f'.repeat(40) },
      epoch: undefined,
      now: NOW,
      secrets: [],
      secretsEnv: 'BUILD_SECRETS',
    });
  });

  it.each<[string, Record<string, string>, NodeJS.ProcessEnv, BuildStepPlan['epoch']]>([
    [
      'the input',
      { 'source-date-epoch': '42' },
      { SOURCE_DATE_EPOCH: '7' },
      { epoch: 42, source: 'input source-date-epoch' },
    ],
    ['SOURCE_DATE_EPOCH', {}, { SOURCE_DATE_EPOCH: '7' }, { epoch: 7, source: 'SOURCE_DATE_EPOCH' }],
    ['not a number: left to the commit', {}, { SOURCE_DATE_EPOCH: 'yesterday' }, undefined],
    ['none: left to the commit', {}, {}, undefined],
  ])('source-date-epoch from %s', (_, inputs, env, epoch) => {
    expect(stepPlan(read(inputs), env).epoch).toEqual(epoch);
  });

  it('traceability-labels: false leaves the traceability out of the plan', () => {
    expect(stepPlan(read({ 'traceability-labels': 'false' })).traceability).toBeUndefined();
  });
});

describe('chooseBuilder', () => {
  const answered = { available: true, reason: 'docker buildx answered (v0.36.1; engine 28.0.0)' };
  const silent = { available: false, reason: 'docker buildx did not answer (not found)' };
  const container = { driver: 'docker-container', ociExport: true };
  const dockerDriver = { driver: 'docker', ociExport: false };
  it.each<[string, Inputs['builder'], BuildxFacts, string, RegExp]>([
    [
      'buildah asked',
      'buildah',
      { probe: undefined, inspect: undefined },
      'buildah',
      /^input builder is "buildah"$/,
    ],
    [
      'buildx asked, it exports',
      'buildx',
      { probe: undefined, inspect: container },
      'buildx',
      /driver docker-container$/,
    ],
    [
      'auto, buildx silent',
      'auto',
      { probe: silent, inspect: undefined },
      'buildah',
      /^auto: docker buildx did not answer .*, so buildah$/,
    ],
    [
      'auto, docker driver',
      'auto',
      { probe: answered, inspect: dockerDriver },
      'buildah',
      /\(driver docker\) cannot export an OCI layout, so buildah$/,
    ],
    [
      'auto, container driver',
      'auto',
      { probe: answered, inspect: container },
      'buildx',
      /^auto: docker buildx answered .*, builder driver docker-container$/,
    ],
  ])('%s: %s', (_, wanted, buildxFacts, builder, reason) => {
    const choice = chooseBuilder(wanted, buildxFacts);
    expect(choice.builder).toBe(builder);
    expect(choice.reason).toMatch(reason);
  });

  it('buildx asked on the docker driver is refused, naming the input, with the driver found', () => {
    let error: unknown;
    try {
      chooseBuilder('buildx', { probe: undefined, inspect: dockerDriver });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ code: 'BUILDER_CANNOT_EXPORT', input: 'builder', actual: 'driver docker' });
  });
});

describe('oci-build inputs', () => {
  it('refuses a context outside the workspace', () => {
    expect(() => read({ context: '../other' })).toThrow(/Input "context" must stay inside the workspace/);
  });
  it('refuses a platform that is not os/arch[/variant]', () => {
    expect(() => read({ platforms: 'amd64' })).toThrow(/Input "platforms" platform "amd64" must be os\/arch/);
  });
  it('refuses an inline secret without echoing its value', () => {
    let message = '';
    try {
      read({ secrets: 'npm=env:NPM_TOKEN\ntoken=s3cr3t-inline-value' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/Input "secrets" line 2 \(id "token"\) is not id=env:VARIABLE or id=file:PATH/);
    expect(message).not.toContain('s3cr3t-inline-value');
  });
  it('reads named secrets', () => {
    expect(read({ secrets: 'npm=env:NPM_TOKEN\nkey=file:/run/key' }).secrets).toEqual([
      { id: 'npm', source: { env: 'NPM_TOKEN' } },
      { id: 'key', source: { file: '/run/key' } },
    ]);
    expect(() => read({ secrets: 'npm=env:not-a-name' })).toThrow(/not an environment variable name/);
  });
  it('refuses build args that are not KEY=value', () => {
    expect(() => read({ 'build-args': 'JUSTAKEY' })).toThrow(/Input "build-args" item 1 must be KEY=value/);
  });
});
