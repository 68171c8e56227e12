import {
  ConfigurationError,
  ID_TOKEN_PERMISSION_FIX,
  type InputValues,
  type LoginFiles,
  loginFiles,
  type PlanContext,
} from '@chain/core/entry';
import type { spec } from './inputs.ts';

/** What the step will do: assume the role with the job's token, log in to ECR, then check or set the repository. */
export interface EcrLoginPlan {
  roleArn: string;
  region: string;
  /** The audience of the job's OIDC token (what the IAM identity provider expects). */
  audience: string;
  sessionName: string;
  durationSeconds: number;
  sessionPolicy: string | undefined;
  /** The accounts whose registries to log in to: the input, else the role's account. */
  registryIds: string[];
  /** The account of the repository the lifecycle and immutability settings apply to (the first registry). */
  account: string;
  files: LoginFiles;
  /** Export the session as AWS_* variables for later steps. */
  exportCredentials: boolean;
  /** Leave the logins in place after the job (no post clean-up). */
  keep: boolean;
  lifecycle: LifecyclePlan | undefined;
  immutability: ImmutabilityPlan | undefined;
}

export interface LifecyclePlan {
  mode: 'check' | 'apply';
  repository: string;
  days: number;
  /** The retention rule as the lifecycle policy document ECR should hold. */
  policy: string;
}

export interface ImmutabilityPlan {
  mode: 'check' | 'enforce';
  repository: string;
  /** Tag patterns ECR must keep write-once. */
  patterns: string[];
}

type Values = InputValues<typeof spec>;

export function plan(values: Values, context: PlanContext): EcrLoginPlan {
  const roleArn = values['role-to-assume'];
  const immutability = planImmutability(values);
  const lifecycle = planLifecycle(values);
  requireIdToken(context.env);
  const registryIds = values.registries.length > 0 ? values.registries : [accountOfRole(roleArn)];
  return {
    roleArn,
    region: values['aws-region'],
    audience: values.audience,
    sessionName: values['role-session-name'] ?? defaultSessionName(context.env),
    durationSeconds: values['role-duration-seconds'],
    sessionPolicy: values['session-policy'],
    registryIds,
    account: registryIds[0] ?? accountOfRole(roleArn),
    files: loginFiles(context.env, 'ecr-oidc-login'),
    exportCredentials: values['export-aws-credentials'],
    keep: values['keep-login'],
    lifecycle,
    immutability,
  };
}

/** The repository a setting applies to: required once the setting is on. */
function settingRepository(values: Values, setting: 'tag-immutability' | 'lifecycle-policy'): string {
  const repository = values['lifecycle-repository'];
  if (repository !== undefined) return repository;
  const what = setting === 'tag-immutability' ? ' (the ECR repository it applies to)' : '';
  throw new ConfigurationError(
    `Input "lifecycle-repository" is required when ${setting} is "${values[setting]}"${what}`,
    { code: 'INPUT_REQUIRED', input: 'lifecycle-repository' },
  );
}

function planImmutability(values: Values): ImmutabilityPlan | undefined {
  const mode = values['tag-immutability'];
  if (mode === 'off') return undefined;
  return {
    mode,
    repository: settingRepository(values, 'tag-immutability'),
    patterns: values['immutable-tags'],
  };
}

function planLifecycle(values: Values): LifecyclePlan | undefined {
  const mode = values['lifecycle-policy'];
  if (mode === 'off') return undefined;
  const days = values['lifecycle-days'];
  return {
    mode,
    repository: settingRepository(values, 'lifecycle-policy'),
    days,
    policy: retentionPolicy(days),
  };
}

/**
 * The runner gives a job its OIDC token request only with `permissions: id-token: write`: without it the
 * step fails here, before anything loads, with the exact fix (a pull request from a fork never gets one).
 */
export function requireIdToken(env: Readonly<NodeJS.ProcessEnv>): void {
  for (const name of ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'])
    if (!env[name])
      throw new ConfigurationError(ID_TOKEN_PERMISSION_FIX, { code: 'ENVIRONMENT', input: name });
}

/** `GitHubActions-<owner>-<repo>-<run id>`, reduced to what STS accepts (2–64 of [\w+=,.@-]). */
export function defaultSessionName(env: Readonly<NodeJS.ProcessEnv>): string {
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
