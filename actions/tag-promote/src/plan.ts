import {
  type AttestationVerdict,
  type Digest,
  type ImageReference,
  type InputValues,
  JobSummary,
  type Logger,
  type PlanContext,
  planTagRules,
  planTags,
  type RefContext,
  type SignerPolicy,
  type SkippedRule,
  signerPolicyFromInputs,
  silentLogger,
  type TagPlan,
  type TagRule,
  type TagRulesResult,
} from '@chain/core/entry';
import { attestationConditions, type PromotionConditions, verdictRows } from './attestations.ts';
import type { spec } from './inputs.ts';

/**
 * What the step will do: check the digest is in the registry, verify its signature (and required
 * attestations) against the policy, copy it with its signatures into `target` when given (verifying there
 * again), then move the tags its rules give for this run to it, all or nothing. Immutable tags are never
 * moved.
 */
export interface PromotePlan {
  /** The repository the digest was pushed to. */
  image: ImageReference;
  digest: Digest;
  /** The tag rules; which apply is decided once the run's event is read (`chooseTags`). */
  rules: TagRule[];
  /** Tag patterns that are written once and never moved. */
  immutable: string[];
  /** Another repository (or registry) the tags move in: the image is copied there first. */
  target: ImageReference | undefined;
  registry: { authFile: string | undefined; tlsVerify: boolean };
  /** What must verify before any tag moves; undefined when require-signature is false. */
  signature: SignatureRequirement | undefined;
  /** What the signer policy warned about (an anchored regexp, an unbound workflow identity), for the log. */
  warnings: string[];
}

export interface SignatureRequirement {
  policy: SignerPolicy;
  /** The trusted-root file; undefined: the public-good root, through TUF. */
  trustedRoot: string | undefined;
  /** The required attestations and what each must meet; undefined when none is required. */
  conditions: PromotionConditions | undefined;
}

export function plan(values: InputValues<typeof spec>, context: PlanContext): PromotePlan {
  const warnings: string[] = [];
  const policy = values['require-signature']
    ? signerPolicyFromInputs(values, collecting(warnings), 'require-signature is true')
    : undefined;
  // Checked before any registry call: a misconfigured attestation requirement fails at once.
  const conditions = attestationConditions(values, policy, context.env);
  const target = values['target-image'];
  return {
    image: values.image,
    digest: values.digest,
    rules: values.tags,
    immutable: values['immutable-tags'],
    target: target === undefined || target.equals(values.image) ? undefined : target,
    registry: { authFile: values['auth-file'], tlsVerify: values['tls-verify'] },
    signature: policy === undefined ? undefined : { policy, trustedRoot: values['trusted-root'], conditions },
    warnings,
  };
}

function collecting(warnings: string[]): Logger {
  return { ...silentLogger, warning: (message) => void warnings.push(message) };
}

/** The repository whose tags move (and whose tags latest=auto reads). */
export function tagRepository(plan: PromotePlan): ImageReference {
  return plan.target ?? plan.image;
}

/**
 * The tags to move, by the core's one rule planner: the rules' tags for this run (`existing`: the
 * repository's tags, read when `needsExistingTags` says so; latest=auto on a release tag reads them where
 * they will be written), with every skipped rule and why. When no rule applies, nothing is promoted.
 */
export function chooseTags(
  plan: PromotePlan,
  ref: RefContext,
  existing: readonly string[] | undefined,
): TagRulesResult {
  return planTagRules(plan.rules, ref, existing, { immutable: plan.immutable, input: 'tags' });
}

/**
 * Per tag, from what the registry holds now (the core's one tag planner): a tag already at the digest is
 * left alone; an immutable tag (`sha-*`, `nightly-*`…) that exists at another digest is never moved — the
 * whole promotion is refused (IMMUTABLE_TAG_CONFLICT) before any tag changes. Immutable tags come first.
 */
export function promotions(
  plan: PromotePlan,
  tags: readonly string[],
  current: ReadonlyMap<string, { digest: string } | undefined>,
): TagPlan[] {
  const refusal = { input: 'tags', before: 'refusing to promote: ', after: '. No tag was changed.' };
  return planTags(tags, current, plan.digest.toString(), plan.immutable, refusal);
}

/** The `previous` output: tag → digest before (null when new), so a rollback is one step. */
export function previousOutput(plans: readonly Pick<TagPlan, 'tag' | 'previous'>[]): string {
  return JSON.stringify(Object.fromEntries(plans.map((p) => [p.tag, p.previous ?? null])));
}

/** The job summary: each tag with what it pointed at before, then the tag rules that did not apply. */
export function promotionSummary(
  image: string,
  digest: string,
  signedBy: string,
  plans: readonly TagPlan[],
  skipped: SkippedRule[],
  verdicts: readonly AttestationVerdict[] = [],
): JobSummary {
  const summary = new JobSummary().heading('tag-promote');
  if (plans.length === 0)
    summary.verdict(true, `No tag rule applies to this run: nothing promoted (${image}@${digest})`);
  else
    summary
      .verdict(true, `Promoted ${image}@${digest}`)
      .facts([
        ['digest', { text: digest, code: true }],
        ['signature', signedBy],
      ])
      .table(
        ['tag', 'before', 'now'],
        plans.map((p) => [
          p.tag,
          p.previous === undefined ? 'new' : { text: p.previous, code: true },
          p.action === 'unchanged' ? 'unchanged' : 'moved here',
        ]),
      );
  if (plans.length > 0 && verdicts.length > 0)
    summary.table(['attestation', 'verdict', 'found (format, signer)', 'checked'], verdictRows(verdicts));
  if (skipped.length > 0)
    summary.table(
      ['skipped tag rule', 'why'],
      skipped.map((s) => [{ text: s.rule, code: true }, s.reason]),
    );
  return summary;
}
