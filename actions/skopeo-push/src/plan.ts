import {
  ConfigurationError,
  ImmutableTagConflict,
  type ManifestInfo,
  planTags,
  validateTag,
} from '@chain/core';

/** The tags to write: the given ones, or `sha-<first 7 of the commit>`. */
export function chooseTags(given: string[] | undefined, env: NodeJS.ProcessEnv): string[] {
  let tags = given;
  if (tags === undefined || tags.length === 0) {
    const sha = env.GITHUB_SHA ?? '';
    if (!/^[0-9a-f]{40}$/.test(sha)) {
      throw new ConfigurationError(
        'Input "tags" is empty and GITHUB_SHA is not a commit SHA, so there is no default sha-<commit> tag',
        {
          input: 'tags',
        },
      );
    }
    tags = [validateTag(`sha-${sha.slice(0, 7)}`)];
  }
  return tags;
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
