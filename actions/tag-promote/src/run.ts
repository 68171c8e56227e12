import {
  type ActionDeps,
  type AttestationVerdict,
  CommandError,
  ConfigurationError,
  checkImageAttestations,
  checkImageSignatures,
  copySignatures,
  type Digest,
  type ImageReference,
  loadTrustedRoot,
  openRegistry,
  type RegistryClient,
  readInputs,
  readRefContext,
  resolveTagRules,
  runnerDeps,
  type SignerPolicy,
  signerPolicyFromInputs,
  skopeo,
  withRetries,
} from '@chain/core';
import { attestationConditions, requireVerdicts } from './attestations.ts';
import { outputs, spec } from './inputs.ts';
import { type Promotion, planPromotions, previousOutput, promotionSummary } from './plan.ts';

export async function main(deps: ActionDeps = runnerDeps()): Promise<void> {
  const values = readInputs(spec, deps.inputs, deps.inputContext);
  const source = values.image;
  const digest = values.digest;
  const context = await readRefContext(deps.env, new Date());
  const client = openRegistry(deps, { authFile: values['auth-file'], tlsVerify: values['tls-verify'] });
  const policy = values['require-signature']
    ? signerPolicyFromInputs(values, deps.logger, 'require-signature is true')
    : undefined;
  const conditions = attestationConditions(values, policy, deps.env);
  // Which tags: the rules for this ref (latest=auto on a release tag reads the tags where they will be written).
  const { tags, skipped } = await resolveTagRules(values.tags, context, {
    input: 'tags',
    listTags: () => client.listTags(values['target-image'] ?? source),
    immutable: values['immutable-tags'],
  });
  for (const rule of skipped) deps.logger.info(`tag rule "${rule.rule}" skipped: ${rule.reason}`);
  if (tags.length === 0) {
    deps.logger.info('no tag rule applies to this run: nothing to promote');
    outputs.write({ tags: '[]', previous: '{}' }, deps.outputs);
    await deps.writeSummary(promotionSummary(`${source}`, digest.toString(), '', [], skipped));
    return;
  }

  if ((await client.headManifest(source, digest.toString())) === undefined)
    throw new ConfigurationError(`${source}@${digest} is not in the registry; push it first (skopeo-push)`, {
      input: 'digest',
    });

  // Verify first: no valid signature matching the policy (and required attestation), no promotion.
  const trustedRoot = policy === undefined ? undefined : await loadTrustedRoot(values['trusted-root'], deps.paths.temp);
  const verify = async (repository: typeof source): Promise<Verified> => {
    if (policy === undefined || trustedRoot === undefined)
      return { signedBy: 'not required (require-signature: false)', verdicts: [] };
    return verifyImage({ client, repository, digest, trustedRoot, policy, conditions }, deps);
  };
  let verified = await verify(source);

  // Into another repository or registry: the image and its signatures by digest (no tag yet), then
  // the signatures are verified again where the tags will point.
  let image = source;
  const target = values['target-image'];
  if (target !== undefined && !target.equals(source)) {
    deps.logger.info(`copying ${source}@${digest} and its signatures to ${target}`);
    const args = skopeo.copyByDigestArgs({
      source: `${source}@${digest}`,
      destination: `${target}@${digest}`,
      authFile: values['auth-file'],
      tlsVerify: values['tls-verify'],
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
    image = target;
    if (policy !== undefined) verified = await verify(target);
  }
  const manifest = await client.getManifest(image, digest.toString());
  if (manifest === undefined)
    throw new CommandError(`${image}@${digest} is not readable after the copy`, { tool: 'registry' });

  const current = new Map(
    await Promise.all(tags.map(async (t) => [t, await client.headManifest(image, t)] as const)),
  );
  const plans = planPromotions(tags, current, digest.toString(), values['immutable-tags']);
  // One manifest PUT of the same bytes per tag: no blob moves within a repository. All or nothing: if a
  // PUT fails, every tag moved before it is put back where it was.
  await moveAll(client, image, plans, manifest, deps);
  for (const plan of plans) {
    const served = await client.headManifest(image, plan.tag);
    if (served?.digest !== digest.toString()) {
      throw new CommandError(
        `after promotion ${image}:${plan.tag} serves ${served?.digest ?? 'nothing'}, not ${digest}`,
        { tool: 'registry' },
      );
    }
  }
  outputs.write({ tags: JSON.stringify(tags), previous: previousOutput(plans) }, deps.outputs);
  await deps.writeSummary(
    promotionSummary(`${image}`, digest.toString(), verified.signedBy, plans, skipped, verified.verdicts),
  );
}

interface Verified {
  signedBy: string;
  verdicts: AttestationVerdict[];
}

/**
 * The signature must verify against the policy; with require-attestations, every required attestation
 * too, against the same policy and (keyless) by an identity that signed the image, meeting its conditions.
 */
async function verifyImage(
  request: {
    client: RegistryClient;
    repository: ImageReference;
    digest: Digest;
    trustedRoot: Awaited<ReturnType<typeof loadTrustedRoot>>;
    policy: SignerPolicy;
    conditions: ReturnType<typeof attestationConditions>;
  },
  deps: ActionDeps,
): Promise<Verified> {
  const { client, repository, digest, trustedRoot, policy, conditions } = request;
  const where = `${repository}@${digest}`;
  const check = await checkImageSignatures(client, repository, digest, trustedRoot, policy, {
    all: conditions !== undefined,
  });
  if (check.accepted === undefined) {
    const why = check.rejected.length === 0 ? 'it has no signature at all' : check.rejected.join('; ');
    throw new ConfigurationError(
      `refusing to promote ${where}: no valid signature matches the policy (${why}). No tag was changed.`,
    );
  }
  const signedBy = `${check.accepted.identity ?? 'key'} (${check.accepted.format}${check.accepted.issuer ? `, ${check.accepted.issuer}` : ''})`;
  deps.logger.info(`signature verified in ${repository}: ${signedBy}`);
  if (conditions === undefined) return { signedBy, verdicts: [] };
  const signerIdentities =
    policy.publicKey === undefined ? check.verified.flatMap((v) => v.identity ?? []) : undefined;
  const { verdicts = [] } = await checkImageAttestations(client, repository, digest, trustedRoot, policy, {
    require: { ...conditions, now: new Date(), signerIdentities },
  });
  requireVerdicts(verdicts, where);
  deps.logger.info(`attestations verified in ${repository}: ${verdicts.map((v) => v.kind).join(', ')}`);
  return { signedBy, verdicts };
}

/**
 * Moves every tag of the plan, or none: the previous manifests are fetched first (to put them back), and a
 * failed PUT puts the tags already moved back where they were. A tag that was new cannot be removed again
 * (a registry deletes manifests, not tags): it is reported. The outputs name exactly what moved.
 */
async function moveAll(
  client: RegistryClient,
  image: ImageReference,
  plans: Promotion[],
  manifest: { bytes: Buffer; mediaType: string; digest: string },
  deps: ActionDeps,
): Promise<void> {
  const toMove = plans.filter((p) => p.action !== 'unchanged');
  const before = new Map<string, { bytes: Buffer; mediaType: string }>();
  for (const plan of toMove) {
    if (plan.previous === undefined || before.has(plan.previous)) continue;
    const previous = await client.getManifest(image, plan.previous);
    if (previous === undefined)
      throw new CommandError(
        `${image}@${plan.previous} (what ${plan.tag} points at) is not readable; no tag was changed`,
        {
          tool: 'registry',
        },
      );
    before.set(plan.previous, previous);
  }
  for (const plan of toMove) {
    try {
      await client.putManifest(image, plan.tag, manifest.bytes, manifest.mediaType);
    } catch (error) {
      // A failed PUT may still have been applied (a proxy answering 502 after forwarding it): what moved is
      // read from the registry, not assumed, and every tag found at the new digest is put back if it can be.
      const restored: string[] = [];
      const stuck: Promotion[] = [];
      for (const done of toMove) {
        if ((await client.headManifest(image, done.tag).catch(() => undefined))?.digest !== manifest.digest)
          continue;
        const previous = done.previous === undefined ? undefined : before.get(done.previous);
        // Whether the put-back PUT "failed" or not, what the registry serves afterwards decides.
        if (previous !== undefined)
          await client
            .putManifest(image, done.tag, previous.bytes, previous.mediaType)
            .catch(() => undefined);
        const putBack =
          previous !== undefined &&
          (await client.headManifest(image, done.tag).catch(() => undefined))?.digest === done.previous;
        if (putBack) restored.push(`${done.tag} → ${done.previous}`);
        else stuck.push(done);
      }
      outputs.write(
        { tags: JSON.stringify(stuck.map((p) => p.tag)), previous: previousOutput(stuck) },
        deps.outputs,
      );
      throw new CommandError(
        `promotion stopped: moving ${image}:${plan.tag} failed (${error instanceof Error ? error.message : String(error)}). ` +
          `${restored.length > 0 ? `Put back: ${restored.join(', ')}. ` : ''}` +
          `${stuck.length > 0 ? `Still at the new digest (a new tag cannot be removed, or putting it back failed): ${stuck.map((p) => `${p.tag} (before: ${p.previous ?? 'none'})`).join(', ')}.` : 'No tag is left moved.'}`,
        { tool: 'registry', cause: error },
      );
    }
  }
}
