// npm run demo: the reference docker-publish workflow, rehearsed on this machine against examples/hello.
// The steps are read from .github/workflows/docker-publish.yml (never retyped): each of our actions runs
// as the bundled action under the runner contract (INPUT_*, GITHUB_OUTPUT/STATE/ENV/STEP_SUMMARY), with
// the workflow's own `with:` expressions evaluated against the previous steps' outputs. What a laptop
// cannot provide is replaced by local parts, and said so: an embedded docker-registry on loopback, a
// local Sigstore (Fulcio/Rekor) and a runner OIDC stand-in. The real trivy, osv-scanner and syft run
// offline, installed by the actions from a pre-provisioned runner tool cache, against databases made
// from real advisories (scripts/tools.ts, scripts/vuln-dbs.ts), and the real cosign verifies the final
// digest. Where those tools cannot be had (no Go, no internet), their stage is SKIPPED with the reason,
// and the verdict says the run was not production-equivalent.
// Each job gets its own RUNNER_TEMP and HOME (a fresh runner per job), what a step exports to GITHUB_ENV
// for the steps after it, the OIDC endpoint only when it has `id-token: write`, and the post steps of the
// actions that have one, run at job end in reverse order, as the runner does.
// Options: --offline (never probe the network for scanner downloads); --pr (a pull_request run: the
// workflow's PR mode builds and scans only, and the demo checks that the registry holds nothing after it);
// --ecr (the workflow's ECR path, `registry: ecr` with aws-role-arn/aws-region: the jobs and steps its
// `if:`s choose, ecr-oidc-login run for real against the STS/ECR stand-in, whose registry is the embedded
// docker-registry behind an htpasswd login whose password is the ECR token, so that nothing reaches it
// but through the login ecr-oidc-login wrote; the report shows each login, that its post step removed it,
// and verifies the chain as the default run does)
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { arch, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CredentialStore,
  checkImageSignatures,
  Digest,
  type ImageCustody,
  ImageReference,
  PINNED_TOOLS,
  ProcessToolRunner,
  parseTrustedRoot,
  RegistryClient,
} from '@chain/core';
import { MemoryLogger } from '@chain/core/testing';
import { parse } from 'yaml';
import { readActionMetadata } from './lib/actions.ts';
import {
  type AwsStandIn,
  awsEndpointEnv,
  oidcRequestEnv,
  startAwsStandIn,
  startOidcStandIn,
} from './lib/aws-server.ts';
import {
  cosignKeylessPolicy,
  GITHUB_ISSUER,
  startLocalSigstore,
  writeTrustedRoot,
} from './lib/local-sigstore.ts';
import { runTool } from './lib/real-scanners.ts';
import { buildahEnv } from './lib/real-tools.ts';
import { portOpen, startRegistry } from './lib/registry.ts';
import { type RunnerResult, runBundleAsync, stateEnv } from './lib/runner.ts';
import {
  type Context,
  evaluate,
  interpolate,
  ourAction,
  runScript,
  type Step,
  type Value,
  type Workflow,
} from './lib/workflow-wiring.ts';
import { toolDir } from './tools.ts';
import { ensureVulnDbs, type VulnDbs } from './vuln-dbs.ts';

const root = join(import.meta.dirname, '..');
const offline = process.argv.includes('--offline');
const prMode = process.argv.includes('--pr');
const ecrMode = process.argv.includes('--ecr');
/** The ECR path's AWS side: the account the role and the registry belong to, and the region. */
const ECR = {
  account: '123456789012',
  region: 'eu-west-1',
  role: 'arn:aws:iam::123456789012:role/demo-publish',
};
const WORKFLOW = join(root, '.github', 'workflows', 'docker-publish.yml');
/** The workflow the demo's keyless certificates name (the reusable workflow's job_workflow_ref). */
const JOB_WORKFLOW = 'local/demo/.github/workflows/docker-publish.yml@refs/heads/main';
/** The job's OIDC claims (Fulcio writes the certificate's GitHub extensions from them). */
const DEMO_CLAIMS = (sha: string) => ({
  repository: 'local/demo',
  repository_id: '1000001',
  repository_owner: 'local',
  repository_owner_id: '1000',
  runner_environment: 'github-hosted',
  ref: 'refs/heads/main',
  sha,
  run_id: '1',
  run_attempt: '1',
  event_name: prMode ? 'pull_request' : 'push',
  job_workflow_ref: JOB_WORKFLOW,
  workflow_ref: JOB_WORKFLOW,
});
const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);

// --- the run -------------------------------------------------------------------------------------------
interface StageResult {
  job: string;
  step: string;
  status: 'ok' | 'SKIPPED' | 'runner-only' | 'FAILED' | 'skipped by if:';
  note: string;
  outputs: Record<string, string>;
  /** Our action the step ran (main, or `post` at job end). */
  action?: string;
  /** How registry credentials reached the step: its auth-file input, or REGISTRY_AUTH_FILE in the job env. */
  credentials?: string;
}

async function reachable(host: string): Promise<boolean> {
  return offline ? false : portOpen(host, 443);
}

/** The pinned version of a tool as scripts/tools.ts set it up, if it did. */
function pinnedTool(name: string): string | undefined {
  const pin = PINNED_TOOLS.tools[name];
  if (pin === undefined) return undefined;
  const path = join(toolDir(name, pin.version), pin.binary);
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    return undefined;
  }
}

interface RealParts {
  /** A runner tool cache holding the pinned tools, as a self-hosted runner is provisioned. */
  toolCache: string;
  dbs: VulnDbs | undefined;
  cosign: string | undefined;
  skip: Record<string, string | undefined>;
}

