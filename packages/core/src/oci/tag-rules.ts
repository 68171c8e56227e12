import { ConfigurationError, InvalidValueError } from '../action/errors.ts';
import type { RefContext } from '../action/github-event.ts';
import { validateTag } from './image-reference.ts';
import { DEFAULT_IMMUTABLE_TAGS, isImmutableTag } from './tag-pattern.ts';

/**
 * Tag rules: which tags a run writes, from the git ref and the event (docker/metadata-action's job).
 * This is the first half of the one tag planner; `planTags` (tag-pattern.ts) is the second: how each tag
 * is written, given what the registry serves (created, moved, left, or refused as immutable).
 *
 * One rule per item (one per line or comma-separated):
 *
 *   <template> [@<event>…]      a tag, with placeholders:
 *       {date}            UTC YYYYMMDD of the run            always
 *       {sha} {short-sha} GITHUB_SHA, full or 7 characters   always (an error when GITHUB_SHA is not a SHA)
 *       {version}         1.2.3 / 2.0.0-rc.1 of a semver tag ref (v1.2.3 or 1.2.3; "+" becomes "_")
 *       {major} {minor}   of a semver tag ref that is not a pre-release
 *       {branch}          the branch of a refs/heads/ ref, sanitised to a valid tag (feature/x → feature-x)
 *       {number}          the pull request number, on pull_request and pull_request_target runs
 *   latest=auto|always|never [@<event>…]
 *       always is plain `latest`; auto writes it on a push to the default branch, or for a release tag (not a
 *       pre-release) that no release tag in the registry exceeds; never writes nothing.
 *
 * `@schedule`, `@push @workflow_dispatch`…: the rule applies only to runs of those events.
 * A rule that does not apply to this run is skipped with its reason; it is not an error. A plain tag or a
 * template of only {date}, {sha} and {short-sha} always applies, as before rules existed.
 */

export type LatestMode = 'auto' | 'always' | 'never';

export interface TagRule {
  /** The rule as written, for messages. */
  readonly text: string;
  /** The tag template (`latest` for a latest rule). */
  readonly template: string;
  /** Set for a `latest=` rule. */
  readonly latest: LatestMode | undefined;
  /** Events the rule is limited to (empty: every event). */
  readonly events: readonly string[];
}

export interface SkippedRule {
  rule: string;
  reason: string;
}

export interface TagRulesResult {
  /** The tags to write, in rule order, without duplicates. */
  tags: string[];
  skipped: SkippedRule[];
  /** No rule applied, and the tags are the fallback rules' (`TagRulesOptions.fallback`). */
  fallback: boolean;
}

export type TagRuleErrorCode =
  | 'TAG_TEMPLATE_UNKNOWN'
  | 'TAG_RULE_INVALID'
  | 'TAG_INVALID'
  | 'TAG_NEEDS_COMMIT';

/** A rule that cannot be used as written, or whose tag is not valid. The action names its input. */
export class TagRuleError extends InvalidValueError {
  override readonly code: TagRuleErrorCode;
  readonly rule: string;
  constructor(code: TagRuleErrorCode, rule: string, message: string) {
    super(message);
    this.code = code;
    this.rule = rule;
  }

  /** The action's part: the same problem as a configuration error naming the input the rule came from. */
  forInput(input: string): ConfigurationError {
    return new ConfigurationError(`Input "${input}" ${this.message}`, { input, cause: this });
  }
}

const PLACEHOLDERS = ['date', 'sha', 'short-sha', 'version', 'major', 'minor', 'branch', 'number'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];
const PLACEHOLDER = /\{([^{}]*)\}/g;
const EVENT = /^@([a-z][a-z_]*)$/;
const LATEST = /^latest=(.*)$/;
const LATEST_MODES: readonly LatestMode[] = ['auto', 'always', 'never'];
const MAX_TAG = 128;

/** Example values that make every placeholder valid, to check a template once when it is read. */
const EXAMPLE: Record<Placeholder, string> = {
  date: '20260101',
  sha: '0123456789abcdef0123456789abcdef01234567',
  'short-sha': '0123456',
  version: '1.2.3',
  major: '1',
  minor: '2',
  branch: 'main',
  number: '1',
};

function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

