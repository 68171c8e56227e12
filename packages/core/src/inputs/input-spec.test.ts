import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thrownAs, thrownBy } from '../../../../test/helpers/errors.ts';
import { ConfigurationError, InvalidValueError } from '../action/errors.ts';
import {
  envInputName,
  envInputSource,
  inputs,
  mapInputSource,
  parseBoolean,
  parseDuration,
  parseInteger,
  parseList,
  readInputs,
} from './input-spec.ts';
import { ociInputs } from './oci-inputs.ts';

const workspace = mkdtempSync(join(tmpdir(), 'ws-'));
const ctx = { workspace };

function read<S extends Parameters<typeof readInputs>[0]>(spec: S, values: Record<string, string>) {
  return readInputs(spec, mapInputSource(values), ctx);
}

/** The configuration error reading `values` throws (a return fails the test). */
function readError(
  spec: Parameters<typeof readInputs>[0],
  values: Record<string, string>,
): ConfigurationError {
  return thrownAs(ConfigurationError, () => read(spec, values));
}

/** The invalid-value error a parser throws. */
const invalid = (fn: () => unknown) => thrownAs(InvalidValueError, fn);

describe('runner input names', () => {
  it('upper-cases, keeps dashes, turns spaces into underscores', () => {
    expect(envInputName('build-args')).toBe('INPUT_BUILD-ARGS');
    expect(envInputName('my input')).toBe('INPUT_MY_INPUT');
    expect(envInputSource({ 'INPUT_BUILD-ARGS': 'x' })('build-args')).toBe('x');
  });
});

describe('boolean', () => {
  it.each(['true', 'True', 'TRUE'])('%s is true', (v) => expect(parseBoolean(v)).toBe(true));
  it.each(['false', 'False', 'FALSE'])('%s is false', (v) => expect(parseBoolean(v)).toBe(false));
  it.each(['yes', 'no', 'on', 'off', '1', '0', 'tRue', 'y'])(
    '%s is refused (YAML 1.1 forms are not booleans)',
    (v) => {
      expect(readError({ push: inputs.boolean().default('false') }, { push: v })).toMatchObject({
        code: 'INPUT_INVALID',
        input: 'push',
        reason: 'NOT_A_BOOLEAN',
        actual: v,
      });
    },
  );
});

describe('list', () => {
  it('splits on newlines and commas, trims and drops empty items', () => {
    expect(parseList('a, b\n c\n\n,d,')).toEqual(['a', 'b', 'c', 'd']);
  });
  it('keeps commas inside double quotes and unescapes doubled quotes', () => {
    expect(parseList('"a,b",c\n"say ""hi"""')).toEqual(['a,b', 'c', 'say "hi"']);
  });
  it('refuses an unterminated quote', () => {
    expect(readError({ tags: inputs.list().default('') }, { tags: '"a,b' })).toMatchObject({
      code: 'INPUT_INVALID',
      input: 'tags',
      reason: 'UNTERMINATED_QUOTE',
    });
  });
  it('keeps KEY=value items whole', () => {
    expect(parseList('A=1,B="x y"')).toEqual(['A=1', 'B="x y"']);
  });
});

describe('enum, integer, duration', () => {
  it('enum names the accepted values', () => {
    expect(
      readError({ builder: inputs.enum(['auto', 'buildx']).default('auto') }, { builder: 'docker' }),
    ).toMatchObject({
      code: 'INPUT_INVALID',
      input: 'builder',
      reason: 'NOT_ALLOWED',
      expected: 'auto, buildx',
      actual: 'docker',
    });
  });
  it('integer checks form and bounds', () => {
    expect(parseInteger('42', { min: 0, max: 100 })).toBe(42);
    expect(invalid(() => parseInteger('4.2'))).toMatchObject({ reason: 'NOT_AN_INTEGER', actual: '4.2' });
    expect(invalid(() => parseInteger('101', { min: 0, max: 100 }))).toMatchObject({
      reason: 'OUT_OF_RANGE',
      expected: '0..100',
      actual: '101',
    });
    expect(invalid(() => parseInteger('1e3'))).toMatchObject({ reason: 'NOT_AN_INTEGER', actual: '1e3' });
  });
  it('duration accepts Go-style units and returns milliseconds', () => {
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('2d')).toBe(172_800_000);
    expect(invalid(() => parseDuration('10'))).toMatchObject({ reason: 'NOT_A_DURATION', actual: '10' });
    expect(invalid(() => parseDuration('5m', { maxMs: 60_000 }))).toMatchObject({
      reason: 'OUT_OF_RANGE',
      expected: '0..60000ms',
      actual: '300000ms',
    });
  });
});

