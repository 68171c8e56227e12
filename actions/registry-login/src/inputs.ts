import { defineOutputs, InvalidValueError, inputs, parseList } from '@chain/core/entry';

export const spec = {
  registry: inputs
    .custom('registries', (raw) => {
      const items = parseList(raw);
      if (items.length === 0) throw new InvalidValueError('names no registry');
      return items;
    })
    .required('the registry host(s) to log in to, e.g. ghcr.io'),
  username: inputs.string({ pattern: /^[^\s:]+$/, accepted: 'a user name without spaces or ":"' }).optional(),
  password: inputs.secret(),
  'github-token': inputs.secret(),
  'auth-file': inputs.path({ allowOutsideWorkspace: true }).optional(),
  'docker-config': inputs.path({ allowOutsideWorkspace: true }).optional(),
  verify: inputs.boolean().default('true'),
  'tls-verify': inputs.boolean().default('true'),
  'keep-login': inputs.boolean().default('false'),
} as const;

export const outputs = defineOutputs(['registries', 'auth-file', 'docker-config']);
