// Routing of the reusable workflows, evaluated: for every value of every workflow_call input that an `if:`
// reads, which jobs and which steps run. The defect this guards: with registry ecr, the GHCR/other publish
// job ran beside publish-ecr, built and scanned a second time, and failed for lack of credentials.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/actions.ts';
import {
  callInputs,
  evaluate,
  interpolate,
  ourAction,
  runScript,
  type Step,
  type Value,
  workflowFiles,
} from './helpers/workflow-wiring.ts';

interface Routed {
  jobs: string[];
  steps: Record<string, string[]>;
  permissions: Record<string, string[]>;
}

/**
 * The jobs (and their steps) that run for these inputs, every needed job succeeding, as the runner decides.
 * `mode` is what the workflow's `mode` step writes (push=true|false); job outputs are interpolated from it.
 */
function route(
  path: string,
  inputs: Record<string, string>,
  mode: { push: string } = { push: 'true' },
): Routed {
  const file = workflowFiles().find((f) => f.path === path);
  if (file === undefined) throw new Error(`no workflow ${path}`);
  const results: Record<string, string> = {};
  const outputs: Record<string, Record<string, string>> = {};
  const out: Routed = { jobs: [], steps: {}, permissions: {} };
  const jobs = Object.entries(file.doc.jobs);
  // Jobs in dependency order: the workflows list them so (a job after every job it needs).
  for (const [id, job] of jobs) {
    const needs = ([] as string[]).concat((job as { needs?: string | string[] }).needs ?? []);
    const ctx = (p: string): Value => {
      const [head, name, field, key] = p.split('.');
      if (head === 'inputs') return inputs[name ?? ''] ?? '';
      if (head === 'needs' && field === 'result') return results[name ?? ''] ?? 'skipped';
      if (head === 'needs' && field === 'outputs' && needs.includes(name ?? ''))
        return outputs[name ?? '']?.[key ?? ''] ?? '';
      if (head === 'steps' && name === 'mode' && field === 'outputs')
        return (mode as Record<string, string>)[key ?? ''] ?? '';
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
    out.permissions[id] = Object.keys((job as { permissions?: Record<string, string> }).permissions ?? {});
    outputs[id] = Object.fromEntries(
      Object.entries((job as { outputs?: Record<string, string> }).outputs ?? {})
        .filter(([, v]) => /steps\.mode\./.test(v))
        .map(([k, v]) => [k, interpolate(v, ctx)]),
    );
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

// PR mode: `push: false` (auto on pull_request) runs the gate, the build and the image scan only.
const writers = /^(push|ecr|sign|promote)$|Registry login/;

describe('PR mode: nothing is written and no id-token is asked for', () => {
  it.each([['ghcr'], ['other'], ['ecr']])(
    'docker-publish, registry %s, push false: gate, build and scan only',
    (registry) => {
      const routed = route(publish, { registry }, { push: 'false' });
      expect(routed.jobs).toEqual(['gate', 'publish']);
      expect(routed.steps.publish).toEqual(expect.arrayContaining(['build', 'scan']));
      expect(routed.steps.publish?.filter((s) => writers.test(s))).toEqual([]);
      for (const job of routed.jobs) expect(routed.permissions[job]).not.toContain('id-token');
    },
  );

  it('docker-publish-multiarch, push false: build and join-and-scan only', () => {
    const routed = route(multiarch, { registry: 'ghcr' }, { push: 'false' });
    expect(routed.jobs).toEqual(['build', 'join']);
    expect(routed.steps.join).toEqual(expect.arrayContaining(['build', 'scan']));
    expect(routed.steps.join?.filter((s) => writers.test(s))).toEqual([]);
    for (const job of routed.jobs) expect(routed.permissions[job]).not.toContain('id-token');
  });

  it('with a push, the publishing steps are back', () => {
    expect(route(publish, { registry: 'ghcr' }, { push: 'true' }).steps.publish).toContain('push');
    expect(route(multiarch, { registry: 'ghcr' }, { push: 'true' }).steps.join).toContain('push');
  });
});

describe('the mode step decides push from the input and the event', () => {
  const modeStep = (path: string) => {
    const file = workflowFiles().find((f) => f.path === path);
    const step = Object.values(file?.doc.jobs ?? {})
      .flatMap((j) => (j.steps ?? []) as (Step & { run?: string; env?: Record<string, string> })[])
      .find((s) => s.id === 'mode');
    if (step?.run === undefined) throw new Error(`${path}: no mode step`);
    const expr = (e: string) => `\${{ ${e} }}`;
    expect(step.env).toEqual({ PUSH: expr('inputs.push'), EVENT: expr('github.event_name') });
    return step.run;
  };
  const decide = (script: string, push: string, event: string) =>
    runScript(script, { PUSH: push, EVENT: event });

  it.each([[publish], [multiarch]])('%s', (path) => {
    const script = modeStep(path);
    for (const [push, event, expected] of [
      ['auto', 'pull_request', 'false'],
      ['auto', 'pull_request_target', 'false'],
      ['auto', 'push', 'true'],
      ['auto', 'schedule', 'true'],
      ['true', 'pull_request', 'true'],
      ['false', 'push', 'false'],
    ]) {
      const r = decide(script, push ?? '', event ?? '');
      expect(r.status, `${push} on ${event}`).toBe(0);
      expect(r.output, `${push} on ${event}`).toBe(`push=${expected}\n`);
    }
    const bad = decide(script, 'yes\n::error::x', 'push');
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toBe('::error::input push must be true, false or auto\n');
    expect(bad.output).toBe('');
  });
});

describe('the Trivy DB is downloaded at most once a day across jobs', () => {
  it.each([[publish], [multiarch]])('%s: every scan step reads the cache restored before it', (path) => {
    const file = workflowFiles().find((f) => f.path === path);
    let scans = 0;
    for (const [id, job] of Object.entries(file?.doc.jobs ?? {})) {
      const steps = (job.steps ?? []) as (Step & { run?: string })[];
      steps.forEach((step, i) => {
        const action = ourAction(step.uses);
        if (action !== 'repo-scan' && action !== 'image-scan') return;
        scans++;
        const dir = step.with?.['trivy-cache-dir'];
        expect(dir, `${id}/${step.id}`).toBe(`\${{ runner.temp }}/trivy-cache`);
        const cache = steps.slice(0, i).find((s) => s.uses?.startsWith('actions/cache@'));
        expect(cache?.uses, `${id}: no actions/cache before ${step.id}`).toMatch(
          /^actions\/cache@[0-9a-f]{40}$/,
        );
        expect(cache?.with?.path).toBe(dir);
        expect(String(cache?.with?.key)).toContain('steps.day.outputs.day');
        const day = steps.slice(0, i).find((s) => s.id === 'day');
        const r = runScript(day?.run ?? 'exit 9', {});
        expect(r.status).toBe(0);
        expect(r.output).toMatch(/^day=\d{8}\n$/);
      });
    }
    expect(scans).toBe(path === publish ? 3 : 1); // gate, publish, publish-ecr | join
  });
});

describe('pass-through inputs reach the actions that take them', () => {
  const expr = (name: string) => `\${{ inputs.${name} }}`;
  it.each([[publish], [multiarch]])('%s', (path) => {
    const file = workflowFiles().find((f) => f.path === path);
    const declared = Object.keys(file === undefined ? {} : (callInputs(file.doc) ?? {}));
    let builds = 0;
    let scans = 0;
    for (const job of Object.values(file?.doc.jobs ?? {}))
      for (const step of (job.steps ?? []) as Step[]) {
        const action = ourAction(step.uses);
        if (action === 'oci-build' && step.with?.join === undefined) {
          builds++;
          for (const name of ['context', 'file', 'build-args', 'target', 'cache-from', 'cache-to']) {
            expect(declared).toContain(name);
            expect(step.with?.[name], `${step.id}: ${name}`).toBe(expr(name));
          }
        }
        if (action === 'repo-scan' || action === 'image-scan') {
          scans++;
          expect(declared).toContain('db-repository');
          expect(step.with?.['db-repository']).toBe(expr('db-repository'));
        }
      }
    expect(builds).toBeGreaterThan(0);
    expect(scans).toBeGreaterThan(0);
  });
});
