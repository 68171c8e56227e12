import { describe, expect, it } from 'vitest';
import { expandTags, planPromotions, previousOutput } from './plan.ts';

const SHA = 'c0ffee'.padEnd(40, '1');
const now = new Date('2026-11-23T23:59:59Z');
const D = (c: string) => `sha256:${c.repeat(64)}`;

describe('tag templates', () => {
  it('expands {date} in UTC, {sha} and {short-sha}, and removes duplicates', () => {
    expect(
      expandTags(
        ['latest', 'nightly', 'nightly-{date}', 'sha-{short-sha}', 'commit-{sha}', 'latest'],
        { GITHUB_SHA: SHA },
        now,
      ),
    ).toEqual(['latest', 'nightly', 'nightly-20261123', 'sha-c0ffee1', `commit-${SHA}`]);
  });
  it('refuses unknown templates, a missing commit, and results that are not tags', () => {
    expect(() => expandTags(['v-{version}'], {}, now)).toThrow(
      'Input "tags": "v-{version}" uses an unknown template {version}',
    );
    expect(() => expandTags(['sha-{short-sha}'], {}, now)).toThrow(/GITHUB_SHA is not a commit SHA/);
    expect(() => expandTags(['bad tag'], {}, now)).toThrow(/Input "tags" tag "bad tag" is invalid/);
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
