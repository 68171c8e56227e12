import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type ActionDeps,
  CommandError,
  DEFAULT_RETRY,
  type Descriptor,
  type ImageReference,
  JobSummary,
  type LayoutGraph,
  needsExistingTags,
  OciLayout,
  type OutputName,
  openRegistry,
  type RegistryClient,
  type RunContext,
  readRefContext,
  requireLayoutDigest,
  skopeo,
  type TagPlan,
  type TagRulesResult,
  type VerifyReport,
  withRetries,
} from '@chain/core';
import type { outputs } from './inputs.ts';
import { chooseTags, type PushPlan, tagWrites } from './plan.ts';

type Context = RunContext<OutputName<typeof outputs>>;

const PUSH_REFUSAL = 'refusing to push bytes other than the ones that were built and scanned';

export async function run(plan: PushPlan, { deps, outputs }: Context): Promise<void> {
  const phase = (name: string) =>
    deps.logger.debug(`skopeo-push: ${name} at ${performance.now().toFixed(0)} ms since the process started`);
  const client = openRegistry(deps, plan.registry);
  const chosen = await selectTags(plan, client, deps);
  const source = await openLayout(plan);
  const checked = await verifyAndCheck(plan, chosen.tags, source, client);
  phase('verified and checked the registry');
  const decisions = tagWrites(plan, chosen.tags, checked.current);
  await writeTags(plan, decisions, { ...source, ...checked }, client, deps, phase);
  phase('pushed');
  await readBack(plan, decisions, client);
  phase('read back');
  const { image, digest } = plan;
  outputs.write({
    digest,
    'image-ref': `${image}@${digest}`,
    tags: JSON.stringify(decisions.map((d) => d.tag)),
  });
  const { blobs } = checked;
  deps.logger.info(
    `pushed ${image}@${digest} as ${chosen.tags.join(', ')} (${blobs.missing.length} blobs uploaded, ${blobs.present} already present)`,
  );
  await deps.writeSummary(pushSummary(plan, decisions, chosen, checked));
  phase('done');
}

/** The tags for this run: the event is read (and the registry's tags, when a rule needs them), then planned. */
async function selectTags(plan: PushPlan, client: RegistryClient, deps: ActionDeps): Promise<TagRulesResult> {
  const ref = await readRefContext(deps.env, deps.now());
  const existing = needsExistingTags(plan.rules, ref) ? await client.listTags(plan.image) : undefined;
  const chosen = chooseTags(plan, ref, existing);
  for (const rule of chosen.skipped) deps.logger.info(`tag rule "${rule.rule}" skipped: ${rule.reason}`);
  if (chosen.fallback)
    deps.logger.info(`no tag rule applies to this run: pushing under the default ${chosen.tags.join(', ')}`);
  return chosen;
}

interface Source {
  layout: OciLayout;
  /** The ref name that selects the image in a layout holding several (undefined: the only one). */
  ref: string | undefined;
  graph: LayoutGraph;
}

/** The layout's top level must be exactly the digest that was built and scanned (DIGEST_MISMATCH). */
async function openLayout(plan: PushPlan): Promise<Source> {
  const layout = await OciLayout.open(plan.layout);
  const entry =
    layout.index.manifests.length === 1
      ? undefined
      : layout.index.manifests.find((m) => m.digest === plan.digest);
  const ref = entry?.annotations?.['org.opencontainers.image.ref.name'];
  const graph = await layout.walk(ref);
  requireLayoutDigest(plan.layout, graph.root.digest, plan.digest, PUSH_REFUSAL);
  return { layout, ref, graph };
}

interface Checked {
  report: VerifyReport;
  /** The root manifest's bytes, which every further tag gets. */
  rootBytes: Buffer;
  /** What each tag points at now. */
  current: Map<string, { digest: string } | undefined>;
  blobs: BlobPresence;
}

/**
 * Verification and the read-only registry checks run together: nothing is written before both end.
 * Manifests are digest-checked and every blob must be present at its size; the layers' digests are checked
 * by skopeo as it streams them from the snapshot, and by the registry before it commits each blob.
 */