describe('path', () => {
  it('resolves inside the workspace', () => {
    expect(read({ p: inputs.path().default('.') }, {}).p).toBe(workspace);
    expect(read({ p: inputs.path().default('.') }, { p: 'sub/dir' }).p).toBe(join(workspace, 'sub/dir'));
  });
  it('refuses a path that escapes the workspace, as written', () => {
    expect(readError({ context: inputs.path().default('.') }, { context: '../elsewhere' })).toMatchObject({
      code: 'INPUT_INVALID',
      input: 'context',
      reason: 'OUTSIDE_WORKSPACE',
      actual: join(workspace, '../elsewhere'),
    });
    expect(readError({ context: inputs.path().default('.') }, { context: '/etc' })).toMatchObject({
      input: 'context',
      reason: 'OUTSIDE_WORKSPACE',
      actual: '/etc',
    });
  });
  it('refuses a symbolic link that leads out of the workspace', () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    symlinkSync(outside, join(workspace, 'link'));
    expect(readError({ context: inputs.path().default('.') }, { context: 'link' })).toMatchObject({
      code: 'INPUT_INVALID',
      input: 'context',
      reason: 'SYMLINK_OUTSIDE_WORKSPACE',
    });
  });
  it('allows outside paths only when the input says so', () => {
    expect(
      read({ dir: inputs.path({ allowOutsideWorkspace: true }).optional() }, { dir: '/tmp/x' }).dir,
    ).toBe('/tmp/x');
  });
  it('accepts a symbolic link that stays inside', () => {
    mkdirSync(join(workspace, 'real'));
    symlinkSync(join(workspace, 'real'), join(workspace, 'inner-link'));
    expect(read({ p: inputs.path().default('.') }, { p: 'inner-link' }).p).toBe(
      join(workspace, 'inner-link'),
    );
  });
});

