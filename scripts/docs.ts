// Regenerates the inputs/outputs tables of every action README from its action.yml.
//   node scripts/docs.ts           rewrite the tables
//   node scripts/docs.ts --check   fail when a README table is stale
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const START = '<!-- action-docs:start (generated from action.yml by scripts/docs.ts; do not edit) -->';
const END = '<!-- action-docs:end -->';

interface Meta {
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description?: string }>;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ').trim();
}

export function renderTables(actionYml: string): string {
  const meta = parse(actionYml) as Meta;
  const lines = ['### Inputs', '', '| name | required | default | description |', '|---|---|---|---|'];
  for (const [name, input] of Object.entries(meta.inputs ?? {})) {
    const def = input.default === undefined ? '' : `\`${cell(String(input.default))}\``;
    lines.push(
      `| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${def} | ${cell(input.description ?? '')} |`,
    );
  }
  lines.push('', '### Outputs', '', '| name | description |', '|---|---|');
  for (const [name, output] of Object.entries(meta.outputs ?? {}))
    lines.push(`| \`${name}\` | ${cell(output.description ?? '')} |`);
  return `${START}\n${lines.join('\n')}\n${END}`;
}

/** The README with its generated block replaced (appended when it has none). */
export function updateReadme(readme: string, actionYml: string): string {
  const block = renderTables(actionYml);
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return `${readme.trimEnd()}\n\n${block}\n`;
  return `${readme.slice(0, start)}${block}${readme.slice(end + END.length)}`;
}

export function staleReadmes(root: string): string[] {
  return actionDirs(root).filter((dir) => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    return updateReadme(readme, readFileSync(join(dir, 'action.yml'), 'utf8')) !== readme;
  });
}

function actionDirs(root: string): string[] {
  return readdirSync(join(root, 'actions'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(root, 'actions', d.name));
}

if (import.meta.main) {
  const root = join(import.meta.dirname, '..');
  if (process.argv.includes('--check')) {
    const stale = staleReadmes(root);
    if (stale.length > 0) {
      console.error(`stale README tables (run node scripts/docs.ts): ${stale.join(', ')}`);
      process.exit(1);
    }
  } else {
    for (const dir of actionDirs(root)) {
      const path = join(dir, 'README.md');
      writeFileSync(
        path,
        updateReadme(readFileSync(path, 'utf8'), readFileSync(join(dir, 'action.yml'), 'utf8')),
      );
    }
  }
}
