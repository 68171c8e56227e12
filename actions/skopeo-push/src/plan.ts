import {
  type ImageReference,
  type InputValues,
  type PlanContext,
  parseTagRules,
  planTagRules,
  planTags,
  type RefContext,
  type TagPlan,
  type TagRule,
  type TagRulesResult,
} from '@chain/core/entry';
import { DEFAULT_PUSH_TAGS, type spec } from './inputs.ts';

/**
 * What the step will do: verify the layout is exactly `digest`, push it once with skopeo under the tags
 * its rules give for this run (immutable tags first, never moved), and read every tag back.
 */
export interface PushPlan {
  /** The OCI layout directory. */
  layout: string;
  /** The digest that was built and scanned: the layout's top level must be exactly this. */
  digest: string;
  /** The target repository (no tag, no digest). */
  image: ImageReference;
  /** The tag rules; which apply is decided once the run's event is read (`chooseTags`). */
  rules: TagRule[];
  /** Tag patterns that are written once and never moved. */
  immutable: string[];
  registry: { authFile: string | undefined; tlsVerify: boolean };
  /** skopeo copy runs at most this often: once, plus `retry-times` retries of transient registry faults. */
  attempts: number;
}

export function plan(values: InputValues<typeof spec>, _context: PlanContext): PushPlan {
  return {
    layout: values.layout,
    digest: values.digest.toString(),
    image: values.image,
    rules: values.tags,
    immutable: values['immutable-tags'],
    registry: { authFile: values['auth-file'], tlsVerify: values['tls-verify'] },
    attempts: values['retry-times'] + 1,
  };
}

/** When no rule applies to the run, the image is still pushed under a tag: immutable, per commit. */
const FALLBACK_RULES = parseTagRules([DEFAULT_PUSH_TAGS]);

/**
 * The tags to push, by the core's one rule planner: the rules' tags for this run (`existing`: the
 * repository's tags, read when `needsExistingTags` says so), or, when no rule applies, the default
 * `sha-<first 7 of the commit>`; with every skipped rule and why. A rule that cannot give a valid tag
 * names the input.
 */
export function chooseTags(
  plan: PushPlan,
  ref: RefContext,
  existing: readonly string[] | undefined,
): TagRulesResult {
  const options = { immutable: plan.immutable, fallback: FALLBACK_RULES, input: 'tags' };
  return planTagRules(plan.rules, ref, existing, options);
}

/**
 * Per tag, from what the registry serves now (the core's one tag planner): immutable tags first; one that
 * points elsewhere refuses the push (IMMUTABLE_TAG_CONFLICT) before anything is written; a tag already at
 * the digest is left alone.
 */
export function tagWrites(
  plan: PushPlan,
  tags: readonly string[],
  current: ReadonlyMap<string, { digest: string } | undefined>,
): TagPlan[] {
  const refusal = { input: 'tags', before: `${plan.image}: `, after: '. Nothing was pushed.' };
  return planTags(tags, current, plan.digest, plan.immutable, refusal);
}
