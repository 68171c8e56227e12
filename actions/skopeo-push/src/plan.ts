import { ConfigurationError, isImmutableTag, type ManifestInfo, validateTag } from '@chain/core';

export const IMMUTABLE_TAGS = ['sha-*'];

/** The tags to write: the given ones, or `sha-<first 7 of the commit>`; immutable ones first. */
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
  const immutable = tags.filter((t) => isImmutableTag(t, IMMUTABLE_TAGS));
  return [...immutable, ...tags.filter((t) => !immutable.includes(t))];
}

export interface TagDecision {
  tag: string;
  immutable: boolean;
  /** The digest the tag points at now, if it exists. */
  current: string | undefined;
  action: 'write' | 'unchanged';
}

/**
 * Decides per tag from what the registry holds now. An immutable tag that points elsewhere is a hard
 * failure before anything is pushed; a tag already at the digest is left alone.
 */
export function decideTags(
  tags: string[],
  current: Map<string, ManifestInfo | undefined>,
  digest: string,
  image: string,
): TagDecision[] {
  return tags.map((tag) => {
    const now = current.get(tag)?.digest;
    const immutable = isImmutableTag(tag, IMMUTABLE_TAGS);
    if (immutable && now !== undefined && now !== digest) {
      throw new ConfigurationError(
        `${image}:${tag} already points at ${now}; ${IMMUTABLE_TAGS.join(', ')} tags are immutable and are never overwritten ` +
          `(refusing to move it to ${digest}). Nothing was pushed.`,
        { input: 'tags' },
      );
    }
    return { tag, immutable, current: now, action: now === digest ? 'unchanged' : 'write' };
  });
}
