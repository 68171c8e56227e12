// tag-promote's decisions, pure: the plan from the inputs, which tags a run moves, and how each moves.
import { refContext } from '@chain/core';
import { testDeps } from '@chain/core/testing';
import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../../test/helpers/errors.ts';
import { type EventCase, eventFixture } from '../../../test/helpers/event-fixtures.ts';
import { action } from './action.ts';
import {
  chooseTags,
  type PromotePlan,
  previousOutput,
  promotionSummary,
  promotions,
  tagRepository,
} from './plan.ts';

const now = new Date('2026-11-23T23:59:59Z');
const D = (c: string) => `sha256:${c.repeat(64)}`;
const ALICE = 'https://github.com/acme/app/.github/workflows/publish.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';
const SIGNER = {
  'certificate-identity': ALICE,
  'certificate-oidc-issuer': ISSUER,
  'certificate-source-repository': 'https://github.com/acme/app',
};
function attempt(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): PromotePlan | Error {
  try {
    return action.planFor(
      testDeps({
        inputs: { image: 'ghcr.io/acme/app', digest: D('a'), tags: 'latest', ...SIGNER, ...inputs },
        env,
        workspace: '/',
      }),
    );
  } catch (error) {
    return error as Error;
  }
}
function planOf(inputs: Record<string, string> = {}, env: NodeJS.ProcessEnv = {}): PromotePlan {
  const p = attempt(inputs, env);
  if (p instanceof Error) throw p;
  return p;
}

describe('tag-promote plan', () => {
  it('verifies the signature by the policy, against the given or public-good root, in the image’s own repository', () => {
    const p = planOf({ 'trusted-root': '/tmp/root.json' });
    expect(p.signature).toMatchObject({
      policy: { identity: ALICE, issuer: ISSUER, sourceRepository: 'https://github.com/acme/app' },
      trustedRoot: '/tmp/root.json',
      conditions: undefined,
    });
    expect(p.target).toBeUndefined();
    expect(tagRepository(p).toString()).toBe('ghcr.io/acme/app');
    expect(p.warnings).toEqual([]);
    expect(planOf().signature?.trustedRoot).toBeUndefined();
  });

  it.each<[string, string | undefined, string]>([
    ['no target-image', undefined, 'ghcr.io/acme/app'],
    ['the same repository', 'ghcr.io/acme/app', 'ghcr.io/acme/app'],
    ['another registry', 'registry.example.com/prod/app', 'registry.example.com/prod/app'],
  ])('target-image: %s moves the tags in %s', (_what, target, where) => {
    const p = planOf(target === undefined ? {} : { 'target-image': target });
    expect(tagRepository(p).toString()).toBe(where);
    expect(p.target === undefined).toBe(where === 'ghcr.io/acme/app');
  });

  it('without require-signature there is nothing to verify, and no signer input is needed', () => {
    const p = planOf({
      'require-signature': 'false',
      'certificate-identity': '',
      'certificate-oidc-issuer': '',
    });
    expect(p.signature).toBeUndefined();
  });

  it('passes on what the signer policy warns about, for the log', () => {
    const p = planOf({
      'certificate-identity': '',
      'certificate-identity-regexp': 'https://github.com/acme/app/.*',
      'certificate-source-repository': '',
    });
    expect(p.warnings).toHaveLength(2);
    expect(p.warnings[0]).toMatch(/was anchored to \^…\$/);
    expect(p.warnings[1]).toMatch(/^certificate-source-repository is not set/);
  });

  it('attestation requirements take the source repository from the run, and need the signature policy', () => {
    const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/app' };
    expect(planOf({ 'require-attestations': 'provenance, vuln' }, env).signature?.conditions).toMatchObject({
      required: ['provenance', 'vuln'],
      sourceRepository: 'https://github.com/acme/app',
      denySeverities: ['CRITICAL', 'HIGH'],
    });
    expect(attempt({ 'require-attestations': 'vuln', 'require-signature': 'false' })).toMatchObject({
      code: 'INPUT_INVALID',
      input: 'require-attestations',
    });
  });

  it.each<[Record<string, string>, string, string]>([
    [{ 'certificate-identity': '', 'certificate-oidc-issuer': '' }, 'INPUT_INVALID', 'certificate-identity'],
    [{ 'certificate-oidc-issuer': '' }, 'INPUT_INVALID', 'certificate-oidc-issuer'],
    [{ 'certificate-identity-regexp': '.*' }, 'INPUT_INVALID', 'certificate-identity-regexp'],
    [{ tags: '' }, 'INPUT_REQUIRED', 'tags'],
    [{ tags: 'v-{nope}' }, 'INPUT_INVALID', 'tags'],
    [{ tags: 'latest=sometimes' }, 'INPUT_INVALID', 'tags'],
    [{ 'immutable-tags': ',,' }, 'INPUT_INVALID', 'immutable-tags'],
    [{ 'max-scan-age': '10ms' }, 'INPUT_INVALID', 'max-scan-age'],
  ])('refuses %j: %s, input %s', (bad, code, input) => {
    expect(attempt(bad)).toMatchObject({ code, input });
  });
});

