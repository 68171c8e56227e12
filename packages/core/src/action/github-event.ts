import { readFile } from 'node:fs/promises';
import { ConfigurationError } from './errors.ts';

/** The repository as the event payload describes it, with the runner's variables as fallback. */
export interface RepositoryFacts {
  /** `repository.name` (else the name part of GITHUB_REPOSITORY). */
  name: string | undefined;
  /** `repository.html_url` (else GITHUB_SERVER_URL/GITHUB_REPOSITORY). */
  htmlUrl: string | undefined;
  /** `repository.description`, when not empty. */
  description: string | undefined;
  /** `repository.license.spdx_id`, unless GitHub could not tell (`NOASSERTION`) or there is none. */
  license: string | undefined;
}

/**
 * What a step knows about the git ref and the event that started its workflow run: GITHUB_EVENT_NAME,
 * GITHUB_REF, GITHUB_SHA and the payload at GITHUB_EVENT_PATH, with the clock date of the run. Plain data,
 * so that planning from it is pure.
 */
export interface RefContext {
  /** `push`, `pull_request`, `schedule`, `workflow_dispatch`… ('' outside a runner). */
  eventName: string;
  /** The full ref: `refs/heads/main`, `refs/tags/v1.2.3`, `refs/pull/15/merge` ('' when unknown). */
  ref: string;
  /** GITHUB_SHA ('' when unset). */
  sha: string;
  /** `repository.default_branch` of the payload (a schedule payload has none). */
  defaultBranch: string | undefined;
  /** The pull request number, on pull_request and pull_request_target runs. */
  prNumber: number | undefined;
  repository: RepositoryFacts;
  payload: Readonly<Record<string, unknown>>;
  date: Date;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

function prNumberOf(eventName: string, ref: string, payload: Record<string, unknown>): number | undefined {
  const fromRef = /^refs\/pull\/(\d+)\//.exec(ref)?.[1];
  if (!PULL_REQUEST_EVENTS.has(eventName) && fromRef === undefined) return undefined;
  const candidates = [record(payload.pull_request)?.number, payload.number, fromRef];
  for (const candidate of candidates) {
    const n = typeof candidate === 'string' && /^\d+$/.test(candidate) ? Number(candidate) : candidate;
    if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) return n;
  }
  return undefined;
}

function repositoryFacts(payload: Record<string, unknown>, env: NodeJS.ProcessEnv): RepositoryFacts {
  const repo = record(payload.repository) ?? {};
  const fullName = text(env.GITHUB_REPOSITORY);
  const server = text(env.GITHUB_SERVER_URL);
  const spdx = text(record(repo.license)?.spdx_id);
  return {
    name: text(repo.name) ?? fullName?.split('/').at(-1),
    htmlUrl:
      text(repo.html_url) ??
      (server !== undefined && fullName !== undefined ? `${server}/${fullName}` : undefined),
    description: text(repo.description),
    license: spdx === 'NOASSERTION' ? undefined : spdx,
  };
}

/** The context from the runner's variables and an already-parsed payload (pure). */
export function refContext(
  env: NodeJS.ProcessEnv,
  payload: Readonly<Record<string, unknown>>,
  date: Date,
): RefContext {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const ref = text(env.GITHUB_REF) ?? text(payload.ref) ?? '';
  return {
    eventName,
    ref,
    sha: env.GITHUB_SHA ?? '',
    defaultBranch: text(record(payload.repository)?.default_branch),
    prNumber: prNumberOf(eventName, ref, payload),
    repository: repositoryFacts(payload, env),
    payload,
    date,
  };
}

/**
 * Reads the event payload the runner wrote at GITHUB_EVENT_PATH (none outside a runner: an empty payload)
 * and returns the context. A path that is set but unreadable, or not a JSON object, is an environment error.
 */
export async function readRefContext(env: NodeJS.ProcessEnv, date: Date): Promise<RefContext> {
  const path = env.GITHUB_EVENT_PATH;
  if (path === undefined || path === '') return refContext(env, {}, date);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(
      `GITHUB_EVENT_PATH names ${path}, which is not readable (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}); ` +
        'the runner writes the event payload there: leave the variable as the runner sets it',
      { input: 'GITHUB_EVENT_PATH', cause: error },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new ConfigurationError(`GITHUB_EVENT_PATH names ${path}, which is not JSON`, {
      input: 'GITHUB_EVENT_PATH',
      cause: error,
    });
  }
  const payload = record(parsed);
  if (payload === undefined)
    throw new ConfigurationError(`GITHUB_EVENT_PATH names ${path}, which is not a JSON object`, {
      input: 'GITHUB_EVENT_PATH',
    });
  return refContext(env, payload, date);
}