function expand(template: string, values: (name: Placeholder) => string): string {
  return template.replace(PLACEHOLDER, (_m, name: string) => values(name as Placeholder));
}

function checkTag(rule: TagRule, tag: string): string {
  try {
    return validateTag(tag);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const message = rule.template.includes('{') ? `rule "${rule.text}" gives an invalid tag: ${why}` : why;
    throw new TagRuleError('TAG_INVALID', rule.text, message);
  }
}

/** Parses one rule; checks its template with example values, so a rule that can never give a tag fails now. */
export function parseTagRule(item: string): TagRule {
  const text = item.trim();
  const words = text.split(/\s+/);
  const [head = '', ...rest] = words;
  // Only `@event` words follow a template; anything else is part of one (and a tag has no spaces).
  const conditional = rest.length > 0 && rest.every((w) => w.startsWith('@'));
  const template = conditional ? head : text;
  const events: string[] = [];
  if (conditional) {
    for (const word of rest) {
      const event = EVENT.exec(word)?.[1];
      if (event === undefined)
        throw new TagRuleError(
          'TAG_RULE_INVALID',
          text,
          `rule "${text}": "${word}" is not an event condition (@push, @schedule, @workflow_dispatch…)`,
        );
      if (!events.includes(event)) events.push(event);
    }
  }
  const latest = LATEST.exec(template)?.[1];
  if (latest !== undefined) {
    const mode = LATEST_MODES.find((m) => m === latest);
    if (mode === undefined)
      throw new TagRuleError(
        'TAG_RULE_INVALID',
        text,
        `rule "${text}": latest= takes ${LATEST_MODES.join(', ')}; got "${latest}"`,
      );
    return { text, template: 'latest', latest: mode, events };
  }
  const rule: TagRule = { text, template, latest: undefined, events };
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!isPlaceholder(name))
      throw new TagRuleError(
        'TAG_TEMPLATE_UNKNOWN',
        text,
        `"${template}" uses an unknown template {${name}}; known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
      );
  }
  checkTag(
    rule,
    expand(template, (name) => EXAMPLE[name]),
  );
  return rule;
}

/** Parses a list of rules (the `tags` input of skopeo-push and tag-promote). */
export function parseTagRules(items: readonly string[]): TagRule[] {
  return items.map(parseTagRule);
}

// ---------------------------------------------------------------------------------------------------
// Semantic versions of refs and tags

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
  build: string | undefined;
  /** As written in the ref, without refs/tags/ (v1.2.3). */
  text: string;
}

// semver.org's regular expression, with an optional leading "v".
const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export function parseSemVer(text: string): SemVer | undefined {
  const m = SEMVER.exec(text);
  if (m === null) return undefined;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    prerelease: m[4] === undefined ? [] : m[4].split('.'),
    build: m[5],
    text,
  };
}

/** The semver of a `refs/tags/…` ref, if it is one. */
export function semverOfRef(ref: string): SemVer | undefined {
  return ref.startsWith('refs/tags/') ? parseSemVer(ref.slice('refs/tags/'.length)) : undefined;
}

function compareIdentifier(a: string, b: string): number {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return Number(a) - Number(b);
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** semver precedence (build metadata ignored). */
export function compareSemVer(a: SemVer, b: SemVer): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return core;
  if (a.prerelease.length === 0 || b.prerelease.length === 0)
    return b.prerelease.length - a.prerelease.length;
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const c = compareIdentifier(x, y);
    if (c !== 0) return c;
  }
  return 0;
}

/** The version as a tag: without the leading "v", build metadata joined with "_" ("+" is not a tag character). */
function versionTag(v: SemVer): string {
  const pre = v.prerelease.length > 0 ? `-${v.prerelease.join('.')}` : '';
  return `${v.major}.${v.minor}.${v.patch}${pre}${v.build === undefined ? '' : `_${v.build}`}`;
}

/** Any text as a valid tag: characters outside [A-Za-z0-9_.-] become "-", a leading "." or "-" becomes "_". */
export function sanitizeTag(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, MAX_TAG);
  return /^[.-]/.test(cleaned) ? `_${cleaned.slice(1)}` : cleaned;
}

function branchOf(ref: string): string | undefined {
  return ref.startsWith('refs/heads/') && ref.length > 'refs/heads/'.length
    ? ref.slice('refs/heads/'.length)
    : undefined;
}

/**
 * The image version of this ref, as metadata-action gives it: the version of a semver tag (1.2.3), another
 * tag's or a branch's name as a tag (feature-x), `pr-<number>`; undefined otherwise.
 */
export function refVersion(ctx: RefContext): string | undefined {
  const semver = semverOfRef(ctx.ref);
  if (semver !== undefined) return versionTag(semver);
  if (ctx.ref.startsWith('refs/tags/') && ctx.ref.length > 'refs/tags/'.length)
    return sanitizeTag(ctx.ref.slice('refs/tags/'.length));
  if (isPullRequest(ctx)) return ctx.prNumber === undefined ? undefined : `pr-${ctx.prNumber}`;
  const branch = branchOf(ctx.ref);
  if (branch !== undefined) return sanitizeTag(branch);
  return undefined;
}

/** On pull_request_target (and a pull_request's base ref), GITHUB_REF is the base branch, not the PR's. */
function isPullRequest(ctx: RefContext): boolean {
  return ctx.eventName === 'pull_request' || ctx.eventName === 'pull_request_target';
}

// ---------------------------------------------------------------------------------------------------
// Planning

type Resolved = { value: string } | { skip: string };

function describeRun(ctx: RefContext): string {
  return `this is ${ctx.eventName === '' ? 'a run with no event' : `a ${ctx.eventName} run`}${ctx.ref === '' ? '' : ` of ${ctx.ref}`}`;
}

/** What the planner knows of the repository: its tags (with those planned before), and the immutable patterns. */
interface Known {
  tags: readonly string[] | undefined;
  immutable: readonly string[];
}

type Scope = 'all' | 'major' | 'minor';

/**
 * Whether a release may move a tag shared across releases (`latest`, `{major}`, `{major}.{minor}`): only
 * when the repository's tags show it is the highest release in that line. Fails closed: when the tags were
 * not read, or hold no tag of this very release (so releases are not tagged by version and the highest
 * cannot be told), the rule is skipped.
 */
function releaseGuard(semver: SemVer, known: Known, scope: Scope): string | undefined {
  const line =
    scope === 'all'
      ? 'release'
      : scope === 'major'
        ? `${semver.major}.x release`
        : `${semver.major}.${semver.minor}.x release`;
  if (known.tags === undefined)
    return `the registry's tags were not read, so whether ${semver.text} is the highest ${line} is unknown`;
  const releases = known.tags.flatMap((t) => {
    const v = parseSemVer(t);
    return v === undefined || v.prerelease.length > 0 ? [] : [v];
  });
  if (!releases.some((v) => compareSemVer(v, semver) === 0))
    return `the repository has no tag of release ${semver.text} (add {version} to skopeo-push's tags), so whether it is the highest ${line} cannot be told`;
  const inLine = (v: SemVer) =>
    scope === 'all' || (v.major === semver.major && (scope === 'major' || v.minor === semver.minor));
  const higher = releases.filter((v) => inLine(v) && compareSemVer(v, semver) > 0);
  const top = higher.reduce<SemVer | undefined>(
    (a, v) => (a === undefined || compareSemVer(v, a) > 0 ? v : a),
    undefined,
  );
  return top === undefined
    ? undefined
    : `${semver.text} is not the highest ${line}: the registry has ${top.text}`;
}

