import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../../../test/helpers/errors.ts';
import { ConfigurationError } from '../action/errors.ts';
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
      expect(() => read({ push: inputs.boolean().default('false') }, { push: v })).toThrow(
        /Input "push" must be a boolean \(YAML 1.2 core schema/,
      );
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
    expect(() => read({ tags: inputs.list().default('') }, { tags: '"a,b' })).toThrow(
      /Input "tags" has an unterminated quote/,
    );
  });
  it('keeps KEY=value items whole', () => {
    expect(parseList('A=1,B="x y"')).toEqual(['A=1', 'B="x y"']);
  });
});

describe('enum, integer, duration', () => {
  it('enum names the accepted values', () => {
    expect(() =>
      read({ builder: inputs.enum(['auto', 'buildx']).default('auto') }, { builder: 'docker' }),
    ).toThrow('Input "builder" must be one of "auto", "buildx"; got "docker"');
  });
  it('integer checks form and bounds', () => {
    expect(parseInteger('42', { min: 0, max: 100 })).toBe(42);
    expect(() => parseInteger('4.2')).toThrow(/whole number/);
    expect(() => parseInteger('101', { min: 0, max: 100 })).toThrow(/0\.\.100; got 101/);
    expect(() => parseInteger('1e3')).toThrow(/whole number/);
  });
  it('duration accepts Go-style units and returns milliseconds', () => {
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('2d')).toBe(172_800_000);
    expect(() => parseDuration('10')).toThrow(/units ms, s, m, h, d/);
    expect(() => parseDuration('5m', { maxMs: 60_000 })).toThrow(/between/);
  });
});

describe('path', () => {
  it('resolves inside the workspace', () => {
    expect(read({ p: inputs.path().default('.') }, {}).p).toBe(workspace);
    expect(read({ p: inputs.path().default('.') }, { p: 'sub/dir' }).p).toBe(join(workspace, 'sub/dir'));
  });
  it('refuses a path that escapes the workspace, as written', () => {
    expect(() => read({ context: inputs.path().default('.') }, { context: '../elsewhere' })).toThrow(
      /Input "context" must stay inside the workspace/,
    );
    expect(() => read({ context: inputs.path().default('.') }, { context: '/etc' })).toThrow(
      /must stay inside/,
    );
  });
  it('refuses a symbolic link that leads out of the workspace', () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    symlinkSync(outside, join(workspace, 'link'));
    expect(() => read({ context: inputs.path().default('.') }, { context: 'link' })).toThrow(
      /through a symbolic link/,
    );
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
    expect(() => read(spec, { image: '  ', digest: `sha256:${'0'.repeat(64)}` })).toThrow(
      'Input "image" is required: the target repository',
    );
  });
  it('reports every invalid input at once, each by name', () => {
    const error = thrownBy(() => read(spec, { image: 'ghcr.io/o/a:tag', retries: '9' }));
    expect(error).toBeInstanceOf(ConfigurationError);
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
    expect(() => read(s, { tags: `ok,${'x'.repeat(129)}` })).toThrow(
      /Input "tags" tag "x+…" is 129 characters/,
    );
    expect(() => read(s, { platforms: 'linux' })).toThrow(
      /Input "platforms" platform "linux" must be os\/arch/,
    );
    expect(() => read(s, { platforms: 'Linux/AMD64' })).toThrow(/platform "Linux\/AMD64"/);
  });

  it('refuses a list that names no item: an empty tag or pattern list would silently do nothing', () => {
    const s = {
      tags: ociInputs.tags().optional(),
      patterns: inputs.list().default('sha-*'),
      platforms: ociInputs.platforms().optional(),
    };
    expect(() => read(s, { tags: ',' })).toThrow(/Input "tags" lists no item \(only separators\)/);
    expect(() => read(s, { patterns: ',,' })).toThrow(/Input "patterns" lists no item/);
    expect(() => read(s, { platforms: ' , ' })).toThrow(/Input "platforms" lists no item/);
    expect(read(s, {}).patterns).toEqual(['sha-*']);
  });
  it('refuses a sha512 digest at the input, before anything runs', () => {
    const s = { digest: ociInputs.digest().required() };
    expect(() => read(s, { digest: `sha512:${'a'.repeat(128)}` })).toThrow(
      /Input "digest" is a sha512 digest; images are addressed by sha256 digests here/,
    );
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
    expect(() => read(s, { file: '/nonexistent/auth.json' })).toThrow(
      /Input "file" names \/nonexistent\/auth\.json, which does not exist \(ENOENT\)/,
    );
    expect(() => read(s, { file: workspace })).toThrow(/which is not a file/);
  });
  it('refuses an empty item, and a tag pattern that could match nothing (immutability silently off)', () => {
    const s = { patterns: inputs.tagPatterns().default('sha-*,nightly-*') };
    expect(() => read(s, { patterns: '""' })).toThrow(/Input "patterns" lists an empty item/);
    expect(() => read(s, { patterns: 'sha-*," "' })).toThrow(/lists an empty item/);
    expect(() => read(s, { patterns: 'sha-*,release/*' })).toThrow(
      /pattern "release\/\*" is not a tag with \* wildcards/,
    );
    expect(read(s, {}).patterns).toEqual(['sha-*', 'nightly-*']);
  });
});
