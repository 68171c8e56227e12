import {
  type ActionDeps,
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
  const custody = await verifyImageCustody({
    client,
    reference: plan.image,
    trustedRoot,
    policy: plan.policy,
    require: plan.require,
  });
  outputs.write({ digest: custody.digest, custody: custodyOutput(custody) });
  await deps.writeSummary(custodySummary(custody));
  for (const warning of custody.warnings) deps.logger.warning(warning);
  if (custody.failures.length > 0)
    throw new CustodyError(`${custody.repository}@${custody.digest}`, custody.failures);
  deps.logger.info(
    `chain of custody verified: ${custody.repository}@${custody.digest} from ${custody.source?.repository ?? 'an unknown source'} at ${custody.source?.commit ?? 'an unknown commit'}`,
  );
}

/** The trusted root (a file, or the public-good root through TUF); a bad file is the input's fault. */
function trustedRootOf(path: string | undefined, deps: ActionDeps) {
  return fromInput('trusted-root', () => loadTrustedRoot(path, deps.paths.temp));
}
