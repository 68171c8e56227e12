import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  type ActionDeps,
  type BuildRecord,
  type BuildRequest,
  buildah,
  buildx,
  CommandError,
  ConfigurationError,
  JobSummary,
  joinLayouts,
  OciLayout,
  type OutputName,
  type OutputWriter,
  type RunContext,
  readRefContext,
  type VerifyReport,
  withSecretFile,
} from '@chain/core';
import type { outputs, SecretSpec } from './inputs.ts';
import {
  type Builder,
  type BuildFacts,
  type BuildPlan,
  type BuildStepPlan,
  type BuildxFacts,
  chooseBuilder,
  type JoinPlan,
  type OciBuildPlan,
  planBuild,
} from './plan.ts';

type Outputs = OutputWriter<OutputName<typeof outputs>>;
type Context = RunContext<OutputName<typeof outputs>>;

export async function run(plan: OciBuildPlan, { deps, outputs }: Context): Promise<void> {
  if (plan.kind === 'join') return joinPlatformLayouts(plan, deps, outputs);
  const build = planBuild(plan, await gatherFacts(plan, deps));
  build.secrets.push(...secretLines(plan.secretsEnv, deps, build.secrets));
  for (const warning of build.warnings) deps.logger.warning(warning);

  const { builder, reason } = chooseBuilder(plan.builder, await buildxFacts(plan.builder, deps));
  deps.logger.info(`builder: ${builder} (${reason})`);

  const topLevel = builder === 'buildx' ? await runBuildx(build, deps) : await runBuildah(build, deps);
  const report = await verifyLayout(build.request.outputDir, topLevel, build.request.platforms, builder);
  // Set as soon as the layout verified: a later failure still shows what was built.
  setLayoutOutputs(outputs, build.request.outputDir, report, builder);
  outputs.set('build-record', await writeBuildRecord(build, builder, report.root.digest, deps));
  deps.logger.info(
    `built ${report.root.digest} (${report.blobCount} blobs verified) in ${build.request.outputDir}`,
  );
  await deps.writeSummary(summary(build, builder, reason, report));
}

function setLayoutOutputs(outputs: Outputs, layout: string, report: VerifyReport, builder: string): void {
  const platforms = report.images.map((image) => ({ platform: image.platform, digest: image.digest }));
  outputs.set('layout', layout);
  outputs.set('digest', report.root.digest);
  outputs.set('media-type', report.root.mediaType);
  outputs.set('platforms', JSON.stringify(platforms));
  outputs.set('builder', builder);
}

/** joinLayouts speaks of layouts and folders; here they are the join and output-dir inputs. */
async function joinNamingInputs(sources: string[], out: string): ReturnType<typeof joinLayouts> {
  try {
    return await joinLayouts(sources, out);
  } catch (error) {
    if (error instanceof ConfigurationError)
      throw error.forInput(error.code === 'DIRECTORY_NOT_EMPTY' ? 'output-dir' : 'join');
    throw error;
  }
}

/**
 * The scale-out path: per-platform layouts built on native runners become one multi-platform layout
 * (an index over the very manifests that were built). Nothing is rebuilt.
 */
async function joinPlatformLayouts(plan: JoinPlan, deps: ActionDeps, outputs: Outputs): Promise<void> {
  const out = plan.outputDir ?? join(await deps.tempDir('oci-join'), 'layout');
  const top = await joinNamingInputs(plan.sources, out);
  const report = await verifyLayout(out, top.digest, [], 'buildah');
  setLayoutOutputs(outputs, out, report, 'join');
  outputs.set('build-record', '');
  const platforms = report.images.map((image) => ({ platform: image.platform, digest: image.digest }));
  deps.logger.info(
    `joined ${plan.sources.length} layouts into ${report.root.digest} (${platforms.map((p) => p.platform).join(', ')})`,
  );
  await deps.writeSummary(
    new JobSummary()
      .heading('oci-build (join)')
      .verdict(true, `Joined ${plan.sources.length} per-platform layouts into ${report.root.digest}`)
      .facts([
        ['digest', { text: report.root.digest, code: true }],
        ['layout', { text: out, code: true }],
        ['verified', `${report.blobCount} blobs, ${report.totalBytes} bytes`],
      ])
      .table(
        ['platform', 'manifest digest (unchanged from its build)'],
        platforms.map((p) => [p.platform, { text: p.digest, code: true }]),
      ),
  );
}

