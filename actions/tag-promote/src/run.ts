import {
  type ActionDeps,
  type AttestationVerdict,
  CommandError,
  ConfigurationError,
  checkImageAttestations,
  checkImageSignatures,
  copySignatures,
  fromInput,
  type ImageReference,
  loadTrustedRoot,
  needsExistingTags,
  type OutputName,
  type OutputWriter,
  openRegistry,
  type RegistryClient,
  type RunContext,
  readRefContext,
  skopeo,
  type TagPlan,
  type TagRulesResult,
  withRetries,
} from '@chain/core';
import { requireVerdicts } from './attestations.ts';
import type { outputs } from './inputs.ts';
import {
  chooseTags,
  type PromotePlan,
  previousOutput,
  promotionSummary,
  promotions,
  type SignatureRequirement,
  tagRepository,
} from './plan.ts';

type Outputs = OutputWriter<OutputName<typeof outputs>>;
type Context = RunContext<OutputName<typeof outputs>>;

export async function run(plan: PromotePlan, { deps, outputs }: Context): Promise<void> {
  for (const warning of plan.warnings) deps.logger.warning(warning);
  const client = openRegistry(deps, plan.registry);
  const { tags, skipped } = await selectTags(plan, client, deps);
  const digest = plan.digest.toString();
  if (tags.length === 0) {
    deps.logger.info('no tag rule applies to this run: nothing to promote');
    outputs.write({ tags: '[]', previous: '{}' });
    await deps.writeSummary(promotionSummary(`${plan.image}`, digest, '', [], skipped));
    return;
  }
  if ((await client.headManifest(plan.image, digest)) === undefined)
    throw new ConfigurationError(
      `${plan.image}@${digest} is not in the registry; push it first (skopeo-push)`,
      { input: 'digest' },
    );
  // Verify first: no valid signature matching the policy (and required attestation), no promotion.
  const verified = await verifyWhereTagsGo(plan, client, deps);
  const image = tagRepository(plan);
  const manifest = await client.getManifest(image, digest);
  if (manifest === undefined)
    throw new CommandError(`${image}@${digest} is not readable after the copy`, { tool: 'registry' });
  const current = new Map(
    await Promise.all(tags.map(async (t) => [t, await client.headManifest(image, t)] as const)),
  );
  const plans = promotions(plan, tags, current);
  // One manifest PUT of the same bytes per tag: no blob moves within a repository. All or nothing: if a
  // PUT fails, every tag moved before it is put back where it was.
  await moveAll(client, image, plans, manifest, outputs);
  await readBack(client, image, plans, digest);
  outputs.write({ tags: JSON.stringify(tags), previous: previousOutput(plans) });
  await deps.writeSummary(
    promotionSummary(`${image}`, digest, verified.signedBy, plans, skipped, verified.verdicts),
  );
}

/** The tags for this run: the event is read (and, when a rule needs them, the tags where they will move). */
async function selectTags(
  plan: PromotePlan,
  client: RegistryClient,
  deps: ActionDeps,
): Promise<TagRulesResult> {
  const ref = await readRefContext(deps.env, deps.now());
  const existing = needsExistingTags(plan.rules, ref)
    ? await client.listTags(tagRepository(plan))
    : undefined;
  const chosen = chooseTags(plan, ref, existing);
  for (const rule of chosen.skipped) deps.logger.info(`tag rule "${rule.rule}" skipped: ${rule.reason}`);
  return chosen;
}

interface Verified {
  signedBy: string;
  verdicts: AttestationVerdict[];
}

/**
 * Verifies the digest where it was pushed. Into another repository or registry: the image and its
 * signatures are copied by digest (no tag yet), then verified again where the tags will point.
 */
