import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { actionNames, readActionMetadata, repoRoot } from './actions.ts';

export interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
export interface Job {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string> | string;
  outputs?: Record<string, string>;
  steps?: Step[];
  uses?: string;
  with?: Record<string, unknown>;
}
export interface Workflow {
  name?: string;
  on?: Record<string, unknown> | string | string[];
  permissions?: Record<string, string> | string;
  jobs: Record<string, Job>;
}

export interface WorkflowFile {
  path: string;
  text: string;
  doc: Workflow;
}

/** Every workflow of the repository and of examples/. */
export function workflowFiles(): WorkflowFile[] {
  const dirs = [join(repoRoot, '.github', 'workflows'), join(repoRoot, 'examples', 'workflows')];
  return dirs.flatMap((dir) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => /\.ya?ml$/.test(f))
          .map((f) => {
            const path = join(dir, f);
            const text = readFileSync(path, 'utf8');
            return { path, text, doc: parse(text) as Workflow };
          })
      : [],
  );
}

/** Our action behind a `uses:` (local path in this repository, the `.supply-chain` checkout, or owner/repo/actions/x@sha). */
export function ourAction(uses: string | undefined): string | undefined {
  if (uses === undefined) return undefined;
  const m = /^(?:\.\/(?:\.supply-chain\/)?|[\w.-]+\/[\w.-]+\/)actions\/([a-z0-9-]+)(?:@[0-9a-f]{40})?$/.exec(
    uses,
  );
  return m !== null && actionNames().includes(m[1] ?? '') ? m[1] : undefined;
}

/** Our reusable workflow behind a job-level `uses:`. */
function ourWorkflow(uses: string | undefined): Workflow | undefined {
  const m = /^[\w.-]+\/[\w.-]+\/\.github\/workflows\/([\w.-]+\.ya?ml)@[0-9a-f]{40}$/.exec(uses ?? '');
  if (m === null) return undefined;
  const path = join(repoRoot, '.github', 'workflows', m[1] ?? '');
  return existsSync(path) ? (parse(readFileSync(path, 'utf8')) as Workflow) : undefined;
}

export function callInputs(workflow: Workflow): Record<string, { required?: boolean }> | undefined {
  const on = workflow.on;
  if (typeof on !== 'object' || on === null || Array.isArray(on)) return undefined;
  const call = (on as Record<string, unknown>).workflow_call as {
    inputs?: Record<string, { required?: boolean }>;
  } | null;
  return call === undefined ? undefined : (call?.inputs ?? {});
}

function callOutputs(workflow: Workflow): Record<string, { value: string }> {
  const on = workflow.on as Record<string, { outputs?: Record<string, { value: string }> }> | undefined;
  return on?.workflow_call?.outputs ?? {};
}

const EXPR = /\$\{\{([\s\S]*?)\}\}/g;
function expressions(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(EXPR)].map((m) => m[1] ?? '');
  if (Array.isArray(value)) return value.flatMap(expressions);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(expressions);
  return [];
}

const listOf = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * The wiring of one workflow, checked against the actions' own action.yml: every `with:` key of our
 * actions is a declared input and every required input is given; every `steps.<id>.outputs.<name>` is a
 * declared output of that step's action (or written by that run step); every `needs.<job>.outputs.<name>`
 * names a job in `needs` that declares it; `inputs.<name>` is declared by workflow_call; callers of our
 * reusable workflows pass only its inputs and all required ones. Also: third-party actions pinned by
 * full SHA, no `${{ }}` in run scripts, and `id-token: write` only where signing or ECR needs it.
 */
