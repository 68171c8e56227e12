import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../../../test/helpers/errors.ts';
import { ConfigurationError, errorCode } from '../action/errors.ts';
import { DEFAULT_IMMUTABLE_TAGS, ImmutableTagConflict, planTags } from './tag-pattern.ts';

const D = (c: string) => `sha256:${c.repeat(64)}`;
const immutable = DEFAULT_IMMUTABLE_TAGS.split(',');

describe('the one tag planner (skopeo-push and tag-promote)', () => {
  it('one definition of immutable: sha-* and nightly-*', () => {
    expect(immutable).toEqual(['sha-*', 'nightly-*']);
  });
  it('puts immutable tags first and says what each tag pointed at', () => {
    const current = new Map([['latest', { digest: D('a') }]]);
    expect(planTags(['latest', 'sha-1234567', 'nightly-20261129'], current, D('b'), immutable)).toEqual([
      { tag: 'sha-1234567', immutable: true, previous: undefined, action: 'create' },
      { tag: 'nightly-20261129', immutable: true, previous: undefined, action: 'create' },
      { tag: 'latest', immutable: false, previous: D('a'), action: 'move' },
    ]);
  });
  it('refuses the whole plan when an immutable tag points elsewhere, listing every conflict', () => {
    const current = new Map([
      ['sha-1234567', { digest: D('a') }],
      ['nightly-20261129', { digest: D('c') }],
    ]);
    const error = thrownBy(() =>
      planTags(['latest', 'sha-1234567', 'nightly-20261129'], current, D('b'), immutable),
    );
    expect(error).toBeInstanceOf(ImmutableTagConflict);
    expect((error as ImmutableTagConflict).conflicts).toEqual([
      { tag: 'sha-1234567', current: D('a') },
      { tag: 'nightly-20261129', current: D('c') },
    ]);
    // A configuration error with a code: what the tags were to point at, and what they point at.
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({
      code: 'IMMUTABLE_TAG_CONFLICT',
      expected: D('b'),
      actual: `${D('a')}, ${D('c')}`,
    });
    expect(errorCode(error)).toBe('IMMUTABLE_TAG_CONFLICT');
  });
  it('an action frames the refusal in its own words, keeping the code and the digests', () => {
    const current = new Map([['sha-1234567', { digest: D('a') }]]);
    const error = thrownBy(() => planTags(['sha-1234567'], current, D('b'), immutable));
    const framed = (error as ImmutableTagConflict).framed('r: ', '. Nothing was pushed.').forInput('tags');
    expect(framed).toBeInstanceOf(ImmutableTagConflict);
    expect(framed).toMatchObject({
      code: 'IMMUTABLE_TAG_CONFLICT',
      input: 'tags',
      expected: D('b'),
      actual: D('a'),
      message: `r: immutable tag(s) sha-1234567 (now ${D('a')}) already point elsewhere and are never moved to ${D('b')}; patterns sha-*, nightly-* are written once. Nothing was pushed.`,
    });
  });
  it('an immutable tag already at the digest is simply unchanged', () => {
    const current = new Map([['sha-1234567', { digest: D('b') }]]);
    expect(planTags(['sha-1234567'], current, D('b'), immutable)[0]?.action).toBe('unchanged');
  });
});
