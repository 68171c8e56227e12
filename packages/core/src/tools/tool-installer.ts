import { createHash } from 'node:crypto';
import { constants, createReadStream, createWriteStream } from 'node:fs';
import { access, chmod, mkdir, rm, stat } from 'node:fs/promises';
import { arch as osArch, platform as osPlatform } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { RunnerPaths } from '../action/deps.ts';
import { CommandError, ConfigurationError } from '../action/errors.ts';
import type { Logger } from '../action/logger.ts';
import { tempFolder } from '../action/temp-folder.ts';
import type { ToolRunner } from '../exec/tool-runner.ts';
import pinnedManifest from './tool-manifest.json' with { type: 'json' };

export interface ToolAsset {
  url: string;
  sha256: string;
  archive: 'tar.gz' | 'binary';
  source?: string;
}

/** How the same version is built from its Go module (scripts/tools.ts, on machines with Go). */
export interface ToolBuild {
  module: string;
  package: string;
  /** `{version}` stands for the version. */
  ldflags: string;
  /** Go build tags, space separated. */
  tags?: string;
  env?: Record<string, string>;
}

export interface ToolPin {
  version: string;
  build?: ToolBuild;
  /** Executable name inside the archive (or the name a raw binary is cached under). */
  binary: string;
  /** Keyed `<os>-<arch>` as Node names them: `linux-x64`, `linux-arm64`, `darwin-arm64`. */
  platforms: Record<string, ToolAsset>;
}

export interface ToolManifest {
  tools: Record<string, ToolPin>;
}

export interface InstalledTool {
  name: string;
  version: string;
  path: string;
  source: 'path' | 'cache' | 'download';
}

export interface InstallRequest {
  /**
   * An explicit executable path: used as is, nothing downloaded. One that is not an executable file is
   * `TOOL_NOT_A_FILE` or `TOOL_NOT_EXECUTABLE` (the action names its input, `<tool>-path`).
   */
  path?: string | undefined;
  /**
   * A version other than the pinned one is refused, `TOOL_VERSION_UNPINNED` (expected: the pinned one):
   * there is no published checksum for it.
   */
  version?: string | undefined;
}

export interface ToolInstallerOptions {
  logger: Logger;
  runner: ToolRunner;
  /** Where downloads are unpacked (temp) and cached (toolCache): the step's `ActionDeps.paths`. */
  paths: RunnerPaths;
  manifest?: ToolManifest;
  fetch?: typeof fetch;
  platformKey?: string;
  downloadTimeoutMs?: number;
}

/** @actions/tool-cache (with its HTTP client) is loaded only when a tool is actually looked up. */
function toolCache(): Promise<typeof import('@actions/tool-cache')> {
  return import('@actions/tool-cache');
}

export const PINNED_TOOLS: ToolManifest = pinnedManifest as ToolManifest;

/**
 * Installs pinned tools: tool cache first, else download, verify the SHA-256 while streaming
 * (a mismatch is a hard failure and nothing is cached), extract, cache. An explicit path wins.
 */
export class ToolInstaller {
  private readonly manifest: ToolManifest;
  private readonly fetchImpl: typeof fetch;
  private readonly platformKey: string;
  private readonly options: ToolInstallerOptions;

  constructor(options: ToolInstallerOptions) {
    this.options = options;
    this.manifest = options.manifest ?? PINNED_TOOLS;
    this.fetchImpl = options.fetch ?? fetch;
    this.platformKey = options.platformKey ?? `${osPlatform()}-${osArch()}`;
  }

  pin(name: string): ToolPin {
    const pin = this.manifest.tools[name];
    if (pin === undefined) throw new Error(`no pinned tool named ${name}`);
    return pin;
  }

  async install(name: string, request: InstallRequest = {}): Promise<InstalledTool> {
    const pin = this.pin(name);
    if (request.path !== undefined) return this.fromPath(name, request.path);
    if (request.version !== undefined && request.version !== pin.version) {
      throw new ConfigurationError(
        `${name} ${request.version} has no pinned SHA-256 (pinned: ${pin.version}). Use the pinned version, ` +
          `or install ${name} ${request.version} yourself and pass its path.`,
        { code: 'TOOL_VERSION_UNPINNED', expected: pin.version, actual: request.version },
      );
    }
    const asset = pin.platforms[this.platformKey];
    if (asset === undefined) {
      throw new ConfigurationError(
        `${name} ${pin.version} has no pinned download for ${this.platformKey} ` +
          `(pinned: ${Object.keys(pin.platforms).join(', ')}); install it yourself and pass its path`,
        {
          code: 'TOOL_PLATFORM_UNPINNED',
          expected: Object.keys(pin.platforms).join(', '),
          actual: this.platformKey,
        },
      );
    }
    const arch = this.platformKey.split('-')[1] ?? osArch();
    const cached = await this.findCached(name, pin.version, arch);
    if (cached !== undefined) {
      const path = join(cached, pin.binary);
      await assertExecutable(path, name);
      this.options.logger.info(`${name} ${pin.version}: found in the tool cache at ${path}`);
      return { name, version: pin.version, path, source: 'cache' };
    }
    return this.download(name, pin, asset, arch);
  }

