import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../../../test/helpers/errors.ts';
import { type EventCase, eventFixture } from '../../../../test/helpers/event-fixtures.ts';
import { ConfigurationError } from '../action/errors.ts';
import { type RefContext, refContext } from '../action/github-event.ts';
import { mapInputSource, readInputs } from '../inputs/input-spec.ts';
import { ociInputs } from '../inputs/oci-inputs.ts';
import {
  compareSemVer,
  needsExistingTags,
  parseSemVer,
  parseTagRule,
  parseTagRules,
  planTagRules,
  refVersion,
  sanitizeTag,
  TagRuleError,
} from './tag-rules.ts';

const NOW = new Date('2026-11-23T23:59:59Z');
const context = (name: EventCase): RefContext => {
  const { env, payload } = eventFixture(name);
  return refContext(env, payload, NOW);
};
const fake = (over: Partial<NodeJS.ProcessEnv>, payload: Record<string, unknown> = {}) =>
  refContext({ GITHUB_SHA: 'c0ffee'.padEnd(40, '1'), ...over }, payload, NOW);

/** metadata-action's usual set, in this syntax. */
const RULES = parseTagRules([
  'sha-{short-sha}',
  '{version}',
  '{major}.{minor}',
  '{major}',
  '{branch}',
  'pr-{number}',
  'nightly @schedule',
  'nightly-{date} @schedule',
  'latest=auto',
]);
/** What the registry holds already: the highest release is 1.1.1 (2.0.0-beta.1 is a pre-release). */
const EXISTING = ['sha-1111111', '1.0.0', 'v1.1.1', '1.1', '1', '2.0.0-beta.1', 'latest'];

describe('tag rules over recorded events', () => {
  const SEMVER = ['{version}', '{major}.{minor}', '{major}'];
  const NIGHTLY = ['nightly @schedule', 'nightly-{date} @schedule'];
  it.each<[EventCase, string[], string[], RegExp]>([
    [
      'push-default-branch',
      ['sha-2665741', 'master', 'latest'],
      [...SEMVER, 'pr-{number}', ...NIGHTLY],
      /^\{version\} needs a semver tag ref \(refs\/tags\/v1\.2\.3\); this is a push run of refs\/heads\/master$/,
    ],
    [
      'push-branch',
      ['sha-983315b', 'my-feature-1245'],
      [...SEMVER, 'pr-{number}', ...NIGHTLY, 'latest=auto'],
      /^latest=auto moves on the default branch \(master\) only; this is a push run of refs\/heads\/my\/feature#1245$/,
    ],
    [
      'tag-v1.2.3',
      ['sha-860c190', '1.2.3', '1.2', '1', 'latest'],
      ['{branch}', 'pr-{number}', ...NIGHTLY],
      /^\{branch\} needs a branch ref \(refs\/heads\/…\); this is a push run of refs\/tags\/v1\.2\.3$/,
    ],
    [
      'tag-v2.0.0-rc.1',
      ['sha-860c190', '2.0.0-rc.1'],
      ['{major}.{minor}', '{major}', '{branch}', 'pr-{number}', ...NIGHTLY, 'latest=auto'],
      /^v2\.0\.0-rc\.1 is a pre-release: \{major\} and \{minor\} move only with releases$/,
    ],
    [
      'pull-request',
      ['sha-a9c8c58', 'pr-15'],
      [...SEMVER, '{branch}', ...NIGHTLY, 'latest=auto'],
      /^\{version\} needs a semver tag ref \(refs\/tags\/v1\.2\.3\); this is a pull_request run of refs\/pull\/15\/merge$/,
    ],
    [
      'schedule',
      ['sha-860c190', 'master', 'nightly', 'nightly-20261123'],
      [...SEMVER, 'pr-{number}', 'latest=auto'],
      /^the default branch is unknown/,
    ],
    [
      'workflow-dispatch',
      ['sha-860c190', 'master'],
      [...SEMVER, 'pr-{number}', ...NIGHTLY, 'latest=auto'],
      /^applies to schedule runs only; this is a workflow_dispatch run of refs\/heads\/master$/,
    ],
  ])('%s gives %j', (name, tags, skippedRules, oneReason) => {
    const result = planTagRules(RULES, context(name), EXISTING);
    expect(result.tags).toEqual(tags);
    expect(result.skipped.map((s) => s.rule)).toEqual(skippedRules);
    // Every skipped rule says why; one reason per case is checked word for word.
    for (const s of result.skipped) expect(s.reason.length).toBeGreaterThan(10);
    expect(result.skipped.some((s) => oneReason.test(s.reason))).toBe(true);
  });

  it('says why latest=auto does not move on a schedule run or a manual run', () => {
    const reason = (name: EventCase) =>
      planTagRules(RULES, context(name), EXISTING).skipped.find((s) => s.rule === 'latest=auto')?.reason;
    expect(reason('schedule')).toBe(
      'the default branch is unknown (the event payload has no repository.default_branch)',
    );
    expect(reason('workflow-dispatch')).toBe(
      'latest=auto moves on a push to the default branch; this is a workflow_dispatch run of refs/heads/master',
    );
    expect(reason('tag-v2.0.0-rc.1')).toBe('v2.0.0-rc.1 is a pre-release, which never moves latest');
    expect(reason('pull-request')).toMatch(
      /^latest=auto moves on a push to the default branch or with the highest/,
    );
  });

  it('gives the image version of each ref', () => {
    const versions = (
      [
        'push-default-branch',
        'push-branch',
        'tag-v1.2.3',
        'tag-v2.0.0-rc.1',
        'pull-request',
        'schedule',
        'workflow-dispatch',
      ] as const
    ).map((name) => refVersion(context(name)));
    expect(versions).toEqual([
      'master',
      'my-feature-1245',
      '1.2.3',
      '2.0.0-rc.1',
      'pr-15',
      'master',
      'master',
    ]);
    expect(refVersion(fake({ GITHUB_REF: 'refs/tags/release/2026' }))).toBe('release-2026');
    expect(refVersion(fake({}))).toBeUndefined();
  });
});

