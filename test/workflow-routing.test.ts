// Routing of the reusable workflows, evaluated: for every value of every workflow_call input that an `if:`
// reads, which jobs and which steps run. The defect this guards: with registry ecr, the GHCR/other publish
// job ran beside publish-ecr, built and scanned a second time, and failed for lack of credentials.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/actions.ts';
import { evaluate, type Step, type Value, workflowFiles } from './helpers/workflow-wiring.ts';

interface Routed {
  jobs: string[];
  steps: Record<string, string[]>;
}

/** The jobs (and their steps) that run for these inputs, every needed job succeeding, as the runner decides. */
function route(path: string, inputs: Record<string, string>): Routed {
  const file = workflowFiles().find((f) => f.path === path);
  if (file === undefined) throw new Error(`no workflow ${path}`);
  const results: Record<string, string> = {};
  const out: Routed = { jobs: [], steps: {} };
  const jobs = Object.entries(file.doc.jobs);
  // Jobs in dependency order: the workflows list them so (a job after every job it needs).
  for (const [id, job] of jobs) {
    const needs = ([] as string[]).concat((job as { needs?: string | string[] }).needs ?? []);
    const ctx = (p: string): Value => {
      const [head, name, field] = p.split('.');
      if (head === 'inputs') return inputs[name ?? ''] ?? '';
      if (head === 'needs' && field === 'result') return results[name ?? ''] ?? 'skipped';
      throw new Error(`${id}: the routing test does not evaluate ${p}`);
    };
    const condition = job.if?.replace(/^\$\{\{|\}\}$/g, '');
    // Without always(), a job runs only when every job it needs succeeded.
    const needsOk = needs.every((n) => results[n] === 'success');
    const runs =
      condition === undefined
        ? needsOk
        : /always\(\)/.test(condition)
          ? Boolean(evaluate(condition, ctx))
          : needsOk && Boolean(evaluate(condition, ctx));
    results[id] = runs ? 'success' : 'skipped';
    if (!runs) continue;
    out.jobs.push(id);
    out.steps[id] = ((job.steps ?? []) as Step[])
      .filter((s) => s.if === undefined || Boolean(evaluate(s.if.replace(/^\$\{\{|\}\}$/g, ''), ctx)))
      .map((s) => s.id ?? s.name ?? s.uses ?? 'run');
  }
  return out;
}

const publish = join(repoRoot, '.github', 'workflows', 'docker-publish.yml');
const multiarch = join(repoRoot, '.github', 'workflows', 'docker-publish-multiarch.yml');

describe('docker-publish routing, for every registry kind', () => {
  it.each([
    ['ghcr', ['gate', 'publish', 'release']],
    ['other', ['gate', 'publish', 'release']],
    ['ecr', ['gate', 'publish-ecr', 'release']],
  ])('registry %s runs exactly %j', (registry, jobs) => {
    const routed = route(publish, { registry });
    expect(routed.jobs).toEqual(jobs);
    const release = routed.steps.release ?? [];
    expect(release.includes('ecr')).toBe(registry === 'ecr');
    expect(release.some((s) => /Registry login/.test(s))).toBe(registry !== 'ecr');
    if (registry !== 'ecr') expect(routed.steps.publish?.some((s) => /Registry login/.test(s))).toBe(true);
  });

  it('an unknown registry kind stops at the gate instead of publishing without credentials', () => {
    const file = workflowFiles().find((f) => f.path === publish);
    const check = (file?.doc.jobs.gate?.steps ?? [])[0] as Step & { run?: string };
    expect(check.name).toBe('The registry kind is one this workflow routes');
    expect(check.run).toMatch(/ghcr\|ecr\|other\) ;;/);
    // And nothing that publishes routes on an unknown value.
    expect(route(publish, { registry: 'gcr' }).jobs).toEqual(['gate']);
  });
});

describe('docker-publish-multiarch routing', () => {
  it.each([['ghcr'], ['other']])('registry %s builds, joins and releases', (registry) => {
    expect(route(multiarch, { registry }).jobs).toEqual(['build', 'join', 'release']);
  });
});
