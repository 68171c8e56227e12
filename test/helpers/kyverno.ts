import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parseAllDocuments, stringify } from 'yaml';
import { runTool, type ToolRun } from './real-scanners.ts';
import { LOOPBACK_ONLY } from './runner.ts';

interface Crd {
  spec: { versions: { name: string; served: boolean; schema: { openAPIV3Schema: object } }[] };
}

/** Kyverno's own CRD schema of one served version, compiled (fixtures copied from the v1.19 line). */
function crdValidator(file: string, version: string): ValidateFunction {
  const crd = parseAllDocuments(
    readFileSync(join(import.meta.dirname, '..', 'fixtures', 'kyverno', file), 'utf8'),
  )[0]?.toJSON() as Crd;
  const served = crd.spec.versions.find((v) => v.name === version && v.served);
  if (served === undefined) throw new Error(`${file} serves no ${version}`);
  return new Ajv({ strict: false, allErrors: true }).compile(served.schema.openAPIV3Schema);
}

export const validateClusterPolicy = crdValidator('kyverno.io_clusterpolicies.yaml', 'v1');
export const validateImageValidatingPolicy = crdValidator(
  'policies.kyverno.io_imagevalidatingpolicies.yaml',
  'v1',
);

/** Validates a document against Kyverno's own ClusterPolicy CRD schema (v1); logs the errors. */
export function validClusterPolicy(doc: unknown): boolean {
  const ok = validateClusterPolicy(doc);
  if (!ok) console.error(validateClusterPolicy.errors);
  return ok;
}

/** Validates a document against Kyverno's ImageValidatingPolicy CRD schema (v1); logs the errors. */
export function validImageValidatingPolicy(doc: unknown): boolean {
  const ok = validateImageValidatingPolicy(doc);
  if (!ok) console.error(validateImageValidatingPolicy.errors);
  return ok;
}

/**
 * The real `kyverno apply` of a policy file to a Pod running these images (containers c0, c1, …), reading the
 * registry; only loopback is reachable (no TUF, no internet). HOME is `home`, where the Pod file is written.
 */
export function kyvernoApply(
  kyverno: string,
  policyFile: string,
  images: string[],
  home: string,
  extraArgs: string[] = [],
): Promise<ToolRun> {
  const pod = join(mkdtempSync(join(home, 'apply-')), 'pod.yaml');
  const containers = images.map((image, i) => ({ name: `c${i}`, image }));
  writeFileSync(
    pod,
    stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'app', namespace: 'default' },
      spec: { containers },
    }),
  );
  return runTool(
    kyverno,
    ['apply', policyFile, '--resource', pod, '--registry', ...extraArgs],
    { PATH: process.env.PATH, HOME: home, ...LOOPBACK_ONLY },
    120_000,
  );
}