describe('latest=auto on a release tag', () => {
  const tag = context('tag-v1.2.3');
  const auto = parseTagRules(['latest=auto']);
  it.each<[string[], string[]]>([
    // No tag of any release: a backport would look highest, so latest is not moved (fails closed).
    [[], []],
    [['sha-abcdef0', 'latest'], []],
    [['1.2.3', 'latest'], ['latest']], // this release is tagged and nothing is higher
    [['1.2.3', '1.2.2', 'v1.2.0', '1.3.0-rc.1', 'nightly'], ['latest']], // a later pre-release does not count
    [['1.2.3', '1.10.0'], []],
    [['1.2.3', 'v2.0.0'], []],
  ])('with %j in the registry gives %j', (existing, tags) => {
    expect(planTagRules(auto, tag, existing).tags).toEqual(tags);
  });
  it('counts the {version} tag the same rules write now as in the registry', () => {
    expect(planTagRules(parseTagRules(['{version}', 'latest=auto']), tag, []).tags).toEqual([
      '1.2.3',
      'latest',
    ]);
  });
  it('a backport moves neither latest nor {major} past a higher release; {major}.{minor} only in its line', () => {
    const backport = context('tag-v1.2.3');
    const rules = parseTagRules(['latest=auto', '{major}', '{major}.{minor}']);
    expect(planTagRules(rules, backport, ['1.2.3', '1.3.0', '2.0.0']).tags).toEqual(['1.2']);
    expect(planTagRules(rules, backport, ['1.2.3', '1.2.10']).tags).toEqual([]);
    expect(planTagRules(rules, backport, ['1.2.3', '1.3.0']).skipped.map((r) => r.reason)).toEqual([
      'v1.2.3 is not the highest release: the registry has 1.3.0',
      'v1.2.3 is not the highest 1.x release: the registry has 1.3.0',
    ]);
    expect(planTagRules(rules, backport, ['1.2.3', '2.0.0']).tags).toEqual(['1', '1.2']);
  });
  it('says which release is higher, and never guesses without the registry tags', () => {
    expect(planTagRules(auto, tag, ['1.2.3', 'v1.10.0']).skipped).toEqual([
      { rule: 'latest=auto', reason: 'v1.2.3 is not the highest release: the registry has v1.10.0' },
    ]);
    expect(planTagRules(auto, tag, ['sha-abcdef0']).skipped[0]?.reason).toMatch(
      /the repository has no tag of release v1\.2\.3 \(add \{version\} to skopeo-push's tags\)/,
    );
    expect(planTagRules(auto, tag).skipped[0]?.reason).toMatch(/the registry's tags were not read/);
  });
  it('lists the registry tags only when latest=auto meets a release tag', async () => {
    expect(needsExistingTags(auto, tag)).toBe(true);
    expect(needsExistingTags(auto, context('tag-v2.0.0-rc.1'))).toBe(false);
    expect(needsExistingTags(auto, context('push-default-branch'))).toBe(false);
    expect(needsExistingTags(parseTagRules(['latest=auto @schedule']), tag)).toBe(false);
    expect(needsExistingTags(parseTagRules(['latest', '{version}']), tag)).toBe(false);
    // Rules that need no tags plan the same without them; latest=auto with them read is decided by them.
    expect(planTagRules(parseTagRules(['{version}', 'latest']), tag)).toEqual({
      tags: ['1.2.3', 'latest'],
      skipped: [],
      fallback: false,
    });
    expect(planTagRules(auto, tag, ['1.2.3', '2.0.0']).tags).toEqual([]);
  });
  it('always and never are explicit; plain latest is always', () => {
    const pr = context('pull-request');
    expect(planTagRules(parseTagRules(['latest']), pr).tags).toEqual(['latest']);
    expect(planTagRules(parseTagRules(['latest=always']), pr).tags).toEqual(['latest']);
    expect(planTagRules(parseTagRules(['latest=never']), tag, []).skipped).toEqual([
      { rule: 'latest=never', reason: 'latest=never' },
    ]);
  });
});

describe('when no rule applies', () => {
  const fallback = parseTagRules(['sha-{short-sha}']);
  it("gives no tag, or the fallback rules' tags, always reporting the skipped rules", () => {
    const branch = context('push-branch');
    const version = parseTagRules(['{version}']);
    expect(planTagRules(version, branch)).toMatchObject({ tags: [], fallback: false });
    const result = planTagRules(version, branch, undefined, { fallback });
    expect(result).toEqual({
      tags: ['sha-983315b'],
      skipped: [
        {
          rule: '{version}',
          reason:
            '{version} needs a semver tag ref (refs/tags/v1.2.3); this is a push run of refs/heads/my/feature#1245',
        },
      ],
      fallback: true,
    });
  });
  it('the fallback is not added when a rule applies, and its own rule errors surface', () => {
    expect(
      planTagRules(parseTagRules(['{branch}']), context('push-branch'), undefined, { fallback }),
    ).toEqual({
      tags: ['my-feature-1245'],
      skipped: [],
      fallback: false,
    });
    const noSha = refContext({ GITHUB_REF: 'refs/heads/main' }, {}, NOW);
    expect(() => planTagRules(parseTagRules(['{version}']), noSha, undefined, { fallback })).toThrow(
      TagRuleError,
    );
  });
});

describe('templates', () => {
  it('plain tags and {date}, {sha}, {short-sha} work as before rules existed, on any event', () => {
    const rules = parseTagRules([
      'latest',
      'nightly',
      'nightly-{date}',
      'sha-{short-sha}',
      'commit-{sha}',
      'latest',
    ]);
    const sha = 'c0ffee'.padEnd(40, '1');
    for (const ctx of [fake({}), context('pull-request'), fake({ GITHUB_EVENT_NAME: 'schedule' })]) {
      const expected = [
        'latest',
        'nightly',
        'nightly-20261123',
        `sha-${ctx.sha.slice(0, 7)}`,
        `commit-${ctx.sha}`,
      ];
      expect(planTagRules(rules, ctx)).toEqual({ tags: expected, skipped: [], fallback: false });
    }
    expect(planTagRules(rules, fake({})).tags[3]).toBe(`sha-${sha.slice(0, 7)}`);
  });

  it('combines placeholders and limits rules to events', () => {
    const rules = parseTagRules(['v{version}', '{branch}-{short-sha}', 'edge @push @workflow_dispatch']);
    expect(planTagRules(rules, context('tag-v1.2.3')).tags).toEqual(['v1.2.3', 'edge']);
    expect(planTagRules(rules, context('workflow-dispatch')).tags).toEqual(['master-860c190', 'edge']);
    expect(planTagRules(rules, context('pull-request')).skipped.map((s) => s.rule)).toEqual([
      'v{version}',
      '{branch}-{short-sha}',
      'edge @push @workflow_dispatch',
    ]);
  });

  it('keeps build metadata of a version as "_" and sanitises branch names into valid tags', () => {
    const version = parseTagRules(['{version}']);
    expect(planTagRules(version, fake({ GITHUB_REF: 'refs/tags/1.2.3+build.5' })).tags).toEqual([
      '1.2.3_build.5',
    ]);
    expect(planTagRules(version, fake({ GITHUB_REF: 'refs/tags/v01.2.3' })).tags).toEqual([]); // not semver
    expect(sanitizeTag('feature/x')).toBe('feature-x');
    expect(sanitizeTag('my/feature#1245')).toBe('my-feature-1245');
    expect(sanitizeTag('.hidden')).toBe('_hidden');
    expect(sanitizeTag('ünïcode::cmd')).toBe('_n-code--cmd');
    expect(sanitizeTag('a'.repeat(300))).toHaveLength(128);
  });

  it('shortens a long branch so that the whole tag fits in 128 characters', () => {
    const ctx = fake({ GITHUB_REF: `refs/heads/${'b'.repeat(200)}` });
    const [tag] = planTagRules(parseTagRules(['pre-{branch}-post']), ctx).tags;
    expect(tag).toHaveLength(128);
    expect(tag).toMatch(/^pre-b+-post$/);
  });
});

describe('rule errors', () => {
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error instanceof TagRuleError ? `${error.code}: ${error.message}` : String(error);
    }
    return 'no error';
  };
  it('refuses, when read, a rule that can never give a tag', () => {
    expect(code(() => parseTagRule('v-{nope}'))).toBe(
      'TAG_TEMPLATE_UNKNOWN: "v-{nope}" uses an unknown template {nope}; known: {date}, {sha}, {short-sha}, {version}, {major}, {minor}, {branch}, {number}',
    );
    expect(code(() => parseTagRule('bad tag'))).toMatch(/^TAG_INVALID: tag "bad tag" is invalid/);
    expect(code(() => parseTagRule('-{version}'))).toMatch(
      /^TAG_INVALID: rule "-\{version\}" gives an invalid tag: tag "-1\.2\.3" is invalid/,
    );
    expect(code(() => parseTagRule('nightly @Schedule'))).toMatch(
      /^TAG_RULE_INVALID: rule "nightly @Schedule": "@Schedule" is not an event condition/,
    );
    expect(code(() => parseTagRule('latest=sometimes'))).toBe(
      'TAG_RULE_INVALID: rule "latest=sometimes": latest= takes auto, always, never; got "sometimes"',
    );
  });
  it('needs a commit SHA only for a rule that applies', () => {
    const noSha = refContext({ GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_NAME: 'push' }, {}, NOW);
    expect(code(() => planTagRules(parseTagRules(['sha-{short-sha}']), noSha))).toBe(
      'TAG_NEEDS_COMMIT: rule "sha-{short-sha}" uses {short-sha}, but GITHUB_SHA is not a commit SHA',
    );
    expect(planTagRules(parseTagRules(['{version}-{sha}']), noSha).tags).toEqual([]);
  });
  it('names the input: when read, and when planned (the action names it: error.forInput)', () => {
    const spec = { tags: ociInputs.tagRules().optional() };
    expect(() => readInputs(spec, mapInputSource({ tags: 'latest, v-{nope}' }), { workspace: '/' })).toThrow(
      'Input "tags" "v-{nope}" uses an unknown template {nope}',
    );
    expect(() => readInputs(spec, mapInputSource({ tags: ' , ' }), { workspace: '/' })).toThrow(
      /lists no item/,
    );
    const noSha = refContext({}, {}, NOW);
    const error = thrownBy(() => planTagRules(parseTagRules(['sha-{sha}']), noSha));
    expect(error).toBeInstanceOf(TagRuleError);
    const named = (error as TagRuleError).forInput('tags');
    expect(named).toBeInstanceOf(ConfigurationError);
    expect(named).toMatchObject({
      code: 'INPUT_INVALID',
      input: 'tags',
      message: 'Input "tags" rule "sha-{sha}" uses {sha}, but GITHUB_SHA is not a commit SHA',
    });
  });
});