/**
 * The build record (schema build-record/v1) cosign-sign's provenance is made from: the digest built, the
 * Containerfile (workspace-relative path, SHA-256 of the bytes built), context, build arguments, target and
 * platforms. Secrets are not in it.
 */
async function writeBuildRecord(plan: BuildPlan, builder: Builder, digest: string, deps: ActionDeps) {
  const workspace = deps.inputContext.workspace;
  const request = plan.request;
  const record: BuildRecord = {
    schema: 'build-record/v1',
    digest,
    builder,
    containerfile: {
      path: relative(workspace, request.file),
      sha256: createHash('sha256')
        .update(await readFile(request.file))
        .digest('hex'),
    },
    context: relative(workspace, request.context) || '.',
    platforms: request.platforms,
    buildArgs: Object.fromEntries(request.buildArgs),
    ...(request.target === undefined ? {} : { target: request.target }),
  };
  const path = join(await deps.tempDir('oci-build-record'), 'build-record.json');
  await writeFile(path, `${JSON.stringify(record, null, 2)}\n`);
  return path;
}

/** What the build needs from the disk, git and the runner before its request can be made. */
async function gatherFacts(plan: BuildStepPlan, deps: ActionDeps): Promise<BuildFacts> {
  const outputDir = await layoutFolder(plan, deps);
  const git = async (args: string[]) =>
    deps.runner
      .run({ tool: 'git', command: 'git', args: ['-C', plan.context, ...args], timeoutMs: 15_000 })
      .then((r) => r.stdout.trim())
      .catch(() => undefined);
  const time = await git(['log', '-1', '--format=%ct']);
  return {
    event: await readRefContext(deps.env, deps.now()),
    commitTime: time !== undefined && /^\d+$/.test(time) ? Number(time) : undefined,
    commitSha: await git(['rev-parse', 'HEAD']),
    file: plan.file,
    outputDir,
    hostArch: process.arch,
  };
}

/** Where the layout goes: output-dir (new or empty), else a fresh folder under the runner's temp. */
async function layoutFolder(plan: BuildStepPlan, deps: ActionDeps): Promise<string> {
  if (plan.outputDir === undefined) return join(await deps.tempDir('oci-build'), 'layout');
  if (existsSync(plan.outputDir) && (await readdir(plan.outputDir)).length > 0)
    throw new ConfigurationError(
      `Input "output-dir": ${plan.outputDir} is not empty; give a new or empty directory`,
      { code: 'DIRECTORY_NOT_EMPTY', input: 'output-dir' },
    );
  return plan.outputDir;
}

/** What docker buildx says, asked only as far as the choice needs it (nothing for builder: buildah). */
async function buildxFacts(wanted: BuildStepPlan['builder'], deps: ActionDeps): Promise<BuildxFacts> {
  if (wanted === 'buildah') return { probe: undefined, inspect: undefined };
  const probe = wanted === 'auto' ? await buildx.probe(deps.runner) : undefined;
  const inspect = wanted === 'buildx' || probe?.available ? await inspectBuilder(deps) : undefined;
  return { probe, inspect };
}

/** The active buildx builder, as `docker buildx inspect` describes it. */
async function inspectBuilder(deps: ActionDeps): Promise<{ driver: string | undefined; ociExport: boolean }> {
  const { stdout } = await deps.runner.run({
    tool: 'docker buildx',
    command: 'docker',
    args: ['buildx', 'inspect'],
    env: deps.env,
    timeoutMs: 30_000,
  });
  return buildx.parseInspect(stdout);
}

/**
 * Build secrets given as `id=value` lines in one environment variable (how a reusable workflow hands over
 * its caller's secret). Each value is masked before anything else happens; a malformed line is named by
 * its number, never shown. Unset or empty: no secrets (the caller passed none).
 */
