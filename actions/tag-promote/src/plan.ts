import {
  ConfigurationError,
  ImmutableTagConflict,
  type ManifestInfo,
  planTags,
  validateTag,
} from '@chain/core';

const TEMPLATE = /\{([a-z-]+)\}/g;

/** Expands `{date}` (UTC YYYYMMDD), `{sha}` and `{short-sha}` (7 characters); every result must be a valid tag. */
export function expandTags(templates: string[], env: NodeJS.ProcessEnv, now: Date): string[] {
  const sha = env.GITHUB_SHA ?? '';
  const date = now.toISOString().slice(0, 10).replace(/-/g, '');
  const tags = templates.map((template) =>
    template.replace(TEMPLATE, (_match, name: string) => {
      if (name === 'date') return date;
      if (name === 'sha' || name === 'short-sha') {
        if (!/^[0-9a-f]{40}$/.test(sha)) {
          throw new ConfigurationError(
            `Input "tags": "${template}" uses {${name}} but GITHUB_SHA is not a commit SHA`,
            { input: 'tags' },
          );
        }
        return name === 'sha' ? sha : sha.slice(0, 7);
      }
      throw new ConfigurationError(
        `Input "tags": "${template}" uses an unknown template {${name}}; known: {date}, {sha}, {short-sha}`,
        {
          input: 'tags',
        },
      );
    }),
  );
  for (const tag of tags) {
    try {
      validateTag(tag);
    } catch (error) {
      throw new ConfigurationError(`Input "tags" ${(error as Error).message}`, { input: 'tags' });
    }
  }
  return [...new Set(tags)];
}

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