/** What the scan stages run with: the real pinned tools and offline DBs, else why they are skipped. */
async function realParts(work: string): Promise<RealParts> {
  const toolCache = join(work, 'runner-tool-cache');
  const found: Record<string, string | undefined> = {};
  for (const name of ['trivy', 'osv-scanner', 'syft', 'cosign']) {
    const path = pinnedTool(name);
    found[name] = path;
    const pin = PINNED_TOOLS.tools[name];
    if (path === undefined || pin === undefined) continue;
    const dir = join(toolCache, name, pin.version, arch());
    mkdirSync(dir, { recursive: true });
    symlinkSync(path, join(dir, pin.binary));
    writeFileSync(`${dir}.complete`, '');
  }
  let dbs: VulnDbs | undefined;
  let dbProblem: string | undefined;
  try {
    dbs = ensureVulnDbs();
  } catch (error) {
    dbProblem = `no offline vulnerability DB (${(error as Error).message.split('\n')[0]})`;
  }
  const canDownload = await reachable('github.com');
  const why = (tools: string[]) => {
    const missing = tools.filter((t) => found[t] === undefined);
    if (missing.length > 0 && !canDownload)
      return `${missing.join(', ')} not set up (node scripts/tools.ts needs Go), and github.com is ${offline ? 'not probed (--offline)' : 'unreachable'} for a verified download`;
    return dbProblem;
  };
  return {
    toolCache,
    dbs,
    cosign: found.cosign,
    skip: { 'repo-scan': why(['trivy', 'osv-scanner', 'syft']), 'image-scan': why(['trivy', 'syft']) },
  };
}

/** The scanners and versions a scan report names, e.g. "trivy 0.74.0". */
function scannedBy(reportPath: string | undefined): string {
  if (reportPath === undefined || !existsSync(reportPath)) return 'unknown scanners';
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
    scanners?: Record<string, { version: string }>;
  };
  return Object.entries(report.scanners ?? {})
    .map(([name, v]) => `${name} ${v.version}`)
    .join(', ');
}

