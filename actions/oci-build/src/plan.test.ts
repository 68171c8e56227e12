import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mapInputSource, readInputs, refContext } from '@chain/core';
import { describe, expect, it } from 'vitest';
import { type EventCase, eventFixture } from '../../../test/helpers/event-fixtures.ts';
import { spec } from './inputs.ts';
import { type BuildFacts, hostPlatform, planBuild } from './plan.ts';

const workspace = mkdtempSync(join(tmpdir(), 'ws-'));
const read = (values: Record<string, string>) => readInputs(spec, mapInputSource(values), { workspace });
const NOW = new Date('2026-11-23T12:00:00Z');
const RUNNER_ENV = {
  GITHUB_SHA: 'f'.repeat(40),
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/app',
};
const facts = (over: Partial<BuildFacts> = {}): BuildFacts => {
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
const eventFacts = (name: EventCase, payload?: Record<string, unknown>): BuildFacts => {
  const fixture = eventFixture(name);
  return facts({ env: fixture.env, event: refContext(fixture.env, payload ?? fixture.payload, NOW) });
};
const OCI = 'org.opencontainers.image';
const CREATED = [`${OCI}.created`, '2023-11-14T22:13:20Z'];

describe('planBuild', () => {
  it('adds traceability labels and annotations from the runner and the commit', () => {
    const plan = planBuild(read({ version: '1.4.0' }), facts());
    const expected = [
      [`${OCI}.title`, 'app'],
      [`${OCI}.url`, 'https://github.com/acme/app'],
      [`${OCI}.source`, 'https://github.com/acme/app'],
      [`${OCI}.version`, '1.4.0'],
      CREATED,
      [`${OCI}.revision`, 'f'.repeat(40)],
    ];
    expect(plan.request.labels).toEqual(expected);
    expect(plan.request.annotations).toEqual(expected);
    expect(plan.request.sourceDateEpoch).toBe(1_700_000_000);
    expect(plan.epochSource).toBe('the commit time');
  });

  it('falls back to git for the revision and lets user labels override', () => {
    const plan = planBuild(
      read({ labels: `${OCI}.source=https://example.com/x\nteam=core` }),
      facts({ env: {} }),
    );
    expect(plan.request.labels).toEqual([
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
    const plan = planBuild(read({}), f);
    expect(plan.request.labels).toEqual(expected);
    expect(plan.request.annotations).toEqual(expected);
  });

  it('labels a schedule build (its payload has no repository) from the runner variables', () => {
    expect(planBuild(read({}), eventFacts('schedule')).request.labels).toEqual([
      [`${OCI}.title`, 'test-docker-action'],
      [`${OCI}.url`, 'https://github.com/docker/test-docker-action'],
      [`${OCI}.source`, 'https://github.com/docker/test-docker-action'],
      [`${OCI}.version`, 'master'],
      CREATED,
      [`${OCI}.revision`, '860c1904a1ce19322e91ac35af1ab07466440c37'],
    ]);
  });

  it('the version input, and the user labels and annotations, take precedence', () => {
    const plan = planBuild(
      read({
        version: '9.9.9',
        labels: `${OCI}.licenses=Apache-2.0\n${OCI}.title=App`,
        annotations: `${OCI}.description=Shipped`,
      }),
      eventFacts('tag-v1.2.3'),
    );
    const labels = new Map(plan.request.labels);
    const annotations = new Map(plan.request.annotations);
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
      const plan = planBuild(
        read({}),
        eventFacts('push-default-branch', { ...payload, repository: { ...repository, license } }),
      );
      expect(plan.request.labels.map(([k]) => k)).not.toContain(`${OCI}.licenses`);
    }
  });

  it('chooses source-date-epoch: input, then SOURCE_DATE_EPOCH, then the commit, then now with a warning', () => {
    expect(planBuild(read({ 'source-date-epoch': '42' }), facts()).request.sourceDateEpoch).toBe(42);
    expect(planBuild(read({}), facts({ env: { SOURCE_DATE_EPOCH: '7' } })).request.sourceDateEpoch).toBe(7);
    const now = planBuild(read({}), facts({ commitTime: undefined }));
    expect(Math.abs(now.request.sourceDateEpoch - Date.now() / 1000)).toBeLessThan(60);
    expect(now.warnings.join()).toMatch(/rebuilds will not reproduce/);
  });

  it('can leave traceability out', () => {
    const plan = planBuild(read({ 'traceability-labels': 'false' }), facts());
    expect(plan.request.labels).toEqual([]);
  });

  it('defaults to the runner platform and keeps requested ones in order', () => {
    expect(planBuild(read({}), facts({ hostArch: 'arm64' })).request.platforms).toEqual(['linux/arm64']);
    expect(planBuild(read({ platforms: 'linux/arm/v7, linux/amd64' }), facts()).request.platforms).toEqual([
      'linux/arm/v7',
      'linux/amd64',
    ]);
    expect(hostPlatform('arm')).toEqual({ os: 'linux', architecture: 'arm', variant: 'v7' });
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
