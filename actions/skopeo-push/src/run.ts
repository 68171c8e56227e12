import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  type ActionDeps,
  CommandError,
  DEFAULT_RETRY,
  type Descriptor,
  type ImageReference,
  type InputValues,
  JobSummary,
  type LayoutGraph,
  type ManifestInfo,
  OciLayout,
  openRegistry,
  type RegistryClient,
  readInputs,
  readRefContext,
  requireLayoutDigest,
  runMain,
  runnerDeps,
  skopeo,
  type VerifyReport,
  withRetries,
} from '@chain/core';
import { outputs, spec } from './inputs.ts';
import { type ChosenTags, chooseTags, decideTags, type TagDecision } from './plan.ts';

/** The bundle's entry: runs under the runner's contract. */
export function start(): Promise<number> {
  return runMain(() => main(runnerDeps()));
}

export interface PushDeps extends ActionDeps {
  sleep?: (ms: number) => Promise<void>;
}

export async function main(deps: PushDeps): Promise<void> {
  const phase = (name: string) =>
    deps.logger.debug(`skopeo-push: ${name} at ${performance.now().toFixed(0)} ms since the process started`);
  const values = readInputs(spec, deps.inputs, deps.inputContext);
  const context = await readRefContext(deps.env, new Date());
  const client = openRegistry(deps, {
    authFile: values['auth-file'],
    tlsVerify: values['tls-verify'],
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  });
  const chosen = await chooseTags(
    values.tags,
    context,
    () => client.listTags(values.image),
    values['immutable-tags'],
  );
  for (const rule of chosen.skipped) deps.logger.info(`tag rule "${rule.rule}" skipped: ${rule.reason}`);
  if (chosen.fallback)
    deps.logger.info(`no tag rule applies to this run: pushing under the default ${chosen.tags.join(', ')}`);
  // 1. The layout must verify, and its top level must be exactly the digest that was scanned.
  await push(values, chosen, client, deps, phase);
}

async function push(
  values: InputValues<typeof spec>,
  chosen: ChosenTags,
  client: RegistryClient,
  deps: PushDeps,
  phase: (name: string) => void,
): Promise<void> {
  const tags = chosen.tags;
  const image = values.image;
  const expected = values.digest.toString();
  const layout = await OciLayout.open(values.layout);
  const entry =
    layout.index.manifests.length === 1
      ? undefined
      : layout.index.manifests.find((m) => m.digest === expected);
  const ref = entry?.annotations?.['org.opencontainers.image.ref.name'];
  const graph = await layout.walk(ref);
  if (graph.root.digest !== expected) {
    requireLayoutDigest(values.layout, graph.root.digest, expected, PUSH_REFUSAL);
  }

  // 2. Verification and the read-only registry checks run together: nothing is written before both end.
  //    Immutable tags are checked before anything is written.
  const settled = await Promise.allSettled([
    // Manifests digest-checked, every blob present at its size; the layers' digests are checked by skopeo
    // as it streams them from the snapshot, and by the registry before it commits each blob.
    layout.checkForStreaming(ref),
    Promise.all(tags.map(async (t) => [t, await client.headManifest(image, t)] as const)),
    blobPresence(client, image, graph),
  ] as const);
  // A broken layout is reported before any registry problem, whichever finished first.
  for (const outcome of settled) if (outcome.status === 'rejected') throw outcome.reason;
  const [report, pairs, blobs] = settled.map((o) => (o as PromiseFulfilledResult<unknown>).value) as [
    VerifyReport,
    (readonly [string, ManifestInfo | undefined])[],
    Awaited<ReturnType<typeof blobPresence>>,
  ];
  const current = new Map(pairs);
  if (report.root.digest !== expected) {
    requireLayoutDigest(values.layout, report.root.digest, expected, PUSH_REFUSAL);
  }
  phase('verified and checked the registry');
  const rootBytes = await layout.readBlob(report.root);
  const decisions = decideTags(tags, current, expected, image.toString(), values['immutable-tags']);

  // 3. Push once with skopeo to the first tag that needs writing; other tags get the same manifest bytes.
  const toWrite = decisions.filter((d) => d.action === 'write');
  const [first, ...rest] = toWrite;
  if (first !== undefined) {
    // skopeo reads a private snapshot of exactly what was verified, never the layout directory again.
    const snapshot = await layout.snapshot(
      report,
      join(await mkdtemp(join(deps.env.RUNNER_TEMP ?? tmpdir(), 'verified-')), 'layout'),
    );
    phase('snapshotted the verified layout');
    try {
      await copyWithRetries({ ...values, layout: snapshot }, image, first.tag, ref, expected, deps);
    } finally {
      await rm(dirname(snapshot), { recursive: true, force: true });
    }
    for (const d of rest) await client.putManifest(image, d.tag, rootBytes, report.root.mediaType);
  } else {
    deps.logger.info(`every tag already points at ${expected}; nothing to push`);
  }

  phase('pushed');
  // 4. Read every tag back: the registry must serve exactly the expected digest.
  for (const d of decisions) {
    const served = await client.getManifest(image, d.tag);
    if (served?.digest !== expected) {
      throw new CommandError(
        `after the push, ${image}:${d.tag} serves ${served?.digest ?? 'nothing'}, not ${expected}`,
        { tool: 'registry' },
      );
    }
  }

  phase('read back');
  outputs.write(
    {
      digest: expected,
      'image-ref': `${image}@${expected}`,
      tags: JSON.stringify(decisions.map((d) => d.tag)),
    },
    deps.outputs,
  );
  deps.logger.info(
    `pushed ${image}@${expected} as ${tags.join(', ')} (${blobs.missing.length} blobs uploaded, ${blobs.present} already present)`,
  );
  await deps.writeSummary(summary(image, expected, decisions, blobs, report, chosen));
  phase('done');
}

