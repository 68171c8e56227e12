import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownAs } from '../../../../test/helpers/errors.ts';
import { InvalidValueError } from '../action/errors.ts';
import { Digest } from './digest.ts';
import { ImageReference, validateTag } from './image-reference.ts';

const HEX = 'a'.repeat(64);
const D = `sha256:${HEX}`;

describe('ImageReference.parse: accepted forms', () => {
  const cases: [string, { registry: string; repository: string; tag?: string; digest?: string }][] = [
    ['alpine', { registry: 'docker.io', repository: 'library/alpine' }],
    ['alpine:3.20', { registry: 'docker.io', repository: 'library/alpine', tag: '3.20' }],
    ['library/alpine', { registry: 'docker.io', repository: 'library/alpine' }],
    ['docker.io/alpine', { registry: 'docker.io', repository: 'library/alpine' }],
    ['index.docker.io/org/app', { registry: 'docker.io', repository: 'org/app' }],
    ['org/app', { registry: 'docker.io', repository: 'org/app' }],
    ['ghcr.io/org/app:v1.2.3', { registry: 'ghcr.io', repository: 'org/app', tag: 'v1.2.3' }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    ['localhost:5000/app', { registry: 'localhost:5000', repository: 'app' }],
    ['localhost:5000', { registry: 'docker.io', repository: 'library/localhost', tag: '5000' }],
    ['127.0.0.1:5000/a/b/c:latest', { registry: '127.0.0.1:5000', repository: 'a/b/c', tag: 'latest' }],
    ['[::1]:5000/app', { registry: '[::1]:5000', repository: 'app' }],
    ['[2001:db8::1]/app:tag', { registry: '[2001:db8::1]', repository: 'app', tag: 'tag' }],
    ['Registry.Example.com/app', { registry: 'Registry.Example.com', repository: 'app' }],
    ['reg/app', { registry: 'docker.io', repository: 'reg/app' }],
    ['my-registry.local:443/team/app', { registry: 'my-registry.local:443', repository: 'team/app' }],
    [`app@${D}`, { registry: 'docker.io', repository: 'library/app', digest: D }],
    [`ghcr.io/o/a:t@${D}`, { registry: 'ghcr.io', repository: 'o/a', tag: 't', digest: D }],
    ['a/b__c/d-e--f/g.h', { registry: 'docker.io', repository: 'a/b__c/d-e--f/g.h' }],
    ['app:_under', { registry: 'docker.io', repository: 'library/app', tag: '_under' }],
    [`app:${'x'.repeat(128)}`, { registry: 'docker.io', repository: 'library/app', tag: 'x'.repeat(128) }],
  ];
  it.each(cases)('%s', (text, expected) => {
    const ref = ImageReference.parse(text);
    expect(ref.registry).toBe(expected.registry);
    expect(ref.repository).toBe(expected.repository);
    expect(ref.tag).toBe(expected.tag);
    expect(ref.digest?.toString()).toBe(expected.digest);
  });
});

describe('ImageReference.parse: rejected forms name the problem', () => {
  /** The reference, why it is refused, and for a bad digest why the digest is. */
  const cases: [string, string, string?][] = [
    ['', 'EMPTY'],
    [' alpine', 'WHITESPACE'],
    ['al pine', 'WHITESPACE'],
    ['https://ghcr.io/o/a', 'SCHEME'],
    ['Alpine', 'PATH_NOT_LOWERCASE'],
    ['ghcr.io/Org/app', 'PATH_NOT_LOWERCASE'],
    ['ghcr.io/o//a', 'PATH_COMPONENT_EMPTY'],
    ['ghcr.io/o/a/', 'PATH_COMPONENT_EMPTY'],
    ['app:', 'TAG_EMPTY'],
    [`app:${'x'.repeat(129)}`, 'TAG_TOO_LONG'],
    ['app:-bad', 'TAG_INVALID'],
    ['app:.bad', 'TAG_INVALID'],
    ['app:ba/d', 'PORT_INVALID'],
    ['app@sha256:abc', 'DIGEST_INVALID', 'HEX_LENGTH'],
    [`app@sha256:${'A'.repeat(64)}`, 'DIGEST_INVALID', 'NOT_HEX'],
    [`app@md5:${HEX}`, 'DIGEST_INVALID', 'ALGORITHM_UNSUPPORTED'],
    ['app@', 'DIGEST_INVALID', 'NOT_A_DIGEST'],
    [`a@${D}@${D}`, 'DIGEST_INVALID', 'NOT_HEX'],
    ['ghcr.io:99999/app', 'PORT_INVALID'],
    ['ghcr.io:port/app', 'PORT_INVALID'],
    ['-bad.io/app', 'REGISTRY_INVALID'],
    ['bad-.io/app', 'REGISTRY_INVALID'],
    ['[::1/app', 'REGISTRY_INVALID'],
    ['[::1]:5000', 'REPOSITORY_MISSING'],
    ['[zz]/app', 'REGISTRY_INVALID'],
    ['a/-b', 'PATH_COMPONENT_INVALID'],
    ['a/b_', 'PATH_COMPONENT_INVALID'],
    ['a/b___c', 'PATH_COMPONENT_INVALID'],
    ['a/b..c', 'PATH_COMPONENT_INVALID'],
    [`ghcr.io/${'a'.repeat(250)}`, 'NAME_TOO_LONG'],
  ];
  it.each(cases)('%j', (text, reason, digestReason) => {
    const error = thrownAs(InvalidValueError, () => ImageReference.parse(text));
    expect(error).toMatchObject({ code: 'INVALID_VALUE', reason, actual: text });
    if (digestReason !== undefined) expect(error.cause).toMatchObject({ reason: digestReason });
  });
});

describe('ImageReference formatting and helpers', () => {
  it('formats fully qualified and keeps tag and digest', () => {
    expect(ImageReference.parse('alpine').toString()).toBe('docker.io/library/alpine');
    expect(ImageReference.parse(`ghcr.io/o/a:t@${D}`).toString()).toBe(`ghcr.io/o/a:t@${D}`);
  });
  it('uses the Docker Hub API host for docker.io', () => {
    expect(ImageReference.parse('alpine').apiHost).toBe('registry-1.docker.io');
    expect(ImageReference.parse('ghcr.io/o/a').apiHost).toBe('ghcr.io');
  });
  it('withTag validates the tag', () => {
    expect(
      thrownAs(InvalidValueError, () => ImageReference.parse('ghcr.io/o/a').withTag('bad tag')),
    ).toMatchObject({ reason: 'TAG_INVALID', actual: 'bad tag' });
    expect(ImageReference.parse('ghcr.io/o/a').withTag('v1').toString()).toBe('ghcr.io/o/a:v1');
  });
  it('validateTag accepts the full grammar', () => {
    expect(validateTag('A_b.c-1')).toBe('A_b.c-1');
  });
});

// --- property-based -----------------------------------------------------------------------------

const alnum = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const separator = fc.constantFrom('.', '_', '__', '-', '--');
const pathComponent = fc
  .tuple(alnum, fc.array(fc.tuple(separator, alnum), { maxLength: 3 }))
  .map(([head, rest]) => head + rest.map(([s, a]) => s + a).join(''));
const domainComponent = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/);
const host = fc.oneof(
  fc
    .tuple(domainComponent, fc.array(domainComponent, { minLength: 1, maxLength: 3 }))
    .map(([a, b]) => [a, ...b].join('.')),
  fc.constant('localhost'),
  fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.')),
  fc.constantFrom('[::1]', '[2001:db8::1]', '[fe80::a:b]'),
);
const registry = fc
  .tuple(host, fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }))
  .map(([h, p]) => (p === undefined ? h : `${h}:${p}`));
