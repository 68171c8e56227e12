import { ConfigurationError } from '../action/errors.ts';

export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
/** GitHub's build type for a workflow run (actions/attest-build-provenance). */
export const GITHUB_WORKFLOW_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1';

/**
 * What oci-build knows about a build (its `build-record` output, schema `build-record/v1`): the digest it
 * built, the Containerfile (workspace-relative path and SHA-256), the context, build arguments, target
 * and platforms. Secrets are never in it.
 */
export interface BuildRecord {
  schema: 'build-record/v1';
  digest: string;
  builder: string;
  containerfile: { path: string; sha256: string };
  context: string;
  platforms: string[];
  buildArgs: Record<string, string>;
  target?: string | undefined;
}

/** A build record read from a file: every field checked, so that provenance is built from known facts only. */
export function parseBuildRecord(json: unknown, input: string): BuildRecord {
  const record = json as Partial<BuildRecord> | null;
  const problem = (what: string) =>
    new ConfigurationError(`Input "${input}": not an oci-build build record (${what})`, { input });
  if (record === null || typeof record !== 'object' || record.schema !== 'build-record/v1')
    throw problem('schema is not build-record/v1');
  if (typeof record.digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(record.digest))
    throw problem('no digest');
  const file = record.containerfile;
  if (typeof file?.path !== 'string' || !/^[0-9a-f]{64}$/.test(String(file?.sha256)))
    throw problem('no Containerfile path and sha256');
  if (typeof record.context !== 'string' || !Array.isArray(record.platforms))
    throw problem('no context or platforms');
  const args = record.buildArgs ?? {};
  if (typeof args !== 'object' || Object.values(args).some((v) => typeof v !== 'string'))
    throw problem('buildArgs is not a map of strings');
  return record as BuildRecord;
}

/**
 * The facts of a GitHub Actions run that provenance states: each with the OIDC token claim Fulcio certifies
 * it from and the runner variable that says the same (the job workflow ref has none: a reusable workflow's
 * own ref is only in the token).
 */
const RUN_FACTS = [
  ['repository', 'repository', 'GITHUB_REPOSITORY'],
  ['repositoryId', 'repository_id', 'GITHUB_REPOSITORY_ID'],
  ['repositoryOwnerId', 'repository_owner_id', 'GITHUB_REPOSITORY_OWNER_ID'],
  ['sha', 'sha', 'GITHUB_SHA'],
  ['ref', 'ref', 'GITHUB_REF'],
  ['eventName', 'event_name', 'GITHUB_EVENT_NAME'],
  ['runId', 'run_id', 'GITHUB_RUN_ID'],
  ['runAttempt', 'run_attempt', 'GITHUB_RUN_ATTEMPT'],
  ['workflowRef', 'workflow_ref', 'GITHUB_WORKFLOW_REF'],
  ['jobWorkflowRef', 'job_workflow_ref', undefined],
  ['runnerEnvironment', 'runner_environment', 'RUNNER_ENVIRONMENT'],
] as const;

type RunFact = (typeof RUN_FACTS)[number][0];

/** What a GitHub Actions run was: repository, commit, ref, event, run, workflows, runner. */
export type GitHubRunFacts = Record<RunFact, string> & {
  server: string;
  /** `token`: the job's OIDC token, what Fulcio certified (keyless); `env`: the runner's variables (key). */
  from: 'token' | 'env';
};

/**
 * Events whose run is privileged (secrets, write token, OIDC) while the code may come from someone else: a
 * `pull_request_target` run checks out the base branch's workflow but is often made to build the pull
 * request's head, a `workflow_run` run follows a run that built untrusted code. The run's sha is not what
 * was built, so provenance would certify the wrong source.
 */
export const PRIVILEGED_EVENTS: readonly string[] = ['pull_request_target', 'workflow_run'];

/**
 * The run's facts. Keyless (`claims` are the job's OIDC token's): every fact comes from the token, each must
 * be there, and a runner variable that says otherwise is refused (the environment is writable by earlier
 * steps through GITHUB_ENV; the token is what Fulcio certified). With a key (no claims): from the runner's
 * variables, each required except RUNNER_ENVIRONMENT; the job workflow ref is then GITHUB_WORKFLOW_REF.
 */
export function githubRunFacts(
  env: NodeJS.ProcessEnv,
  claims: Record<string, unknown>,
  input = 'attestations',
): GitHubRunFacts {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const facts =
    Object.keys(claims).length === 0 ? envRunFacts(env, input) : tokenRunFacts(env, claims, input);
  return { ...facts, server };
}

const factsError = (input: string, message: string) =>
  new ConfigurationError(`Input "${input}": ${message}`, { input });

/** With a key: the runner's variables, each required (RUNNER_ENVIRONMENT may be unknown). */
function envRunFacts(env: NodeJS.ProcessEnv, input: string): Omit<GitHubRunFacts, 'server'> {
  const facts: Partial<Record<RunFact, string>> = {};
  const missing: string[] = [];
  for (const [fact, , name] of RUN_FACTS) {
    if (name === undefined) continue;
    const value = env[name];
    if (value) facts[fact] = value;
    else if (fact !== 'runnerEnvironment') missing.push(name);
  }
  if (missing.length > 0)
    throw factsError(
      input,
      `provenance is made from the GitHub Actions run, and ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set`,
    );
  const workflowRef = facts.workflowRef ?? '';
  const complete = {
    ...facts,
    jobWorkflowRef: workflowRef,
    runnerEnvironment: facts.runnerEnvironment ?? 'unknown',
  };
  return { ...(complete as Record<RunFact, string>), from: 'env' };
}

