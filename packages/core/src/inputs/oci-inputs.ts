import { InvalidValueError } from '../action/errors.ts';
import { Digest } from '../oci/digest.ts';
import { ImageReference, validateTag } from '../oci/image-reference.ts';
import { type Platform, parsePlatform } from '../oci/platform.ts';
import { parseTagRules, type TagRule } from '../oci/tag-rules.ts';
import { field, nonEmpty, parseList } from './input-spec.ts';

/** Input fields for OCI values, shared by every action so each validates them the same way. */
export const ociInputs = {
  /**
   * An image digest. sha512 is refused here, at the input: registries, skopeo and cosign address images
   * by sha256 in this chain, and a sha512 digest would otherwise fail only after a tag was written.
   */
  digest: () =>
    field<Digest>('digest', (raw) => {
      const digest = Digest.parse(raw);
      if (digest.algorithm !== 'sha256')
        throw new InvalidValueError(
          `is a ${digest.algorithm} digest; images are addressed by sha256 digests here (oci-build and skopeo-push output them)`,
          { reason: 'DIGEST_NOT_SHA256', expected: 'sha256', actual: digest.algorithm },
        );
      return digest;
    }),
  /** Any reference: tag, digest or both allowed. */
  reference: () => field<ImageReference>('image-reference', (raw) => ImageReference.parse(raw)),
  /** A repository only: `registry/path`, no tag, no digest. */
  repository: () =>
    field<ImageReference>('repository', (raw) => {
      const ref = ImageReference.parse(raw);
      if (ref.tag !== undefined || ref.digest !== undefined) {
        throw new InvalidValueError(
          `must be a repository without tag or digest (e.g. ghcr.io/org/app); got "${raw}": ` +
            'tags go in the "tags" input and the digest in "digest"',
          { reason: 'NOT_A_REPOSITORY', actual: raw },
        );
      }
      return ref;
    }),
  /** A list of tags, each validated; duplicates removed, order kept. */
  tags: () =>
    field<string[]>('tags', (raw) => {
      const tags = nonEmpty(raw, parseList(raw)).map((t) => validateTag(t));
      return [...new Set(tags)];
    }),
  /**
   * Tag rules (oci/tag-rules.ts): plain tags, templates such as `sha-{short-sha}` or `{major}.{minor}`,
   * `latest=auto`, each optionally limited to events (`nightly @schedule`). Each is checked when read.
   */
  tagRules: () => field<TagRule[]>('tag-rules', (raw) => parseTagRules(nonEmpty(raw, parseList(raw)))),
  /** A list of `os/arch[/variant]` platforms. */
  platforms: () =>
    field<Platform[]>('platforms', (raw) => {
      const list = nonEmpty(raw, parseList(raw));
      const seen = new Set<string>();
      return list.flatMap((p) => {
        if (seen.has(p)) return [];
        seen.add(p);
        return [parsePlatform(p)];
      });
    }),
};
