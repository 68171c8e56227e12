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

/** The runner facts provenance is made of; every one must be there (fail closed, nothing guessed). */
const REQUIRED_ENV = [
  'GITHUB_REPOSITORY',
  'GITHUB_REPOSITORY_ID',
  'GITHUB_REPOSITORY_OWNER_ID',
  'GITHUB_SHA',
  'GITHUB_REF',
  'GITHUB_EVENT_NAME',
  'GITHUB_RUN_ID',
  'GITHUB_RUN_ATTEMPT',
] as const;

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
 * its commit and the Containerfile. `claims` are the OIDC token's (keyless); without them the runner's
 * GITHUB_WORKFLOW_REF stands for both workflow refs.
 */
export function slsaProvenance(
  env: NodeJS.ProcessEnv,
  claims: Record<string, unknown>,
  record: BuildRecord,
  input = 'attestations',
): Record<string, unknown> {
  const missing: string[] = REQUIRED_ENV.filter((name) => !env[name]);
  const claim = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string) : undefined);
  const workflowRef = claim('workflow_ref') ?? env.GITHUB_WORKFLOW_REF;
  const jobWorkflowRef = claim('job_workflow_ref') ?? env.GITHUB_WORKFLOW_REF;
  if (workflowRef === undefined || jobWorkflowRef === undefined) missing.push('GITHUB_WORKFLOW_REF');
  if (missing.length > 0)
    throw new ConfigurationError(
      `Input "${input}": provenance is made from the GitHub Actions run, and ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set`,
      { input },
    );
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const workflow = splitWorkflowRef(workflowRef ?? '', input);
  const source = `${server}/${env.GITHUB_REPOSITORY}`;
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
          event_name: env.GITHUB_EVENT_NAME,
          repository_id: env.GITHUB_REPOSITORY_ID,
          repository_owner_id: env.GITHUB_REPOSITORY_OWNER_ID,
          runner_environment: env.RUNNER_ENVIRONMENT ?? claim('runner_environment') ?? 'unknown',
          run_id: env.GITHUB_RUN_ID,
          run_attempt: env.GITHUB_RUN_ATTEMPT,
        },
        builder: record.builder,
      },
      resolvedDependencies: [
        { uri: `git+${source}@${env.GITHUB_REF}`, digest: { gitCommit: env.GITHUB_SHA } },
        {
          uri: `git+${source}@${env.GITHUB_SHA}#${record.containerfile.path}`,
          name: record.containerfile.path,
          digest: { sha256: record.containerfile.sha256 },
        },
      ],
    },
    runDetails: {
      builder: { id: `${server}/${jobWorkflowRef}` },
      metadata: {
        invocationId: `${source}/actions/runs/${env.GITHUB_RUN_ID}/attempts/${env.GITHUB_RUN_ATTEMPT}`,
      },
    },
  };
}
