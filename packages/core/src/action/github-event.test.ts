import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_CASES, eventFixture } from '../../../../test/helpers/event-fixtures.ts';
import { ConfigurationError } from './errors.ts';
import { readRefContext } from './github-event.ts';

const NOW = new Date('2026-11-23T00:00:00Z');
const REPO = {
  name: 'test-docker-action',
  htmlUrl: 'https://github.com/docker/test-docker-action',
  description: 'Test "Docker" Actions',
  license: 'MIT',
};

describe('readRefContext over recorded events', () => {
  it.each(EVENT_CASES)('%s', async (name) => {
    const { env } = eventFixture(name);
    const ctx = await readRefContext(env, NOW);
    expect(ctx.eventName).toBe(env.GITHUB_EVENT_NAME);
    expect(ctx.ref).toBe(env.GITHUB_REF);
    expect(ctx.sha).toBe(env.GITHUB_SHA);
    expect(ctx.date).toBe(NOW);
    expect(ctx.prNumber).toBe(name === 'pull-request' ? 15 : undefined);
    if (name === 'schedule') {
      // A schedule payload is only {"schedule": cron}: the repository comes from the runner's variables.
      expect(ctx.defaultBranch).toBeUndefined();
      expect(ctx.repository).toEqual({
        name: 'test-docker-action',
        htmlUrl: 'https://github.com/docker/test-docker-action',
        description: undefined,
        license: undefined,
      });
    } else {
      expect(ctx.defaultBranch).toBe('master');
      expect(ctx.repository).toEqual(REPO);
    }
  });

  it('leaves out a licence GitHub could not identify, and an empty description', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'event-'));
    const { env, payload } = eventFixture('push-default-branch');
    const repository = payload.repository as Record<string, unknown>;
    // Changed from the recording: GitHub's "Other" licence, and no description.
    const path = join(dir, 'event.json');
    writeFileSync(
      path,
      JSON.stringify({
        ...payload,
        repository: {
          ...repository,
          description: '',
          license: {
            key: 'other',
            name: 'Other',
            spdx_id: 'NOASSERTION',
            url: null,
            node_id: 'MDc6TGljZW5zZTA=',
          },
        },
      }),
    );
    const ctx = await readRefContext({ ...env, GITHUB_EVENT_PATH: path }, NOW);
    expect(ctx.repository.license).toBeUndefined();
    expect(ctx.repository.description).toBeUndefined();
  });

  it('outside a runner the payload is empty; a path that is set must hold a JSON object', async () => {
    expect((await readRefContext({ GITHUB_REF: 'refs/heads/main' }, NOW)).payload).toEqual({});
    const dir = mkdtempSync(join(tmpdir(), 'event-'));
    writeFileSync(join(dir, 'list.json'), '[]');
    writeFileSync(join(dir, 'bad.json'), '{');
    for (const [file, message] of [
      ['missing.json', /which is not readable \(ENOENT\)/],
      ['bad.json', /which is not JSON$/],
      ['list.json', /which is not a JSON object$/],
    ] as const) {
      const error = await readRefContext({ GITHUB_EVENT_PATH: join(dir, file) }, NOW).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({ input: 'GITHUB_EVENT_PATH', message: expect.stringMatching(message) });
    }
  });
});
