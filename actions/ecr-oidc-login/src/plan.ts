/** `GitHubActions-<owner>-<repo>-<run id>`, reduced to what STS accepts (2–64 of [\w+=,.@-]). */
export function defaultSessionName(env: NodeJS.ProcessEnv): string {
  const parts = ['GitHubActions', env.GITHUB_REPOSITORY?.replace('/', '-'), env.GITHUB_RUN_ID].filter(
    (p) => p !== undefined && p !== '',
  );
  return parts
    .join('-')
    .replace(/[^\w+=,.@-]/g, '-')
    .slice(0, 64);
}

export function accountOfRole(roleArn: string): string {
  const account = /^arn:aws[a-z-]*:iam::(\d{12}):role\//.exec(roleArn)?.[1];
  if (account === undefined) throw new Error(`not a role ARN: ${roleArn}`);
  return account;
}

/** Tags that are never expired by the retention rule. */
export const KEPT_TAG_PATTERNS = ['latest', 'nightly', 'v*'];

/**
 * The publish pipeline's retention rule as an ECR lifecycle policy. ECR applies to an image only the
 * highest-priority rule whose tag selection matches it, so rule 1 (which never reaches its count) keeps
 * `latest`, `nightly` and release tags; untagged and `sha-*`-only images expire after `days`.
 */
export function retentionPolicy(days: number): string {
  return JSON.stringify({
    rules: [
      {
        rulePriority: 1,
        description: 'keep latest, nightly and release (v*) tags',
        selection: {
          tagStatus: 'tagged',
          tagPatternList: KEPT_TAG_PATTERNS,
          countType: 'imageCountMoreThan',
          countNumber: 10000,
        },
        action: { type: 'expire' },
      },
      {
        rulePriority: 2,
        description: `expire untagged images after ${days} days`,
        selection: {
          tagStatus: 'untagged',
          countType: 'sinceImagePushed',
          countUnit: 'days',
          countNumber: days,
        },
        action: { type: 'expire' },
      },
      {
        rulePriority: 3,
        description: `expire sha-* images after ${days} days`,
        selection: {
          tagStatus: 'tagged',
          tagPatternList: ['sha-*'],
          countType: 'sinceImagePushed',
          countUnit: 'days',
          countNumber: days,
        },
        action: { type: 'expire' },
      },
    ],
  });
}

/** Compares two policy documents by content, not by formatting. */
export function samePolicy(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  try {
    return JSON.stringify(canonical(JSON.parse(a))) === JSON.stringify(canonical(JSON.parse(b)));
  } catch {
    return false;
  }
}
