// Scripts (the demo, the benchmarks, the set-up) are tools of their own: they may share code with the
// tests only one way. Tests import scripts' modules (scripts/lib/); scripts never import tests' modules.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/actions.ts';

const scripts = join(repoRoot, 'scripts');
const files = readdirSync(scripts, { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts'))
  .map((e) => join(e.parentPath, e.name));

describe('scripts', () => {
  it("import no test's module", () => {
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)]
        .map((m) => relative(repoRoot, resolve(file, '..', m[1] ?? '')))
        .filter((target) => target.startsWith('test/'))
        .map((target) => `${relative(repoRoot, file)} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });
});