/** A branch name must not write a tag another rule owns: latest, a version, or an immutable tag. */
function reservedFor(tag: string, known: Known): string | undefined {
  if (tag === 'latest') return 'latest';
  if (parseSemVer(tag) !== undefined) return 'a release version';
  if (isImmutableTag(tag, known.immutable)) return `an immutable tag (${known.immutable.join(', ')})`;
  return undefined;
}

function resolve(name: Placeholder, rule: TagRule, ctx: RefContext, known: Known): Resolved {
  switch (name) {
    case 'date':
      return { value: ctx.date.toISOString().slice(0, 10).replace(/-/g, '') };
    case 'sha':
    case 'short-sha':
      if (!/^[0-9a-f]{40}$/.test(ctx.sha))
        throw new TagRuleError(
          'TAG_NEEDS_COMMIT',
          rule.text,
          `rule "${rule.text}" uses {${name}}, but GITHUB_SHA is not a commit SHA`,
        );
      return { value: name === 'sha' ? ctx.sha : ctx.sha.slice(0, 7) };
    case 'version':
    case 'major':
    case 'minor': {
      const semver = semverOfRef(ctx.ref);
      if (semver === undefined)
        return { skip: `{${name}} needs a semver tag ref (refs/tags/v1.2.3); ${describeRun(ctx)}` };
      if (name === 'version') return { value: versionTag(semver) };
      if (semver.prerelease.length > 0)
        return { skip: `${semver.text} is a pre-release: {major} and {minor} move only with releases` };
      const guard = releaseGuard(semver, known, rule.template.includes('{minor}') ? 'minor' : 'major');
      if (guard !== undefined) return { skip: guard };
      return { value: String(name === 'major' ? semver.major : semver.minor) };
    }
    case 'branch': {
      if (isPullRequest(ctx))
        return { skip: `{branch} on a ${ctx.eventName} run would be the base branch; use pr-{number}` };
      const branch = branchOf(ctx.ref);
      return branch === undefined
        ? { skip: `{branch} needs a branch ref (refs/heads/…); ${describeRun(ctx)}` }
        : { value: sanitizeTag(branch) };
    }
    case 'number':
      return ctx.prNumber === undefined
        ? { skip: `{number} needs a pull request; ${describeRun(ctx)}` }
        : { value: String(ctx.prNumber) };
  }
}

