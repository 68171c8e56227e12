import { relative, resolve } from 'node:path';
import {
  type BuildRequest,
  buildx,
  ConfigurationError,
  formatPlatform,
  type InputValues,
  type PlanContext,
  type Platform,
  type RefContext,
  refVersion,
} from '@chain/core/entry';
import type { SecretSpec, spec } from './inputs.ts';

export type Inputs = InputValues<typeof spec>;
export type Builder = 'buildx' | 'buildah';

/** What the step will do: build one image to a verified layout, or join per-platform layouts into one. */
export type OciBuildPlan = BuildStepPlan | JoinPlan;

/** The scale-out path: per-platform layouts built on native runners become one multi-platform layout. */
export interface JoinPlan {
  kind: 'join';
  /** The per-platform layouts, absolute (relative ones are in the workspace). */
  sources: string[];
  /** Where the joined layout goes; undefined: a fresh folder under the runner's temp. */
  outputDir: string | undefined;
}

/**
 * A build, as far as the inputs and the step's environment decide it. What needs the disk or git (which
 * Containerfile, the commit, the event payload, the layout folder) is found by run.ts, which then asks
 * `planBuild` for the exact request.
 */
export interface BuildStepPlan {
  kind: 'build';
  context: string;
  /** The file input, else <context>/Containerfile, else <context>/Dockerfile. */
  file: string;
  /** The output-dir input; undefined: a fresh folder under the runner's temp. */
  outputDir: string | undefined;
  builder: Inputs['builder'];
  /** The platforms asked for (os/arch[/variant]); empty: the runner's own. */
  platforms: string[];
  buildArgs: [string, string][];
  /** The labels and annotations given as inputs; they win over the traceability ones. */
  labels: [string, string][];
  annotations: [string, string][];
  target: string | undefined;
  cacheFrom: string[];
  cacheTo: string[];
  provenance: BuildRequest['provenance'];
  sbom: boolean;
  /** What the traceability labels take from the inputs and the runner; undefined: no traceability labels. */
  traceability: { version: string | undefined; revision: string | undefined } | undefined;
  /** source-date-epoch from the input, else SOURCE_DATE_EPOCH; undefined: the commit's time, else now. */
  epoch: ChosenEpoch | undefined;
  now: Date;
  /** Named secrets (env: or file:); `secretsEnv` names the variable holding id=value lines, read in run. */
  secrets: SecretSpec[];
  secretsEnv: string | undefined;
}

export interface ChosenEpoch {
  epoch: number;
  /** Where it came from, for the summary. */
  source: string;
}

export function plan(values: Inputs, context: PlanContext): OciBuildPlan {
  if (values.join !== undefined)
    return {
      kind: 'join',
      sources: values.join.map((s) => resolve(context.workspace, s)),
      outputDir: values['output-dir'],
    };
  const file = values.file ?? values.context.containerfile;
  if (file === undefined)
    throw new ConfigurationError(
      `Input "file" is required: there is no Containerfile or Dockerfile in ${values.context.dir}`,
      { code: 'INPUT_REQUIRED', input: 'file' },
    );
  return {
    kind: 'build',
    context: values.context.dir,
    file,
    outputDir: values['output-dir'],
    builder: values.builder,
    platforms: values.platforms.map(formatPlatform),
    buildArgs: values['build-args'],
    labels: values.labels,
    annotations: values.annotations,
    target: values.target,
    cacheFrom: values['cache-from'],
    cacheTo: values['cache-to'],
    provenance: values.provenance,
    sbom: values.sbom,
    traceability: values['traceability-labels']
      ? { version: values.version, revision: context.env.GITHUB_SHA }
      : undefined,
    epoch: givenEpoch(values, context.env),
    now: context.now,
    secrets: values.secrets,
    secretsEnv: values['secrets-env'],
  };
}

function givenEpoch(values: Inputs, env: Readonly<NodeJS.ProcessEnv>): ChosenEpoch | undefined {
  if (values['source-date-epoch'] !== undefined)
    return { epoch: values['source-date-epoch'], source: 'input source-date-epoch' };
  const fromEnv = env.SOURCE_DATE_EPOCH;
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv))
    return { epoch: Number(fromEnv), source: 'SOURCE_DATE_EPOCH' };
  return undefined;
}

/** Facts run.ts finds on the disk and in git before the request is made (so making it stays pure). */
export interface BuildFacts {
  /** The event that started the run (its payload read from GITHUB_EVENT_PATH). */
  event: RefContext;
  /** The commit's time (seconds) and SHA from git, when the context is a checkout. */
  commitTime: number | undefined;
  commitSha: string | undefined;
  /** The Containerfile to use (the input, else Containerfile, else Dockerfile). */
  file: string;
  outputDir: string;
  /** The runner's architecture as Node names it (x64, arm64, arm). */
  hostArch: string;
}

/** Exactly what the builder is asked to do. */
export interface BuildPlan {
  request: Omit<BuildRequest, 'secrets'>;
  secrets: SecretSpec[];
  /** How source-date-epoch was chosen, for the summary. */
  epochSource: string;
  warnings: string[];
}

const OCI = 'org.opencontainers.image';

