// The real trivy, osv-scanner, syft and cosign for the tests, the demo and the bench, at the versions the
// actions pin (packages/core/src/tools/tool-manifest.json): built from their Go modules where `go` is on
// PATH, else the pinned release downloaded and SHA-256-verified by the actions' own ToolInstaller.
// Cached outside the checkout, keyed by tool and version, so a fresh clone on the same machine (CI) reuses
// them; idempotent and safe to run concurrently (each build lands by an atomic rename).
//   node scripts/tools.ts            set up every tool; print the PATH entries that hold them (stdout)
//   node scripts/tools.ts --dev      also the trivy-db builder (test databases)
// Cache: $CHAIN_TOOLS_CACHE, else $XDG_CACHE_HOME/chain-tools, else ~/.cache/chain-tools.
// With CI set, a tool that cannot be had fails the run; elsewhere it is reported and left out.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { PINNED_TOOLS, ProcessToolRunner, silentLogger, type ToolBuild, ToolInstaller } from '@chain/core';

interface Wanted {
  name: string;
  version: string;
  binary: string;
  /** The module's tag for the version (`v` + version unless given). */
  tag: string;
  build: ToolBuild;
  /** Shipped tools can also be downloaded; build-only tools cannot. */
  downloadable: boolean;
  /** How it prints its version (default `--version`). */
  versionArgs?: string[];
}

const BUILDKIT = { version: '0.32.2', tag: 'v0.32.2', module: 'github.com/moby/buildkit' };

/**
 * Built only for the tests, never shipped: trivy-db's own builder (the offline Trivy DB), the Kyverno CLI
 * (admission policies applied for real) and BuildKit with buildx (oci-build's buildx path for real).
 */
const DEV_TOOLS: Wanted[] = [
  {
    name: 'trivy-db',
    // trivy v0.74.0's go.mod pins this trivy-db pseudo-version (the repository has no tags).
    version: '0.0.0-20260813095258-0e0340a01b57',
    tag: 'v0.0.0-20260813095258-0e0340a01b57',
    binary: 'trivy-db',
    versionArgs: ['--help'],
    build: {
      module: 'github.com/aquasecurity/trivy-db',
      package: 'github.com/aquasecurity/trivy-db/cmd/trivy-db',
      ldflags: '',
    },
    downloadable: false,
  },
  {
    // Its go.mod replaces k8s.io/pod-security-admission: built through a throwaway module.
    name: 'kyverno',
    version: '1.19.0',
    tag: 'v1.19.0',
    binary: 'kyverno',
    build: {
      module: 'github.com/kyverno/kyverno',
      package: 'github.com/kyverno/kyverno/cmd/cli/kubectl-kyverno',
      ldflags: '-X github.com/kyverno/kyverno/pkg/version.BuildVersion=v{version}',
    },
    versionArgs: ['version'],
    downloadable: false,
  },
  ...(['buildkitd', 'buildctl'] as const).map(
    (binary): Wanted => ({
      // BuildKit's go.mod has exclude directives: built through a throwaway module too.
      name: binary,
      version: BUILDKIT.version,
      tag: BUILDKIT.tag,
      binary,
      build: {
        module: BUILDKIT.module,
        package: `${BUILDKIT.module}/cmd/${binary}`,
        ldflags: `-X ${BUILDKIT.module}/version.Version=v{version}`,
        tags: 'osusergo netgo static_build',
      },
      downloadable: false,
    }),
  ),
  {
    name: 'buildx',
    version: '0.36.1',
    tag: 'v0.36.1',
    binary: 'buildx',
    build: {
      module: 'github.com/docker/buildx',
      package: 'github.com/docker/buildx/cmd/buildx',
      ldflags: '-X github.com/docker/buildx/version.Version=v{version}',
    },
    versionArgs: ['version'],
    downloadable: false,
  },
];

export function toolsCache(): string {
  return (
    process.env.CHAIN_TOOLS_CACHE ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'chain-tools')
  );
}

