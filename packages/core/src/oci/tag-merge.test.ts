import { describe, expect, it } from 'vitest';
import { CommandError } from '../action/errors.ts';
import { mergeIntoTag } from './tag-merge.ts';

const noSleep = async () => {};

describe('mergeIntoTag', () => {
  it('writes once when nobody races, and not at all when the change is already there', async () => {
    let tag: string[] | undefined = ['a'];
    const writes: string[][] = [];
    const merge = {
      what: 'list',
      read: async () => tag,
      holds: (d: string[] | undefined) => d?.includes('me') ?? false,
      merge: (d: string[] | undefined) => [...(d ?? []), 'me'],
      write: async (d: string[]) => {
        writes.push(d);
        tag = d;
      },
      sleep: noSleep,
    };
    expect(await mergeIntoTag(merge)).toBe(1);
    expect(writes).toEqual([['a', 'me']]);
    expect(await mergeIntoTag(merge)).toBe(1);
    expect(writes).toHaveLength(1);
  });

  it('merges again into what a concurrent writer left, keeping both changes', async () => {
    let tag: string[] = ['a'];
    let raced = false;
    const attempts = await mergeIntoTag({
      what: 'list',
      read: async () => tag,
      holds: (d) => d?.includes('me') ?? false,
      merge: (d) => [...(d ?? []), 'me'],
      write: async (d) => {
        tag = d;
        // Another writer, whose read came before ours, writes right after us: ours is gone.
        if (!raced) {
          raced = true;
          tag = ['a', 'other'];
        }
      },
      sleep: noSleep,
    });
    expect(attempts).toBe(2);
    expect(tag).toEqual(['a', 'other', 'me']);
  });

  it('gives up after the bound with an error that says what was lost', async () => {
    await expect(
      mergeIntoTag({
        what: 'the signature manifest r:sha256-x.sig',
        read: async () => [] as string[],
        holds: () => false,
        merge: (d) => d ?? [],
        write: async () => {},
        attempts: 3,
        sleep: noSleep,
      }),
    ).rejects.toThrow(CommandError);
  });
});
