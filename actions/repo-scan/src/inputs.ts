import { defineOutputs, inputs } from '@chain/core';

export const spec = {
  path: inputs.path().default('.'),
  scanners: inputs.list().default('osv,trivy,sbom'),
  severity: inputs.list().default('HIGH,CRITICAL'),
  'ignore-unfixed': inputs.boolean().default('false'),
  'fail-on': inputs.enum(['findings', 'never']).default('findings'),
  'sbom-formats': inputs.list().default('cyclonedx-json'),
  'trivy-version': inputs.string().optional(),
  'trivy-path': inputs.path({ allowOutsideWorkspace: true }).optional(),
  'osv-scanner-version': inputs.string().optional(),
  'osv-scanner-path': inputs.path({ allowOutsideWorkspace: true }).optional(),
  'syft-version': inputs.string().optional(),
  'syft-path': inputs.path({ allowOutsideWorkspace: true }).optional(),
  'db-repository': inputs.string().optional(),
} as const;

export const outputs = defineOutputs(['passed', 'counts', 'report', 'sarif', 'sbom']);