/** Where a tool of this version lives in the cache (the PATH entry for it). */
export function toolDir(name: string, version: string): string {
  return join(toolsCache(), name, version);
}

export function wantedTools(dev: boolean): Wanted[] {
  const shipped = Object.entries(PINNED_TOOLS.tools).map(([name, pin]): Wanted => {
    if (pin.build === undefined) throw new Error(`tool-manifest.json: ${name} has no "build" entry`);
    return {
      name,
      version: pin.version,
      tag: `v${pin.version}`,
      binary: pin.binary,
      build: pin.build,
      versionArgs: name === 'cosign' ? ['version'] : ['--version'],
      downloadable: true,
    };
  });
  return dev ? [...shipped, ...DEV_TOOLS] : shipped;
}

const log = (line: string) => process.stderr.write(`[tools] ${line}\n`);

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    const tail = `${r.stderr ?? ''}${r.error?.message ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status}):\n${tail}`);
  }
  return r.stdout;
}

/** The first line a tool prints of its version, or undefined when it does not run. */
function versionLine(path: string, args: string[]): string | undefined {
  const r = spawnSync(path, args, {
    encoding: 'utf8',
    env: { ...process.env, SYFT_CHECK_FOR_APP_UPDATE: 'false' },
  });
  if (r.status !== 0) return undefined;
  const lines = `${r.stdout}${r.stderr}`.split('\n');
  return (
    (lines.find((l) => /version/i.test(l) && /\d+\.\d+/.test(l)) ?? lines.find((l) => /\d+\.\d+/.test(l)))
      ?.replace(/\s+/g, ' ')
      .trim() ?? 'runs'
  );
}

/**
 * The `replace` and `exclude` directives of a module's go.mod, as `go mod edit` flags: `go install
 * pkg@version` refuses a module that has any, so a throwaway main module must carry them.
 */
export function goModDirectives(goMod: string): string[] {
  const out: string[] = [];
  const text = goMod.replace(/\/\/.*$/gm, '');
  const lines = (verb: string) => [
    ...[...text.matchAll(new RegExp(`^${verb}\\s*\\(([\\s\\S]*?)^\\)`, 'gm'))].flatMap((b) =>
      (b[1] ?? '').split('\n'),
    ),
    ...[...text.matchAll(new RegExp(`^${verb}\\s+([^(\\s].*)$`, 'gm'))].map((m) => m[1] ?? ''),
  ];
  const at = (spec: string) => spec.trim().replace(/\s+/, '@');
  for (const line of lines('replace')) {
    const [from, to] = line.split('=>');
    if (from?.trim() && to?.trim()) out.push(`-replace=${at(from)}=${at(to)}`);
  }
  for (const line of lines('exclude')) if (line.trim()) out.push(`-exclude=${at(line)}`);
  return out;
}

/**
 * `go install module/pkg@tag` when the module's go.mod has no replace or exclude directives; otherwise
 * a throwaway module that carries the same directives, then `go build`.
 */
function goBuild(tool: Wanted, out: string): void {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CGO_ENABLED: '0',
    GOFLAGS: '-buildvcs=false',
    ...tool.build.env,
  };
  const ldflags = `-s -w ${tool.build.ldflags.replaceAll('{version}', tool.version)}`.trim();
  const tags = tool.build.tags ? ['-tags', tool.build.tags] : [];
  const info = JSON.parse(
    run('go', ['mod', 'download', '-json', `${tool.build.module}@${tool.tag}`], { env }),
  ) as {
    GoMod?: string;
  };
  const directives = info.GoMod === undefined ? [] : goModDirectives(readFileSync(info.GoMod, 'utf8'));
  if (directives.length === 0) {
    run('go', ['install', '-trimpath', ...tags, '-ldflags', ldflags, `${tool.build.package}@${tool.tag}`], {
      env: { ...env, GOBIN: out },
    });
    return;
  }
  log(
    `${tool.name}: go.mod has ${directives.length} replace/exclude directive(s); building through a throwaway module`,
  );
  const mod = mkdtempSync(join(toolsCache(), `.module-${tool.name}-`));
  try {
    run('go', ['mod', 'init', 'local/build-tool'], { cwd: mod, env });
    run('go', ['mod', 'edit', ...directives], { cwd: mod, env });
    run('go', ['get', `${tool.build.package}@${tool.tag}`], { cwd: mod, env });
    run(
      'go',
      ['build', '-trimpath', ...tags, '-ldflags', ldflags, '-o', join(out, tool.binary), tool.build.package],
      {
        cwd: mod,
        env,
      },
    );
  } finally {
    rmSync(mod, { recursive: true, force: true });
  }
}

