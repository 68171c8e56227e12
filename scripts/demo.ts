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
// Options: --offline (never probe the network for scanner downloads); --pr (a pull_request run: the
// workflow's PR mode builds and scans only, and the demo checks that the registry holds nothing after it)
import { execFile, spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { arch, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkImageSignatures,
  Digest,
  ImageReference,
  MemoryLogger,
  PINNED_TOOLS,
  parseTrustedRoot,
  RegistryClient,
} from '@chain/core';
import { parse } from 'yaml';
import { readActionMetadata } from '../test/helpers/actions.ts';
import { startOidcStandIn } from '../test/helpers/aws-server.ts';
import { GITHUB_ISSUER, startLocalSigstore } from '../test/helpers/local-sigstore.ts';
import { buildahEnv } from '../test/helpers/real-tools.ts';
import { portOpen, startRegistry } from '../test/helpers/registry.ts';
import { runBundleAsync } from '../test/helpers/runner.ts';
import type { Step, Workflow } from '../test/helpers/workflow-wiring.ts';
import {
  type Context,
  evaluate,
  interpolate,
  ourAction,
  runScript,
} from '../test/helpers/workflow-wiring.ts';
import { toolDir } from './tools.ts';
import { ensureVulnDbs, type VulnDbs } from './vuln-dbs.ts';

const root = join(import.meta.dirname, '..');
const offline = process.argv.includes('--offline');
const prMode = process.argv.includes('--pr');
const WORKFLOW = join(root, '.github', 'workflows', 'docker-publish.yml');
const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);