/** Expands a template rule; a long branch name is shortened so that the tag fits in 128 characters. */
function expandRule(rule: TagRule, ctx: RefContext, known: Known): Resolved {
  const values = new Map<Placeholder, string>();
  for (const match of rule.template.matchAll(PLACEHOLDER)) {
    const name = match[1] as Placeholder;
    if (values.has(name)) continue;
    const resolved = resolve(name, rule, ctx, known);
    if ('skip' in resolved) return resolved;
    values.set(name, resolved.value);
  }
  const at = (name: Placeholder) => values.get(name) ?? '';
  let tag = expand(rule.template, at);
  const branch = values.get('branch');
  if (tag.length > MAX_TAG && branch !== undefined) {
    const fixed = expand(rule.template, (name) => (name === 'branch' ? '' : at(name))).length;
    const uses = [...rule.template.matchAll(/\{branch\}/g)].length;
    const room = Math.floor((MAX_TAG - fixed) / uses);
    if (room > 0)
      tag = expand(rule.template, (name) => (name === 'branch' ? branch.slice(0, room) : at(name)));
  }
  const reserved = branch === undefined ? undefined : reservedFor(tag, known);
  if (reserved !== undefined) return { skip: `the branch name would write "${tag}", which is ${reserved}` };
  return { value: checkTag(rule, tag) };
}

function latestAuto(ctx: RefContext, known: Known): Resolved {
  const semver = semverOfRef(ctx.ref);
  if (semver !== undefined) {
    if (semver.prerelease.length > 0)
      return { skip: `${semver.text} is a pre-release, which never moves latest` };
    const guard = releaseGuard(semver, known, 'all');
    return guard === undefined ? { value: 'latest' } : { skip: guard };
  }
  const branch = branchOf(ctx.ref);
  if (branch === undefined)
    return {
      skip: `latest=auto moves on a push to the default branch or with the highest release tag; ${describeRun(ctx)}`,
    };
  if (ctx.defaultBranch === undefined)
    return { skip: 'the default branch is unknown (the event payload has no repository.default_branch)' };
  if (branch !== ctx.defaultBranch)
    return {
      skip: `latest=auto moves on the default branch (${ctx.defaultBranch}) only; ${describeRun(ctx)}`,
    };
  if (ctx.eventName !== 'push')
    return { skip: `latest=auto moves on a push to the default branch; ${describeRun(ctx)}` };
  return { value: 'latest' };
}

function evaluate(rule: TagRule, ctx: RefContext, known: Known): Resolved {
  if (rule.events.length > 0 && !rule.events.includes(ctx.eventName))
    return { skip: `applies to ${rule.events.join(' and ')} runs only; ${describeRun(ctx)}` };
  switch (rule.latest) {
    case undefined:
      return expandRule(rule, ctx, known);
    case 'always':
      return { value: 'latest' };
    case 'never':
      return { skip: 'latest=never' };
    case 'auto':
      return latestAuto(ctx, known);
  }
}

