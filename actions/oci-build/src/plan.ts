import { arch } from 'node:os';
import { relative } from 'node:path';
import {
  type BuildRequest,
  formatPlatform,
  type InputValues,
  type Platform,
  type RefContext,
  refVersion,
} from '@chain/core';
import type { SecretSpec, spec } from './inputs.ts';

export type Inputs = InputValues<typeof spec>;

/** Facts gathered from the environment before planning (so planning stays pure). */
export interface BuildFacts {
  env: NodeJS.ProcessEnv;
  /** The event that started the run (its payload read from GITHUB_EVENT_PATH by the caller). */
  event: RefContext;
  /** The commit's time (seconds) and SHA from git, when the context is a checkout. */
  commitTime: number | undefined;
  commitSha: string | undefined;
  /** The Containerfile to use, resolved by the caller (input, else Containerfile, else Dockerfile). */
  file: string;
  outputDir: string;
  hostArch: string;
}

export interface BuildPlan {
  request: Omit<BuildRequest, 'secrets'>;
  secrets: SecretSpec[];
  /** How source-date-epoch was chosen, for the summary. */
  epochSource: string;
  warnings: string[];
}

const OCI = 'org.opencontainers.image';

export function hostPlatform(nodeArch: string = arch()): Platform {
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

function chooseEpoch(inputs: Inputs, facts: BuildFacts): { epoch: number; source: string; warning?: string } {
  if (inputs['source-date-epoch'] !== undefined)
    return { epoch: inputs['source-date-epoch'], source: 'input source-date-epoch' };
  const fromEnv = facts.env.SOURCE_DATE_EPOCH;
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv))
    return { epoch: Number(fromEnv), source: 'SOURCE_DATE_EPOCH' };
  if (facts.commitTime !== undefined) return { epoch: facts.commitTime, source: 'the commit time' };
  const now = Math.floor(Date.now() / 1000);
  return {
    epoch: now,
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

/** Pure: from inputs and facts to exactly what the builder is asked to do. */
export function planBuild(inputs: Inputs, facts: BuildFacts): BuildPlan {
  const warnings: string[] = [];
  const { epoch, source, warning } = chooseEpoch(inputs, facts);
  if (warning !== undefined) warnings.push(warning);

  const traceability: [string, string][] = [];
  if (inputs['traceability-labels']) {
    // From the repository in the event payload (the runner's variables where a payload has none).
    const repo = facts.event.repository;
    const add = (key: string, value: string | undefined) => {
      if (value !== undefined) traceability.push([`${OCI}.${key}`, value]);
    };
    add('title', repo.name);
    add('description', repo.description);
    add('url', repo.htmlUrl);
    add('source', repo.htmlUrl);
    add('version', inputs.version ?? refVersion(facts.event));
    add('created', new Date(epoch * 1000).toISOString().replace('.000Z', 'Z'));
    add('revision', facts.env.GITHUB_SHA ?? facts.commitSha);
    add('licenses', repo.license);
  }

  const platforms = (inputs.platforms.length > 0 ? inputs.platforms : [hostPlatform(facts.hostArch)]).map(
    formatPlatform,
  );
  const relativeFile = relative(inputs.context, facts.file);
  if (relativeFile.startsWith('..'))
    warnings.push(`the Containerfile ${facts.file} is outside the context ${inputs.context}`);

  return {
    request: {
      context: inputs.context,
      file: facts.file,
      platforms,
      buildArgs: inputs['build-args'],
      labels: merge(traceability, inputs.labels),
      annotations: merge(traceability, inputs.annotations),
      target: inputs.target,
      cacheFrom: inputs['cache-from'],
      cacheTo: inputs['cache-to'],
      provenance: inputs.provenance,
      sbom: inputs.sbom,
      sourceDateEpoch: epoch,
      outputDir: facts.outputDir,
    },
    secrets: inputs.secrets,
    epochSource: source,
    warnings,
  };
}