async function verifyAndCheck(
  plan: PushPlan,
  tags: readonly string[],
  source: Source,
  client: RegistryClient,
): Promise<Checked> {
  const [verified, tagged, present] = await Promise.allSettled([
    source.layout.checkForStreaming(source.ref),
    Promise.all(tags.map(async (t) => [t, await client.headManifest(plan.image, t)] as const)),
    blobPresence(client, plan.image, source.graph),
  ]);
  // A broken layout is reported before any registry problem, whichever finished first.
  if (verified.status === 'rejected') throw verified.reason;
  if (tagged.status === 'rejected') throw tagged.reason;
  if (present.status === 'rejected') throw present.reason;
  const report = verified.value;
  requireLayoutDigest(plan.layout, report.root.digest, plan.digest, PUSH_REFUSAL);
  return {
    report,
    rootBytes: await source.layout.readBlob(report.root),
    current: new Map(tagged.value),
    blobs: present.value,
  };
}

interface BlobPresence {
  present: number;
  missing: Descriptor[];
  bytes: number;
}

async function blobPresence(
  client: RegistryClient,
  image: ImageReference,
  graph: LayoutGraph,
): Promise<BlobPresence> {
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

/**
 * Pushes once with skopeo, to the first tag that needs writing; the other tags get the same manifest bytes
 * by a manifest PUT. skopeo reads a private snapshot of exactly what was verified, never the layout again.
 */
async function writeTags(
  plan: PushPlan,
  decisions: TagPlan[],
  verified: Source & Checked,
  client: RegistryClient,
  deps: ActionDeps,
  phase: (name: string) => void,
): Promise<void> {
  const [first, ...rest] = decisions.filter((d) => d.action !== 'unchanged');
  if (first === undefined) {
    deps.logger.info(`every tag already points at ${plan.digest}; nothing to push`);
    return;
  }
  const folder = await deps.tempDir('verified');
  try {
    const snapshot = await verified.layout.snapshot(verified.report, join(folder, 'layout'));
    phase('snapshotted the verified layout');
    await copyWithRetries(plan, snapshot, first.tag, verified.ref, deps);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  const { root } = verified.report;
  for (const d of rest) await client.putManifest(plan.image, d.tag, verified.rootBytes, root.mediaType);
}

/** skopeo copy, retried on transient registry faults only (the core's one rule); it must push the digest. */
async function copyWithRetries(
  plan: PushPlan,
  snapshot: string,
  tag: string,
  ref: string | undefined,
  deps: ActionDeps,
): Promise<void> {
  const work = await deps.tempDir('skopeo-push');
  const digestFile = join(work, 'digest');
  const args = skopeo.copyArgs({
    source: `oci:${snapshot}${ref === undefined ? '' : `:${ref}`}`,
    destination: `docker://${plan.image.withTag(tag)}`,
    digestFile,
    authFile: plan.registry.authFile,
    tlsVerify: plan.registry.tlsVerify,
  });
  try {
    await withRetries(
      () => deps.runner.run({ tool: 'skopeo', command: 'skopeo', args, env: deps.env, echo: true }),
      skopeo.failure,
      {
        policy: { ...DEFAULT_RETRY, maxAttempts: plan.attempts },
        onRetry: (attempt, delay, reason) =>
          deps.logger.warning(
            `skopeo copy failed on a transient registry fault; retrying in ${delay} ms (attempt ${attempt + 1} of ${plan.attempts}): ${reason}`,
          ),
      },
    );
    const pushed = (await readFile(digestFile, 'utf8')).trim();
    if (pushed !== plan.digest)
      throw new CommandError(`skopeo pushed ${pushed}, not ${plan.digest}: the registry changed the bytes`, {
        tool: 'skopeo',
        code: 'DIGEST_MISMATCH',
        expected: plan.digest.toString(),
        actual: pushed,
      });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Every tag is read back: the registry must serve exactly the expected digest. */
async function readBack(plan: PushPlan, decisions: TagPlan[], client: RegistryClient): Promise<void> {
  for (const d of decisions) {
    const served = await client.getManifest(plan.image, d.tag);
    if (served?.digest !== plan.digest)
      throw new CommandError(
        `after the push, ${plan.image}:${d.tag} serves ${served?.digest ?? 'nothing'}, not ${plan.digest}`,
        {
          tool: 'registry',
          code: 'DIGEST_MISMATCH',
          expected: plan.digest.toString(),
          actual: served?.digest ?? 'nothing',
        },
      );
  }
}

function pushSummary(
  { image, digest }: PushPlan,
  decisions: TagPlan[],
  chosen: TagRulesResult,
  { blobs, report }: Checked,
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
        d.previous === undefined ? 'new' : { text: d.previous, code: true },
        d.action === 'unchanged' ? 'already there, verified' : 'written, verified',
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
