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

  it('pauses between merges with the core backoff (growing, jittered), and does not retry a failed write', async () => {
    const pauses: number[] = [];
    let writes = 0;
    await expect(
      mergeIntoTag({
        what: 'list',
        read: async () => [] as string[],
        holds: () => false,
        merge: (d) => d ?? [],
        write: async () => {
          writes++;
        },
        attempts: 4,
        sleep: async (ms) => void pauses.push(ms),
        random: () => 1,
      }),
    ).rejects.toThrow('list: another writer replaced it each time, 4 times; our change is not in it');
    expect(writes).toBe(4);
    expect(pauses).toEqual([50, 100, 200]);
    const failing = mergeIntoTag({
      what: 'list',
      read: async () => [] as string[],
      holds: () => false,
      merge: (d) => d ?? [],
      write: async () => {
        writes++;
        throw new CommandError('registry refused the PUT', { tool: 'registry' });
      },
      sleep: noSleep,
    });
    await expect(failing).rejects.toThrow('registry refused the PUT');
    expect(writes).toBe(5);
  });
});
