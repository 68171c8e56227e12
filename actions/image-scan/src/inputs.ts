import { defineOutputs, inputs, ociInputs, parseList, parseSeverityList } from '@chain/core/entry';

export const spec = {
  layout: inputs
    .path({ allowOutsideWorkspace: true })
    .required('the OCI layout directory (oci-build output "layout")'),
  digest: ociInputs.digest().required('the layout digest to scan (oci-build output "digest")'),
  platforms: ociInputs.platforms().default(''),
  severity: inputs.custom('severities', (raw) => parseSeverityList(parseList(raw))).default('HIGH,CRITICAL'),
  'ignore-unfixed': inputs.boolean().default('false'),
  'fail-on': inputs.enum(['findings', 'never']).default('findings'),
  'trivy-version': inputs.string().optional(),
  'trivy-path': inputs.path({ allowOutsideWorkspace: true }).optional(),
  'db-repository': inputs
    .string({ pattern: /^[a-z0-9][\w.:/-]*$/, accepted: 'an OCI repository such as ghcr.io/org/trivy-db' })
    .optional(),
  'trivy-cache-dir': inputs.path({ allowOutsideWorkspace: true }).optional(),
  offline: inputs.boolean().default('false'),
  trivyignore: inputs.path({ mustExist: 'file' }).optional(),
  sbom: inputs.boolean().default('false'),
  'syft-version': inputs.string().optional(),
  'syft-path': inputs.path({ allowOutsideWorkspace: true }).optional(),
} as const;

export const outputs = defineOutputs([
  'passed',
  'counts',
  'report',
  'sarif',
  'sarif-dir',
  'digest',
  'sbom-dir',
]);