describe('tag-promote tag rules', () => {
  const RULES =
    'latest=auto\n{major}.{minor}\n{major}\n{branch} @push\nnightly @schedule\nnightly-{date} @schedule';
  it.each<[EventCase, string[]]>([
    ['push-default-branch', ['latest', 'master']],
    ['push-branch', ['my-feature-1245']],
    ['tag-v1.2.3', ['latest', '1.2', '1']],
    ['tag-v2.0.0-rc.1', []],
    ['pull-request', []],
    ['schedule', ['nightly', 'nightly-20261123']],
    ['workflow-dispatch', []],
  ])('%s moves %j', (name, tags) => {
    const { env, payload } = eventFixture(name);
    const p = planOf({ tags: RULES });
    // skopeo-push wrote this release's {version} tag
    const result = chooseTags(p, refContext(env, payload, now), ['1.1.1', '1.2.3']);
    expect(result.tags).toEqual(tags);
    expect(result.fallback).toBe(false); // no rule applying promotes nothing
    expect(result.tags.length + result.skipped.length).toBe(p.rules.length);
  });
  it('a plain list of tags and templates reads as before', () => {
    expect(planOf({ tags: 'latest, nightly, nightly-{date}' }).rules.map((r) => r.template)).toEqual([
      'latest',
      'nightly',
      'nightly-{date}',
    ]);
    expect(attempt({ tags: 'v-{nope}' })).toMatchObject({
      message:
        'Input "tags" "v-{nope}" uses an unknown template {nope}; known: {date}, {sha}, {short-sha}, {version}, {major}, {minor}, {branch}, {number}',
    });
    expect(attempt({ tags: 'bad tag' })).toMatchObject({
      message: expect.stringMatching(/^Input "tags" tag "bad tag" is invalid/),
    });
  });
  it('a rule that needs the commit, without one, names the input', () => {
    const p = planOf({ tags: 'sha-{short-sha}' });
    expect(() => chooseTags(p, refContext({}, {}, now), undefined)).toThrow(
      'Input "tags" rule "sha-{short-sha}" uses {short-sha}, but GITHUB_SHA is not a commit SHA',
    );
  });
  it('the summary lists each skipped rule with its reason, escaped', () => {
    const skipped = [{ rule: '{major}', reason: 'v2.0.0-rc.1 is a pre-release <b>' }];
    const moved = promotionSummary(
      'r',
      D('b'),
      'alice',
      [{ tag: '2.0.0-rc.1', immutable: false, previous: undefined, action: 'create' }],
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
  const p = planOf({ digest: D('b') });
  it('creates, moves, or leaves each tag, immutable tags first, reporting the previous digest', () => {
    const current = new Map([
      ['latest', { digest: D('a') }],
      ['nightly', { digest: D('b') }],
    ]);
    const plans = promotions(p, ['latest', 'nightly', 'nightly-20261123'], current);
    // Immutable tags first: they are written before any human tag moves.
    expect(plans).toEqual([
      { tag: 'nightly-20261123', immutable: true, previous: undefined, action: 'create' },
      { tag: 'latest', immutable: false, previous: D('a'), action: 'move' },
      { tag: 'nightly', immutable: false, previous: D('b'), action: 'unchanged' },
    ]);
    expect(JSON.parse(previousOutput(plans))).toEqual({
      latest: D('a'),
      nightly: D('b'),
      'nightly-20261123': null,
    });
  });
  it('never moves an immutable tag: IMMUTABLE_TAG_CONFLICT before anything changes', () => {
    const current = new Map([['nightly-20261122', { digest: D('a') }]]);
    const error = thrownBy(() => promotions(p, ['latest', 'nightly-20261122'], current));
    expect(error).toMatchObject({
      code: 'IMMUTABLE_TAG_CONFLICT',
      input: 'tags',
      expected: D('b'),
      actual: D('a'),
    });
    expect((error as Error).message).toMatch(
      /^refusing to promote: immutable tag\(s\) nightly-20261122 \(now sha256:a{64}\) already point elsewhere .* No tag was changed\.$/,
    );
    expect(promotions(planOf({ digest: D('a') }), ['nightly-20261122'], current)[0]?.action).toBe(
      'unchanged',
    );
  });
});
