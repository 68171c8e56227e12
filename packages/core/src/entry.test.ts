// '@chain/core/entry' stays a strict subset of the core's public API: every name it exports is the main
// entry's same export (the same binding, not a copy), and it is smaller than the main entry.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as entry from './entry.ts';
import * as core from './index.ts';

function typeNames(file: string): string[] {
  const text = readFileSync(join(import.meta.dirname, file), 'utf8');
  return [...text.matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((m) =>
    (m[1] ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n.startsWith('type ') || m[0].startsWith('export type'))
      .map((n) => n.replace(/^type /, '')),
  );
}

/** The type names a barrel exports: its own lists, and those of the barrels it takes with `export *`. */
function barrelTypeNames(file: string): string[] {
  const text = readFileSync(join(import.meta.dirname, file), 'utf8');
  const starred = [...text.matchAll(/export \* from '\.\/([^']+)'/g)].map((m) =>
    join(file, '..', m[1] ?? ''),
  );
  return [...typeNames(file), ...starred.flatMap(barrelTypeNames)];
}

function publicTypeNames(): Set<string> {
  return new Set(barrelTypeNames('index.ts'));
}

/** The actions' start-up side: the files that may import '@chain/core/entry'. */
function startUpSources(): string {
  const actions = join(import.meta.dirname, '..', '..', '..', 'actions');
  return readdirSync(actions)
    .flatMap((name) => ['inputs.ts', 'plan.ts', 'action.ts'].map((file) => join(actions, name, 'src', file)))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

describe('@chain/core/entry', () => {
  it("exports only what an action's start-up side uses", () => {
    const used = startUpSources();
    const names = [...Object.keys(entry), ...typeNames('entry.ts')];
    expect(names.filter((name) => !new RegExp(`\\b${name}\\b`).test(used))).toEqual([]);
  });

  it('exports only values the main entry exports, as the same bindings', () => {
    const names = Object.keys(entry);
    expect(names.length).toBeGreaterThan(10);
    const foreign = names.filter(
      (name) =>
        !(name in core) ||
        (core as Record<string, unknown>)[name] !== (entry as Record<string, unknown>)[name],
    );
    expect(foreign).toEqual([]);
    expect(names.length).toBeLessThan(Object.keys(core).length);
  });

  it('exports only types the main entry exports', () => {
    const types = typeNames('entry.ts');
    expect(types.length).toBeGreaterThan(5);
    const all = publicTypeNames();
    expect(types.filter((name) => !all.has(name))).toEqual([]);
  });
});