async function main(): Promise<number> {
  const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as Workflow & {
    on: { workflow_call: { inputs: Record<string, { default?: string }> } };
  };
  const sha = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  console.log(bold('npm run demo: the docker-publish chain on this machine'));
  console.log(
    `workflow: .github/workflows/docker-publish.yml (steps read from the file), commit ${sha.slice(0, 12)}`,
  );

  // examples/hello's RUN step runs a static busybox from its context (Debian's busybox-static).
  const busybox = join(root, 'examples', 'hello', 'busybox');
  const placedBusybox = !existsSync(busybox);
  if (placedBusybox) {
    if (!existsSync('/bin/busybox'))
      throw new Error('the demo needs /bin/busybox (apt-get install busybox-static)');
    cpSync('/bin/busybox', busybox);
  }
  // --ecr: the registry takes only the ECR login (user AWS, the token as password), which only the STS/ECR
  // stand-in hands out, to a session it granted for a token its trust policy accepts.
  // Otherwise (registry: other) it takes the publisher's login, which the workflow's registry-login step
  // writes from the registry-username/password secrets the demo hands the workflow.
  const ecrToken = ecrMode ? `ecr-${randomBytes(24).toString('hex')}` : undefined;
  const publisher =
    ecrToken === undefined
      ? { username: 'demo-publisher', password: `demo-${randomBytes(24).toString('hex')}` }
      : { username: 'AWS', password: ecrToken };
  const registry = await startRegistry({ auth: publisher });
  const sigstore = await startLocalSigstore();
  const identity = `https://github.com/local/demo/.github/workflows/docker-publish.yml@refs/heads/main`;
  // The local Fulcio takes the certificate's identity from the token's `sub`, so the token's subject is the
  // workflow identity, and the role's trust policy pins that subject (on AWS: repo:<owner>/<repo>:ref:…).
  const oidc = await startOidcStandIn({ sub: identity, ...DEMO_CLAIMS(sha) });
  const aws =
    ecrToken === undefined
      ? undefined
      : await startAwsStandIn({
          oidcKey: oidc.publicKey,
          trust: { sub: identity, aud: 'sts.amazonaws.com' },
          registries: { [ECR.account]: { host: registry.host, password: ecrToken } },
        });
  const work = mkdtempSync(join(tmpdir(), 'demo-'));
  const rootFile = writeTrustedRoot(sigstore, work);
  const image = `${registry.host}/demo/hello`;
  // What this demo reads the registry with afterwards, as any consumer would: a pull login of its own.
  const verifier = verifierLogin(work, registry.host, publisher);
  console.log(
    `local parts: docker-registry ${registry.host} (htpasswd login: ${aws ? 'user AWS, password the ECR token' : `user ${publisher.username}, password the registry-password secret`}), local Sigstore ${sigstore.fulcioURL.replace('/fulcio', '')}, runner OIDC stand-in${aws ? `, STS/ECR stand-in ${aws.endpoint} (role ${ECR.role}, trusts subject ${identity})` : ''}`,
  );

  const inputs: Record<string, Value> = {
    ...Object.fromEntries(
      Object.entries(workflow.on.workflow_call.inputs).map(([k, v]) => [
        k,
        typeof v.default === 'boolean' ? v.default : String(v.default ?? ''),
      ]),
    ),
    image,
    registry: ecrMode ? 'ecr' : 'other',
    ...(ecrMode ? { 'aws-role-arn': ECR.role, 'aws-region': ECR.region } : {}),
    context: 'examples/hello',
    platforms: 'linux/amd64,linux/arm64',
    'promote-tags': 'latest,nightly,nightly-{date}',
    'actions-repository': 'local/checkout',
    'actions-ref': sha,
  };
  // What differs from GitHub, per action input: a loopback registry without TLS, the local Sigstore.
  const overrides: Record<string, Record<string, string>> = {
    'skopeo-push': { 'tls-verify': 'false' },
    'cosign-sign': {
      'tls-verify': 'false',
      'fulcio-url': sigstore.fulcioURL,
      'rekor-url': sigstore.rekorURL,
      'trusted-root': rootFile,
    },
    'tag-promote': { 'tls-verify': 'false', 'trusted-root': rootFile },
    'registry-login': { 'tls-verify': 'false' },
  };
  // The caller's secrets, as the workflow receives them (none for the ECR path: it logs in by OIDC).
  const secrets: Record<string, string> = ecrMode
    ? {}
    : { 'registry-username': publisher.username, 'registry-password': publisher.password };
  const parts = await realParts(work);
  if (parts.skip['image-scan'] !== undefined) {
    // Without the image scan there is no scan report and no SBOM: only the provenance can be attested.
    inputs.attestations = 'provenance';
    inputs['require-attestations'] = 'provenance';
  }
  if (parts.dbs !== undefined) {
    // Air-gapped mode, as a runner without internet uses it: the DBs are given, nothing is downloaded.
    const trivyCache = join(work, 'trivy-cache');
    cpSync(parts.dbs.trivyCache, trivyCache, { recursive: true });
    const offlineScan = { offline: 'true', 'trivy-cache-dir': trivyCache };
    overrides['repo-scan'] = { ...offlineScan, 'osv-db': parts.dbs.osv };
    overrides['image-scan'] = offlineScan;
  }
  console.log(`overrides for local parts: ${JSON.stringify(overrides)}\n`);
  const skipReasons = parts.skip;
  const results: StageResult[] = [];
  const jobOutputs: Record<string, Record<string, string>> = {};
  const jobResults: Record<string, string> = {};
  let failed = false;

  try {
    for (const [jobId, job] of Object.entries(workflow.jobs)) {
      const steps: Record<string, Record<string, string>> = {};
      const ctx: Context = (path) => {
        const [head, ...rest] = path.split('.');
        if (head === 'inputs') return inputs[rest.join('.')];
        if (head === 'steps') return steps[rest[0] ?? '']?.[rest[2] ?? ''];
        if (head === 'needs' && rest[1] === 'result') return jobResults[rest[0] ?? ''];
        if (head === 'needs') return jobOutputs[rest[0] ?? '']?.[rest[2] ?? ''];
        if (head === 'runner' && rest[0] === 'temp') return join(jobDir(work, jobId), 'temp');
        if (head === 'github' && rest[0] === 'event_name') return prMode ? 'pull_request' : 'push';
        if (head === 'github' && rest[0] === 'server_url') return 'https://github.com';
        if (head === 'github' && rest[0] === 'repository') return 'local/demo';
        if (head === 'github' && rest[0] === 'repository') return 'local/demo';
        if (head === 'github' && rest[0] === 'server_url') return 'https://github.com';
        if (head === 'secrets') return secrets[rest.join('.')] ?? '';
        if (head === 'github' || head === 'runner' || head === 'matrix') return '';
        throw new Error(`the demo does not evaluate ${path}`);
      };
      if (job.if !== undefined && !evaluate(job.if.replace(/^\$\{\{|\}\}$/g, ''), ctx)) {
        jobResults[jobId] = 'skipped';
        results.push({
          job: jobId,
          step: '(job)',
          status: 'skipped by if:',
          note: `if: ${job.if}`,
          outputs: {},
        });
        continue;
      }
      if (failed) break;
      console.log(bold(`job ${jobId}`));
      // A fresh runner per job: its own RUNNER_TEMP and HOME (so ~/.docker is the job's), and the env that
      // steps export to GITHUB_ENV for the steps after them (ecr-oidc-login's REGISTRY_AUTH_FILE).
      const jobEnv: NodeJS.ProcessEnv = {
        RUNNER_TEMP: join(jobDir(work, jobId), 'temp'),
        HOME: join(jobDir(work, jobId), 'home'),
      };
      const posts: { action: string; label: string; main: RunnerResult }[] = [];
      const stepEnv = (): NodeJS.ProcessEnv => ({
        ...buildahEnv(),
        RUNNER_TOOL_CACHE: parts.toolCache,
        GITHUB_SHA: sha,
        GITHUB_REPOSITORY: 'local/demo',
        GITHUB_REPOSITORY_ID: '1000001',
        GITHUB_REPOSITORY_OWNER_ID: '1000',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_EVENT_NAME: prMode ? 'pull_request' : 'push',
        GITHUB_WORKFLOW_REF: JOB_WORKFLOW,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '1',
        GITHUB_RUN_ATTEMPT: '1',
        RUNNER_ENVIRONMENT: 'github-hosted',
        // The runner hands out the OIDC endpoint only to a job granted id-token: write.
        ...(typeof job.permissions === 'object' && job.permissions['id-token'] === 'write'
          ? oidcRequestEnv(oidc)
          : {}),
        // The AWS SDK reaches the STS/ECR stand-in, and never asks for instance metadata.
        ...(aws ? awsEndpointEnv(aws) : {}),
        ...jobEnv,
      });
      for (const step of (job.steps ?? []) as Step[]) {
        const label = step.id ?? step.name ?? step.uses ?? 'run';
        if (step.if !== undefined && !evaluate(step.if, ctx)) {
          results.push({
            job: jobId,
            step: label,
            status: 'skipped by if:',
            note: `if: ${step.if}`,
            outputs: {},
          });
          continue;
        }
        const action = ourAction(step.uses);
        if (action === undefined && step.run !== undefined) {
          // The workflow's own scripts (registry kind, push or not, the day), run as the runner runs them.
          const run = runRunStep(step, ctx);
          if (step.id !== undefined) steps[step.id] = run.outputs;
          if (run.status !== 0) {
            const error = /^::error::(.*)$/m.exec(run.stdout)?.[1] ?? `exit ${run.status}`;
            results.push({ job: jobId, step: label, status: 'FAILED', note: error, outputs: run.outputs });
            console.log(`  ${label}: FAILED: ${error}`);
            failed = true;
            break;
          }
          const note = Object.entries(run.outputs)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ');
          results.push({ job: jobId, step: label, status: 'ok', note, outputs: run.outputs });
          continue;
        }
        const artifact = artifactStep(step, ctx, join(work, 'artifacts'));
        if (artifact !== undefined) {
          results.push({ job: jobId, step: label, ...artifact, outputs: {} });
          console.log(`  ${label}: ${artifact.status} (${artifact.note})`);
          if (artifact.status === 'FAILED') {
            failed = true;
            break;
          }
          continue;
        }
        if (action === undefined) {
          const note = step.uses?.startsWith('actions/checkout')
            ? 'checkout: the demo runs in this checkout'
            : step.uses?.startsWith('actions/cache')
              ? 'cache: the scanners get the offline DBs instead'
              : 'runner-only step';
          results.push({ job: jobId, step: label, status: 'runner-only', note, outputs: {} });
          continue;
        }
        const stepInputs: Record<string, string> = {};
        for (const [k, v] of Object.entries(step.with ?? {})) stepInputs[k] = interpolate(v, ctx);
        Object.assign(stepInputs, overrides[action] ?? {});
        const skip = skipReasons[action];
        if (skip !== undefined) {
          // Not scanned: the digest passes through unchanged, and the verdict will say so.
          const outputs =
            'digest' in (readActionMetadata(action).outputs ?? {}) ? { digest: stepInputs.digest ?? '' } : {};
          steps[step.id ?? label] = outputs;
          results.push({ job: jobId, step: label, status: 'SKIPPED', note: skip, outputs });
          console.log(`  ${action}: SKIPPED (${skip})`);
          continue;
        }
        const credentials =
          stepInputs['auth-file'] !== undefined && stepInputs['auth-file'] !== ''
            ? `auth-file input ${stepInputs['auth-file']}`
            : jobEnv.REGISTRY_AUTH_FILE !== undefined
              ? `REGISTRY_AUTH_FILE=${jobEnv.REGISTRY_AUTH_FILE} in the job env`
              : undefined;
        const t = performance.now();
        const r = await runBundleAsync(action, 'main', {
          inputs: stepInputs,
          workspace: root,
          env: stepEnv(),
        });
        const ms = (performance.now() - t).toFixed(0);
        steps[step.id ?? label] = r.outputs;
        Object.assign(jobEnv, r.exported);
        // The runner runs the post step of every action whose main step ran, even one that failed.
        if (readActionMetadata(action).runs.post !== undefined) posts.push({ action, label, main: r });
        const base = {
          job: jobId,
          step: label,
          action,
          outputs: r.outputs,
          ...(credentials ? { credentials } : {}),
        };
        if (r.status !== 0) {
          const error = /^::error::(.*)$/m.exec(r.stdout)?.[1] ?? r.stderr.trim().split('\n').at(-1) ?? '';
          results.push({ ...base, status: 'FAILED', note: error });
          console.log(`  ${action}: FAILED in ${ms} ms: ${error}`);
          failed = true;
          break;
        }
        results.push({ ...base, status: 'ok', note: `${ms} ms` });
        console.log(`  ${action}: ok (${ms} ms)${r.outputs.digest ? ` ${r.outputs.digest}` : ''}`);
      }
      // Job end: post steps, last first, with the job's env and the state their main step saved.
      for (const post of posts.reverse()) {
        const t = performance.now();
        const r = await runBundleAsync(post.action, 'post', {
          workspace: root,
          env: { ...stepEnv(), ...stateEnv(post.main) },
        });
        const ms = (performance.now() - t).toFixed(0);
        const ok = r.status === 0;
        const note = ok
          ? `${ms} ms`
          : (/^::error::(.*)$/m.exec(r.stdout)?.[1] ?? r.stderr.trim().split('\n').at(-1) ?? '');
        results.push({
          job: jobId,
          step: `post ${post.label}`,
          action: `${post.action} (post)`,
          status: ok ? 'ok' : 'FAILED',
          note,
          outputs: {},
        });
        console.log(`  ${post.action} (post): ${ok ? `ok (${ms} ms)` : `FAILED: ${note}`}`);
        if (!ok) failed = true;
      }
      jobResults[jobId] = failed ? 'failure' : 'success';
      jobOutputs[jobId] = Object.fromEntries(
        Object.entries(job.outputs ?? {}).map(([k, v]) => [k, interpolate(v, ctx)]),
      );
    }
    const client = readClient(verifier);
    if (prMode) return await prReport(results, image, failed, client);
    const access =
      aws === undefined
        ? await loginFindings(results, 'registry-login', image, work)
        : await ecrReport(results, aws, image, identity, work);
    return await report(results, image, identity, sigstore.trustedRoot, failed, {
      cosign: parts.cosign,
      rootFile,
      client,
      cosignEnv: { ...process.env, DOCKER_CONFIG: verifier.dockerConfigDir },
      authFile: verifier.authFile,
      access,
    });
  } finally {
    if (placedBusybox) rmSync(busybox, { force: true });
    await Promise.all([sigstore.stop(), oidc.stop(), registry.stop(), aws?.stop()]);
    rmSync(registry.dir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
    const port = Number(registry.host.split(':')[1]);
    const stillListening = await portOpen('127.0.0.1', port);
    console.log(
      `\nembedded registry ${registry.host}: ${stillListening ? 'STILL LISTENING' : 'stopped (port closed)'}, storage ${existsSync(registry.dir) ? 'LEFT BEHIND' : 'removed'}`,
    );
    if (stillListening) process.exitCode = 1;
  }
}

/**
 * ARTIFACT EMULATION: the runner's artifact store between the demo's per-job folders. upload-artifact copies
 * `path` (a directory's contents, or a file) to <store>/<name>, refusing a name already taken (as v4 does) and,
 * with if-no-files-found: error, an empty path; download-artifact copies <store>/<name> into `path`, or every
 * artifact matching `pattern` into `path`/<name>. Undefined for any other step.
 */
function artifactStep(
  step: Step,
  ctx: Context,
  store: string,
): { status: 'ok' | 'FAILED'; note: string } | undefined {
  const uses = step.uses ?? '';
  const upload = uses.startsWith('actions/upload-artifact@');
  if (!upload && !uses.startsWith('actions/download-artifact@')) return undefined;
  const arg = (key: string) => interpolate(step.with?.[key] ?? '', ctx).trim();
  const [name, path, pattern] = [arg('name'), arg('path'), arg('pattern')];
  const failed = (why: string) => ({ status: 'FAILED' as const, note: `artifact emulation: ${why}` });
  if (path === '' || path.includes('\n')) return failed('one path only');
  mkdirSync(store, { recursive: true });
  if (upload) {
    const files = existsSync(path)
      ? readdirSync(path, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).length
      : 0;
    if (files === 0)
      return arg('if-no-files-found') === 'error'
        ? failed(`no files at ${path} for ${name}`)
        : { status: 'ok', note: `artifact emulation: nothing at ${path}, nothing uploaded` };
    if (name === '' || existsSync(join(store, name))) return failed(`artifact name "${name}" empty or taken`);
    cpSync(path, join(store, name), { recursive: true });
    return { status: 'ok', note: `artifact emulation: uploaded ${name} (${files} files) from ${path}` };
  }
  const glob = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  const names = name !== '' ? [name] : readdirSync(store).filter((n) => pattern !== '' && glob.test(n));
  if (names.length === 0) return failed(`no artifact matches ${name || pattern}`);
  for (const n of names) {
    if (!existsSync(join(store, n))) return failed(`no artifact named ${n} was uploaded in this run`);
    cpSync(join(store, n), name !== '' ? path : join(path, n), { recursive: true });
  }
  return { status: 'ok', note: `artifact emulation: downloaded ${names.join(', ')} into ${path}` };
}

/** A job's own folder (its RUNNER_TEMP and HOME), as a fresh runner per job would have. */
function jobDir(work: string, jobId: string): string {
  const dir = join(work, 'jobs', jobId);
  mkdirSync(join(dir, 'temp'), { recursive: true });
  mkdirSync(join(dir, 'home'), { recursive: true });
  return dir;
}

/** The demo's own pull login, to read the registry back as a consumer would (and for real cosign). */
function verifierLogin(
  work: string,
  host: string,
  login: { username: string; password: string },
): { authFile: string; dockerConfigDir: string } {
  const dir = join(work, 'verifier');
  mkdirSync(dir, { recursive: true });
  const authFile = join(dir, 'config.json');
  const auth = Buffer.from(`${login.username}:${login.password}`).toString('base64');
  writeFileSync(authFile, JSON.stringify({ auths: { [host]: { auth } } }), { mode: 0o600 });
  return { authFile, dockerConfigDir: dir };
}

/** The client the report reads the registry with: anonymous, or with the verifier's login. */
function readClient(verifier: { authFile: string } | undefined): RegistryClient {
  const logger = new MemoryLogger();
  const credentials =
    verifier === undefined
      ? undefined
      : new CredentialStore({
          env: {},
          runner: new ProcessToolRunner(),
          logger,
          authFile: verifier.authFile,
        });
  return new RegistryClient({ logger, tlsVerify: false, credentials });
}

/** Whether a containers auth.json or docker config.json still holds a login for `host`. */
function holdsLogin(file: string, host: string): boolean {
  if (!existsSync(file)) return false;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { auths?: Record<string, unknown> };
  return Object.keys(parsed.auths ?? {}).some(
    (key) => key.replace(/^https?:\/\//, '').split('/')[0] === host,
  );
}

/** The registry logins of the run: custody rows, lines for the report, and whether they all held up. */
interface LoginFindings {
  title: string;
  ok: boolean;
  /** Custody rows: the login each job ran, shown before the stage that used it. */
  logins: Record<string, [string, string, string]>;
  lines: string[];
  verdict: string;
}

/**
 * Each login step (ecr-oidc-login or registry-login) ran, named the registry, and its post step removed
 * the login it wrote from both files; and the registry refuses a client without a login, so every write
 * went through those logins.
 */
async function loginFindings(
  results: StageResult[],
  action: 'ecr-oidc-login' | 'registry-login',
  image: string,
  work: string,
): Promise<LoginFindings> {
  const repo = ImageReference.parse(image);
  const lines: string[] = [];
  const logins: LoginFindings['logins'] = {};
  let ok = true;
  const ran = results.filter((r) => r.action === action);
  for (const login of ran) {
    const authFile = login.outputs['auth-file'] ?? '';
    const dockerConfig = join(jobDir(work, login.job), 'home', '.docker', 'config.json');
    const post = results.find((r) => r.job === login.job && r.action === `${action} (post)`);
    const left = [authFile, dockerConfig].filter((f) => f !== '' && holdsLogin(f, repo.registry));
    const removed = post?.status === 'ok' && left.length === 0;
    const registry = login.outputs.registry ?? login.outputs.registries;
    ok &&= login.status === 'ok' && registry === repo.registry && removed;
    const how =
      action === 'ecr-oidc-login'
        ? 'OIDC token → STS role → ECR token'
        : 'registry-password secret, checked against the registry';
    logins[login.job] = [
      `${action === 'ecr-oidc-login' ? 'ECR login' : 'registry login'} (${login.job}/${login.step})`,
      registry ?? '-',
      login.status !== 'ok'
        ? `FAILED: ${login.note}`
        : `${how}, written to ${authFile} and ~/.docker; ${removed ? 'removed by its post step' : `NOT REMOVED after the job (${left.join(', ') || post?.note || 'no post step'})`}`,
    ];
  }
  if (ran.length === 0) {
    ok = false;
    lines.push(`no ${action} step ran: the workflow did not log in`);
  }
  // Without a login the registry answers nothing: what reached it went through the logins above.
  const anonymous = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
  const refused = await anonymous.listTags(repo).then(
    () => false,
    (error: unknown) => /credentials|401/.test(String(error)),
  );
  ok &&= refused;
  lines.push(
    `registry ${repo.registry}: ${refused ? `refuses a client without a login (HTTP 401): only the ${action} logins reached it` : 'ANSWERED A CLIENT WITHOUT A LOGIN'}`,
  );
  return {
    title: action === 'ecr-oidc-login' ? 'ECR path (registry: ecr)' : 'registry login (registry: other)',
    ok,
    logins,
    lines,
    verdict: ok
      ? `every registry write went through a login from ${action}, each removed at its job end`
      : `THE REGISTRY LOGINS ARE BROKEN: see the ${action} lines above`,
  };
}

/**
 * --ecr: beyond the logins, the stand-in granted a session for exactly those logins and saw only
 * SigV4-signed ECR calls.
 */
async function ecrReport(
  results: StageResult[],
  aws: AwsStandIn,
  image: string,
  identity: string,
  work: string,
): Promise<LoginFindings> {
  const findings = await loginFindings(results, 'ecr-oidc-login', image, work);
  const ran = results.filter((r) => r.action === 'ecr-oidc-login');
  const sts = aws.calls.filter((c) => c.target === 'AssumeRoleWithWebIdentity');
  const tokens = aws.calls.filter((c) => c.target === 'GetAuthorizationToken');
  const signed = aws.calls
    .filter((c) => c.signedHeaders !== undefined)
    .every((c) => c.signatureValid === true);
  const standIn = sts.length === ran.length && tokens.length === ran.length && signed;
  findings.lines.unshift(
    `STS/ECR stand-in: ${sts.length} AssumeRoleWithWebIdentity of ${[...new Set(sts.map((c) => c.fields.RoleArn))].join(', ') || '-'} ` +
      `(token subject ${identity}, audience sts.amazonaws.com), ${tokens.length} GetAuthorizationToken; ` +
      `${signed ? 'every ECR call SigV4-signed with the session STS issued' : 'AN ECR CALL WAS NOT SIGNED with the session'}`,
  );
  return {
    ...findings,
    ok: findings.ok && standIn,
    verdict:
      findings.ok && standIn
        ? 'every registry write went through an ECR login from ecr-oidc-login, each removed at its job end'
        : 'THE ECR PATH IS BROKEN: see the ECR lines above',
  };
}

async function report(
  results: StageResult[],
  image: string,
  identity: string,
  trustedRoot: Record<string, unknown>,
  failed: boolean,
  real: {
    cosign: string | undefined;
    rootFile: string;
    client: RegistryClient;
    cosignEnv: NodeJS.ProcessEnv;
    authFile: string;
    access: LoginFindings;
  },
): Promise<number> {
  const out = (step: string) => results.find((r) => r.step === step);
  const client = real.client;
  const repo = ImageReference.parse(image);
  const rows: [string, string, string][] = [];
  /** Rows that are not a digest (the ECR logins): shown in the chain, left out of the one-digest check. */
  const loginRows = new Set<[string, string, string]>();
  const add = (stage: string, digest: string | undefined, how: string) =>
    rows.push([stage, digest ?? '-', how]);
  const addLogin = (job: string | undefined) => {
    const row = job === undefined ? undefined : real.access.logins[job];
    if (row === undefined) return;
    rows.push(row);
    loginRows.add(row);
  };
  const via = (r: StageResult | undefined) => (r?.credentials ? `; login: ${r.credentials}` : '');
  add('build (oci-build)', out('build')?.outputs.digest, 'top level of the verified OCI layout');
  const scan = out('scan');
  add(
    'scan (image-scan)',
    scan?.outputs.digest,
    scan?.status === 'SKIPPED'
      ? `SKIPPED: ${scan.note}`
      : `scanned layout digest, by ${scannedBy(scan?.outputs.report)}`,
  );
  addLogin(out('push')?.job);
  add(
    'push (skopeo-push)',
    out('push')?.outputs.digest,
    `pushed, read back from the registry${via(out('push'))}`,
  );
  addLogin(out('sign')?.job);
  const signedDigest = out('sign')?.outputs.digest;
  add('sign (cosign-sign)', signedDigest, `signed and self-checked${via(out('sign'))}`);
  let verified: string | undefined;
  if (signedDigest) {
    const check = await checkImageSignatures(
      client,
      repo,
      Digest.parse(signedDigest),
      parseTrustedRoot(trustedRoot),
      {
        identity,
        issuer: GITHUB_ISSUER,
      },
      { all: true },
    );
    verified = check.verified.length === 2 ? signedDigest : undefined;
    add(
      'verify (this demo, core verifier)',
      verified,
      `${check.verified.map((v) => v.format).join(' + ')} signatures by ${identity}`,
    );
    if (real.cosign !== undefined) {
      const ref = `${image}@${signedDigest}`;
      const v = await runTool(
        real.cosign,
        ['verify', ...cosignKeylessPolicy(real.rootFile, identity), '--allow-http-registry', ref],
        real.cosignEnv,
      );
      const ok = v.code === 0 && v.out.includes(`"docker-manifest-digest":"${signedDigest}"`);
      add(
        `verify (real cosign ${PINNED_TOOLS.tools.cosign?.version})`,
        ok ? signedDigest : undefined,
        ok ? 'cosign verify accepted it' : `cosign verify REFUSED it: ${v.out.trim().split('\n').at(-1)}`,
      );
    } else {
      results.push({
        job: 'demo',
        step: 'cosign verify',
        status: 'SKIPPED',
        note: 'the real cosign is not set up (node scripts/tools.ts needs Go, or the internet)',
        outputs: {},
      });
    }
    rows.push(
      ...(await attestationRows(signedDigest, out('sign')?.outputs.attestations, image, identity, real)),
    );
  }
  const promoted = JSON.parse(out('promote')?.outputs.tags ?? '[]') as string[];
  for (const tag of promoted)
    add(
      `promote :${tag}`,
      (await client.headManifest(repo, tag))?.digest,
      `tag read back${via(out('promote'))}`,
    );
  const custody =
    signedDigest === undefined || promoted.length === 0
      ? undefined
      : await verifyImage(`${image}:${promoted[0]}`, identity, out('sign')?.outputs.attestations, real);
  if (custody !== undefined) rows.push(custody.row);

  const gate = out('repo-scan');
  console.log(
    bold('\nrepository gate: ') +
      (gate?.status === 'ok'
        ? `passed, by ${scannedBy(gate.outputs.report)}, offline DBs made from real advisories`
        : `${gate?.status ?? 'did not run'}${gate?.note ? ` (${gate.note})` : ''}`),
  );
  console.log(bold(`\n${real.access.title}`));
  for (const line of real.access.lines) console.log(line);
  console.log(bold('\nchain of custody'));
  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  for (const [stage, digest, how] of rows) console.log(`${stage.padEnd(width)}${digest.padEnd(73)}${how}`);
  const digests = new Set(rows.filter((r) => !loginRows.has(r)).map((r) => r[1]));
  const oneDigest = !failed && digests.size === 1 && !digests.has('-') && promoted.length > 0;
  console.log(
    oneDigest
      ? `\none digest from build to promotion: ${[...digests][0]}`
      : '\nTHE CHAIN IS BROKEN: the digests above differ, or a stage did not run',
  );
  console.log(real.access.verdict);
  if (custody !== undefined) {
    console.log(bold('\nverify-image (the bundled CLI, as a user runs it on the promoted tag)'));
    for (const line of custody.lines) console.log(line);
  }
  const passed = oneDigest && real.access.ok;
  const verify = out('sign')?.outputs['verify-command'];
  if (verify) console.log(`verify it yourself (against the demo's local Sigstore):\n  ${verify}`);
  const skipped = results.filter((r) => r.status === 'SKIPPED');
  console.log(
    bold(
      `\nverdict: ${passed ? 'PASSED' : 'FAILED'}${
        skipped.length > 0
          ? ` — NOT production-equivalent: ${skipped.map((s) => `${s.step} skipped (${s.note})`).join('; ')}`
          : ''
      }`,
    ),
  );
  console.log('stages:');
  for (const r of results) console.log(`  ${r.job}/${r.step}: ${r.status}${r.note ? ` — ${r.note}` : ''}`);
  if (skipped.length > 0 && process.env.CI) {
    console.log(
      'CI is set: a stage that did not run makes the demo fail (unscanned bytes were signed and promoted)',
    );
    return 1;
  }
  return passed ? 0 : 1;
}

/** What real cosign verify-attestation calls each attestation kind. */
const COSIGN_TYPES: Record<string, string> = {
  provenance: 'slsaprovenance1',
  sbom: 'cyclonedx',
  vuln: 'vuln',
};

/**
 * The attestations cosign-sign wrote (its `attestations` output), one row each; then, with the real cosign,
 * `cosign verify-attestation --type …` of each kind in both formats (classic .att, bundle referrer): the row
 * carries the digest only when cosign accepted it and every statement it printed is about that digest.
 */
async function attestationRows(
  digest: string,
  written: string | undefined,
  image: string,
  identity: string,
  real: { cosign: string | undefined; rootFile: string; cosignEnv: NodeJS.ProcessEnv },
): Promise<[string, string, string][]> {
  const kinds = JSON.parse(written ?? '{}') as Record<
    string,
    { predicateType: string; refs: { format: string; platform?: string }[] }
  >;
  const rows: [string, string, string][] = Object.entries(kinds).map(([kind, k]) => {
    const platforms = [...new Set(k.refs.flatMap((r) => (r.platform ? [r.platform] : [])))].sort();
    const formats = [...new Set(k.refs.map((r) => r.format))].join(' + ');
    return [
      `attest ${kind} (cosign-sign)`,
      digest,
      `${k.predicateType}, ${formats}${platforms.length > 0 ? `, per platform: ${platforms.join(', ')}` : ''}; read back and verified`,
    ];
  });
  const cosign = real.cosign;
  if (cosign === undefined) return rows;
  const hex = digest.replace(/^sha256:/, '');
  const checks = Object.keys(kinds).map(async (kind): Promise<[string, string, string]> => {
    const type = COSIGN_TYPES[kind] ?? kind;
    const runs = await Promise.all(
      ['false', 'true'].map((bundle) =>
        runTool(
          cosign,
          [
            'verify-attestation',
            `--type=${type}`,
            ...cosignKeylessPolicy(real.rootFile, identity),
            '--allow-http-registry',
            `--new-bundle-format=${bundle}`,
            `${image}@${digest}`,
          ],
          real.cosignEnv,
        ),
      ),
    );
    const about = (out: string) =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) =>
          JSON.parse(Buffer.from((JSON.parse(l) as { payload: string }).payload, 'base64').toString()),
        )
        .map((st: { subject?: { digest?: { sha256?: string } }[] }) => st.subject?.[0]?.digest?.sha256);
    const ok = runs.every(
      (r) => r.code === 0 && about(r.out).length > 0 && about(r.out).every((d) => d === hex),
    );
    const refused =
      runs
        .find((r) => r.code !== 0)
        ?.out.trim()
        .split('\n')
        .at(-1) ?? 'a statement about another digest';
    return [
      `verify-attestation ${type} (real cosign ${PINNED_TOOLS.tools.cosign?.version})`,
      ok ? digest : '-',
      ok
        ? `cosign verify-attestation --type ${type} accepted it (classic .att and bundle)`
        : `REFUSED: ${refused}`,
    ];
  });
  return [...rows, ...(await Promise.all(checks))];
}