// --- the run -------------------------------------------------------------------------------------------
interface StageResult {
  job: string;
  step: string;
  status: 'ok' | 'SKIPPED' | 'runner-only' | 'FAILED' | 'not this registry';
  note: string;
  outputs: Record<string, string>;
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
    skip: { 'repo-scan': why(['trivy', 'osv-scanner', 'syft']), 'image-scan': why(['trivy']) },
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

/** Real cosign, without blocking this process (the local Sigstore and registry answer from it). */
function runCosign(path: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(path, args, { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({
        code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1,
        out: stdout + stderr,
      });
    });
  });
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
  const registry = await startRegistry();
  const sigstore = await startLocalSigstore();
  const identity = `https://github.com/local/demo/.github/workflows/docker-publish.yml@refs/heads/main`;
  const oidc = await startOidcStandIn({ sub: identity });
  const work = mkdtempSync(join(tmpdir(), 'demo-'));
  const rootFile = join(work, 'trusted_root.json');
  writeFileSync(rootFile, JSON.stringify(sigstore.trustedRoot));
  const image = `${registry.host}/demo/hello`;
  console.log(
    `local parts: docker-registry ${registry.host}, local Sigstore ${sigstore.fulcioURL.replace('/fulcio', '')}, runner OIDC stand-in`,
  );

  const inputs: Record<string, string> = {
    ...Object.fromEntries(
      Object.entries(workflow.on.workflow_call.inputs).map(([k, v]) => [k, String(v.default ?? '')]),
    ),
    image,
    registry: 'other',
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
  };
  const parts = await realParts(work);
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
        if (head === 'runner' && rest[0] === 'temp') return work;
        if (head === 'github' && rest[0] === 'event_name') return prMode ? 'pull_request' : 'push';
        if (head === 'github' || head === 'secrets' || head === 'runner' || head === 'matrix') return '';
        throw new Error(`the demo does not evaluate ${path}`);
      };
      if (job.if !== undefined && !evaluate(job.if.replace(/^\$\{\{|\}\}$/g, ''), ctx)) {
        jobResults[jobId] = 'skipped';
        results.push({
          job: jobId,
          step: '(job)',
          status: 'not this registry',
          note: `if: ${job.if}`,
          outputs: {},
        });
        continue;
      }
      if (failed) break;
      console.log(bold(`job ${jobId}`));
      const posts: { action: string; state: string }[] = [];
      for (const step of (job.steps ?? []) as Step[]) {
        const label = step.id ?? step.name ?? step.uses ?? 'run';
        if (step.if !== undefined && !evaluate(step.if, ctx)) {
          results.push({
            job: jobId,
            step: label,
            status: 'not this registry',
            note: `if: ${step.if}`,
            outputs: {},
          });
          continue;
        }
        const action = ourAction(step.uses);
        if (action === undefined && step.id === 'mode' && step.run !== undefined) {
          // The workflow's own push-or-not script, run as the runner runs it (event push, or pull_request).
          steps.mode = runModeStep(step, ctx);
          results.push({
            job: jobId,
            step: label,
            status: 'ok',
            note: `push=${steps.mode.push}`,
            outputs: steps.mode,
          });
          continue;
        }
        if (action === undefined) {
          const note = step.uses?.startsWith('actions/checkout')
            ? 'checkout: the demo runs in this checkout'
            : 'run step: the embedded registry needs no login';
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
        const t = performance.now();
        const r = await runBundleAsync(action, 'main', {
          inputs: stepInputs,
          workspace: root,
          env: {
            ...buildahEnv(),
            RUNNER_TOOL_CACHE: parts.toolCache,
            GITHUB_SHA: sha,
            GITHUB_REPOSITORY: 'local/demo',
            GITHUB_SERVER_URL: 'https://github.com',
            ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl,
            ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken,
          },
        });
        const ms = (performance.now() - t).toFixed(0);
        steps[step.id ?? label] = r.outputs;
        if (r.status !== 0) {
          const error = /^::error::(.*)$/m.exec(r.stdout)?.[1] ?? r.stderr.trim().split('\n').at(-1) ?? '';
          results.push({ job: jobId, step: label, status: 'FAILED', note: error, outputs: r.outputs });
          console.log(`  ${action}: FAILED in ${ms} ms: ${error}`);
          failed = true;
          break;
        }
        results.push({ job: jobId, step: label, status: 'ok', note: `${ms} ms`, outputs: r.outputs });
        console.log(`  ${action}: ok (${ms} ms)${r.outputs.digest ? ` ${r.outputs.digest}` : ''}`);
        if (readActionMetadata(action).runs.post !== undefined) posts.push({ action, state: r.state });
      }
      jobResults[jobId] = failed ? 'failure' : 'success';
      jobOutputs[jobId] = Object.fromEntries(
        Object.entries(job.outputs ?? {}).map(([k, v]) => [k, interpolate(v, ctx)]),
      );
    }
    if (prMode) return await prReport(results, image, failed);
    return await report(results, image, identity, sigstore.trustedRoot, failed, {
      cosign: parts.cosign,
      rootFile,
    });
  } finally {
    if (placedBusybox) rmSync(busybox, { force: true });
    await Promise.all([sigstore.stop(), oidc.stop(), registry.stop()]);
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

async function report(
  results: StageResult[],
  image: string,
  identity: string,
  trustedRoot: Record<string, unknown>,
  failed: boolean,
  real: { cosign: string | undefined; rootFile: string },
): Promise<number> {
  const out = (step: string) => results.find((r) => r.step === step);
  const client = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
  const repo = ImageReference.parse(image);
  const rows: [string, string, string][] = [];
  const add = (stage: string, digest: string | undefined, how: string) =>
    rows.push([stage, digest ?? '-', how]);
  add('build (oci-build)', out('build')?.outputs.digest, 'top level of the verified OCI layout');
  const scan = out('scan');
  add(
    'scan (image-scan)',
    scan?.outputs.digest,
    scan?.status === 'SKIPPED'
      ? `SKIPPED: ${scan.note}`
      : `scanned layout digest, by ${scannedBy(scan?.outputs.report)}`,
  );
  add('push (skopeo-push)', out('push')?.outputs.digest, 'pushed, read back from the registry');
  const signedDigest = out('sign')?.outputs.digest;
  add('sign (cosign-sign)', signedDigest, 'signed and self-checked');
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
      const v = await runCosign(real.cosign, [
        'verify',
        `--trusted-root=${real.rootFile}`,
        `--certificate-identity=${identity}`,
        `--certificate-oidc-issuer=${GITHUB_ISSUER}`,
        '--allow-http-registry',
        ref,
      ]);
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
  }
  const promoted = JSON.parse(out('promote')?.outputs.tags ?? '[]') as string[];
  for (const tag of promoted)
    add(`promote :${tag}`, (await client.headManifest(repo, tag))?.digest, 'tag read back');

  const gate = out('repo-scan');
  console.log(
    bold('\nrepository gate: ') +
      (gate?.status === 'ok'
        ? `passed, by ${scannedBy(gate.outputs.report)}, offline DBs made from real advisories`
        : `${gate?.status ?? 'did not run'}${gate?.note ? ` (${gate.note})` : ''}`),
  );
  console.log(bold('\nchain of custody'));
  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  for (const [stage, digest, how] of rows) console.log(`${stage.padEnd(width)}${digest.padEnd(73)}${how}`);
  const digests = new Set(rows.map((r) => r[1]));
  const oneDigest = !failed && digests.size === 1 && !digests.has('-') && promoted.length > 0;
  console.log(
    oneDigest
      ? `\none digest from build to promotion: ${[...digests][0]}`
      : '\nTHE CHAIN IS BROKEN: the digests above differ, or a stage did not run',
  );
  const verify = out('sign')?.outputs['verify-command'];
  if (verify) console.log(`verify it yourself (against the demo's local Sigstore):\n  ${verify}`);
  const skipped = results.filter((r) => r.status === 'SKIPPED');
  console.log(
    bold(
      `\nverdict: ${oneDigest ? 'PASSED' : 'FAILED'}${
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
  return oneDigest ? 0 : 1;
}

/** --pr: the build and the scan ran at one digest, nothing that writes ran, and the registry holds nothing. */
async function prReport(results: StageResult[], image: string, failed: boolean): Promise<number> {
  const out = (step: string) => results.find((r) => r.step === step);
  const built = out('build')?.outputs.digest;
  const scan = out('scan');
  const wrote = results.filter(
    (r) => /^(push|ecr|sign|promote)$|Registry login/.test(r.step) && r.status !== 'not this registry',
  );
  const client = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
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

/** Runs the workflow's `mode` step (a bash script) with its env interpolated; returns what it wrote to GITHUB_OUTPUT. */
function runModeStep(step: Step, ctx: Context): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = interpolate(v, ctx);
  const r = runScript(step.run ?? '', env);
  if (r.status !== 0) throw new Error(`the workflow's mode step failed: ${r.stdout}`);
  return r.outputs;
}
