// Bundles every action's src/main.ts (and src/post.ts, src/cli.ts) into dist/*.mjs with esbuild.
//   node scripts/build.ts           write dist/
//   node scripts/build.ts --check   fail when the committed dist/ differs from a fresh build
//   node scripts/build.ts NAME...   only the named actions
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

// Bundled CommonJS dependencies call require() for Node built-ins; ESM output needs a real require.
const banner =
  "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);";

// A static ESM import of a Node built-in builds a namespace from every export, which runs the module's
// lazy getters: `node:http` loads undici for its WebSocket getter (~25 ms), `node:crypto` WebCrypto,
// `node:fs` fs/promises. Bundled code reaches built-ins through require() instead (the banner's), and
// esbuild reads each named import as a property where it is used: nothing runs that is not used. A
// dynamic import() of a built-in stays lazy: it becomes a require() when it runs.
const builtins = new Set(builtinModules.filter((m) => !m.startsWith('_')));
const builtinsByRequire: Plugin = {
  name: 'builtins-by-require',
  setup(b) {
    b.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (!builtins.has(name)) return undefined;
      if (
        args.namespace === 'builtin' ||
        (args.kind !== 'import-statement' && args.kind !== 'dynamic-import')
      )
        return { path: `node:${name}`, external: true };
      return { path: name, namespace: 'builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(`node:${args.path}`)});`,
      loader: 'js',
    }));
  },
};

async function bundle(action: string): Promise<Map<string, string>> {
  const dir = join(root, 'actions', action);
  // cli: an action's command-line twin (verify-image), bundled beside it.
  const entryPoints = ['main', 'post', 'cli'].filter((e) => existsSync(join(dir, 'src', `${e}.ts`)));
  const result = await build({
    entryPoints: Object.fromEntries(entryPoints.map((e) => [e, join(dir, 'src', `${e}.ts`)])),
    outdir: join(dir, 'dist'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    // ESM builds first: dynamic import() of a CommonJS build loses its named exports in an ESM bundle.
    mainFields: ['module', 'main'],
    target: 'node24',
    format: 'esm',
    // Heavy dependencies (the AWS SDK) are imported dynamically and land in chunks loaded only when used.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    sourcesContent: false,
    minify: false,
    legalComments: 'none',
    banner: { js: banner },
    absWorkingDir: root,
    write: false,
    logLevel: 'error',
    plugins: [builtinsByRequire],
  });
  // esbuild emits a chunk for every dynamic import() in the graph, even where the code that calls it was
  // tree-shaken away (and its metafile still lists those imports). Ship only what the emitted entry points
  // can load: follow the chunk paths their code actually references, statically or through import().
  const code = new Map(
    result.outputFiles.filter((f) => f.path.endsWith('.mjs')).map((f) => [f.path, f.text]),
  );
  const reachable = new Set<string>();
  const visit = (path: string) => {
    if (reachable.has(path)) return;
    if (!code.has(path))
      throw new Error(`${action}: the bundle references ${relative(root, path)}, which esbuild did not emit`);
    reachable.add(path);
    for (const m of (code.get(path) ?? '').matchAll(
      /(?:from\s*|import\s*\(?\s*)["'](\.{1,2}\/[^"']+\.mjs)["']/g,
    )) {
      visit(join(dirname(path), m[1] ?? ''));
    }
  };
  for (const entry of entryPoints) visit(join(dir, 'dist', `${entry}.mjs`));
  const files = new Map<string, string>();
  for (const file of result.outputFiles) {
    const emitted = file.path.endsWith('.map') ? file.path.slice(0, -'.map'.length) : file.path;
    if (reachable.has(emitted)) files.set(relative(root, file.path), file.text);
  }
  return files;
}

// Named actions only (`node scripts/build.ts cosign-sign skopeo-push`), else every action.
const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const actions = (await readdir(join(root, 'actions'), { withFileTypes: true }))
  .filter((d) => d.isDirectory() && (named.length === 0 || named.includes(d.name)))
  .map((d) => d.name)
  .sort();

const stale: string[] = [];
for (const action of actions) {
  const files = await bundle(action);
  const distDir = join(root, 'actions', action, 'dist');
  if (check) {
    const present = existsSync(distDir) ? await readdir(distDir, { recursive: true }) : [];
    for (const name of present.filter((n) => n.includes('.'))) {
      if (!files.has(relative(root, join(distDir, name))))
        stale.push(`${relative(root, distDir)}/${name} (not produced by the build)`);
    }
    for (const [path, text] of files) {
      const committed = await readFile(join(root, path), 'utf8').catch(() => undefined);
      if (committed !== text) stale.push(path);
    }
  } else {
    await rm(distDir, { recursive: true, force: true });
    await mkdir(distDir, { recursive: true });
    for (const [path, text] of files) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
    console.log(`built ${action}: ${files.size} files`);
  }
}

if (check) {
  if (stale.length > 0) {
    console.error(`dist/ is stale; run "npm run build" and commit the result:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`dist/ is up to date for ${actions.length} actions`);
}