async function download(tool: Wanted, out: string): Promise<void> {
  const downloads = join(toolsCache(), '.downloads');
  mkdirSync(downloads, { recursive: true });
  // @actions/tool-cache reads RUNNER_TOOL_CACHE itself.
  process.env.RUNNER_TOOL_CACHE = downloads;
  const installer = new ToolInstaller({
    logger: silentLogger,
    runner: new ProcessToolRunner(),
    paths: { temp: downloads, toolCache: downloads },
  });
  const installed = await installer.install(tool.name);
  mkdirSync(out, { recursive: true });
  symlinkSync(installed.path, join(out, tool.binary));
}

const hasGo = () => spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;

/** Ensures one tool is in the cache; returns its directory, or the reason it could not be had. */
async function ensure(tool: Wanted): Promise<{ dir: string } | { missing: string }> {
  const dir = toolDir(tool.name, tool.version);
  const path = join(dir, tool.binary);
  if (existsSync(path)) {
    const version = versionLine(path, tool.versionArgs ?? ['--version']);
    if (version !== undefined) {
      log(`${tool.name} ${tool.version}: cached (${version})`);
      return { dir };
    }
    log(`${tool.name} ${tool.version}: the cached copy does not run; setting it up again`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(join(toolsCache(), tool.name), { recursive: true });
  const staging = mkdtempSync(`${dir}.partial-`);
  const started = performance.now();
  try {
    if (hasGo()) {
      log(`${tool.name} ${tool.version}: building ${tool.build.package}@${tool.tag} (once per machine)`);
      goBuild(tool, staging);
    } else if (tool.downloadable) {
      log(`${tool.name} ${tool.version}: no Go here; downloading the pinned release (sha256-verified)`);
      await download(tool, staging);
    } else {
      return { missing: `${tool.name} needs Go to build, and Go is not installed` };
    }
    const version = versionLine(join(staging, tool.binary), tool.versionArgs ?? ['--version']);
    if (version === undefined) return { missing: `${tool.name} was set up but does not run` };
    try {
      renameSync(staging, dir);
    } catch (error) {
      // Another run landed the same version first: keep theirs.
      if (!existsSync(path)) throw error;
    }
    log(
      `${tool.name} ${tool.version}: ready in ${((performance.now() - started) / 1000).toFixed(0)} s (${version})`,
    );
    return { dir };
  } catch (error) {
    return { missing: error instanceof Error ? error.message : String(error) };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const tools = wantedTools(process.argv.includes('--dev'));
  const dirs: string[] = [];
  const missing: string[] = [];
  for (const tool of tools) {
    const result = await ensure(tool);
    if ('dir' in result) dirs.push(result.dir);
    else missing.push(`${tool.name} ${tool.version}: ${result.missing}`);
  }
  for (const m of missing) log(`NOT AVAILABLE: ${m}`);
  process.stdout.write(`${dirs.join(delimiter)}\n`);
  if (missing.length > 0 && process.env.CI) {
    log('CI is set: every real tool is required');
    return 1;
  }
  return 0;
}

if (import.meta.main) process.exitCode = await main();
