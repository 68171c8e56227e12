// skopeo-push's decisions, pure: the plan from the inputs, which tags a run pushes, and how each is written.
import { ConfigurationError, refContext } from '@chain/core';
import { testDeps } from '@chain/core/testing';
import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../../test/helpers/errors.ts';
import { type EventCase, eventFixture } from '../../../test/helpers/event-fixtures.ts';
import { action } from './action.ts';
import { chooseTags, type PushPlan, tagWrites } from './plan.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const D = (c: string) => `sha256:${c.repeat(64)}`;
const planOf = (inputs: Record<string, string> = {}): PushPlan =>
  action.planFor(
    testDeps({
      inputs: { layout: '/tmp/layout', digest: D('a'), image: 'ghcr.io/acme/app', ...inputs },
      workspace: '/',
    }),
  );
const contextOf = (name: EventCase) => {
  const { env, payload } = eventFixture(name);
  return refContext(env, payload, NOW);
};

describe('skopeo-push plan', () => {
  it('reads the inputs into what to push, where, and how often to try', () => {
    const p = planOf({ 'retry-times': '2', 'tls-verify': 'false' });
    expect(p).toMatchObject({
      layout: '/tmp/layout',
      digest: D('a'),
      immutable: ['sha-*', 'nightly-*'],
      registry: { authFile: undefined, tlsVerify: false },
      attempts: 3,
    });
    expect(p.image.toString()).toBe('ghcr.io/acme/app');
    expect(p.rules.map((r) => r.text)).toEqual(['sha-{short-sha}']);
  });
});

describe('skopeo-push tags', () => {
  const RULES = 'sha-{short-sha}, {version}, {branch} @push, pr-{number}, nightly-{date} @schedule';
  it.each<[EventCase, string[]]>([
    ['push-default-branch', ['sha-2665741', 'master']],
    ['push-branch', ['sha-983315b', 'my-feature-1245']],
    ['tag-v1.2.3', ['sha-860c190', '1.2.3']],
    ['tag-v2.0.0-rc.1', ['sha-860c190', '2.0.0-rc.1']],
    ['pull-request', ['sha-a9c8c58', 'pr-15']],
    ['schedule', ['sha-860c190', 'nightly-20261123']],
    ['workflow-dispatch', ['sha-860c190']],
  ])('%s pushes %j', (name, tags) => {
    const chosen = chooseTags(planOf({ tags: RULES }), contextOf(name), undefined);
    expect(chosen.tags).toEqual(tags);
    expect(chosen.fallback).toBe(false);
  });

  it('by default pushes sha-<first 7 of the commit>, as before rules existed', () => {
    expect(chooseTags(planOf(), contextOf('tag-v1.2.3'), undefined)).toEqual({
      tags: ['sha-860c190'],
      skipped: [],
      fallback: false,
    });
  });

  it('when no rule applies, pushes under the default tag and reports the rules it skipped', () => {
    expect(chooseTags(planOf({ tags: '{version}' }), contextOf('push-branch'), undefined)).toEqual({
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

  it('latest=auto on a release moves only with the registry tags read, and only for the highest release', () => {
    const p = planOf({ tags: '{version}, latest=auto' });
    const tag = contextOf('tag-v1.2.3');
    expect(chooseTags(p, tag, undefined).tags).toEqual(['1.2.3']);
    expect(chooseTags(p, tag, ['1.0.0']).tags).toEqual(['1.2.3', 'latest']);
    expect(chooseTags(p, tag, ['2.0.0']).tags).toEqual(['1.2.3']);
  });

  it('names the input when the commit SHA is missing', () => {
    const ctx = refContext({ GITHUB_REF: 'refs/heads/main' }, {}, NOW);
    const error = thrownBy(() => chooseTags(planOf(), ctx, undefined));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({
      code: 'INPUT_INVALID',
      input: 'tags',
      message: 'Input "tags" rule "sha-{short-sha}" uses {short-sha}, but GITHUB_SHA is not a commit SHA',
    });
  });
});

describe('skopeo-push tag writes', () => {
  const p = planOf({ digest: D('b') });
  const at = (entries: [string, string][]) => new Map(entries.map(([t, c]) => [t, { digest: D(c) }]));
  it.each<[string, string[], [string, string][], [string, string][]]>([
    [
      'new tags are created, immutable first',
      ['latest', 'sha-1234567'],
      [],
      [
        ['sha-1234567', 'create'],
        ['latest', 'create'],
      ],
    ],
    ['a mutable tag elsewhere is moved', ['latest'], [['latest', 'a']], [['latest', 'move']]],
    [
      'a tag at the digest is left alone',
      ['sha-1234567', 'latest'],
      [
        ['sha-1234567', 'b'],
        ['latest', 'b'],
      ],
      [
        ['sha-1234567', 'unchanged'],
        ['latest', 'unchanged'],
      ],
    ],
  ])('%s', (_what, tags, current, expected) => {
    expect(tagWrites(p, tags, at(current)).map((d) => [d.tag, d.action])).toEqual(expected);
  });

  it('an immutable tag elsewhere refuses the whole push, naming it, before anything is written', () => {
    const error = thrownBy(() =>
      tagWrites(p, ['latest', 'nightly-20261129'], at([['nightly-20261129', 'a']])),
    );
    expect(error).toMatchObject({
      code: 'IMMUTABLE_TAG_CONFLICT',
      input: 'tags',
      expected: D('b'),
      actual: D('a'),
    });
    expect((error as Error).message).toMatch(
      /^ghcr\.io\/acme\/app: immutable tag\(s\) nightly-20261129 \(now sha256:a{64}\) already point elsewhere .*\. Nothing was pushed\.$/,
    );
  });

  it('immutable-tags is the action’s own list', () => {
    const own = planOf({ digest: D('b'), 'immutable-tags': 'release-*' });
    expect(tagWrites(own, ['sha-1234567'], at([['sha-1234567', 'a']]))[0]?.action).toBe('move');
    expect(() => tagWrites(own, ['release-1'], at([['release-1', 'a']]))).toThrow(/immutable tag/);
  });
});