describe('semver', () => {
  it('orders versions as semver.org does', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      'v1.0.1',
      '1.1.0',
      '2.0.0',
    ];
    const parsed = ordered.map((v) => parseSemVer(v));
    for (let i = 1; i < parsed.length; i++) {
      const [a, b] = [parsed[i - 1], parsed[i]];
      if (a === undefined || b === undefined) throw new Error('unparsed');
      expect(compareSemVer(a, b), `${a.text} < ${b.text}`).toBeLessThan(0);
      expect(compareSemVer(b, a)).toBeGreaterThan(0);
    }
    for (const bad of ['1.2', '01.2.3', '1.2.3-', 'v', 'latest', '1.2.3.4'])
      expect(parseSemVer(bad)).toBeUndefined();
  });
});

describe('a branch name cannot take a tag another rule owns', () => {
  const branch = parseTagRules(['{branch}']);
  const push = (name: string) => fake({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: `refs/heads/${name}` });
  it.each([
    ['latest', 'latest'],
    ['1.2.3', 'a release version'],
    ['v99.0.0', 'a release version'],
    ['sha-aaaaaaa', 'an immutable tag'],
    ['nightly-20261201', 'an immutable tag'],
  ])('branch %s is skipped (%s)', (name, what) => {
    const result = planTagRules(branch, push(name));
    expect(result.tags).toEqual([]);
    expect(result.skipped[0]?.reason).toContain(what);
  });
  it('the immutable patterns are the action’s own', () => {
    expect(planTagRules(branch, push('release-1'), undefined, { immutable: ['release-*'] }).tags).toEqual([]);
    expect(planTagRules(branch, push('release-1')).tags).toEqual(['release-1']);
    expect(planTagRules(parseTagRules(['branch-{branch}']), push('latest')).tags).toEqual(['branch-latest']);
  });
  it('on pull_request_target, {branch} (the base branch) is skipped and the version is pr-N', () => {
    const target = fake(
      { GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_REF: 'refs/heads/main' },
      { number: 7, pull_request: { number: 7 } },
    );
    const result = planTagRules(parseTagRules(['{branch}', 'pr-{number}']), target);
    expect(result.tags).toEqual(['pr-7']);
    expect(result.skipped[0]?.reason).toMatch(/base branch/);
    expect(refVersion(target)).toBe('pr-7');
  });
});