/**
 * verify-image, the bundled CLI as a user runs it, on the promoted tag: it must resolve the tag to the signed
 * digest and verify every attested link cosign-sign wrote; its custody JSON gives the report's lines.
 */
async function verifyImage(
  reference: string,
  identity: string,
  written: string | undefined,
  real: { rootFile: string; authFile: string },
): Promise<{ row: [string, string, string]; lines: string[] }> {
  const require = Object.keys(JSON.parse(written ?? '{}') as object).join(',') || 'none';
  const cli = join(root, 'actions', 'verify-image', 'dist', 'cli.mjs');
  const args = [
    cli,
    reference,
    `--certificate-identity=${identity}`,
    `--certificate-oidc-issuer=${GITHUB_ISSUER}`,
  ];
  args.push(`--trusted-root=${real.rootFile}`, `--auth-file=${real.authFile}`, '--tls-verify=false');
  args.push(`--require=${require}`, '--json');
  const t = performance.now();
  const r = await runTool(process.execPath, args, process.env);
  const ms = (performance.now() - t).toFixed(0);
  const stage = `verify-image (bundled CLI, ${reference.split('/').at(-1)})`;
  let c: ImageCustody | undefined;
  try {
    c = JSON.parse(r.out.slice(r.out.indexOf('{'), r.out.lastIndexOf('}') + 1)) as ImageCustody;
  } catch {
    c = undefined;
  }
  if (r.code !== 0 || c === undefined || c.failures.length > 0)
    return {
      row: [
        stage,
        '-',
        `REFUSED (exit ${r.code}): ${c?.failures.map((f) => `${f.link}: ${f.message}`).join('; ') ?? r.out.trim().split('\n').at(-1)}`,
      ],
      lines: [],
    };
  const lines = [
    `digest ${c.digest} (from tag ${c.tag ?? '-'}), ${ms} ms, required links: ${require}`,
    `signer ${c.signature?.identity ?? '-'} (${c.signature?.issuer ?? '-'})`,
    `source ${c.source?.repository ?? '-'} @ ${c.source?.commit ?? '-'} (certificate and provenance agree)`,
    `run ${c.run ?? '-'}; builder ${c.builder ?? '-'}`,
    `scan ${c.scan ? `${c.scan.passed ? 'passed' : 'FAILED'} by ${c.scan.scanner} ${c.scan.version ?? ''}, DB ${c.scan.db ?? '-'}, finished ${c.scan.finishedOn}` : '-'}`,
    `SBOM ${
      c.sbom
        .map((b) => `${b.platform ?? b.digest}: ${b.components} components`)
        .sort()
        .join(', ') || '-'
    }`,
    `human tags now ${c.tags?.tags.join(', ') ?? '-'}`,
  ];
  return { row: [stage, c.digest, `chain of custody verified (${require}), ${ms} ms`], lines };
}

