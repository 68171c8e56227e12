// The core speaks in domain terms (a code, `expected`, `actual`); the action that read an input names it
// (`fromInput`, `error.forInput`). So no production file of the core hard-codes an action's input name,
// but for the input layer (inputs/) and the exceptions below, each with its reason.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = dirname(fileURLToPath(import.meta.url));

/**
 * Files (relative to packages/core/src) that may hard-code an input name, and why. Functions that take the
 * input's name from their caller (`Input "${input}": …`, `{ input }`: sbom-set, slsa-provenance,
 * vuln-predicate, kyverno-requirements, trivy-run, tag-rules) need no entry: their caller names it.
 */
const ALLOWED: Record<string, string> = {
  'action/errors.ts': 'fromInput documents the message it makes with an example input name',
  'action/github-event.ts': 'GITHUB_EVENT_PATH is an environment variable the runner sets, not an input',
  'oci/oci-layout.ts':
    "DIGEST_MISMATCH still carries input 'digest'; the file is being reworked separately (drop this entry then)",
};

/**
 * A hard-coded input name: `Input "key"` in a message (not `Input "${input}"`), `input: 'key'` (or "…",
 * or a template such as `${tool}-path`) in error details, `forInput('key')`.
 */
const HARD_CODED = [/Input \\?"(?!\$\{)/, /\binput: ['"`]/, /\.forInput\(['"`]/];

function hardCoded(file: string): string[] {
  const lines = readFileSync(join(src, file), 'utf8').split('\n');
  return lines.flatMap((line, i) =>
    HARD_CODED.some((pattern) => pattern.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
  );
}

function productionFiles(): string[] {
  return readdirSync(src, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => relative(src, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

describe('the core names no input', () => {
  it('no production file outside inputs/ hard-codes an input name (the action names it)', () => {
    const found = productionFiles()
      .filter((file) => !file.startsWith('inputs/') && ALLOWED[file] === undefined)
      .flatMap(hardCoded);
    expect(found).toEqual([]);
  });

  it('every allowed exception is a production file that still needs its entry', () => {
    const files = new Set(productionFiles());
    const stale = Object.keys(ALLOWED).filter((file) => !files.has(file) || hardCoded(file).length === 0);
    expect(stale).toEqual([]);
  });
});
