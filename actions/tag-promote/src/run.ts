import {
  type ActionDeps,
  anchoredRegExp,
  CommandError,
  ConfigurationError,
  CredentialStore,
  checkImageSignatures,
  copySignatures,
  JobSummary,
  loadTrustedRoot,
  RegistryClient,
  readInputs,
  runnerDeps,
  type SignerPolicy,
  skopeo,
} from '@chain/core';
import { outputs, spec } from './inputs.ts';
import { expandTags, type Promotion, planPromotions, previousOutput } from './plan.ts';

export async function main(deps: ActionDeps = runnerDeps()): Promise<void> {
  const values = readInputs(spec, deps.inputs, deps.inputContext);
  const source = values.image;
  const digest = values.digest;
  const tags = expandTags(values.tags, deps.env, new Date());
  const credentials = new CredentialStore({
    env: deps.env,
    runner: deps.runner,
    logger: deps.logger,
    authFile: values['auth-file'],
  });
  const client = new RegistryClient({ logger: deps.logger, credentials, tlsVerify: values['tls-verify'] });

  const policy = values['require-signature'] ? signerPolicy(values, deps) : undefined;
  if ((await client.headManifest(source, digest.toString())) === undefined)
    throw new ConfigurationError(`${source}@${digest} is not in the registry; push it first (skopeo-push)`, {
      input: 'digest',
    });

  // Verify first: no valid signature matching the policy, no promotion.
  const trustedRoot = policy === undefined ? undefined : await loadTrustedRoot(values['trusted-root']);
  const verify = async (repository: typeof source): Promise<string> => {
    if (policy === undefined || trustedRoot === undefined) return 'not required (require-signature: false)';
    const check = await checkImageSignatures(client, repository, digest, trustedRoot, policy);
    if (check.accepted === undefined) {
      const why = check.rejected.length === 0 ? 'it has no signature at all' : check.rejected.join('; ');
      throw new ConfigurationError(
        `refusing to promote ${repository}@${digest}: no valid signature matches the policy (${why}). No tag was changed.`,
      );
    }
    const by = `${check.accepted.identity ?? 'key'} (${check.accepted.format}${check.accepted.issuer ? `, ${check.accepted.issuer}` : ''})`;
    deps.logger.info(`signature verified in ${repository}: ${by}`);
    return by;
  };
  let signedBy = await verify(source);

  // Into another repository or registry: the image and its signatures by digest (no tag yet), then
  // the signatures are verified again where the tags will point.
  let image = source;
  const target = values['target-image'];
  if (target !== undefined && !target.equals(source)) {
    deps.logger.info(`copying ${source}@${digest} and its signatures to ${target}`);
    await deps.runner.run({
      tool: 'skopeo',
      command: 'skopeo',
      args: skopeo.copyByDigestArgs({
        source: `${source}@${digest}`,
        destination: `${target}@${digest}`,
        authFile: values['auth-file'],
        tlsVerify: values['tls-verify'],
      }),
    });
    const copied = await copySignatures(client, source, target, digest);
    deps.logger.info(
      `copied ${copied.classicLayers} classic signature(s) and ${copied.referrers} referrer(s) to ${target}`,
    );
    image = target;
    if (policy !== undefined) signedBy = await verify(target);
  }
  const manifest = await client.getManifest(image, digest.toString());
  if (manifest === undefined)
    throw new CommandError(`${image}@${digest} is not readable after the copy`, { tool: 'registry' });

  const current = new Map(
    await Promise.all(tags.map(async (t) => [t, await client.headManifest(image, t)] as const)),
  );
  const plans = planPromotions(tags, current, digest.toString(), values['immutable-tags']);
  // One manifest PUT of the same bytes per tag: no blob moves within a repository.
  for (const plan of plans.filter((p) => p.action !== 'unchanged'))
    await client.putManifest(image, plan.tag, manifest.bytes, manifest.mediaType);
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
  await deps.writeSummary(summary(`${image}`, digest.toString(), signedBy, plans));
}

function signerPolicy(values: ReturnType<typeof readInputs<typeof spec>>, deps: ActionDeps): SignerPolicy {
  if (values['public-key'] !== undefined) return { publicKey: values['public-key'] };
  const identity = values['certificate-identity'];
  const pattern = values['certificate-identity-regexp'];
  const issuer = values['certificate-oidc-issuer'];
  if ((identity === undefined && pattern === undefined) || issuer === undefined) {
    throw new ConfigurationError(
      'require-signature is true: give certificate-identity (or certificate-identity-regexp) and certificate-oidc-issuer, or public-key',
      { input: 'certificate-identity' },
    );
  }
  if (pattern !== undefined && !(pattern.startsWith('^') && pattern.endsWith('$'))) {
    deps.logger.warning(
      `certificate-identity-regexp "${pattern}" was anchored to ^…$ so that look-alike identities do not match`,
    );
  }
  return identity !== undefined
    ? { identity, issuer }
    : { identityRegExp: anchoredRegExp(pattern ?? ''), issuer };
}

function summary(image: string, digest: string, signedBy: string, plans: Promotion[]): JobSummary {
  return new JobSummary()
    .heading('tag-promote')
    .verdict(true, `Promoted ${image}@${digest}`)
    .facts([
      ['digest', { text: digest, code: true }],
      ['signature', signedBy],
    ])
    .table(
      ['tag', 'before', 'now'],
      plans.map((p) => [
        p.tag,
        p.previous === undefined ? 'new' : { text: p.previous, code: true },
        p.action === 'unchanged' ? 'unchanged' : 'moved here',
      ]),
    );
}
