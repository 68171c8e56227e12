import {
  ConfigurationError,
  ImmutableTagConflict,
  type ManifestInfo,
  parseTagRules,
  planTags,
  type RefContext,
  resolveTagRules,
  type TagRule,
  type TagRulesResult,
} from '@chain/core';
import { DEFAULT_PUSH_TAGS } from './inputs.ts';

export interface ChosenTags extends TagRulesResult {
  /** No rule applied: the tags are the default. */
  fallback: boolean;
}

/**
 * The tags to push: the rules' tags for this run (resolved by the core's one rule planner), or, when no
 * rule applies, the default `sha-<first 7 of the commit>` (an image is always pushed under a tag).
 */
export async function chooseTags(
  rules: TagRule[],
  context: RefContext,
  listTags: () => Promise<string[]>,
  immutable?: readonly string[],
): Promise<ChosenTags> {
  const planned = await resolveTagRules(rules, context, {
    input: 'tags',
    listTags,
    ...(immutable ? { immutable } : {}),
  });
  if (planned.tags.length > 0) return { ...planned, fallback: false };
  const fallback = await resolveTagRules(parseTagRules([DEFAULT_PUSH_TAGS]), context, {
    input: 'tags',
    listTags,
  });
  return { tags: fallback.tags, skipped: planned.skipped, fallback: true };
}

export interface TagDecision {
  tag: string;
  immutable: boolean;
  /** The digest the tag points at now, if it exists. */
  current: string | undefined;
  action: 'write' | 'unchanged';
}

/**
 * Decides per tag from what the registry holds now (the core's one tag planner): immutable tags first; an
 * immutable tag that points elsewhere is a hard failure before anything is pushed; a tag already at the
 * digest is left alone.
 */
export function decideTags(
  tags: string[],
  current: Map<string, ManifestInfo | undefined>,
  digest: string,
  image: string,
  immutable: readonly string[],
): TagDecision[] {
  try {
    return planTags(tags, current, digest, immutable).map((p) => ({
      tag: p.tag,
      immutable: p.immutable,
      current: p.previous,
      action: p.action === 'unchanged' ? 'unchanged' : 'write',
    }));
  } catch (error) {
    if (!(error instanceof ImmutableTagConflict)) throw error;
    throw new ConfigurationError(`${image}: ${error.message}. Nothing was pushed.`, { input: 'tags' });
  }
}
