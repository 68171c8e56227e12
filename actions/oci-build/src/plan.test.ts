import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mapInputSource, readInputs } from '@chain/core';
import { describe, expect, it } from 'vitest';
import { spec } from './inputs.ts';
import { type BuildFacts, hostPlatform, planBuild } from './plan.ts';

const workspace = mkdtempSync(join(tmpdir(), 'ws-'));
const read = (values: Record<string, string>) => readInputs(spec, mapInputSource(values), { workspace });
const facts = (over: Partial<BuildFacts> = {}): BuildFacts => ({
  env: { GITHUB_SHA: 'f'.repeat(40), GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/app' },
  commitTime: 1_700_000_000,
  commitSha: 'e'.repeat(40),
  file: join(workspace, 'Containerfile'),
  outputDir: '/tmp/layout',
  hostArch: 'x64',
  ...over,
});
const OCI = 'org.opencontainers.image';

describe('planBuild', () => {
  it('adds traceability labels and annotations from the runner and the commit', () => {
    const plan = planBuild(read({ version: '1.4.0' }), facts());
    const expected = [
      [`${OCI}.revision`, 'f'.repeat(40)],
      [`${OCI}.source`, 'https://github.com/acme/app'],
      [`${OCI}.created`, '2023-11-14T22:13:20Z'],
      [`${OCI}.version`, '1.4.0'],
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
      [`${OCI}.revision`, 'e'.repeat(40)],
      [`${OCI}.created`, '2023-11-14T22:13:20Z'],
      [`${OCI}.source`, 'https://example.com/x'],
      ['team', 'core'],
    ]);
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