const tag = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,30}$/);
const digest = fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => `sha256:${h}`);

const reference = fc
  .record({
    registry,
    path: fc.array(pathComponent, { minLength: 1, maxLength: 4 }),
    tag: fc.option(tag, { nil: undefined }),
    digest: fc.option(digest, { nil: undefined }),
  })
  .filter((r) => `${r.registry}/${r.path.join('/')}`.length <= 255);

describe('ImageReference properties', () => {
  it('parses every generated valid reference into its parts', () => {
    fc.assert(
      fc.property(reference, (r) => {
        const text = `${r.registry}/${r.path.join('/')}${r.tag ? `:${r.tag}` : ''}${r.digest ? `@${r.digest}` : ''}`;
        const ref = ImageReference.parse(text);
        expect(ref.registry).toBe(r.registry);
        expect(ref.repository).toBe(r.path.join('/'));
        expect(ref.tag).toBe(r.tag);
        expect(ref.digest?.toString()).toBe(r.digest);
        expect(ref.toString()).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('format(parse(x)) is a fixed point for any string that parses', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          reference.map((r) => `${r.registry}/${r.path.join('/')}`),
        ),
        (text) => {
          let ref: ImageReference;
          try {
            ref = ImageReference.parse(text);
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidValueError);
            return;
          }
          expect(ImageReference.parse(ref.toString()).toString()).toBe(ref.toString());
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never accepts upper case in the repository path', () => {
    fc.assert(
      fc.property(registry, fc.stringMatching(/^[a-z]{1,5}[A-Z][a-z]{0,5}$/), (reg, bad) => {
        expect(thrownAs(InvalidValueError, () => ImageReference.parse(`${reg}/${bad}`))).toMatchObject({
          reason: 'PATH_NOT_LOWERCASE',
        });
      }),
    );
  });
});

describe('Digest', () => {
  it('parses sha256 and sha512 with exact lengths', () => {
    expect(Digest.parse(D).hex).toBe(HEX);
    expect(Digest.parse(`sha512:${'b'.repeat(128)}`).algorithm).toBe('sha512');
    expect(thrownAs(InvalidValueError, () => Digest.parse(`sha512:${'b'.repeat(64)}`))).toMatchObject({
      reason: 'HEX_LENGTH',
      expected: '128',
      actual: '64',
    });
  });
  it('gives the referrers tag stem and a short form', () => {
    expect(Digest.parse(D).toTagStem()).toBe(`sha256-${HEX}`);
    expect(Digest.parse(D).short(7)).toBe('sha256:aaaaaaa');
  });
  it('rejects anything but lowercase hex of the right length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), (hex) => {
        const valid = /^[0-9a-f]{64}$/.test(hex);
        expect(Digest.isValid(`sha256:${hex}`)).toBe(valid);
      }),
    );
  });
});
