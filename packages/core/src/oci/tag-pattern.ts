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
