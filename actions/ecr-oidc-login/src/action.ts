import { defineAction } from '@chain/core/entry';
import { outputs, spec } from './inputs.ts';
import { plan } from './plan.ts';

export const action = defineAction({
  name: 'ecr-oidc-login',
  inputs: spec,
  outputs,
  plan,
  load: () => import('./run.ts'),
});