  /**
   * The runner tool cache's entry for this exact version, as @actions/tool-cache lays it out
   * (`<cache>/<name>/<version>/<arch>/` beside a `<arch>.complete` marker). Looked up directly: loading
   * @actions/tool-cache (and its HTTP client) costs ~10 ms that a cache hit does not need.
   */
  private async findCached(name: string, version: string, arch: string): Promise<string | undefined> {
    const cache = this.options.paths.toolCache;
    if (!cache) return undefined;
    const dir = join(cache, name, version, arch);
    try {
      await access(`${dir}.complete`);
      return (await stat(dir)).isDirectory() ? dir : undefined;
    } catch {
      return undefined;
    }
  }

  private async fromPath(name: string, path: string): Promise<InstalledTool> {
    await assertExecutable(path, name);
    this.options.logger.info(
      `${name}: using ${path} (given explicitly; its version is not pinned by this action)`,
    );
    return { name, version: 'unpinned', path, source: 'path' };
  }

  private async download(name: string, pin: ToolPin, asset: ToolAsset, arch: string): Promise<InstalledTool> {
    const work = await tempFolder(this.options.paths.temp, name);
    try {
      const file = join(work, 'download');
      this.options.logger.info(`${name} ${pin.version}: downloading ${asset.url}`);
      const actual = await this.fetchTo(asset.url, file, name, pin);
      if (actual !== asset.sha256) {
        throw new CommandError(
          `${name} ${pin.version}: checksum mismatch for ${asset.url}: expected sha256 ${asset.sha256}, ` +
            `got ${actual}. The download was discarded; nothing was installed.`,
          { tool: name },
        );
      }
      let dir: string;
      if (asset.archive === 'tar.gz') {
        dir = join(work, 'extract');
        await mkdir(dir);
        await this.options.runner.run({ tool: 'tar', command: 'tar', args: ['-xzf', file, '-C', dir] });
      } else {
        dir = join(work, 'bin');
        await mkdir(dir);
        await pipeline(createReadStream(file), createWriteStream(join(dir, pin.binary)));
      }
      await chmod(join(dir, pin.binary), 0o755).catch(() => {
        throw new CommandError(`${name} ${pin.version}: the archive has no ${pin.binary} at its top level`, {
          tool: name,
        });
      });
      const installed = this.options.paths.toolCache
        ? await (await toolCache()).cacheDir(dir, name, pin.version, arch)
        : dir;
      const path = join(installed, pin.binary);
      await assertExecutable(path, name);
      this.options.logger.info(`${name} ${pin.version}: sha256 verified, installed at ${path}`);
      return { name, version: pin.version, path, source: 'download' };
    } finally {
      if (this.options.paths.toolCache) await rm(work, { recursive: true, force: true });
    }
  }

  private async fetchTo(url: string, file: string, name: string, pin: ToolPin): Promise<string> {
    const advice =
      `To pre-provision ${name} ${pin.version} offline, put the executable in ` +
      `$RUNNER_TOOL_CACHE/${name}/${pin.version}/<arch>/ (with a ${pin.version}/<arch>.complete marker) ` +
      `or pass its path in the action's ${name}-path input.`;
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        redirect: 'follow',
        signal: AbortSignal.timeout(this.options.downloadTimeoutMs ?? 300_000),
      });
    } catch (error) {
      const cause =
        error instanceof Error
          ? ((error.cause as Error | undefined)?.message ?? error.message)
          : String(error);
      throw new CommandError(`${name} ${pin.version}: download from ${url} failed (${cause}). ${advice}`, {
        tool: name,
        cause: error,
      });
    }
    if (!response.ok || response.body === null) {
      throw new CommandError(
        `${name} ${pin.version}: download from ${url} failed with HTTP ${response.status}. ${advice}`,
        {
          tool: name,
        },
      );
    }
    const hash = createHash('sha256');
    const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
    body.on('data', (chunk: Buffer) => hash.update(chunk));
    await pipeline(body, createWriteStream(file, { mode: 0o600 }));
    return hash.digest('hex');
  }
}

async function assertExecutable(path: string, name: string): Promise<void> {
  const s = await stat(path).catch(() => undefined);
  if (s === undefined || !s.isFile()) {
    throw new ConfigurationError(`${name} executable ${path} does not exist or is not a file`, {
      code: 'TOOL_NOT_A_FILE',
      actual: path,
    });
  }
  try {
    await access(path, constants.X_OK);
  } catch {
    throw new ConfigurationError(`${name} executable ${path} is not executable`, {
      code: 'TOOL_NOT_EXECUTABLE',
      actual: path,
    });
  }
}
