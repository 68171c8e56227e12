// The shape every action and the core keep (issue "one way to write an action"): one file layout per
// action, a pure plan, effects only through ActionDeps, short functions. Read from the sources, so a
// change that drifts from the shape fails here with the file and line to look at.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { actionNames, repoRoot } from './helpers/actions.ts';

const MAX_FUNCTION_LINES = 60;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

const production = [
  ...actionNames().flatMap((a) => sourceFiles(join(repoRoot, 'actions', a, 'src'))),
  ...sourceFiles(join(repoRoot, 'packages', 'core', 'src')).filter((f) => !f.includes('/testing/')),
];

describe('every action has one shape', () => {
  it.each(actionNames())(
    '%s: inputs.ts → plan.ts → run.ts → action.ts → main.ts, with plan and in-process run tests',
    (name) => {
      const src = join(repoRoot, 'actions', name, 'src');
      for (const file of [
        'inputs.ts',
        'plan.ts',
        'run.ts',
        'action.ts',
        'main.ts',
        'plan.test.ts',
        'run.test.ts',
      ])
        expect(existsSync(join(src, file)), `${name}/src/${file}`).toBe(true);
      expect(readFileSync(join(src, 'main.ts'), 'utf8')).toBe(
        "import { action } from './action.ts';\n\nawait action.main();\n",
      );
      if (existsSync(join(src, 'post.ts')))
        expect(readFileSync(join(src, 'post.ts'), 'utf8')).toBe(
          "import { action } from './action.ts';\n\nawait action.post();\n",
        );
      const definition = readFileSync(join(src, 'action.ts'), 'utf8');
      expect(definition).toContain('defineAction(');
      expect(definition).toContain("load: () => import('./run.ts')");
      // The run tests go through the harness, in process.
      expect(readFileSync(join(src, 'run.test.ts'), 'utf8')).toMatch(/runAction\(/);
    },
  );

  it.each(actionNames())('%s: the plan is pure (no file system, process, network or clock)', (name) => {
    const plan = readFileSync(join(repoRoot, 'actions', name, 'src', 'plan.ts'), 'utf8');
    expect(plan).not.toMatch(/from 'node:(fs|fs\/promises|child_process|net|http|https|os)'/);
    expect(plan).not.toMatch(/\bprocess\.|new Date\(\)|Date\.now\(\)/);
  });
});

describe('effects come through ActionDeps', () => {
  it('nothing in actions/ or the core reads process.env or writes to stdout but the runner boundary', () => {
    const boundary = join(repoRoot, 'packages', 'core', 'src', 'action', 'runner-commands.ts');
    const offenders = production
      .filter((f) => f !== boundary)
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => [line, i] as const)
          .filter(
            ([line]) =>
              /\bprocess\.(env|stdout|stderr|exitCode)\b/.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line),
          )
          .map(([, i]) => `${relative(repoRoot, f)}:${i + 1}`),
      );
    // The entry's exit code is the only process state an action sets (define-action.ts).
    expect(offenders.filter((o) => !o.startsWith('packages/core/src/action/define-action.ts'))).toEqual([]);
  });
});

describe('functions are short', () => {
  it(`no function in actions/ or packages/ is longer than ${MAX_FUNCTION_LINES} lines`, () => {
    const long: string[] = [];
    for (const file of production) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
          const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
          const end = source.getLineAndCharacterOfPosition(node.end).line;
          if (end - start + 1 > MAX_FUNCTION_LINES)
            long.push(`${relative(repoRoot, file)}:${start + 1} (${end - start + 1} lines)`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(long).toEqual([]);
  });
});
