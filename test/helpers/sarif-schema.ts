// The official SARIF 2.1.0 schema (test/fixtures/sarif, provenance beside it), draft-04, with format checks:
// what code scanning's upload checks a SARIF file against.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

type Validate = ((doc: unknown) => boolean) & { errors?: unknown };
let validate: Validate | undefined;

/** The schema's errors for a SARIF document (empty when it is valid). */
export function sarifErrors(doc: unknown): string[] {
  if (validate === undefined) {
    const schema = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'),
    ) as object;
    const ajv = new AjvDraft04.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    validate = ajv.compile(schema);
  }
  const check: Validate = validate;
  if (check(doc)) return [];
  return ((check.errors ?? []) as { instancePath: string; message?: string }[]).map(
    (e) => `${e.instancePath} ${e.message ?? ''}`,
  );
}
