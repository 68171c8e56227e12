// Routing of the reusable workflows, evaluated: for every value of every workflow_call input that an `if:`
// reads, which jobs and which steps run. The defect this guards: with registry ecr, the GHCR/other publish
// job ran beside publish-ecr, built and scanned a second time, and failed for lack of credentials.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from './helpers/actions.ts';
import {
  callInputs,
  evaluate,
  interpolate,
  ourAction,
  runScript,
  type Step,
  type Value,
  type Workflow,
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
      // Any other step's output: that step ran and set it (SARIF directories, auth files).
      if (head === 'steps' && field === 'outputs') return `(${name}.${key})`;
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

/** A GitHub expression as written in a workflow. */
const gh = (inner: string) => `\${{ ${inner} }}`;

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
    expect(release.includes('login')).toBe(registry !== 'ecr');
    if (registry !== 'ecr') expect(routed.steps.publish).toContain('login');
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
const writers = /^(push|ecr|login|sign|promote)$/;

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

describe('registry-login replaces the run: login steps', () => {
  it.each([[publish], [multiarch]])(
    '%s: logins are our action, and each registry step reads its auth file',
    (path) => {
      const file = workflowFiles().find((f) => f.path === path);
      let logins = 0;
      for (const [id, job] of Object.entries(file?.doc.jobs ?? {})) {
        const steps = (job.steps ?? []) as (Step & { run?: string })[];
        for (const step of steps) {
          expect(step.run ?? '', `${id}: a run step logs in`).not.toMatch(/login|GH_TOKEN|PASSWORD/i);
          if (ourAction(step.uses) === 'registry-login') {
            logins++;
            expect(step.id).toBe('login');
            // GHCR logs in with the job token; the registry-username/password secrets are for `other` only.
            expect(step.with?.password).toBe(
              gh("inputs.registry == 'other' && secrets.registry-password || ''"),
            );
          }
        }
        const login = steps.some((s) => ourAction(s.uses) === 'registry-login');
        for (const step of steps) {
          const action = ourAction(step.uses);
          if (login && (action === 'skopeo-push' || action === 'cosign-sign' || action === 'tag-promote'))
            expect(String(step.with?.['auth-file']), `${id}/${step.id}`).toMatch(
              /steps\.login\.outputs\.auth-file/,
            );
        }
      }
      expect(logins).toBe(path === publish ? 2 : 2);
    },
  );

  it('GHCR with no secrets and other with them both reach registry-login, which takes them', () => {
    const file = workflowFiles().find((f) => f.path === publish);
    const step = ((file?.doc.jobs.publish?.steps ?? []) as Step[]).find((s) => s.id === 'login');
    const withSecrets = (registry: string) => (p: string) => {
      if (p === 'inputs.registry') return registry;
      if (p === 'secrets.registry-username') return 'bot';
      if (p === 'secrets.registry-password') return 'pw';
      if (p === 'inputs.image') return 'registry.example.com/app';
      throw new Error(p);
    };
    expect(interpolate(String(step?.with?.password), withSecrets('other'))).toBe('pw');
    expect(interpolate(String(step?.with?.password), withSecrets('ghcr'))).toBe('');
    expect(interpolate(String(step?.with?.username), withSecrets('ghcr'))).toBe('');
  });
});

describe('build secrets come from the caller\u2019s secrets and are never echoed', () => {
  it.each([[publish], [multiarch]])('%s', (path) => {
    const file = workflowFiles().find((f) => f.path === path);
    const on = file?.doc.on as { workflow_call: { secrets: Record<string, unknown> } } | undefined;
    const declared = on?.workflow_call.secrets ?? {};
    expect(Object.keys(declared)).toContain('build-secrets');
    let builds = 0;
    for (const job of Object.values(file?.doc.jobs ?? {}))
      for (const step of (job.steps ?? []) as (Step & { run?: string })[]) {
        // The secret reaches one place: the build step's environment, named by secrets-env.
        if (JSON.stringify(step).includes('secrets.build-secrets')) {
          expect(ourAction(step.uses)).toBe('oci-build');
          expect(step.env).toEqual({ BUILD_SECRETS: gh('secrets.build-secrets') });
          expect(step.with?.['secrets-env']).toBe('BUILD_SECRETS');
          builds++;
        }
        if (step.run !== undefined) expect(step.run).not.toContain('BUILD_SECRETS');
      }
    expect(builds).toBe(path === publish ? 2 : 1);
  });
});

describe('tag rules and the ignore file pass through', () => {
  it.each([[publish], [multiarch]])('%s', (path) => {
    const file = workflowFiles().find((f) => f.path === path);
    const inputs = (callInputs(file?.doc ?? { jobs: {} }) ?? {}) as Record<string, { default?: unknown }>;
    expect(inputs['push-tags']?.default).toBe('sha-{short-sha},{version}');
    expect(inputs['promote-tags']?.default).toBe('latest=auto');
    const seen = new Set<string>();
    for (const job of Object.values(file?.doc.jobs ?? {}))
      for (const step of (job.steps ?? []) as Step[]) {
        const action = ourAction(step.uses);
        if (action === 'skopeo-push') expect(step.with?.tags).toBe(gh('inputs.push-tags'));
        if (action === 'tag-promote') expect(step.with?.tags).toBe(gh('inputs.promote-tags'));
        if (action === 'image-scan') expect(step.with?.trivyignore).toBe(gh('inputs.trivyignore'));
        if (action === 'image-scan' || action === 'repo-scan')
          expect(step.with?.severity).toBe(gh('inputs.scan-severity'));
        if (action !== undefined) seen.add(action);
      }
    expect([...seen]).toEqual(expect.arrayContaining(['skopeo-push', 'tag-promote', 'image-scan']));
  });
});

// SARIF: docker-publish keeps each scanner's SARIF as an artifact; code-scanning.yml, called by a job that
// grants security-events: write, uploads each under its own category. docker-publish never asks for it.
const codeScanning = join(repoRoot, '.github', 'workflows', 'code-scanning.yml');
const SCANNER_FILES: Record<string, string[]> = {
  'sarif-repo-scan': ['trivy.sarif', 'osv-scanner.sarif'],
  'sarif-image-scan': ['trivy.sarif'],
};

/** What is wrong with the SARIF hand-over between a publishing workflow and code-scanning.yml. */
function sarifProblems(docs: { publish: Workflow; upload: Workflow }): string[] {
  const problems: string[] = [];
  const kept = new Map<string, string>();
  for (const [id, job] of Object.entries(docs.publish.jobs)) {
    if (JSON.stringify(job.permissions ?? {}).includes('security-events'))
      problems.push(`${id} asks for security-events`);
    const steps = (job.steps ?? []) as Step[];
    for (const step of steps) {
      if (!step.uses?.startsWith('actions/upload-artifact@') || !String(step.with?.name).startsWith('sarif-'))
        continue;
      const name = String(step.with?.name);
      if (!/^always\(\) && inputs\.code-scanning && /.test(step.if ?? ''))
        problems.push(`${id}: ${name} is not kept after a failed scan, or not only when code-scanning is on`);
      const from = /steps\.([\w-]+)\.outputs\.sarif-dir/.exec(String(step.with?.path))?.[1];
      const scanner = steps.find((s) => s.id === from);
      const action = ourAction(scanner?.uses);
      if (`sarif-${action}` !== name) problems.push(`${id}: ${name} is not the sarif-dir of its scan step`);
      kept.set(name, id);
    }
  }
  const upload = Object.values(docs.upload.jobs)[0];
  const granted = typeof upload?.permissions === 'object' ? upload.permissions : {};
  if (granted['security-events'] !== 'write') problems.push('upload job without security-events: write');
  // A file committed under .code-scanning/ must never stand in for a missing artifact.
  const uploadSteps = (upload?.steps ?? []) as (Step & { run?: string })[];
  const download = uploadSteps.findIndex((x) => x.uses?.startsWith('actions/download-artifact@'));
  const cleared = uploadSteps.findIndex((x) =>
    /^rm -rf -- \.code-scanning$/.test(String(x.run ?? '').trim()),
  );
  if (cleared < 0 || cleared > download) problems.push('.code-scanning is not emptied before the download');
  const categories = new Set<string>();
  const uploaded = new Set<string>();
  for (const step of (upload?.steps ?? []) as Step[]) {
    if (!step.uses?.startsWith('github/codeql-action/upload-sarif@')) continue;
    if (!/@[0-9a-f]{40}$/.test(step.uses)) problems.push(`${step.uses} is not pinned`);
    const file = String(step.with?.sarif_file);
    const [, artifact = '', name = ''] = /^\.code-scanning\/([\w-]+)\/([\w.-]+)$/.exec(file) ?? [];
    if (!SCANNER_FILES[artifact]?.includes(name)) problems.push(`${file} is not a file a scan step writes`);
    if (!String(step.if).includes(`hashFiles('${file}')`))
      problems.push(`${file}: uploaded even when absent`);
    const category = String(step.with?.category);
    if (categories.has(category)) problems.push(`category ${category} used twice`);
    categories.add(category);
    uploaded.add(`${artifact}/${name}`);
  }
  for (const [artifact, files] of Object.entries(SCANNER_FILES))
    if (kept.has(artifact))
      for (const f of files)
        if (!uploaded.has(`${artifact}/${f}`)) problems.push(`${artifact}/${f} is never uploaded`);
  return problems;
}

describe('SARIF reaches code scanning, one category per scanner, without docker-publish asking for it', () => {
  const text = (path: string) => workflowFiles().find((f) => f.path === path)?.text ?? '';
  const docs = (publishText: string, uploadText = text(codeScanning)) => ({
    publish: parse(publishText) as Workflow,
    upload: parse(uploadText) as Workflow,
  });

  it.each([[publish], [multiarch]])('%s and code-scanning.yml agree', (path) => {
    expect(sarifProblems(docs(text(path)))).toEqual([]);
  });

  it('with code-scanning on, each scan job keeps its SARIF; off, none does', () => {
    const on = route(publish, { registry: 'ghcr', 'code-scanning': 'true' });
    const off = route(publish, { registry: 'ghcr' });
    const kept = (r: Routed) =>
      Object.values(r.steps)
        .flat()
        .filter((s) => /SARIF/.test(s));
    expect(kept(on)).toHaveLength(2);
    expect(kept(off)).toEqual([]);
  });

  it('mutated copies fail: no always(), a security-events ask, a shared category, a wrong file', () => {
    const reference = text(publish);
    expect(
      sarifProblems(
        docs(
          reference.replace(
            'if: always() && inputs.code-scanning && steps.repo-scan',
            'if: inputs.code-scanning && steps.repo-scan',
          ),
        ),
      ),
    ).toContainEqual(expect.stringMatching(/sarif-repo-scan is not kept after a failed scan/));
    expect(
      sarifProblems(
        docs(
          reference.replace(
            '      packages: write # push to ghcr.io;',
            '      security-events: write\n      packages: write # push to ghcr.io;',
          ),
        ),
      ),
    ).toContainEqual(expect.stringMatching(/publish asks for security-events/));
    const upload = text(codeScanning);
    expect(
      sarifProblems(
        docs(reference, upload.replace('category: repo-scan-osv-scanner', 'category: repo-scan-trivy')),
      ),
    ).toContainEqual(expect.stringMatching(/category repo-scan-trivy used twice/));
    expect(
      sarifProblems(
        docs(reference, upload.replaceAll('sarif-image-scan/trivy.sarif', 'sarif-image-scan/results.sarif')),
      ),
    ).toContainEqual(expect.stringMatching(/results\.sarif is not a file a scan step writes/));
    expect(
      sarifProblems(docs(reference, upload.replace('run: rm -rf -- .code-scanning', 'run: true'))),
    ).toContainEqual('.code-scanning is not emptied before the download');
    expect(
      sarifProblems(
        docs(reference, upload.replace('      security-events: write', '      security-events: read')),
      ),
    ).toContainEqual('upload job without security-events: write');
  });
});

// Attestations: oci-build's build record, image-scan's report and SBOM set travel from the publishing job
// to the release job (another runner) as one artifact; cosign-sign reads exactly what arrived.
type RunStep = Step & { run?: string; env?: Record<string, string> };

/** What is wrong with the attestation hand-over of a publishing workflow. */
function attestationProblems(doc: Workflow): string[] {
  const problems: string[] = [];
  const release = doc.jobs.release;
  const steps = (release?.steps ?? []) as RunStep[];
  const sign = steps.find((s) => ourAction(s.uses) === 'cosign-sign');
  if (sign?.with?.attestations !== gh('inputs.attestations'))
    problems.push('cosign-sign is not given inputs.attestations');
  const download = steps.find((s) => s.uses?.startsWith('actions/download-artifact@'));
  const name = String(download?.with?.name ?? '');
  const arrived = String(download?.with?.path ?? '');
  const evidenceId = /steps\.([\w-]+)\.outputs\.build-record/.exec(String(sign?.with?.['build-record']))?.[1];
  const evidence = steps.find((s) => s.id === evidenceId);
  if (evidence === undefined || evidence.env?.DIR !== arrived)
    problems.push('cosign-sign does not read its files from the downloaded artifact');
  for (const [input, output] of [
    ['build-record', 'build-record'],
    ['scan-report', 'scan-report'],
    ['sbom-dir', 'sbom-dir'],
  ])
    if (sign?.with?.[input ?? ''] !== gh(`steps.${evidenceId}.outputs.${output}`))
      problems.push(`cosign-sign ${input} does not come from the artifact`);
  const promote = steps.find((s) => ourAction(s.uses) === 'tag-promote');
  if (promote?.with?.['require-attestations'] !== gh('inputs.require-attestations'))
    problems.push('tag-promote is not given inputs.require-attestations');
  for (const [id, job] of Object.entries(doc.jobs)) {
    const js = (job.steps ?? []) as RunStep[];
    if (!js.some((s) => ourAction(s.uses) === 'skopeo-push')) continue;
    const upload = js.find(
      (s) => s.uses?.startsWith('actions/upload-artifact@') && !String(s.with?.name).startsWith('sarif-'),
    );
    if (String(upload?.with?.name) !== name)
      problems.push(`${id} uploads ${upload?.with?.name}, release downloads ${name}`);
    const keep = js.find((s) => s.env?.DEST !== undefined && s.env.DEST === upload?.with?.path);
    const scan = js.find((s) => ourAction(s.uses) === 'image-scan');
    const build = js.find((s) => ourAction(s.uses) === 'oci-build');
    if (
      keep?.env?.BUILD_RECORD !== gh(`steps.${build?.id}.outputs.build-record`) ||
      keep?.env?.SCAN_REPORT !== gh(`steps.${scan?.id}.outputs.report`) ||
      keep?.env?.SBOM_DIR !== gh(`steps.${scan?.id}.outputs.sbom-dir`)
    )
      problems.push(
        `${id}: the uploaded folder is not the build record, scan report and SBOM set of this job`,
      );
    if (!String(scan?.with?.sbom).includes("contains(inputs.attestations, 'sbom')"))
      problems.push(`${id}: image-scan does not make the SBOM set when sbom is attested`);
  }
  return problems;
}

describe('attestation inputs reach cosign-sign in the release job through one artifact', () => {
  const text = () => workflowFiles().find((f) => f.path === publish)?.text ?? '';

  it('docker-publish: uploaded name = downloaded name; cosign-sign reads what arrived', () => {
    expect(attestationProblems(parse(text()) as Workflow)).toEqual([]);
  });

  it('the keep and evidence scripts carry the files under fixed names, and only what exists', () => {
    const doc = parse(text()) as Workflow;
    const jobSteps = (id: string) => (doc.jobs[id]?.steps ?? []) as RunStep[];
    const keep = jobSteps('publish').find((s) => s.id === 'keep');
    const evidence = jobSteps('release').find((s) => s.id === 'evidence');
    const dir = mkdtempSync(join(tmpdir(), 'evidence-'));
    const record = join(dir, 'record.json');
    writeFileSync(record, '{}');
    mkdirSync(join(dir, 'scan', 'sbom'), { recursive: true });
    writeFileSync(join(dir, 'scan', 'report.json'), '{}');
    writeFileSync(join(dir, 'scan', 'sbom', 'sboms.json'), '{}');
    const dest = join(dir, 'upload');
    const kept = runScript(keep?.run ?? 'exit 9', {
      DEST: dest,
      BUILD_RECORD: record,
      SCAN_REPORT: join(dir, 'scan', 'report.json'),
      SBOM_DIR: join(dir, 'scan', 'sbom'),
    });
    expect(kept.status, kept.stdout).toBe(0);
    const arrived = runScript(evidence?.run ?? 'exit 9', { DIR: dest });
    expect(arrived.status).toBe(0);
    expect(arrived.outputs).toEqual({
      'build-record': join(dest, 'build-record.json'),
      'scan-report': join(dest, 'scan-report.json'),
      'sbom-dir': join(dest, 'sbom'),
    });
    // Without an SBOM set (image-scan's sbom off), no sbom-dir: cosign-sign then refuses to attest an SBOM.
    const partial = join(dir, 'partial');
    expect(
      runScript(keep?.run ?? '', { DEST: partial, BUILD_RECORD: record, SCAN_REPORT: '', SBOM_DIR: '' })
        .status,
    ).toBe(0);
    expect(runScript(evidence?.run ?? '', { DIR: partial }).outputs).toEqual({
      'build-record': join(partial, 'build-record.json'),
    });
  });

  it('routing: the hand-over runs when publishing with attestations, not in PR mode or without them', () => {
    const on = route(publish, { registry: 'ghcr', attestations: 'provenance,sbom,vuln' });
    expect(on.steps.publish).toContain('keep');
    expect(on.steps.release).toContain('evidence');
    expect(route(publish, { registry: 'ecr', attestations: 'vuln' }).steps['publish-ecr']).toContain('keep');
    expect(route(publish, { registry: 'ghcr', attestations: '' }).steps.publish).not.toContain('keep');
    const pr = route(publish, { registry: 'ghcr', attestations: 'provenance,sbom,vuln' }, { push: 'false' });
    expect(pr.steps.publish).not.toContain('keep');
  });

  it('mutated copies fail: another artifact name, another folder, a file not from the artifact, no require', () => {
    const mutate = (edit: (t: string) => string) => attestationProblems(parse(edit(text())) as Workflow);
    expect(
      mutate((t) =>
        t.replace(
          /(download-artifact@[0-9a-f]{40} # v4\.3\.0\n\s+with:\n\s+name: )\$\{\{ needs\.gate\.outputs\.evidence-artifact \}\}/,
          '$1attestation-inputs',
        ),
      ),
    ).toContainEqual(expect.stringMatching(/publish uploads .* release downloads attestation-inputs/));
    expect(
      mutate((t) =>
        t.replace('DIR: ${{ runner.temp }}/attestation-inputs', 'DIR: ${{ runner.temp }}/elsewhere'),
      ),
    ).toContain('cosign-sign does not read its files from the downloaded artifact');
    expect(
      mutate((t) =>
        t.replace('scan-report: ${{ steps.evidence.outputs.scan-report }}', 'scan-report: /tmp/report.json'),
      ),
    ).toContain('cosign-sign scan-report does not come from the artifact');
    expect(
      mutate((t) =>
        t.replace(
          'SCAN_REPORT: ${{ steps.scan.outputs.report }}',
          'SCAN_REPORT: ${{ steps.scan.outputs.sarif }}',
        ),
      ),
    ).toContainEqual(
      expect.stringMatching(/the uploaded folder is not the build record, scan report and SBOM set/),
    );
    expect(
      mutate((t) => t.replace(/\n\s+require-attestations: \$\{\{ inputs\.require-attestations \}\}/, '')),
    ).toContain('tag-promote is not given inputs.require-attestations');
  });
});