export function checkWiring(file: { path: string; doc: Workflow }): string[] {
  const problems: string[] = [];
  const where = basename(file.path);
  const declaredInputs = callInputs(file.doc);
  for (const [jobId, job] of Object.entries(file.doc.jobs ?? {})) {
    const at = `${where} jobs.${jobId}`;
    const needs = listOf(job.needs);
    const checkExpr = (expr: string, context: string, steps: Map<string, Step>) => {
      for (const m of expr.matchAll(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        const [, id = '', output = ''] = m;
        const step = steps.get(id);
        if (step === undefined) {
          problems.push(`${context}: steps.${id} is not an earlier step of the job`);
          continue;
        }
        const action = ourAction(step.uses);
        if (action !== undefined) {
          if (!(output in (readActionMetadata(action).outputs ?? {})))
            problems.push(`${context}: steps.${id}.outputs.${output} is not an output of ${action}`);
        } else if (
          step.run !== undefined &&
          !step.run.includes(`${output}=`) &&
          !step.run.includes(`${output}<<`)
        ) {
          problems.push(`${context}: run step ${id} never writes output ${output}`);
        }
      }
      for (const m of expr.matchAll(/\bneeds\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        const [, needed = '', output = ''] = m;
        if (!needs.includes(needed)) problems.push(`${context}: needs.${needed} is not in this job's needs`);
        else if (!(output in (file.doc.jobs[needed]?.outputs ?? {})))
          problems.push(`${context}: job ${needed} has no output ${output}`);
      }
      for (const m of expr.matchAll(/\binputs\.([\w-]+)/g)) {
        if (declaredInputs !== undefined && !((m[1] ?? '') in declaredInputs))
          problems.push(`${context}: inputs.${m[1]} is not a workflow_call input`);
      }
    };

    for (const n of needs) if (!(n in file.doc.jobs)) problems.push(`${at}: needs unknown job ${n}`);
    if (job.permissions === undefined && file.doc.permissions === undefined)
      problems.push(`${at}: no permissions declared for the job or the workflow (least privilege)`);

    // A job that calls one of our reusable workflows.
    if (job.uses !== undefined) {
      if (!/^\.\/|@[0-9a-f]{40}$/.test(job.uses))
        problems.push(`${at}: ${job.uses} is not pinned by full SHA`);
      const called = ourWorkflow(job.uses);
      if (called !== undefined) {
        const inputs = callInputs(called) ?? {};
        for (const key of Object.keys(job.with ?? {}))
          if (!(key in inputs)) problems.push(`${at}: with.${key} is not an input of ${job.uses}`);
        for (const [name, spec] of Object.entries(inputs))
          if (spec.required === true && !(name in (job.with ?? {})))
            problems.push(`${at}: required input ${name} of ${job.uses} is not given`);
      }
      for (const e of expressions(job.with)) checkExpr(e, at, new Map());
      continue;
    }

    const steps = new Map<string, Step>();
    let signs = false;
    for (const [i, step] of (job.steps ?? []).entries()) {
      const context = `${at}.steps[${step.id ?? i}]`;
      for (const e of [...expressions(step.with), ...expressions(step.env), ...expressions(step.if ?? '')])
        checkExpr(e, context, steps);
      if (step.run?.includes('${{'))
        problems.push(`${context}: \${{ }} inside a run script (pass it through env:)`);
      const action = ourAction(step.uses);
      if (action !== undefined) {
        if (action === 'cosign-sign' || action === 'ecr-oidc-login') signs = true;
        const meta = readActionMetadata(action);
        for (const key of Object.keys(step.with ?? {}))
          if (!(key in (meta.inputs ?? {})))
            problems.push(`${context}: with.${key} is not an input of ${action}`);
        for (const [name, input] of Object.entries(meta.inputs ?? {}))
          if (input.required === true && !(name in (step.with ?? {})))
            problems.push(`${context}: required input ${name} of ${action} is not given`);
      } else if (
        step.uses !== undefined &&
        !step.uses.startsWith('./') &&
        !/@[0-9a-f]{40}$/.test(step.uses)
      ) {
        problems.push(`${context}: ${step.uses} is not pinned by full SHA`);
      }
      if (step.id !== undefined) steps.set(step.id, step);
    }
    for (const e of expressions(job.outputs)) checkExpr(e, `${at}.outputs`, steps);
    for (const e of expressions(job.if ?? '')) checkExpr(e, `${at}.if`, steps);
    const perms = typeof job.permissions === 'object' ? job.permissions : {};
    if (perms['id-token'] === 'write' && !signs)
      problems.push(`${at}: id-token: write without a signing or ECR step`);
    if (
      signs &&
      perms['id-token'] !== 'write' &&
      (job.steps ?? []).some((s) => ourAction(s.uses) === 'cosign-sign')
    )
      problems.push(`${at}: cosign-sign needs id-token: write`);
  }
  for (const [name, output] of Object.entries(callOutputs(file.doc))) {
    for (const m of output.value.matchAll(/\bjobs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      if (!((m[2] ?? '') in (file.doc.jobs[m[1] ?? '']?.outputs ?? {})))
        problems.push(
          `${where} on.workflow_call.outputs.${name}: jobs.${m[1]}.outputs.${m[2]} does not exist`,
        );
    }
  }
  return problems;
}

/** The value of an expression of the workflow syntax this project uses (strings and booleans). */
export type Value = string | boolean | undefined;
export type Context = (path: string) => Value;

/**
 * Evaluates the workflow expressions this project's workflows use: ==, !=, &&, ||, !, parentheses, string
 * literals, contexts (resolved by `ctx`), always()/success() and contains() on strings. Anything else is
 * refused, not guessed.
 */
export function evaluate(expr: string, ctx: Context): Value {
  const tokens = expr.match(/'(?:[^']|'')*'|==|!=|&&|\|\||[()!,]|[A-Za-z_][\w.-]*/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const truthy = (v: Value) => v !== undefined && v !== '' && v !== false;
  const primary = (): Value => {
    const t = tokens[i++] ?? '';
    if (t === '(') {
      const v = or();
      i++;
      return v;
    }
    if (t === '!') return !truthy(primary());
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
    if (peek() === '(') {
      i++;
      const args: Value[] = [];
      while (peek() !== ')' && peek() !== undefined) {
        args.push(or());
        if (peek() === ',') i++;
      }
      i++;
      if ((t === 'always' || t === 'success') && args.length === 0) return true;
      // contains(string, item): a case-insensitive substring test, as GitHub's on strings.
      if (t === 'contains' && args.length === 2)
        return String(args[0] ?? '')
          .toLowerCase()
          .includes(String(args[1] ?? '').toLowerCase());
      throw new Error(`the demo does not evaluate ${t}()`);
    }
    return ctx(t);
  };
  const compare = (): Value => {
    const left = primary();
    if (peek() === '==' || peek() === '!=') {
      const op = tokens[i++];
      const right = primary();
      return op === '==' ? (left ?? '') === (right ?? '') : (left ?? '') !== (right ?? '');
    }
    return left;
  };
  const and = (): Value => {
    let v = compare();
    while (peek() === '&&') {
      i++;
      const r = compare();
      v = truthy(v) ? r : v;
    }
    return v;
  };
  function or(): Value {
    let v = and();
    while (peek() === '||') {
      i++;
      const r = and();
      v = truthy(v) ? v : r;
    }
    return v;
  }
  return or();
}

/** `${{ … }}` inside a value, evaluated. */
export function interpolate(value: unknown, ctx: Context): string {
  const text = String(value ?? '');
  // One expression making up the whole value keeps its type; `${{ a }}/${{ b }}` is two, joined as text.
  const whole = /^\$\{\{((?:(?!\}\})[\s\S])*)\}\}$/.exec(text.trim());
  if (whole !== null) return String(evaluate(whole[1] ?? '', ctx) ?? '');
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_m, e: string) => String(evaluate(e, ctx) ?? ''));
}

/**
 * Runs a workflow `run:` script as the runner's bash does (`bash -e`), with only PATH and `env`, and returns
 * its exit status, stdout, what it wrote to GITHUB_OUTPUT (raw) and those outputs as key/value pairs.
 */
export function runScript(
  script: string,
  env: Record<string, string | undefined>,
): { status: number | null; stdout: string; output: string; outputs: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'run-step-'));
  const file = join(dir, 'output');
  writeFileSync(file, '');
  try {
    const r = spawnSync('bash', ['-e', '-c', script], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, ...env, GITHUB_OUTPUT: file },
    });
    const output = readFileSync(file, 'utf8');
    const outputs = Object.fromEntries(
      output
        .split('\n')
        .filter((l) => l.includes('='))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    return { status: r.status, stdout: r.stdout, output, outputs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
