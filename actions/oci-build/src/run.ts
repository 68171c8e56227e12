import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
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
  readInputs,
  readRefContext,
  runnerDeps,
  type VerifyReport,
  withSecretFile,
} from '@chain/core';
import { outputs, type SecretSpec, spec } from './inputs.ts';
import { type BuildPlan, type Inputs, planBuild } from './plan.ts';

type Builder = 'buildx' | 'buildah';

export async function main(deps: ActionDeps = runnerDeps()): Promise<void> {
  const values = readInputs(spec, deps.inputs, deps.inputContext);
  if (values.join !== undefined) {
    await joinPlatformLayouts(values.join, values['output-dir'], deps);
    return;
  }
  const plan = planBuild(values, await gatherFacts(values, deps));
  plan.secrets.push(...secretLines(values['secrets-env'], deps, plan.secrets));
  for (const warning of plan.warnings) deps.logger.warning(warning);

  const { builder, reason } = await chooseBuilder(values.builder, deps);
  deps.logger.info(`builder: ${builder} (${reason})`);

  const topLevel = builder === 'buildx' ? await runBuildx(plan, deps) : await runBuildah(plan, deps);
  const report = await verifyLayout(plan.request.outputDir, topLevel, plan.request.platforms, builder);

  const platforms = report.images.map((image) => ({ platform: image.platform, digest: image.digest }));
  const record = await writeBuildRecord(plan, builder, report.root.digest, deps);
  outputs.write(
    {
      layout: plan.request.outputDir,
      digest: report.root.digest,
      'media-type': report.root.mediaType,
      platforms: JSON.stringify(platforms),
      builder,
      'build-record': record,
    },
    deps.outputs,
  );
  deps.logger.info(
    `built ${report.root.digest} (${report.blobCount} blobs verified) in ${plan.request.outputDir}`,
  );
  await deps.writeSummary(summary(plan, builder, reason, report));
}

/**
 * The scale-out path: per-platform layouts built on native runners become one multi-platform layout
 * (an index over the very manifests that were built). Nothing is rebuilt.
 */
