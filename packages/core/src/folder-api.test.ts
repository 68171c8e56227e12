// Each folder of the core has one public API, its index.ts: another folder may import from its files
// directly (an import through the index can close a cycle), but only names that the index exports. A
// name a folder keeps to itself is then really private, and its index says all that the others rely on.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = dirname(fileURLToPath(import.meta.url));
const folders = readdirSync(src, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** The names each folder's index.ts exports (through `export *` too), read with the type checker. */
function folderExports(): Map<string, Set<string>> {
  const indexes = folders.map((f) => join(src, f, 'index.ts'));
  const program = ts.createProgram(indexes, {
    target: ts.ScriptTarget.ES2024,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
    resolveJsonModule: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const exports = new Map<string, Set<string>>();
  for (const [i, folder] of folders.entries()) {
    const file = program.getSourceFile(indexes[i] ?? '');
    const symbol = file && checker.getSymbolAtLocation(file);
    exports.set(folder, new Set(symbol ? checker.getExportsOfModule(symbol).map((s) => s.name) : []));
  }
  return exports;
}

interface CrossImport {
  /** `oci/registry-client.ts:3` */
  at: string;
  folder: string;
  /** The names imported; `*` for a namespace or default import, which only an index may serve. */
  names: string[];
  viaIndex: boolean;
}

/** Every import or re-export in the core whose relative path leaves the importing file's folder. */
function crossFolderImports(): CrossImport[] {
  const found: CrossImport[] = [];
  for (const file of sourceFiles(src)) {
    const home = relative(src, file).split(sep)[0];
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      const specifier =
        (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
        statement.moduleSpecifier !== undefined &&
        ts.isStringLiteral(statement.moduleSpecifier)
          ? statement.moduleSpecifier.text
          : undefined;
      if (specifier === undefined || !specifier.startsWith('.')) continue;
      const target = relative(src, resolve(dirname(file), specifier)).split(sep);
      const folder = target[0] ?? '';
      if (target.length < 2 || folder === home || !folders.includes(folder)) continue;
      const line = source.getLineAndCharacterOfPosition(statement.getStart()).line + 1;
      found.push({
        at: `${relative(src, file)}:${line}`,
        folder,
        names: importedNames(statement as ts.ImportDeclaration | ts.ExportDeclaration),
        viaIndex: target.length === 2 && target[1] === 'index.ts',
      });
    }
  }
  return found;
}

function importedNames(statement: ts.ImportDeclaration | ts.ExportDeclaration): string[] {
  if (ts.isExportDeclaration(statement)) {
    const clause = statement.exportClause;
    if (clause === undefined || !ts.isNamedExports(clause)) return ['*'];
    return clause.elements.map((e) => (e.propertyName ?? e.name).text);
  }
  const clause = statement.importClause;
  if (clause === undefined) return [];
  const names = clause.name === undefined ? [] : ['*'];
  const bindings = clause.namedBindings;
  if (bindings !== undefined && ts.isNamespaceImport(bindings)) names.push('*');
  if (bindings !== undefined && ts.isNamedImports(bindings))
    names.push(...bindings.elements.map((e) => (e.propertyName ?? e.name).text));
  return names;
}

describe("each core folder's public API is its index.ts", () => {
  it('every folder has an index.ts', () => {
    for (const folder of folders)
      expect(sourceFiles(join(src, folder)), folder).toContain(join(src, folder, 'index.ts'));
  });

  it('another folder imports only names its index.ts exports', () => {
    const exports = folderExports();
    const imports = crossFolderImports();
    expect(imports.length).toBeGreaterThan(20); // the scan sees the imports (it would pass on none)
    const outside = imports.flatMap((i) =>
      i.names
        .filter((name) => (name === '*' ? !i.viaIndex : !exports.get(i.folder)?.has(name)))
        .map((name) => `${i.at}: ${name} (not exported by ${i.folder}/index.ts)`),
    );
    expect(outside).toEqual([]);
  });
});