export function secretLines(
  name: string | undefined,
  deps: Pick<ActionDeps, 'env' | 'logger'>,
  named: readonly SecretSpec[],
): SecretSpec[] {
  if (name === undefined) return [];
  const text = deps.env[name];
  if (text === undefined)
    deps.logger.warning(
      `secrets-env names ${name}, which is not set in the step's environment: no build secrets`,
    );
  // One id=value per line; a value is one line (a trailing CR of a CRLF file is not part of it).
  const lines = (text ?? '').split(/\r\n|\n|\r/);
  const specs: SecretSpec[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const match = /^([A-Za-z0-9_.-]+)=(.+)$/s.exec(line);
    if (match?.[2] !== undefined) deps.logger.setSecret(match[2]);
    const id = match?.[1];
    if (id === undefined || match?.[2] === undefined)
      throw new ConfigurationError(
        `Input "secrets-env": line ${i + 1} of ${name} is not id=value (the line is not shown: it may hold a secret)`,
        { input: 'secrets-env' },
      );
    if ([...named, ...specs].some((s) => s.id === id))
      throw new ConfigurationError(`Input "secrets-env": secret id "${id}" is given twice`, {
        input: 'secrets-env',
      });
    specs.push({ id, source: { value: match[2] } });
  }
  return specs;
}

type ResolvedSecret = BuildRequest['secrets'][number];

/**
 * One secret as the builder takes it: a value (from secrets-env, or an env: secret for buildah) as a 0600
 * file for the duration of `use`; a file as it is; an env: secret by name for buildx, which reads it.
 */
async function resolveSecret<T>(
  secret: SecretSpec,
  deps: ActionDeps,
  asFiles: boolean,
  use: (resolved: ResolvedSecret, value: string | undefined) => Promise<T>,
): Promise<T> {
  const asFile = (value: string) =>
    withSecretFile(value, (path) => use({ id: secret.id, source: { file: path } }, value), {
      directory: deps.paths.temp,
    });
  if ('value' in secret.source) return asFile(secret.source.value);
  if ('file' in secret.source) {
    if (!existsSync(secret.source.file))
      throw new ConfigurationError(`Input "secrets": the file for id "${secret.id}" does not exist`, {
        input: 'secrets',
      });
    return use({ id: secret.id, source: secret.source }, undefined);
  }
  const value = deps.env[secret.source.env];
  if (value === undefined || value === '')
    throw new ConfigurationError(
      `Input "secrets": environment variable ${secret.source.env} (id "${secret.id}") is not set or empty`,
      { input: 'secrets' },
    );
  deps.logger.setSecret(value);
  return asFiles ? asFile(value) : use({ id: secret.id, source: secret.source }, value);
}

/** Resolves every secret (see resolveSecret) for the duration of `use`; the files are gone after it. */
async function withSecretFiles<T>(
  plan: BuildPlan,
  deps: ActionDeps,
  asFiles: boolean,
  use: (secrets: ResolvedSecret[], values: string[]) => Promise<T>,
): Promise<T> {
  const resolved: ResolvedSecret[] = [];
  const values: string[] = [];
  const step = async (i: number): Promise<T> => {
    const secret = plan.secrets[i];
    if (secret === undefined) return use(resolved, values);
    return resolveSecret(secret, deps, asFiles, async (r, value) => {
      resolved.push(r);
      if (value !== undefined) values.push(value);
      return step(i + 1);
    });
  };
  return step(0);
}

type BuildahRun = (args: string[], secrets?: string[]) => ReturnType<ActionDeps['runner']['run']>;

/**
 * `buildah build`; where no OCI runtime works on this host (a container, a locked-down host), RUN steps
 * can still run under chroot isolation, which needs none: built again so, with a warning that names the
 * variable that sets it for good.
 */
async function buildahBuild(plan: BuildPlan, list: string, run: BuildahRun, deps: ActionDeps) {
  await withSecretFiles(plan, deps, true, async (secrets, values) => {
    await run(buildah.buildArgs({ ...plan.request, secrets }, list), values).catch(async (error: unknown) => {
      if (
        !(error instanceof CommandError) ||
        !buildah.runtimeUnusable(error.stderrTail) ||
        deps.env.BUILDAH_ISOLATION === 'chroot'
      )
        throw error;
      deps.logger.warning(
        'buildah could not start a RUN step with its OCI runtime on this host ("while running runtime"); ' +
          'building again with chroot isolation. Set BUILDAH_ISOLATION=chroot to choose it from the start.',
      );
      await run(buildah.buildArgs({ ...plan.request, secrets }, list, 'chroot'), values);
    });
  });
}