describe('readInputs', () => {
  const spec = {
    image: ociInputs.repository().required('the target repository'),
    digest: ociInputs.digest().required(),
    retries: inputs.integer({ min: 0, max: 5 }).default('3'),
    note: inputs.string().optional(),
  };
  it('reads typed values and applies defaults', () => {
    const v = read(spec, { image: 'ghcr.io/o/a', digest: `sha256:${'0'.repeat(64)}`, note: '  hi  ' });
    expect(v.image.toString()).toBe('ghcr.io/o/a');
    expect(v.digest.hex).toBe('0'.repeat(64));
    expect(v.retries).toBe(3);
    expect(v.note).toBe('hi');
  });
  it('treats empty and white-space values as absent', () => {
    const error = readError(spec, { image: '  ', digest: `sha256:${'0'.repeat(64)}` });
    expect(error).toMatchObject({ code: 'INPUT_REQUIRED', input: 'image' });
    // The message carries the input's description, for the user.
    expect(error.message).toContain('the target repository');
  });
  it('reports every invalid input at once, each by name', () => {
    const error = thrownBy(() => read(spec, { image: 'ghcr.io/o/a:tag', retries: '9' }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ code: 'INPUTS_INVALID', input: 'image' });
    // The one message is the contract: it lists every problem, each naming its input.
    const message = (error as Error).message;
    expect(message).toMatch(/^3 inputs are invalid/);
    expect(message).toContain('Input "image" must be a repository without tag or digest');
    expect(message).toContain('Input "digest" is required');
    expect(message).toContain('Input "retries" must be a whole number in 0..5; got 9');
  });
  it('validates tags and platforms lists item by item', () => {
    const s = { tags: ociInputs.tags().optional(), platforms: ociInputs.platforms().default('') };
    expect(read(s, { tags: 'a, b, a', platforms: 'linux/amd64,linux/arm/v7' })).toEqual({
      tags: ['a', 'b'],
      platforms: [
        { os: 'linux', architecture: 'amd64' },
        { os: 'linux', architecture: 'arm', variant: 'v7' },
      ],
    });
    expect(readError(s, { tags: `ok,${'x'.repeat(129)}` })).toMatchObject({
      code: 'INPUT_INVALID',
      input: 'tags',
      reason: 'TAG_TOO_LONG',
      expected: '128',
      actual: '129',
    });
    expect(readError(s, { platforms: 'linux' })).toMatchObject({
      code: 'INPUT_INVALID',
      input: 'platforms',
      reason: 'PLATFORM_INVALID',
      actual: 'linux',
    });
    expect(readError(s, { platforms: 'Linux/AMD64' })).toMatchObject({
      input: 'platforms',
      reason: 'PLATFORM_INVALID',
      actual: 'Linux/AMD64',
    });
  });

  it('refuses a list that names no item: an empty tag or pattern list would silently do nothing', () => {
    const s = {
      tags: ociInputs.tags().optional(),
      patterns: inputs.list().default('sha-*'),
      platforms: ociInputs.platforms().optional(),
    };
    for (const [input, value] of [
      ['tags', ','],
      ['patterns', ',,'],
      ['platforms', ' , '],
    ] as const) {
      expect(readError(s, { [input]: value })).toMatchObject({
        code: 'INPUT_INVALID',
        input,
        reason: 'LIST_EMPTY',
      });
    }
    expect(read(s, {}).patterns).toEqual(['sha-*']);
  });
  it('refuses a sha512 digest at the input, before anything runs', () => {
    const s = { digest: ociInputs.digest().required() };
    expect(readError(s, { digest: `sha512:${'a'.repeat(128)}` })).toMatchObject({
      code: 'INPUT_INVALID',
      input: 'digest',
      reason: 'DIGEST_NOT_SHA256',
      expected: 'sha256',
      actual: 'sha512',
    });
  });
  it('keeps a secret exactly as given, spaces included (a password is not trimmed)', () => {
    const s = { password: inputs.secret(), other: inputs.string().optional() };
    expect(read(s, { password: ' pass word ', other: ' x ' })).toEqual({
      password: ' pass word ',
      other: 'x',
    });
    expect(read(s, { password: '' }).password).toBeUndefined();
  });
  it('a path that must exist names the input when it does not, or is the wrong kind', () => {
    const s = { file: inputs.path({ allowOutsideWorkspace: true, mustExist: 'file' }).optional() };
    const missing = readError(s, { file: '/nonexistent/auth.json' });
    expect(missing).toMatchObject({
      code: 'INPUT_INVALID',
      input: 'file',
      reason: 'PATH_NOT_FOUND',
      actual: '/nonexistent/auth.json',
    });
    // The message names the input and the path, and why it could not be read.
    expect(missing.message).toContain('Input "file" names /nonexistent/auth.json');
    expect(missing.message).toContain('(ENOENT)');
    expect(readError(s, { file: workspace })).toMatchObject({
      input: 'file',
      reason: 'NOT_A_FILE',
      actual: workspace,
    });
  });
  it('refuses an empty item, and a tag pattern that could match nothing (immutability silently off)', () => {
    const s = { patterns: inputs.tagPatterns().default('sha-*,nightly-*') };
    expect(readError(s, { patterns: '""' })).toMatchObject({
      code: 'INPUT_INVALID',
      input: 'patterns',
      reason: 'ITEM_EMPTY',
    });
    expect(readError(s, { patterns: 'sha-*," "' })).toMatchObject({
      input: 'patterns',
      reason: 'ITEM_EMPTY',
    });
    expect(readError(s, { patterns: 'sha-*,release/*' })).toMatchObject({
      code: 'INPUT_INVALID',
      input: 'patterns',
      reason: 'TAG_PATTERN_INVALID',
      actual: 'release/*',
    });
    expect(read(s, {}).patterns).toEqual(['sha-*', 'nightly-*']);
  });
});