async function verifyWhereTagsGo(
  plan: PromotePlan,
  client: RegistryClient,
  deps: ActionDeps,
): Promise<Verified> {
  const requirement = plan.signature;
  if (requirement === undefined) {
    if (plan.target !== undefined) await copyToTarget(plan, plan.target, client, deps);
    return { signedBy: 'not required (require-signature: false)', verdicts: [] };
  }
  const trustedRoot = await fromInput('trusted-root', () =>
    loadTrustedRoot(requirement.trustedRoot, deps.paths.temp),
  );
  const verify = (repository: ImageReference) =>
    verifyImage({ client, repository, plan, requirement, trustedRoot }, deps);
  const verified = await verify(plan.image);
  if (plan.target === undefined) return verified;
  await copyToTarget(plan, plan.target, client, deps);
  return verify(plan.target);
}

/** skopeo copy by digest (retried on transient registry faults only, the core's one rule), then the signatures. */
async function copyToTarget(
  plan: PromotePlan,
  target: ImageReference,
  client: RegistryClient,
  deps: ActionDeps,
): Promise<void> {
  const { image: source, digest } = plan;
  deps.logger.info(`copying ${source}@${digest} and its signatures to ${target}`);
  const args = skopeo.copyByDigestArgs({
    source: `${source}@${digest}`,
    destination: `${target}@${digest}`,
    authFile: plan.registry.authFile,
    tlsVerify: plan.registry.tlsVerify,
  });
  // The same retry rule as every other registry operation: transient faults (429, 5xx, unavailable)
  // are retried with backoff, never 401, 403 or 404.
  await withRetries(() => deps.runner.run({ tool: 'skopeo', command: 'skopeo', args }), skopeo.failure, {
    onRetry: (attempt, delay, reason) =>
      deps.logger.warning(
        `skopeo copy failed on a transient registry fault; retrying in ${delay} ms (attempt ${attempt + 1}): ${reason}`,
      ),
  });
  const copied = await copySignatures(client, source, target, digest);
  deps.logger.info(
    `copied ${copied.classicLayers} classic signature(s) and ${copied.referrers} referrer(s) to ${target}`,
  );
}

/**
 * The signature must verify against the policy (SIGNATURE_INVALID otherwise); with require-attestations,
 * every required attestation too, against the same policy and (keyless) by an identity that signed the
 * image, meeting its conditions.
 */
async function verifyImage(
  request: {
    client: RegistryClient;
    repository: ImageReference;
    plan: PromotePlan;
    requirement: SignatureRequirement;
    trustedRoot: Awaited<ReturnType<typeof loadTrustedRoot>>;
  },
  deps: ActionDeps,
): Promise<Verified> {
  const { client, repository, trustedRoot } = request;
  const { policy, conditions } = request.requirement;
  const { digest } = request.plan;
  const where = `${repository}@${digest}`;
  const check = await checkImageSignatures(client, repository, digest, trustedRoot, policy, {
    all: conditions !== undefined,
  });
  if (check.accepted === undefined) {
    const why = check.rejected.length === 0 ? 'it has no signature at all' : check.rejected.join('; ');
    throw new ConfigurationError(
      `refusing to promote ${where}: no valid signature matches the policy (${why}). No tag was changed.`,
      { code: 'SIGNATURE_INVALID' },
    );
  }
  const signedBy = `${check.accepted.identity ?? 'key'} (${check.accepted.format}${check.accepted.issuer ? `, ${check.accepted.issuer}` : ''})`;
  deps.logger.info(`signature verified in ${repository}: ${signedBy}`);
  if (conditions === undefined) return { signedBy, verdicts: [] };
  const signerIdentities =
    policy.publicKey === undefined ? check.verified.flatMap((v) => v.identity ?? []) : undefined;
  const { verdicts = [] } = await checkImageAttestations(client, repository, digest, trustedRoot, policy, {
    require: { ...conditions, now: deps.now(), signerIdentities },
  });
  requireVerdicts(verdicts, where);
  deps.logger.info(`attestations verified in ${repository}: ${verdicts.map((v) => v.kind).join(', ')}`);
  return { signedBy, verdicts };
}

interface Manifest {
  bytes: Buffer;
  mediaType: string;
  digest: string;
}

