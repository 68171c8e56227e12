// skopeo-push in process: the step's refusals before anything reaches a registry, through its seam
// (runAction), with a real layout on disk and no tool allowed to run (the scripted runner has no call).
// Pushing itself needs a registry: test/skopeo-push.test.ts runs it against the real one.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '@chain/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SyntheticLayout, writeSyntheticLayout } from '../../../test/helpers/layout-fixture.ts';
import { action } from './action.ts';

const SHA = '1234567'.padEnd(40, 'a');
// Nothing listens here: a step that reached the registry would fail with a network error, not the code asserted.
const IMAGE = '127.0.0.1:1/acme/app';
let layout: SyntheticLayout;

beforeAll(async () => {
  layout = await writeSyntheticLayout(join(mkdtempSync(join(tmpdir(), 'push-run-')), 'layout'), {
    single: true,
  });
});

function push(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  return runAction(action, {
    inputs: {
      layout: layout.dir,
      digest: layout.root.digest,
      image: IMAGE,
      'tls-verify': 'false',
      ...inputs,
    },
    env: { GITHUB_SHA: SHA, RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'push-temp-')), ...env },
    tools: [],
  });
}

describe('skopeo-push, in process', () => {
  it('a digest other than the layout’s is DIGEST_MISMATCH naming both, before any tool or registry call', async () => {
    const wrong = `sha256:${'0'.repeat(64)}`;
    const r = await push({ digest: wrong });
    expect(r.code).toBe('DIGEST_MISMATCH');
    expect(r.error).toMatchObject({ input: 'digest', expected: wrong, actual: layout.root.digest });
    expect(r.calls).toEqual([]);
    expect(r.output).toEqual({});
    expect(r.summaries).toEqual([]);
  });

  it('a manifest changed on disk is LAYOUT_INVALID, found before anything is pushed', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'push-tampered-')), 'layout');
    const tampered = await writeSyntheticLayout(dir, { single: true });
    const file = join(dir, 'blobs', 'sha256', tampered.root.digest.slice('sha256:'.length));
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('"schemaVersion":2', '"schemaVersion": 2'));
    expect(readFileSync(file, 'utf8')).not.toBe(original); // same meaning, other bytes: another digest
    const r = await push({ layout: dir, digest: tampered.root.digest });
    expect(r.code).toBe('LAYOUT_INVALID');
    expect(r.calls).toEqual([]);
    expect(r.output).toEqual({});
  });

  it('a layout that does not exist is LAYOUT_INVALID', async () => {
    const r = await push({ layout: '/does/not/exist' });
    expect(r.code).toBe('LAYOUT_INVALID');
    expect(r.calls).toEqual([]);
  });

  it('a tag rule that needs the commit, without GITHUB_SHA, names the input "tags"', async () => {
    const r = await push({}, { GITHUB_SHA: '' });
    expect(r.code).toBe('INPUT_INVALID');
    expect(r.error).toMatchObject({ input: 'tags' });
    expect(r.calls).toEqual([]);
  });

  it('an unreadable event payload names GITHUB_EVENT_PATH', async () => {
    const r = await push({}, { GITHUB_EVENT_PATH: '/does/not/exist/event.json' });
    expect(r.error).toMatchObject({ input: 'GITHUB_EVENT_PATH' });
    expect(r.calls).toEqual([]);
  });

  it.each<[Record<string, string>, string, string]>([
    [{ image: '127.0.0.1:1/acme/app:v1' }, 'INPUT_INVALID', 'image'],
    [{ digest: 'sha256:abc' }, 'INPUT_INVALID', 'digest'],
    [{ digest: `sha512:${'b'.repeat(128)}` }, 'INPUT_INVALID', 'digest'],
    [{ tags: ' , ' }, 'INPUT_INVALID', 'tags'],
    [{ tags: 'bad tag!' }, 'INPUT_INVALID', 'tags'],
    [{ 'immutable-tags': 'release/*' }, 'INPUT_INVALID', 'immutable-tags'],
    [{ 'retry-times': '11' }, 'INPUT_INVALID', 'retry-times'],
    [{ layout: '' }, 'INPUT_REQUIRED', 'layout'],
  ])('refuses %j as %s of input %s, running nothing', async (bad, code, input) => {
    const r = await push(bad);
    expect(r.code).toBe(code);
    expect(r.error).toMatchObject({ input });
    expect(r.calls).toEqual([]);
  });
});
