import { ConfigurationError } from '../action/errors.ts';

/** Tag patterns with `*` as the only wildcard (`sha-*`, `nightly-*`, `v1.*`). */
export function matchesTagPattern(tag: string, pattern: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(tag);
}

export function isImmutableTag(tag: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => matchesTagPattern(tag, p));
}

/**
 * The one definition of immutable tags: written once, never moved, by skopeo-push and tag-promote alike
 * (each takes it as its `immutable-tags` input, with this default).
 */
export const DEFAULT_IMMUTABLE_TAGS = 'sha-*,nightly-*';

/** What to do with one tag, given what the registry serves under it now. */
export interface TagPlan {
  tag: string;
  immutable: boolean;
  /** The digest the tag points at now (undefined: the tag is new), for a one-step rollback. */
  previous: string | undefined;
  action: 'create' | 'move' | 'unchanged';
}

export interface TagConflict {
  tag: string;
  /** The digest the immutable tag points at now. */
  current: string;
}

/**
 * Tags that are immutable but already point elsewhere: nothing may be written while there is one.
 * `expected` is the digest the tags were to point at, `actual` what they point at now.
 */
export class ImmutableTagConflict extends ConfigurationError {
  override readonly name: string = 'ImmutableTagConflict';
  readonly conflicts: readonly TagConflict[];
  readonly wanted: string;
  readonly patterns: readonly string[];

  constructor(
    conflicts: readonly TagConflict[],
    wanted: string,
    patterns: readonly string[],
    message = `immutable tag(s) ${conflicts.map((c) => `${c.tag} (now ${c.current})`).join(', ')} already point elsewhere ` +
      `and are never moved to ${wanted}; patterns ${patterns.join(', ')} are written once`,
  ) {
    super(message, {
      code: 'IMMUTABLE_TAG_CONFLICT',
      expected: wanted,
      actual: [...new Set(conflicts.map((c) => c.current))].join(', '),
    });
    this.conflicts = conflicts;
    this.wanted = wanted;
    this.patterns = patterns;
  }

  /** The same refusal in an action's words: what it refuses (`before`) and what therefore did not happen (`after`). */
  framed(before: string, after: string): ImmutableTagConflict {
    const framed = new ImmutableTagConflict(
      this.conflicts,
      this.wanted,
      this.patterns,
      `${before}${this.message}${after}`,
    );
    if (this.input !== undefined) framed.forInput(this.input);
    return framed;
  }
}

/**
 * The one per-tag planner (skopeo-push and tag-promote): from what the registry serves now, a tag already at
 * the digest is left alone, a new one is created, another is moved; an immutable tag that exists at another
 * digest refuses the whole plan (ImmutableTagConflict, every conflict listed) before anything is written.
 * Immutable tags come first, so they are written before any human tag.
 */
export function planTags(
  tags: readonly string[],
  current: ReadonlyMap<string, { digest: string } | undefined>,
  digest: string,
  immutable: readonly string[],
  refusal?: { input: string; before: string; after: string },
): TagPlan[] {
  const plans = tags.map((tag): TagPlan => {
    const previous = current.get(tag)?.digest;
    const isImmutable = isImmutableTag(tag, immutable);
    const action = previous === digest ? 'unchanged' : previous === undefined ? 'create' : 'move';
    return { tag, immutable: isImmutable, previous, action };
  });
  const conflicts = plans
    .filter((p) => p.immutable && p.action === 'move')
    .map((p) => ({ tag: p.tag, current: p.previous ?? '' }));
  if (conflicts.length > 0) {
    const conflict = new ImmutableTagConflict(conflicts, digest, immutable);
    throw refusal ? conflict.framed(refusal.before, refusal.after).forInput(refusal.input) : conflict;
  }
  return [...plans.filter((p) => p.immutable), ...plans.filter((p) => !p.immutable)];
}