export function hostPlatform(nodeArch: string): Platform {
  switch (nodeArch) {
    case 'x64':
      return { os: 'linux', architecture: 'amd64' };
    case 'arm64':
      return { os: 'linux', architecture: 'arm64' };
    case 'arm':
      return { os: 'linux', architecture: 'arm', variant: 'v7' };
    default:
      return { os: 'linux', architecture: nodeArch };
  }
}

/** The plan's epoch, else the commit's time, else the plan's clock (with a warning: rebuilds will differ). */
function chooseEpoch(step: BuildStepPlan, facts: BuildFacts): ChosenEpoch & { warning?: string } {
  if (step.epoch !== undefined) return step.epoch;
  if (facts.commitTime !== undefined) return { epoch: facts.commitTime, source: 'the commit time' };
  return {
    epoch: Math.floor(step.now.getTime() / 1000),
    source: 'the current time',
    warning:
      'no source-date-epoch, SOURCE_DATE_EPOCH or git commit time: using the current time, so rebuilds will not reproduce',
  };
}

/** Later pairs win over earlier ones with the same key; order of first appearance is kept. */
function merge(...lists: [string, string][][]): [string, string][] {
  const map = new Map<string, string>();
  for (const list of lists) for (const [k, v] of list) map.set(k, v);
  return [...map.entries()];
}

/**
 * The org.opencontainers.image.* labels: from the repository in the event payload (the runner's variables
 * where a payload has none), the ref's version and the commit.
 */
export function traceabilityLabels(
  step: BuildStepPlan,
  facts: BuildFacts,
  epoch: number,
): [string, string][] {
  if (step.traceability === undefined) return [];
  const labels: [string, string][] = [];
  const repo = facts.event.repository;
  const add = (key: string, value: string | undefined) => {
    if (value !== undefined) labels.push([`${OCI}.${key}`, value]);
  };
  add('title', repo.name);
  add('description', repo.description);
  add('url', repo.htmlUrl);
  add('source', repo.htmlUrl);
  add('version', step.traceability.version ?? refVersion(facts.event));
  add('created', new Date(epoch * 1000).toISOString().replace('.000Z', 'Z'));
  add('revision', step.traceability.revision ?? facts.commitSha);
  add('licenses', repo.license);
  return labels;
}

/** Pure: from the plan and the facts run.ts found to exactly what the builder is asked to do. */
export function planBuild(step: BuildStepPlan, facts: BuildFacts): BuildPlan {
  const warnings: string[] = [];
  const { epoch, source, warning } = chooseEpoch(step, facts);
  if (warning !== undefined) warnings.push(warning);
  const traceability = traceabilityLabels(step, facts, epoch);
  const platforms =
    step.platforms.length > 0 ? step.platforms : [formatPlatform(hostPlatform(facts.hostArch))];
  if (relative(step.context, facts.file).startsWith('..'))
    warnings.push(`the Containerfile ${facts.file} is outside the context ${step.context}`);
  return {
    request: {
      context: step.context,
      file: facts.file,
      platforms,
      buildArgs: step.buildArgs,
      labels: merge(traceability, step.labels),
      annotations: merge(traceability, step.annotations),
      target: step.target,
      cacheFrom: step.cacheFrom,
      cacheTo: step.cacheTo,
      provenance: step.provenance,
      sbom: step.sbom,
      sourceDateEpoch: epoch,
      outputDir: facts.outputDir,
    },
    secrets: [...step.secrets],
    epochSource: source,
    warnings,
  };
}

/** Which builder runs: what `docker buildx` answered and whether its active builder exports OCI layouts. */
export interface BuildxFacts {
  /** `docker buildx version` and `docker info` answered (auto only); the reason says what they said. */
  probe: { available: boolean; reason: string } | undefined;
  /** `docker buildx inspect` of the active builder, when asked. */
  inspect: { driver: string | undefined; ociExport: boolean } | undefined;
}

export interface BuilderChoice {
  builder: Builder;
  /** Why, for the log and the summary. */
  reason: string;
}

/**
 * Chooses the builder. buildah when asked; buildx when asked and its builder can write an OCI layout (the
 * default `docker` driver cannot: refused at once, with the fix, not after a build); auto: buildx when it
 * answers and can, else buildah.
 */
export function chooseBuilder(wanted: Inputs['builder'], facts: BuildxFacts): BuilderChoice {
  if (wanted === 'buildah') return { builder: wanted, reason: `input builder is "${wanted}"` };
  const { probe, inspect } = facts;
  if (wanted === 'buildx') {
    if (!inspect?.ociExport)
      throw new ConfigurationError(`Input "builder": ${buildx.ociExportFix(inspect?.driver)}`, {
        code: 'BUILDER_CANNOT_EXPORT',
        input: 'builder',
        expected: 'a builder that exports OCI layouts',
        actual: `driver ${inspect?.driver ?? 'unknown'}`,
      });
    return { builder: wanted, reason: `input builder is "${wanted}", builder driver ${inspect.driver}` };
  }
  if (!probe?.available) return { builder: 'buildah', reason: `auto: ${probe?.reason}, so buildah` };
  if (!inspect?.ociExport)
    return {
      builder: 'buildah',
      reason: `auto: ${probe.reason}, but its builder (driver ${inspect?.driver}) cannot export an OCI layout, so buildah`,
    };
  return { builder: 'buildx', reason: `auto: ${probe.reason}, builder driver ${inspect.driver}` };
}
