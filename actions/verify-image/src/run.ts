import {
  type ActionDeps,
  ConfigurationError,
  CustodyError,
  fromInput,
  loadTrustedRoot,
  type OutputName,
  openRegistry,
  type RunContext,
  verifyImageCustody,
} from '@chain/core';
import type { outputs } from './inputs.ts';
import type { VerifyPlan } from './plan.ts';
import { custodyOutput, custodySummary } from './report.ts';

type Context = RunContext<OutputName<typeof outputs>>;

/**
 * Verifies the chain of custody of an image (the core's verifyImageCustody): outputs and summary are
 * written whatever the verdict, then any failed link fails the step, each named (CustodyError).
 */
export async function run(plan: VerifyPlan, { deps, outputs }: Context): Promise<void> {
  for (const warning of plan.warnings) deps.logger.warning(warning);
  const client = openRegistry(deps, plan.registry);
  const trustedRoot = await trustedRootOf(plan.trustedRoot, deps);
  const custody = await namingImage(
    verifyImageCustody({
      client,
      reference: plan.image,
      trustedRoot,
      policy: plan.policy,
      require: plan.require,
    }),
  );
  outputs.write({ digest: custody.digest, custody: custodyOutput(custody) });
  await deps.writeSummary(custodySummary(custody));
  for (const warning of custody.warnings) deps.logger.warning(warning);
  if (custody.failures.length > 0)
    throw new CustodyError(`${custody.repository}@${custody.digest}`, custody.failures);
  deps.logger.info(
    `chain of custody verified: ${custody.repository}@${custody.digest} from ${custody.source?.repository ?? 'an unknown source'} at ${custody.source?.commit ?? 'an unknown commit'}`,
  );
}

/** An image the registry does not have (or a reference naming no version of it) is the image input's fault. */
async function namingImage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ConfigurationError && IMAGE_CODES.has(error.code)) throw error.forInput('image');
    throw error;
  }
}

const IMAGE_CODES = new Set(['IMAGE_NOT_FOUND', 'IMAGE_UNNAMED']);

/** The trusted root (a file, or the public-good root through TUF); a bad file is the input's fault. */
function trustedRootOf(path: string | undefined, deps: ActionDeps) {
  return fromInput('trusted-root', () => loadTrustedRoot(path, deps.paths.temp));
}