/** A buildah failure said in one line: the runtime that cannot run, or the step that failed. */
function buildahFailure(error: unknown): unknown {
  if (!(error instanceof CommandError)) return error;
  const details = { tool: 'buildah', exitCode: error.exitCode, stderrTail: error.stderrTail };
  if (buildah.runtimeUnusable(error.stderrTail))
    return new CommandError(
      `buildah could not run a RUN step on this host, with its OCI runtime nor with chroot isolation: ${error.stderrTail.trim().split('\n').at(-1)}. Check BUILDAH_ISOLATION and the runtime (runc or crun).`,
      details,
    );
  const step = buildah.failedStep(error.stderrTail);
  return step === undefined ? error : new CommandError(`buildah build failed: ${step}`, details);
}

/** Builds every platform into a manifest list, writes it to the layout, and removes the list. */
async function runBuildah(plan: BuildPlan, deps: ActionDeps): Promise<string | undefined> {
  for (const note of buildah.unsupported({ ...plan.request, secrets: [] }))
    deps.logger.warning(`buildah: ${note}`);
  const list = `localhost/oci-build-${randomUUID().slice(0, 12)}`;
  const run: BuildahRun = (args, secrets = []) =>
    deps.runner.run({ tool: 'buildah', command: 'buildah', args, env: deps.env, echo: true, secrets });
  try {
    await buildahBuild(plan, list, run, deps).catch((error: unknown) => {
      throw buildahFailure(error);
    });
    await run(buildah.pushArgs(list, plan.request.outputDir));
  } finally {
    await run(buildah.removeListArgs(list)).catch(() => undefined);
  }
  return undefined;
}

/** Builds with buildx; chooseBuilder has already checked that the active builder exports OCI layouts. */
async function runBuildx(plan: BuildPlan, deps: ActionDeps): Promise<string | undefined> {
  const work = await deps.tempDir('buildx');
  const metadataFile = join(work, 'metadata.json');
  try {
    await withSecretFiles(plan, deps, false, async (secrets, values) => {
      await deps.runner.run({
        tool: 'docker buildx',
        command: 'docker',
        args: buildx.buildArgs({ ...plan.request, secrets }, metadataFile),
        env: { ...deps.env, SOURCE_DATE_EPOCH: String(plan.request.sourceDateEpoch) },
        echo: true,
        secrets: values,
      });
    });
    const metadata = buildx.parseMetadata(await readFile(metadataFile, 'utf8'));
    if (metadata.digest === undefined) {
      throw new CommandError('docker buildx wrote no containerimage.digest to its metadata file', {
        tool: 'docker buildx',
      });
    }
    return metadata.digest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** No digest is trusted before every blob of the layout verifies. */
async function verifyLayout(
  dir: string,
  expected: string | undefined,
  platforms: string[],
  builder: Builder,
): Promise<VerifyReport> {
  const report = await (await OciLayout.open(dir)).verify();
  if (expected !== undefined && expected !== report.root.digest) {
    throw new CommandError(
      `${builder} reported digest ${expected} but the layout's top level is ${report.root.digest}`,
      { tool: builder },
    );
  }
  if (report.images.length === 0)
    throw new CommandError(`${builder} produced a layout with no platform image`, { tool: builder });
  const built = new Set(report.images.map((i) => i.platform));
  const missing = platforms.filter((p) => !built.has(p));
  if (missing.length > 0) {
    throw new CommandError(
      `${builder} did not produce images for ${missing.join(', ')} (got ${[...built].join(', ')})`,
      { tool: builder },
    );
  }
  return report;
}

function summary(plan: BuildPlan, builder: Builder, reason: string, report: VerifyReport): JobSummary {
  const s = new JobSummary()
    .heading('oci-build')
    .verdict(true, `Built and verified ${report.root.digest}`)
    .facts([
      ['builder', `${builder} (${reason})`],
      ['digest', { text: report.root.digest, code: true }],
      ['media type', report.root.mediaType],
      ['layout', { text: plan.request.outputDir, code: true }],
      ['verified', `${report.blobCount} blobs, ${report.totalBytes} bytes`],
      ['source date epoch', `${plan.request.sourceDateEpoch} (from ${plan.epochSource})`],
    ])
    .table(
      ['platform', 'manifest digest', 'layers'],
      report.images.map((i) => [i.platform, { text: i.digest, code: true }, String(i.layers.length)]),
    );
  if (report.attestations.length > 0)
    s.paragraph(`${report.attestations.length} attestation manifest(s) (provenance/SBOM) kept apart.`);
  for (const warning of plan.warnings) s.warning(warning);
  return s;
}
