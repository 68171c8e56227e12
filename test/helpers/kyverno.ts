import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parseAllDocuments } from 'yaml';

const crd = parseAllDocuments(
  readFileSync(
    join(import.meta.dirname, '..', 'fixtures', 'kyverno', 'kyverno.io_clusterpolicies.yaml'),
    'utf8',
  ),
)[0]?.toJSON() as {
  spec: { versions: { name: string; schema: { openAPIV3Schema: object } }[] };
};
const schema = crd.spec.versions.find((v) => v.name === 'v1')?.schema.openAPIV3Schema ?? {};
export const validateClusterPolicy = new Ajv({ strict: false, allErrors: true }).compile(schema);

/** Validates a document against Kyverno's own ClusterPolicy CRD schema (v1); logs the errors. */
export function validClusterPolicy(doc: unknown): boolean {
  const ok = validateClusterPolicy(doc);
  if (!ok) console.error(validateClusterPolicy.errors);
  return ok;
}
