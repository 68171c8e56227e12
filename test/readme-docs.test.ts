import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { renderTables, staleReadmes, updateReadme } from '../scripts/docs.ts';
import { actionNames, repoRoot } from './helpers/actions.ts';

describe('action READMEs', () => {
  it('carry inputs/outputs tables that match action.yml', () => {
    expect(staleReadmes(repoRoot)).toEqual([]);
  });

  it('a changed action.yml makes its README stale', () => {
    const name = actionNames()[0] ?? '';
    const yml = readFileSync(join(repoRoot, 'actions', name, 'action.yml'), 'utf8');
    const readme = readFileSync(join(repoRoot, 'actions', name, 'README.md'), 'utf8');
    const doc = parse(yml) as { inputs: Record<string, { description: string }> };
    const first = Object.values(doc.inputs)[0];
    if (first === undefined) throw new Error('no inputs');
    first.description = `CHANGED ${first.description}`;
    const changed = stringify(doc);
    expect(updateReadme(readme, changed)).not.toBe(readme);
    expect(renderTables(changed)).toContain('CHANGED');
  });
});