/** --pr: the build and the scan ran at one digest, nothing that writes ran, and the registry holds nothing. */
async function prReport(
  results: StageResult[],
  image: string,
  failed: boolean,
  client: RegistryClient,
): Promise<number> {
  const out = (step: string) => results.find((r) => r.step === step);
  const built = out('build')?.outputs.digest;
  const scan = out('scan');
  const wrote = results.filter(
    (r) => /^(push|ecr|login|sign|promote)$/.test(r.step) && r.status !== 'skipped by if:',
  );
  const repo = ImageReference.parse(image);
  const tags = await client.listTags(repo);
  const atDigest = built === undefined ? undefined : await client.headManifest(repo, built);
  console.log(bold('\nPR mode (event pull_request, input push auto)'));
  console.log(`build (oci-build)   ${built ?? '-'}`);
  console.log(
    `scan (image-scan)   ${scan?.outputs.digest ?? '-'}${scan?.status === 'SKIPPED' ? ` SKIPPED: ${scan.note}` : ''}`,
  );
  console.log(
    `steps that write:   ${wrote.length === 0 ? 'none ran' : wrote.map((r) => `${r.job}/${r.step}`).join(', ')}`,
  );
  console.log(
    `registry ${repo.registry}/${repo.repository}: ${tags.length} tags, manifest at the built digest: ${atDigest === undefined ? 'absent' : 'PRESENT'}`,
  );
  const ok =
    !failed &&
    built !== undefined &&
    scan?.status === 'ok' &&
    scan.outputs.digest === built &&
    wrote.length === 0 &&
    tags.length === 0 &&
    atDigest === undefined;
  console.log(bold(`\nverdict: ${ok ? 'PASSED — built and scanned, nothing pushed' : 'FAILED'}`));
  console.log('stages:');
  for (const r of results) console.log(`  ${r.job}/${r.step}: ${r.status}${r.note ? ` — ${r.note}` : ''}`);
  return ok ? 0 : 1;
}

process.exitCode = await main();

/** Runs a workflow `run:` step (a bash script) with its env interpolated: its status, stdout and GITHUB_OUTPUT. */
function runRunStep(
  step: Step,
  ctx: Context,
): { status: number | null; stdout: string; outputs: Record<string, string> } {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = interpolate(v, ctx);
  return runScript(step.run ?? '', env);
}
