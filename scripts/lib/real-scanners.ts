// The real trivy, osv-scanner, syft and cosign (scripts/tools.ts builds them at the pinned versions) and
// the offline databases made from real advisories (scripts/vuln-dbs.ts). Tests that need them skip with
// the reason on a machine that has neither Go nor the internet; with CI set, a missing tool fails instead.
import { execFile, spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { arch, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ImageReference, PINNED_TOOLS, RegistryClient } from '@chain/core';
import { MemoryLogger } from '@chain/core/testing';
import { toolDir, wantedTools } from '../tools.ts';
import { ensureVulnDbs, type VulnDbs } from '../vuln-dbs.ts';
import { type RunnerResult, runBundleAsync } from './runner.ts';

export type RealToolName = 'trivy' | 'osv-scanner' | 'syft' | 'cosign';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The pinned version of a tool: the set-up's cache first, else PATH if it reports that version. */
export function realTool(name: RealToolName): string | undefined {
  const pinned = PINNED_TOOLS.tools[name]?.version;
  if (pinned === undefined) return undefined;
  const cached = join(toolDir(name, pinned), name);
  if (executable(cached)) return cached;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (!executable(candidate)) continue;
    const r = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (`${r.stdout}${r.stderr}`.includes(pinned)) return candidate;
  }
  return undefined;
}

/**
 * The paths of the named tools, or the reason the tests that need them are skipped. With CI set the
 * reason is thrown instead: CI runs every real-tool test.
 */
export function realTools<T extends RealToolName>(
  ...names: T[]
): { tools: Record<T, string>; skip: string | undefined } {
  const tools = {} as Record<T, string>;
  const missing: string[] = [];
  for (const name of names) {
    const path = realTool(name);
    if (path === undefined) missing.push(`${name} ${PINNED_TOOLS.tools[name]?.version}`);
    else tools[name] = path;
  }
  const skip =
    missing.length === 0
      ? undefined
      : `real ${missing.join(', ')} not set up (node scripts/tools.ts builds them where Go is installed)`;
  if (skip !== undefined && process.env.CI) throw new Error(`CI requires the real tools: ${skip}`);
  return { tools, skip };
}

/**
 * A tool built only for the tests (kyverno, buildkitd, buildctl, buildx), or the reason it is missing;
 * with CI set, missing is an error.
 */
export function devTool(name: string): { path: string | undefined; skip: string | undefined } {
  const tool = wantedTools(true).find((t) => t.name === name);
  const path = tool === undefined ? undefined : join(toolDir(tool.name, tool.version), tool.binary);
  if (path !== undefined && executable(path)) return { path, skip: undefined };
  const skip = `${name} ${tool?.version ?? ''} not set up (node scripts/tools.ts --dev builds it where Go is installed)`;
  if (process.env.CI) throw new Error(`CI requires ${skip}`);
  return { path: undefined, skip };
}

let dbs: VulnDbs | undefined;
/** The offline OSV and Trivy databases (built once per machine, then reused). */
export function vulnDbs(): VulnDbs {
  dbs ??= ensureVulnDbs();
  return dbs;
}

/**
 * A runner tool cache pre-provisioned with these tools at their pinned versions, the way a self-hosted
 * runner is (`<cache>/<tool>/<version>/<arch>/` + `.complete`): the actions install them from there by
 * their own code path, and report the pinned version.
 */
export function provisionedToolCache(tools: Partial<Record<RealToolName, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'runner-tools-'));
  const nodeArch = arch();
  for (const [name, path] of Object.entries(tools)) {
    const pin = PINNED_TOOLS.tools[name];
    if (pin === undefined || path === undefined) continue;
    const target = join(dir, name, pin.version, nodeArch);
    mkdirSync(target, { recursive: true });
    symlinkSync(path, join(target, pin.binary));
    writeFileSync(`${target}.complete`, '');
  }
  return dir;
}

/** A private copy of the offline Trivy cache, so that no test sees another's downloads or layer cache. */
export function trivyCacheCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'trivy-cache-')), 'cache');
  cpSync(vulnDbs().trivyCache, dir, { recursive: true });
  return dir;
}

/**
 * Publishes the offline Trivy DB to a registry the way upstream publishes ghcr.io/aquasecurity/trivy-db:2
 * (one tar.gz layer of trivy.db + metadata.json, Trivy's own media types): a mirror for `db-repository`.
 */
export async function publishTrivyDbMirror(host: string, repository = 'mirror/trivy-db'): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'trivy-db-mirror-'));
  const tar = spawnSync('tar', [
    '-czf',
    join(work, 'db.tar.gz'),
    '-C',
    join(vulnDbs().trivyCache, 'db'),
    'trivy.db',
    'metadata.json',
  ]);
  if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
  const client = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
  const image = ImageReference.parse(`${host}/${repository}`);
  const layer = readFileSync(join(work, 'db.tar.gz'));
  const config = Buffer.from('{}');
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    artifactType: 'application/vnd.aquasec.trivy.config.v1+json',
    config: {
      mediaType: 'application/vnd.aquasec.trivy.config.v1+json',
      digest: await client.uploadBlob(image, config),
      size: config.length,
    },
    layers: [
      {
        mediaType: 'application/vnd.aquasec.trivy.db.layer.v1.tar+gzip',
        digest: await client.uploadBlob(image, layer),
        size: layer.length,
        annotations: { 'org.opencontainers.image.title': 'db.tar.gz' },
      },
    ],
  };
  await client.putManifest(image, '2', Buffer.from(JSON.stringify(manifest)), manifest.mediaType);
  return `${host}/${repository}`;
}

/**
 * The bundled image-scan step on a layout's digest, offline, in a private copy of the Trivy cache, with this
 * trivy (else the one it installs); the step's own `inputs` (e.g. `fail-on: never`) and `env` are added.
 */
export function runImageScan(
  layout: string,
  digest: string,
  step: { trivy?: string; inputs?: Record<string, string>; env?: NodeJS.ProcessEnv } = {},
): Promise<RunnerResult> {
  return runBundleAsync('image-scan', 'main', {
    inputs: {
      layout,
      digest,
      ...(step.trivy === undefined ? {} : { 'trivy-path': step.trivy }),
      offline: 'true',
      'trivy-cache-dir': trivyCacheCopy(),
      ...step.inputs,
    },
    env: step.env ?? {},
  });
}

/** What a tool run said: its exit code (1 when it could not run at all) and stdout followed by stderr. */
export interface ToolRun {
  code: number;
  out: string;
}

/**
 * Runs a real tool (cosign, kyverno, …) without blocking this process, so that a local Sigstore or registry
 * it talks to keeps answering from here. The tool's environment is exactly `env`.
 */
export function runTool(
  path: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 0,
): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(path, args, { encoding: 'utf8', env, timeout: timeoutMs }, (error, stdout, stderr) =>
      resolve({
        code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1,
        out: `${stdout}${stderr}`,
      }),
    );
  });
}
