import { mapInputSource, readInputs, refContext } from '@chain/core';
import { describe, expect, it } from 'vitest';
import { type EventCase, eventFixture } from '../../../test/helpers/event-fixtures.ts';
import { spec } from './inputs.ts';
import { chooseTags } from './plan.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const read = (tags?: string) =>
  readInputs(
    spec,
    mapInputSource({
      layout: '/tmp/layout',
      digest: `sha256:${'a'.repeat(64)}`,
      image: 'ghcr.io/acme/app',
      ...(tags === undefined ? {} : { tags }),
    }),
    { workspace: '/' },
  ).tags;
const noListing = () => Promise.reject(new Error('the registry tags were not expected to be listed'));
const contextOf = (name: EventCase) => {
  const { env, payload } = eventFixture(name);
  return refContext(env, payload, NOW);
};

describe('skopeo-push tags', () => {
  it.each<[EventCase, string[], boolean]>([
    ['push-default-branch', ['sha-2665741', 'master'], false],
    ['push-branch', ['sha-983315b', 'my-feature-1245'], false],
    ['tag-v1.2.3', ['sha-860c190', '1.2.3'], false],
    ['tag-v2.0.0-rc.1', ['sha-860c190', '2.0.0-rc.1'], false],
    ['pull-request', ['sha-a9c8c58', 'pr-15'], false],
    ['schedule', ['sha-860c190', 'nightly-20261123'], false],
    ['workflow-dispatch', ['sha-860c190'], false],
  ])('%s pushes %j', async (name, tags, fallback) => {
    const rules = read('sha-{short-sha}, {version}, {branch} @push, pr-{number}, nightly-{date} @schedule');
    const chosen = await chooseTags(rules, contextOf(name), noListing);
    expect(chosen.tags).toEqual(tags);
    expect(chosen.fallback).toBe(fallback);
  });

  it('by default pushes sha-<first 7 of the commit>, as before rules existed', async () => {
    expect(await chooseTags(read(), contextOf('tag-v1.2.3'), noListing)).toEqual({
      tags: ['sha-860c190'],
      skipped: [],
      fallback: false,
    });
  });

  it('when no rule applies, pushes under the default tag and reports the rules it skipped', async () => {
    const chosen = await chooseTags(read('{version}'), contextOf('push-branch'), noListing);
    expect(chosen).toEqual({
      tags: ['sha-983315b'],
      skipped: [
        {
          rule: '{version}',
          reason:
            '{version} needs a semver tag ref (refs/tags/v1.2.3); this is a push run of refs/heads/my/feature#1245',
        },
      ],
      fallback: true,
    });
  });

  it('names the input when the commit SHA is missing', async () => {
    const ctx = refContext({ GITHUB_REF: 'refs/heads/main' }, {}, NOW);
    await expect(chooseTags(read(), ctx, noListing)).rejects.toThrow(
      'Input "tags" rule "sha-{short-sha}" uses {short-sha}, but GITHUB_SHA is not a commit SHA',
    );
  });
});