export interface TagRulesOptions {
  /** Tag patterns that a {branch} rule must not write (default DEFAULT_IMMUTABLE_TAGS). */
  immutable?: readonly string[] | undefined;
  /**
   * The rules whose tags are written when none of the rules applies to this run (skopeo-push always pushes
   * under a tag: sha-{short-sha}). Without them, no rule applying gives no tag (tag-promote promotes nothing).
   */
  fallback?: readonly TagRule[] | undefined;
  /** The input the rules came from: a rule that gives no valid tag is then that input's error. */
  input?: string | undefined;
}

/**
 * Pure: the tags the rules give for this ref, and every rule that does not apply with its reason; when
 * none applies, the fallback rules' tags. `existingTags` are the repository's tags (for latest=auto,
 * {major} and {minor} on a release tag: read them when `needsExistingTags` says so).
 * Throws TagRuleError when a rule gives an invalid tag or needs a commit SHA that is not there: the
 * action names its input (`error.forInput`).
 */
export function planTagRules(
  rules: readonly TagRule[],
  ctx: RefContext,
  existingTags?: readonly string[],
  options: TagRulesOptions = {},
): TagRulesResult {
  try {
    return planRules(rules, ctx, existingTags, options);
  } catch (error) {
    if (error instanceof TagRuleError && options.input !== undefined) throw error.forInput(options.input);
    throw error;
  }
}

function planRules(
  rules: readonly TagRule[],
  ctx: RefContext,
  existingTags: readonly string[] | undefined,
  options: TagRulesOptions,
): TagRulesResult {
  const immutable = options.immutable ?? DEFAULT_IMMUTABLE_TAGS.split(',');
  const planned = evaluateRules(rules, ctx, existingTags, immutable);
  if (planned.tags.length > 0 || options.fallback === undefined || options.fallback.length === 0)
    return { ...planned, fallback: false };
  const fallback = evaluateRules(options.fallback, ctx, existingTags, immutable);
  return { tags: fallback.tags, skipped: planned.skipped, fallback: true };
}

function evaluateRules(
  rules: readonly TagRule[],
  ctx: RefContext,
  existingTags: readonly string[] | undefined,
  immutable: readonly string[],
): Omit<TagRulesResult, 'fallback'> {
  // Rules that move a tag across releases are decided last, knowing the tags the others write now (a
  // release's own {version} tag, pushed in the same step, counts as in the repository).
  const guarded = (r: TagRule) => r.latest === 'auto' || /\{(major|minor)\}/.test(r.template);
  const outcomes = new Map<TagRule, Resolved>();
  for (const rule of rules.filter((r) => !guarded(r)))
    outcomes.set(rule, evaluate(rule, ctx, { tags: existingTags, immutable }));
  const planned = [...outcomes.values()].flatMap((o) => ('value' in o ? [o.value] : []));
  const known = { tags: existingTags === undefined ? undefined : [...existingTags, ...planned], immutable };
  for (const rule of rules.filter(guarded)) outcomes.set(rule, evaluate(rule, ctx, known));
  const tags: string[] = [];
  const skipped: SkippedRule[] = [];
  for (const rule of rules) {
    const outcome = outcomes.get(rule) ?? { skip: 'not evaluated' };
    if ('skip' in outcome) skipped.push({ rule: rule.text, reason: outcome.skip });
    else if (!tags.includes(outcome.value)) tags.push(outcome.value);
  }
  return { tags, skipped };
}

/** Whether planning needs the repository's existing tags: latest=auto, {major} or {minor} on a release tag. */
export function needsExistingTags(rules: readonly TagRule[], ctx: RefContext): boolean {
  const semver = semverOfRef(ctx.ref);
  return (
    semver !== undefined &&
    semver.prerelease.length === 0 &&
    rules.some(
      (r) =>
        (r.latest === 'auto' || /\{(major|minor)\}/.test(r.template)) &&
        (r.events.length === 0 || r.events.includes(ctx.eventName)),
    )
  );
}