/**
 * Moves every tag of the plan, or none: the previous manifests are fetched first (to put them back), and a
 * failed PUT puts the tags already moved back where they were. A tag that was new cannot be removed again
 * (a registry deletes manifests, not tags): it is reported. The outputs name exactly what moved.
 */
async function moveAll(
  client: RegistryClient,
  image: ImageReference,
  plans: TagPlan[],
  manifest: Manifest,
  outputs: Outputs,
): Promise<void> {
  const toMove = plans.filter((p) => p.action !== 'unchanged');
  const before = await previousManifests(client, image, toMove);
  for (const plan of toMove) {
    try {
      await client.putManifest(image, plan.tag, manifest.bytes, manifest.mediaType);
    } catch (error) {
      const { restored, stuck } = await putBack(client, image, toMove, manifest, before);
      outputs.write({ tags: JSON.stringify(stuck.map((p) => p.tag)), previous: previousOutput(stuck) });
      throw new CommandError(
        `promotion stopped: moving ${image}:${plan.tag} failed (${error instanceof Error ? error.message : String(error)}). ` +
          `${restored.length > 0 ? `Put back: ${restored.join(', ')}. ` : ''}` +
          `${stuck.length > 0 ? `Still at the new digest (a new tag cannot be removed, or putting it back failed): ${stuck.map((p) => `${p.tag} (before: ${p.previous ?? 'none'})`).join(', ')}.` : 'No tag is left moved.'}`,
        { tool: 'registry', cause: error },
      );
    }
  }
}

/** The manifests the tags to move point at now, by digest: what a failed promotion puts back. */
async function previousManifests(
  client: RegistryClient,
  image: ImageReference,
  toMove: TagPlan[],
): Promise<Map<string, Omit<Manifest, 'digest'>>> {
  const before = new Map<string, Omit<Manifest, 'digest'>>();
  for (const plan of toMove) {
    if (plan.previous === undefined || before.has(plan.previous)) continue;
    const previous = await client.getManifest(image, plan.previous);
    if (previous === undefined)
      throw new CommandError(
        `${image}@${plan.previous} (what ${plan.tag} points at) is not readable; no tag was changed`,
        { tool: 'registry' },
      );
    before.set(plan.previous, previous);
  }
  return before;
}

/**
 * After a failed PUT: a failed PUT may still have been applied (a proxy answering 502 after forwarding it),
 * so what moved is read from the registry, not assumed, and every tag found at the new digest is put back
 * if it can be. Whether the put-back PUT "failed" or not, what the registry serves afterwards decides.
 */
async function putBack(
  client: RegistryClient,
  image: ImageReference,
  toMove: TagPlan[],
  manifest: Manifest,
  before: Map<string, Omit<Manifest, 'digest'>>,
): Promise<{ restored: string[]; stuck: TagPlan[] }> {
  const served = async (tag: string) =>
    (await client.headManifest(image, tag).catch(() => undefined))?.digest;
  const restored: string[] = [];
  const stuck: TagPlan[] = [];
  for (const done of toMove) {
    if ((await served(done.tag)) !== manifest.digest) continue;
    const previous = done.previous === undefined ? undefined : before.get(done.previous);
    if (previous !== undefined)
      await client.putManifest(image, done.tag, previous.bytes, previous.mediaType).catch(() => undefined);
    if (previous !== undefined && (await served(done.tag)) === done.previous)
      restored.push(`${done.tag} → ${done.previous}`);
    else stuck.push(done);
  }
  return { restored, stuck };
}

/** Every tag is read back: the registry must serve exactly the promoted digest. */
async function readBack(
  client: RegistryClient,
  image: ImageReference,
  plans: TagPlan[],
  digest: string,
): Promise<void> {
  for (const plan of plans) {
    const served = await client.headManifest(image, plan.tag);
    if (served?.digest !== digest)
      throw new CommandError(
        `after promotion ${image}:${plan.tag} serves ${served?.digest ?? 'nothing'}, not ${digest}`,
        { tool: 'registry' },
      );
  }
}