/** Keyless: the token's claims, each required; a runner variable that says otherwise is refused. */
function tokenRunFacts(
  env: NodeJS.ProcessEnv,
  claims: Record<string, unknown>,
  input: string,
): Omit<GitHubRunFacts, 'server'> {
  const facts: Partial<Record<RunFact, string>> = {};
  const missing: string[] = [];
  const disagree: string[] = [];
  for (const [fact, claim, name] of RUN_FACTS) {
    const value = claims[claim];
    if (typeof value !== 'string' || value === '') {
      missing.push(claim);
      continue;
    }
    facts[fact] = value;
    const variable = name === undefined ? undefined : env[name];
    if (variable && variable !== value) disagree.push(`${name}=${variable}, the token's ${claim}=${value}`);
  }
  if (missing.length > 0)
    throw factsError(
      input,
      `keyless provenance is made from the job's OIDC token (what Fulcio certifies), and it has no ${missing.join(', ')} claim${missing.length === 1 ? '' : 's'}`,
    );
  if (disagree.length > 0)
    throw factsError(
      input,
      `the runner's environment disagrees with the job's OIDC token (${disagree.join('; ')}): an earlier step changed it, or the run is not what it says; no provenance is made`,
    );
  return { ...(facts as Record<RunFact, string>), from: 'token' };
}

/** `owner/repo/.github/workflows/x.yml@refs/heads/main` → repository, path and ref. */
function splitWorkflowRef(ref: string, input: string): { repository: string; path: string; ref: string } {
  const match = /^([^/]+\/[^/]+)\/(.+?)@(.+)$/.exec(ref);
  if (match === null)
    throw new ConfigurationError(`Input "${input}": the workflow ref "${ref}" is not owner/repo/path@ref`, {
      input,
    });
  return { repository: match[1] ?? '', path: match[2] ?? '', ref: match[3] ?? '' };
}

/**
 * SLSA provenance v1 for a GitHub Actions build, in the shape of actions/attest-build-provenance:
 * builder = the (reusable) workflow that ran the job (`job_workflow_ref`), external parameters = the
 * calling workflow and the build's inputs, internal = the event and run, dependencies = the source at
 * its commit and the Containerfile. Keyless, every run fact is the OIDC token's (`claims`), checked against
 * the runner's variables (githubRunFacts). A privileged event (PRIVILEGED_EVENTS) is refused unless
 * `allowPrivilegedEvent` says the caller checked that the run built its own trusted source.
 */
export function slsaProvenance(
  env: NodeJS.ProcessEnv,
  claims: Record<string, unknown>,
  record: BuildRecord,
  input = 'attestations',
  options: { allowPrivilegedEvent?: boolean; allowInput?: string } = {},
): Record<string, unknown> {
  const run = githubRunFacts(env, claims, input);
  if (PRIVILEGED_EVENTS.includes(run.eventName) && options.allowPrivilegedEvent !== true) {
    const allow = options.allowInput ?? 'allow-privileged-event-provenance';
    throw new ConfigurationError(
      `Input "${allow}": refusing to make provenance for a ${run.eventName} run: it runs privileged, often on code ` +
        `from a fork or an earlier run, and its commit ${run.sha} need not be what was built. Build in a ` +
        `push, release or workflow_dispatch run, or set ${allow}: true if this run builds only its own commit`,
      { input: allow },
    );
  }
  const server = run.server;
  const workflow = splitWorkflowRef(run.workflowRef, input);
  const source = `${server}/${run.repository}`;
  return {
    buildDefinition: {
      buildType: GITHUB_WORKFLOW_BUILD_TYPE,
      externalParameters: {
        workflow: { ref: workflow.ref, repository: `${server}/${workflow.repository}`, path: workflow.path },
        build: {
          containerfile: record.containerfile.path,
          context: record.context,
          platforms: record.platforms,
          buildArgs: record.buildArgs,
          ...(record.target === undefined ? {} : { target: record.target }),
        },
      },
      internalParameters: {
        github: {
          event_name: run.eventName,
          repository_id: run.repositoryId,
          repository_owner_id: run.repositoryOwnerId,
          runner_environment: run.runnerEnvironment,
          run_id: run.runId,
          run_attempt: run.runAttempt,
        },
        builder: record.builder,
      },
      resolvedDependencies: [
        { uri: `git+${source}@${run.ref}`, digest: { gitCommit: run.sha } },
        {
          uri: `git+${source}@${run.sha}#${record.containerfile.path}`,
          name: record.containerfile.path,
          digest: { sha256: record.containerfile.sha256 },
        },
      ],
    },
    runDetails: {
      builder: { id: `${server}/${run.jobWorkflowRef}` },
      metadata: { invocationId: `${source}/actions/runs/${run.runId}/attempts/${run.runAttempt}` },
    },
  };
}
