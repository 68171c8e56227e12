import {
  type AttestationVerdict,
  ConfigurationError,
  ImmutableTagConflict,
  JobSummary,
  type ManifestInfo,
  planTags,
  type SkippedRule,
} from '@chain/core';
import { verdictRows } from './attestations.ts';

export interface Promotion {
  tag: string;
  /** The digest the tag pointed at before, for a one-step rollback (undefined: the tag is new). */
  previous: string | undefined;
  action: 'move' | 'create' | 'unchanged';
}

/**
 * Per tag, from what the registry holds now (the core's one tag planner): a tag already at the digest is
 * left alone; an immutable tag (`sha-*`, `nightly-*`…) that exists at another digest is never moved — the
 * whole promotion is refused before any tag changes.
 */
export function planPromotions(
  tags: string[],
  current: Map<string, ManifestInfo | undefined>,
  digest: string,
  immutable: string[],
): Promotion[] {
  try {
    return planTags(tags, current, digest, immutable).map(({ tag, previous, action }) => ({
      tag,
      previous,
      action,
    }));
  } catch (error) {
    if (!(error instanceof ImmutableTagConflict)) throw error;
    throw new ConfigurationError(`refusing to promote: ${error.message}. No tag was changed.`, {
      input: 'tags',
    });
  }
}

/** The `previous` output: tag → digest before (null when new), so a rollback is one step. */
export function previousOutput(plans: Promotion[]): string {
  return JSON.stringify(Object.fromEntries(plans.map((p) => [p.tag, p.previous ?? null])));
}

/** The job summary: each tag with what it pointed at before, then the tag rules that did not apply. */
export function promotionSummary(
  image: string,
  digest: string,
  signedBy: string,
  plans: Promotion[],
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
