import { defineOutputs, inputs, ociInputs } from '@chain/core';

export const spec = {
  context: inputs.path().default('.'),
  file: inputs.path().optional(),
  platforms: ociInputs.platforms().default(''),
  'build-args': inputs.list().default(''),
  labels: inputs.list().default(''),
  annotations: inputs.list().default(''),
  target: inputs
    .string({ pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]*$/, accepted: 'a build stage name' })
    .optional(),
  secrets: inputs.list().default(''),
  builder: inputs.enum(['auto', 'buildx', 'buildah']).default('auto'),
  provenance: inputs.enum(['min', 'max', 'false']).default('min'),
  sbom: inputs.boolean().default('false'),
  'cache-from': inputs.list().default(''),
  'cache-to': inputs.list().default(''),
  'source-date-epoch': inputs.integer({ min: 0, max: 253402300799 }).optional(),
  version: inputs.string().optional(),
  'traceability-labels': inputs.boolean().default('true'),
  'output-dir': inputs.path({ allowOutsideWorkspace: true }).optional(),
} as const;

export const outputs = defineOutputs(['layout', 'digest', 'media-type', 'platforms', 'builder']);