const PUSH_REFUSAL = 'refusing to push bytes other than the ones that were built and scanned';

async function blobPresence(client: RegistryClient, image: ImageReference, graph: LayoutGraph) {
  const layerBlobs: Descriptor[] = [...graph.blobs.values()]
    .map((b) => b.descriptor)
    .filter((d) => !d.mediaType.includes('manifest') && !d.mediaType.includes('index'));
  const sizes = await Promise.all(layerBlobs.map((d) => client.headBlob(image, d.digest)));
  const missing = layerBlobs.filter((_, i) => sizes[i] === undefined);
  return {
    present: layerBlobs.length - missing.length,
    missing,
    bytes: missing.reduce((n, d) => n + d.size, 0),
  };
}

async function copyWithRetries(
  values: { layout: string; 'auth-file': string | undefined; 'tls-verify': boolean; 'retry-times': number },
  image: ImageReference,
  tag: string,
  ref: string | undefined,
  expected: string,
  deps: PushDeps,
): Promise<void> {
  const work = await mkdtemp(join(deps.env.RUNNER_TEMP ?? tmpdir(), 'skopeo-push-'));
  const digestFile = join(work, 'digest');
  const args = skopeo.copyArgs({
    source: `oci:${values.layout}${ref === undefined ? '' : `:${ref}`}`,
    destination: `docker://${image.withTag(tag)}`,
    digestFile,
    authFile: values['auth-file'],
    tlsVerify: values['tls-verify'],
  });
  const attempts = values['retry-times'] + 1;
  try {
    await withRetries(
      () => deps.runner.run({ tool: 'skopeo', command: 'skopeo', args, env: deps.env, echo: true }),
      skopeo.failure,
      {
        policy: { ...DEFAULT_RETRY, maxAttempts: attempts },
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
        onRetry: (attempt, delay, reason) =>
          deps.logger.warning(
            `skopeo copy failed on a transient registry fault; retrying in ${delay} ms (attempt ${attempt + 1} of ${attempts}): ${reason}`,
          ),
      },
    );
    const pushed = (await readFile(digestFile, 'utf8')).trim();
    if (pushed !== expected) {
      throw new CommandError(`skopeo pushed ${pushed}, not ${expected}: the registry changed the bytes`, {
        tool: 'skopeo',
      });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function summary(
  image: ImageReference,
  digest: string,
  decisions: TagDecision[],
  blobs: { present: number; missing: Descriptor[]; bytes: number },
  report: VerifyReport,
  chosen: ChosenTags,
): JobSummary {
  const result = new JobSummary()
    .heading('skopeo-push')
    .verdict(true, `Pushed and read back ${image}@${digest}`)
    .facts([
      ['image', { text: image.toString(), code: true }],
      ['digest', { text: digest, code: true }],
      ['platforms', report.images.map((i) => i.platform).join(', ')],
      ['blobs', `${blobs.missing.length} uploaded (${blobs.bytes} bytes), ${blobs.present} already present`],
    ])
    .table(
      ['tag', 'kind', 'before', 'result'],
      decisions.map((d) => [
        d.tag,
        d.immutable ? 'immutable' : 'mutable',
        d.current === undefined ? 'new' : { text: d.current, code: true },
        d.action === 'write' ? 'written, verified' : 'already there, verified',
      ]),
    );
  if (chosen.fallback)
    result.paragraph(`No tag rule applies to this run: pushed under the default ${chosen.tags.join(', ')}.`);
  if (chosen.skipped.length > 0)
    result.table(
      ['skipped tag rule', 'why'],
      chosen.skipped.map((s) => [{ text: s.rule, code: true }, s.reason]),
    );
  return result;
}
