import { mapInputSource, readInputs, refContext, resolveTagRules } from '@chain/core';
import { describe, expect, it } from 'vitest';
import { type EventCase, eventFixture } from '../../../test/helpers/event-fixtures.ts';
import { spec } from './inputs.ts';
import { planPromotions, previousOutput, promotionSummary } from './plan.ts';

const now = new Date('2026-11-23T23:59:59Z');
const D = (c: string) => `sha256:${c.repeat(64)}`;

describe('tag-promote tag rules', () => {
  const read = (tags: string) =>
    readInputs(spec, mapInputSource({ image: 'ghcr.io/acme/app', digest: D('a'), tags }), { workspace: '/' });
  it.each<[EventCase, string[]]>([
    ['push-default-branch', ['latest', 'master']],
    ['push-branch', ['my-feature-1245']],
    ['tag-v1.2.3', ['latest', '1.2', '1']],
    ['tag-v2.0.0-rc.1', []],
    ['pull-request', []],
    ['schedule', ['nightly', 'nightly-20261123']],
    ['workflow-dispatch', []],
  ])('%s moves %j', async (name, tags) => {
    const { env, payload } = eventFixture(name);
    const rules = read(
      'latest=auto\n{major}.{minor}\n{major}\n{branch} @push\nnightly @schedule\nnightly-{date} @schedule',
    ).tags;
    const result = await resolveTagRules(rules, refContext(env, payload, now), {
      input: 'tags',
      listTags: async () => ['1.1.1', '1.2.3'], // skopeo-push wrote this release's {version} tag
    });
    expect(result.tags).toEqual(tags);
    expect(result.tags.length + result.skipped.length).toBe(rules.length);
  });
  it('a plain list of tags and templates reads as before', () => {
    expect(read('latest, nightly, nightly-{date}').tags.map((r) => r.template)).toEqual([
      'latest',
      'nightly',
      'nightly-{date}',
    ]);
    expect(() => read('v-{nope}')).toThrow('Input "tags" "v-{nope}" uses an unknown template {nope}');
    expect(() => read('bad tag')).toThrow(/Input "tags" tag "bad tag" is invalid/);
  });
  it('the summary lists each skipped rule with its reason, escaped', () => {
    const skipped = [{ rule: '{major}', reason: 'v2.0.0-rc.1 is a pre-release <b>' }];
    const moved = promotionSummary(
      'r',
      D('b'),
      'alice',
      [{ tag: '2.0.0-rc.1', previous: undefined, action: 'create' }],
      skipped,
    );
    expect(moved.toString()).toContain(
      '<td><code>{major}</code></td><td>v2.0.0-rc.1 is a pre-release &#60;b&#62;</td>',
    );
    expect(promotionSummary('r', D('b'), '', [], skipped).toString()).toContain(
      'No tag rule applies to this run',
    );
  });
});

describe('promotion plan', () => {
  const immutable = ['sha-*', 'nightly-*'];
  it('creates, moves, or leaves each tag, reporting the previous digest', () => {
    const current = new Map([
      ['latest', { digest: D('a'), mediaType: '', size: 1 }],
      ['nightly', { digest: D('b'), mediaType: '', size: 1 }],
    ]);
    const plans = planPromotions(['latest', 'nightly', 'nightly-20261123'], current, D('b'), immutable);
    // Immutable tags first: they are written before any human tag moves.
    expect(plans).toEqual([
      { tag: 'nightly-20261123', previous: undefined, action: 'create' },
      { tag: 'latest', previous: D('a'), action: 'move' },
      { tag: 'nightly', previous: D('b'), action: 'unchanged' },
    ]);
    expect(JSON.parse(previousOutput(plans))).toEqual({
      latest: D('a'),
      nightly: D('b'),
      'nightly-20261123': null,
    });
  });
  it('never moves an immutable tag, and refuses before anything changes', () => {
    const current = new Map([['nightly-20261122', { digest: D('a'), mediaType: '', size: 1 }]]);
    expect(() => planPromotions(['latest', 'nightly-20261122'], current, D('b'), immutable)).toThrow(
      /refusing to promote: immutable tag\(s\) nightly-20261122 \(now sha256:a{64}\) already point elsewhere .* No tag was changed/,
    );
    expect(planPromotions(['nightly-20261122'], current, D('a'), immutable)[0]?.action).toBe('unchanged');
  });
});