async function joinPlatformLayouts(sources: string[], outputDir: string | undefined, deps: ActionDeps) {
  const paths = sources.map((s) => resolve(deps.inputContext.workspace, s));
  const out = outputDir ?? join(await mkdtemp(join(deps.env.RUNNER_TEMP ?? tmpdir(), 'oci-join-')), 'layout');
  const top = await joinLayouts(paths, out);
  const report = await verifyLayout(out, top.digest, [], 'buildah');
  const platforms = report.images.map((image) => ({ platform: image.platform, digest: image.digest }));
  outputs.write(
    {
      layout: out,
      digest: report.root.digest,
      'media-type': report.root.mediaType,
      platforms: JSON.stringify(platforms),
      builder: 'join',
      'build-record': '',
    },
    deps.outputs,
  );
  deps.logger.info(
    `joined ${paths.length} layouts into ${report.root.digest} (${platforms.map((p) => p.platform).join(', ')})`,
  );
  await deps.writeSummary(
    new JobSummary()
      .heading('oci-build (join)')
      .verdict(true, `Joined ${paths.length} per-platform layouts into ${report.root.digest}`)
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
  const path = join(
    await mkdtemp(join(deps.env.RUNNER_TEMP ?? tmpdir(), 'oci-build-record-')),
    'build-record.json',
  );
  await writeFile(path, `${JSON.stringify(record, null, 2)}\n`);
  return path;
}

async function gatherFacts(values: Inputs, deps: ActionDeps) {
  const contextStat = await stat(values.context).catch(() => undefined);
  if (contextStat === undefined || !contextStat.isDirectory()) {
    throw new ConfigurationError(`Input "context": ${values.context} is not a directory`, {
      input: 'context',
    });
  }
  const file =
    values.file ??
    ['Containerfile', 'Dockerfile'].map((f) => join(values.context, f)).find((f) => existsSync(f));
  if (file === undefined) {
    throw new ConfigurationError(
      `Input "file" is required: there is no Containerfile or Dockerfile in ${values.context}`,
      { input: 'file' },
    );
  }
  if (!existsSync(file))
    throw new ConfigurationError(`Input "file": ${file} does not exist`, { input: 'file' });

  let outputDir = values['output-dir'];
  if (outputDir === undefined) {
    outputDir = join(await mkdtemp(join(deps.env.RUNNER_TEMP ?? tmpdir(), 'oci-build-')), 'layout');
  } else if (existsSync(outputDir) && (await readdir(outputDir)).length > 0) {
    throw new ConfigurationError(
      `Input "output-dir": ${outputDir} is not empty; give a new or empty directory`,
      {
        input: 'output-dir',
      },
    );
  }

  const git = async (args: string[]) =>
    deps.runner
      .run({ tool: 'git', command: 'git', args: ['-C', values.context, ...args], timeoutMs: 15_000 })
      .then((r) => r.stdout.trim())
      .catch(() => undefined);
  const time = await git(['log', '-1', '--format=%ct']);
  return {
    env: deps.env,
    event: await readRefContext(deps.env, new Date()),
    commitTime: time !== undefined && /^\d+$/.test(time) ? Number(time) : undefined,
    commitSha: await git(['rev-parse', 'HEAD']),
    file,
    outputDir,
    hostArch: process.arch,
  };
}

async function chooseBuilder(
  wanted: Inputs['builder'],
  deps: ActionDeps,
): Promise<{ builder: Builder; reason: string }> {
  if (wanted === 'buildah') return { builder: wanted, reason: `input builder is "${wanted}"` };
  if (wanted === 'buildx') {
    // The default `docker` driver cannot write an OCI layout: say so at once, with the fix, not after a build.
    const builder = await inspectBuilder(deps);
    if (!builder.ociExport)
      throw new ConfigurationError(`Input "builder": ${buildx.ociExportFix(builder.driver)}`, {
        input: 'builder',
      });
    return { builder: wanted, reason: `input builder is "${wanted}", builder driver ${builder.driver}` };
  }
  const probe = await buildx.probe(deps.runner);
  if (!probe.available) return { builder: 'buildah', reason: `auto: ${probe.reason}, so buildah` };
  const builder = await inspectBuilder(deps);
  if (!builder.ociExport)
    return {
      builder: 'buildah',
      reason: `auto: ${probe.reason}, but its builder (driver ${builder.driver}) cannot export an OCI layout, so buildah`,
    };
  return { builder: 'buildx', reason: `auto: ${probe.reason}, builder driver ${builder.driver}` };
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

/** Resolves env secrets to 0600 files for the duration of `use` (buildah reads secrets from files). */
async function withSecretFiles<T>(
  plan: BuildPlan,
  deps: ActionDeps,
  asFiles: boolean,
  use: (secrets: BuildRequest['secrets'], values: string[]) => Promise<T>,
): Promise<T> {
  const resolved: BuildRequest['secrets'] = [];
  const values: string[] = [];
  const step = async (i: number): Promise<T> => {
    const secret = plan.secrets[i];
    if (secret === undefined) return use(resolved, values);
    if ('value' in secret.source) {
      values.push(secret.source.value);
      return withSecretFile(
        secret.source.value,
        async (path) => {
          resolved.push({ id: secret.id, source: { file: path } });
          return step(i + 1);
        },
        { directory: deps.paths.temp },
      );
    }
    if ('file' in secret.source) {
      if (!existsSync(secret.source.file)) {
        throw new ConfigurationError(`Input "secrets": the file for id "${secret.id}" does not exist`, {
          input: 'secrets',
        });
      }
      resolved.push({ id: secret.id, source: secret.source });
      return step(i + 1);
    }
    const value = deps.env[secret.source.env];
    if (value === undefined || value === '') {
      throw new ConfigurationError(
        `Input "secrets": environment variable ${secret.source.env} (id "${secret.id}") is not set or empty`,
        { input: 'secrets' },
      );
    }
    deps.logger.setSecret(value);
    values.push(value);
    if (!asFiles) {
      resolved.push({ id: secret.id, source: secret.source });
      return step(i + 1);
    }
    return withSecretFile(
      value,
      async (path) => {
        resolved.push({ id: secret.id, source: { file: path } });
        return step(i + 1);
      },
      { directory: deps.paths.temp },
    );
  };
  return step(0);
}

async function runBuildah(plan: BuildPlan, deps: ActionDeps): Promise<string | undefined> {
  const request = plan.request;
  for (const note of buildah.unsupported({ ...request, secrets: [] }))
    deps.logger.warning(`buildah: ${note}`);
  const list = `localhost/oci-build-${randomUUID().slice(0, 12)}`;
  const run = (args: string[], secrets: string[] = []) =>
    deps.runner.run({ tool: 'buildah', command: 'buildah', args, env: deps.env, echo: true, secrets });
  try {
    await withSecretFiles(plan, deps, true, async (secrets, values) => {
      try {
        await run(buildah.buildArgs({ ...request, secrets }, list), values).catch(async (error: unknown) => {
          // No usable OCI runtime here (a container, a locked-down host): RUN steps can still run under
          // chroot isolation, which needs none. Said as a warning, with the variable that sets it for good.
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
          await run(buildah.buildArgs({ ...request, secrets }, list, 'chroot'), values);
        });
      } catch (error) {
        if (error instanceof CommandError && buildah.runtimeUnusable(error.stderrTail))
          throw new CommandError(
            `buildah could not run a RUN step on this host, with its OCI runtime nor with chroot isolation: ${error.stderrTail.trim().split('\n').at(-1)}. Check BUILDAH_ISOLATION and the runtime (runc or crun).`,
            { tool: 'buildah', exitCode: error.exitCode, stderrTail: error.stderrTail },
          );
        if (error instanceof CommandError) {
          const step = buildah.failedStep(error.stderrTail);
          if (step !== undefined)
            throw new CommandError(`buildah build failed: ${step}`, {
              tool: 'buildah',
              exitCode: error.exitCode,
              stderrTail: error.stderrTail,
            });
        }
        throw error;
      }
    });
    await run(buildah.pushArgs(list, request.outputDir));
  } finally {
    await run(buildah.removeListArgs(list)).catch(() => undefined);
  }
  return undefined;
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

/** Builds with buildx; chooseBuilder has already checked that the active builder exports OCI layouts. */
async function runBuildx(plan: BuildPlan, deps: ActionDeps): Promise<string | undefined> {
  const work = await mkdtemp(join(deps.env.RUNNER_TEMP ?? tmpdir(), 'buildx-'));
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
      {
        tool: builder,
      },
    );
  }
  if (report.images.length === 0)
    throw new CommandError(`${builder} produced a layout with no platform image`, { tool: builder });
  const built = new Set(report.images.map((i) => i.platform));
  const missing = platforms.filter((p) => !built.has(p));
  if (missing.length > 0) {
    throw new CommandError(
      `${builder} did not produce images for ${missing.join(', ')} (got ${[...built].join(', ')})`,
      {
        tool: builder,
      },
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
