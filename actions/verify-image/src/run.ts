import {
  type ActionDeps,
  CustodyError,
  loadTrustedRoot,
  openRegistry,
  readInputs,
  runnerDeps,
  signerPolicyFromInputs,
  verifyImageCustody,
} from '@chain/core';
import { outputs, spec } from './inputs.ts';
import { custodyOutput, custodySummary } from './plan.ts';

/**
 * Verifies the chain of custody of an image (the core's verifyImageCustody): outputs and summary are
 * written whatever the verdict, then any failed link fails the step, each named.
 */
export async function main(deps: ActionDeps = runnerDeps()): Promise<void> {
  const values = readInputs(spec, deps.inputs, deps.inputContext);
  const policy = signerPolicyFromInputs(values, deps.logger, 'verify-image needs the expected signer');
  const client = openRegistry(deps, { authFile: values['auth-file'], tlsVerify: values['tls-verify'] });
  const trustedRoot = await loadTrustedRoot(values['trusted-root'], deps.paths.temp);
  const custody = await verifyImageCustody({
    client,
    reference: values.image,
    trustedRoot,
    policy,
    require: values.require,
  });
  outputs.write({ digest: custody.digest, custody: custodyOutput(custody) }, deps.outputs);
  await deps.writeSummary(custodySummary(custody));
  for (const warning of custody.warnings) deps.logger.warning(warning);
  if (custody.failures.length > 0)
    throw new CustodyError(`${custody.repository}@${custody.digest}`, custody.failures);
  deps.logger.info(
    `chain of custody verified: ${custody.repository}@${custody.digest} from ${custody.source?.repository ?? 'an unknown source'} at ${custody.source?.commit ?? 'an unknown commit'}`,
  );
}
