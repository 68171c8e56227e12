import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  CommandError,
  ConfigurationError,
  LayoutError,
  OciLayout,
  enforceGate,
  evaluateGate,
  makeSbomSet,
  parseTrivyReport,
  platformView,
  readIgnoreFiles,
  readScannerJson,
  readScannerReport,
  readTrivyIgnoreFile,
  requireLayoutDigest,
  require_promises as require_promises2,
  scanSummary,
  selectImages,
  tempFolder,
  trivy,
  writeScanReport
} from "./chunk-I5IFW5OW.mjs";
import "./chunk-LAKDNJDR.mjs";
import {
  require_promises
} from "./chunk-ZKXDAKWM.mjs";
import {
  require_os,
  require_path
} from "./chunk-Q7KQMW4X.mjs";
import {
  require_crypto,
  require_fs,
  require_stream
} from "./chunk-C52DNLW2.mjs";
import {
  __toESM
} from "./chunk-5MM4E6UD.mjs";

// actions/image-scan/src/run.ts
var import_node_os2 = __toESM(require_os(), 1);
var import_node_path2 = __toESM(require_path(), 1);

// packages/core/src/tools/tool-installer.ts
var import_node_crypto = __toESM(require_crypto(), 1);
var import_node_fs = __toESM(require_fs(), 1);
var import_promises = __toESM(require_promises(), 1);
var import_node_os = __toESM(require_os(), 1);
var import_node_path = __toESM(require_path(), 1);
var import_node_stream = __toESM(require_stream(), 1);
var import_promises2 = __toESM(require_promises2(), 1);

// packages/core/src/tools/tool-manifest.json
var tool_manifest_default = {
  $comment: "Pinned external tools: what the actions download (url + published sha256 per OS/arch, each with its source; see docs/tool-checksums.md) and how scripts/tools.ts builds the same version from its Go module where Go is available. Never add a checksum that was not published.",
  tools: {
    trivy: {
      version: "0.74.0",
      binary: "trivy",
      build: {
        module: "github.com/aquasecurity/trivy",
        package: "github.com/aquasecurity/trivy/cmd/trivy",
        ldflags: "-X github.com/aquasecurity/trivy/pkg/version/app.ver={version}",
        env: {
          GOEXPERIMENT: "jsonv2"
        }
      },
      platforms: {
        "linux-x64": {
          url: "https://github.com/aquasecurity/trivy/releases/download/v0.74.0/trivy_0.74.0_Linux-64bit.tar.gz",
          sha256: "2ae6fe3ee734b7fdf11335663e18c75ea12dccc76062f09f164a3b0f8be4371a",
          archive: "tar.gz",
          source: "cashapp/hermit-packages trivy.hcl e97df12c"
        },
        "linux-arm64": {
          url: "https://github.com/aquasecurity/trivy/releases/download/v0.74.0/trivy_0.74.0_Linux-ARM64.tar.gz",
          sha256: "b94ce1976bbf3c15b514b605ee88be7c6d94a29be2302847ff01cb794d47aad5",
          archive: "tar.gz",
          source: "cashapp/hermit-packages trivy.hcl e97df12c"
        }
      }
    },
    "osv-scanner": {
      version: "2.5.1",
      binary: "osv-scanner",
      build: {
        module: "github.com/google/osv-scanner/v2",
        package: "github.com/google/osv-scanner/v2/cmd/osv-scanner",
        ldflags: ""
      },
      platforms: {
        "linux-x64": {
          url: "https://github.com/google/osv-scanner/releases/download/v2.5.1/osv-scanner_linux_amd64",
          sha256: "f9f25499a2c8cc367b3af45df2ea7eeca7fbccceab9c35079968f4b3652194be",
          archive: "binary",
          source: "jeremylongshore/intent-audit-harness scripts/install-osv-scanner.sh 90efdd9f"
        },
        "linux-arm64": {
          url: "https://github.com/google/osv-scanner/releases/download/v2.5.1/osv-scanner_linux_arm64",
          sha256: "3d0f5aa5a6baa8eb32bcef247388e149ef6030a6634ccae6fa0d62681fb27a6d",
          archive: "binary",
          source: "jeremylongshore/intent-audit-harness scripts/install-osv-scanner.sh 90efdd9f"
        }
      }
    },
    syft: {
      version: "1.51.0",
      binary: "syft",
      build: {
        module: "github.com/anchore/syft",
        package: "github.com/anchore/syft/cmd/syft",
        ldflags: "-X main.version={version}"
      },
      platforms: {
        "linux-x64": {
          url: "https://github.com/anchore/syft/releases/download/v1.51.0/syft_1.51.0_linux_amd64.tar.gz",
          sha256: "2a2e837a2c8d59ec9af5472ee22d3b04ee463c4e44476ecf993fd1e5ab6ebc7f",
          archive: "tar.gz",
          source: "cashapp/hermit-packages syft.hcl 4c9767a7"
        },
        "linux-arm64": {
          url: "https://github.com/anchore/syft/releases/download/v1.51.0/syft_1.51.0_linux_arm64.tar.gz",
          sha256: "6c0466811541ea03add5213a60a1562f0851e4c0b0ecfdee1a694a9455285900",
          archive: "tar.gz",
          source: "cashapp/hermit-packages syft.hcl 4c9767a7"
        }
      }
    },
    cosign: {
      version: "3.1.3",
      binary: "cosign",
      build: {
        module: "github.com/sigstore/cosign/v3",
        package: "github.com/sigstore/cosign/v3/cmd/cosign",
        ldflags: "-X sigs.k8s.io/release-utils/version.gitVersion=v{version}"
      },
      platforms: {
        "linux-x64": {
          url: "https://github.com/sigstore/cosign/releases/download/v3.1.3/cosign-linux-amd64",
          sha256: "4629c757b7618056f8ddd7e2625ae9fdd94c0372a65049520bc7d9df9efc7f71",
          archive: "binary",
          source: "cashapp/hermit-packages cosign.hcl 93daa8f1"
        },
        "linux-arm64": {
          url: "https://github.com/sigstore/cosign/releases/download/v3.1.3/cosign-linux-arm64",
          sha256: "c5d324e091826b0d7a78eb16fef316450b4eb9aaec045611c08ba06f5e73220a",
          archive: "binary",
          source: "cashapp/hermit-packages cosign.hcl 93daa8f1"
        }
      }
    }
  }
};

// packages/core/src/tools/tool-installer.ts
function toolCache() {
  return import("./tool-cache-VB4PJACE.mjs");
}
var PINNED_TOOLS = tool_manifest_default;
var ToolInstaller = class {
  manifest;
  fetchImpl;
  platformKey;
  options;
  constructor(options) {
    this.options = options;
    this.manifest = options.manifest ?? PINNED_TOOLS;
    this.fetchImpl = options.fetch ?? fetch;
    this.platformKey = options.platformKey ?? `${(0, import_node_os.platform)()}-${(0, import_node_os.arch)()}`;
  }
  pin(name) {
    const pin = this.manifest.tools[name];
    if (pin === void 0) throw new Error(`no pinned tool named ${name}`);
    return pin;
  }
  async install(name, request = {}) {
    const pin = this.pin(name);
    if (request.path !== void 0) return this.fromPath(name, request.path);
    if (request.version !== void 0 && request.version !== pin.version) {
      throw new ConfigurationError(
        `${name} ${request.version} has no pinned SHA-256 (pinned: ${pin.version}). Use the pinned version, or install ${name} ${request.version} yourself and pass its path.`,
        { input: `${name}-version` }
      );
    }
    const asset = pin.platforms[this.platformKey];
    if (asset === void 0) {
      throw new ConfigurationError(
        `${name} ${pin.version} has no pinned download for ${this.platformKey} (pinned: ${Object.keys(pin.platforms).join(", ")}); install it yourself and pass its path`
      );
    }
    const arch = this.platformKey.split("-")[1] ?? (0, import_node_os.arch)();
    const cached = await this.findCached(name, pin.version, arch);
    if (cached !== void 0) {
      const path = (0, import_node_path.join)(cached, pin.binary);
      await assertExecutable(path, name);
      this.options.logger.info(`${name} ${pin.version}: found in the tool cache at ${path}`);
      return { name, version: pin.version, path, source: "cache" };
    }
    return this.download(name, pin, asset, arch);
  }
  /**
   * The runner tool cache's entry for this exact version, as @actions/tool-cache lays it out
   * (`<cache>/<name>/<version>/<arch>/` beside a `<arch>.complete` marker). Looked up directly: loading
   * @actions/tool-cache (and its HTTP client) costs ~10 ms that a cache hit does not need.
   */
  async findCached(name, version, arch) {
    const cache = this.options.paths.toolCache;
    if (!cache) return void 0;
    const dir = (0, import_node_path.join)(cache, name, version, arch);
    try {
      await (0, import_promises.access)(`${dir}.complete`);
      return (await (0, import_promises.stat)(dir)).isDirectory() ? dir : void 0;
    } catch {
      return void 0;
    }
  }
  async fromPath(name, path) {
    await assertExecutable(path, name);
    this.options.logger.info(
      `${name}: using ${path} (given explicitly; its version is not pinned by this action)`
    );
    return { name, version: "unpinned", path, source: "path" };
  }
  async download(name, pin, asset, arch) {
    const work = await tempFolder(this.options.paths.temp, name);
    try {
      const file = (0, import_node_path.join)(work, "download");
      this.options.logger.info(`${name} ${pin.version}: downloading ${asset.url}`);
      const actual = await this.fetchTo(asset.url, file, name, pin);
      if (actual !== asset.sha256) {
        throw new CommandError(
          `${name} ${pin.version}: checksum mismatch for ${asset.url}: expected sha256 ${asset.sha256}, got ${actual}. The download was discarded; nothing was installed.`,
          { tool: name }
        );
      }
      let dir;
      if (asset.archive === "tar.gz") {
        dir = (0, import_node_path.join)(work, "extract");
        await (0, import_promises.mkdir)(dir);
        await this.options.runner.run({ tool: "tar", command: "tar", args: ["-xzf", file, "-C", dir] });
      } else {
        dir = (0, import_node_path.join)(work, "bin");
        await (0, import_promises.mkdir)(dir);
        await (0, import_promises2.pipeline)((0, import_node_fs.createReadStream)(file), (0, import_node_fs.createWriteStream)((0, import_node_path.join)(dir, pin.binary)));
      }
      await (0, import_promises.chmod)((0, import_node_path.join)(dir, pin.binary), 493).catch(() => {
        throw new CommandError(`${name} ${pin.version}: the archive has no ${pin.binary} at its top level`, {
          tool: name
        });
      });
      const installed = this.options.paths.toolCache ? await (await toolCache()).cacheDir(dir, name, pin.version, arch) : dir;
      const path = (0, import_node_path.join)(installed, pin.binary);
      await assertExecutable(path, name);
      this.options.logger.info(`${name} ${pin.version}: sha256 verified, installed at ${path}`);
      return { name, version: pin.version, path, source: "download" };
    } finally {
      if (this.options.paths.toolCache) await (0, import_promises.rm)(work, { recursive: true, force: true });
    }
  }
  async fetchTo(url, file, name, pin) {
    const advice = `To pre-provision ${name} ${pin.version} offline, put the executable in $RUNNER_TOOL_CACHE/${name}/${pin.version}/<arch>/ (with a ${pin.version}/<arch>.complete marker) or pass its path in the action's ${name}-path input.`;
    let response;
    try {
      response = await this.fetchImpl(url, {
        redirect: "follow",
        signal: AbortSignal.timeout(this.options.downloadTimeoutMs ?? 3e5)
      });
    } catch (error) {
      const cause = error instanceof Error ? error.cause?.message ?? error.message : String(error);
      throw new CommandError(`${name} ${pin.version}: download from ${url} failed (${cause}). ${advice}`, {
        tool: name,
        cause: error
      });
    }
    if (!response.ok || response.body === null) {
      throw new CommandError(
        `${name} ${pin.version}: download from ${url} failed with HTTP ${response.status}. ${advice}`,
        {
          tool: name
        }
      );
    }
    const hash = (0, import_node_crypto.createHash)("sha256");
    const body = import_node_stream.Readable.fromWeb(response.body);
    body.on("data", (chunk) => hash.update(chunk));
    await (0, import_promises2.pipeline)(body, (0, import_node_fs.createWriteStream)(file, { mode: 384 }));
    return hash.digest("hex");
  }
};
async function assertExecutable(path, name) {
  const s = await (0, import_promises.stat)(path).catch(() => void 0);
  if (s === void 0 || !s.isFile()) {
    throw new ConfigurationError(`${name} executable ${path} does not exist or is not a file`, {
      input: `${name}-path`
    });
  }
  try {
    await (0, import_promises.access)(path, import_node_fs.constants.X_OK);
  } catch {
    throw new ConfigurationError(`${name} executable ${path} is not executable`, { input: `${name}-path` });
  }
}

// packages/core/src/tools/trivy-run.ts
var import_promises3 = __toESM(require_promises(), 1);
async function prepareTrivyCache(db, input) {
  if (db.offline) {
    try {
      await trivy.requireOfflineDb(db.cacheDir);
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      const { code, expected, actual } = error;
      throw new ConfigurationError(`Input "${input}": ${error.message}`, {
        code,
        input,
        ...expected === void 0 ? {} : { expected },
        ...actual === void 0 ? {} : { actual },
        cause: error
      });
    }
  }
  await (0, import_promises3.mkdir)(db.cacheDir, { recursive: true });
}
async function updateTrivyDb(deps, executable, db) {
  await deps.runner.run({
    tool: "trivy",
    command: executable,
    args: trivy.downloadDbArgs({ cacheDir: db.cacheDir, dbRepository: db.dbRepository }),
    env: deps.env
  });
}
function trivyScanArgs(request) {
  const common = {
    output: `${request.files}.json`,
    cacheDir: request.cacheDir,
    ignoreFile: request.ignoreFile,
    dbRepository: request.dbRepository,
    offline: request.offline,
    dbFresh: request.dbFresh
  };
  return request.target.kind === "fs" ? trivy.fsArgs({ ...common, path: request.target.path }) : trivy.imageArgs({ ...common, layout: request.target.layout });
}
async function runTrivyScan(deps, request) {
  const json = `${request.files}.json`;
  const sarifPath = `${request.files}.sarif`;
  const run2 = (args) => deps.runner.run({ tool: "trivy", command: request.executable, args, env: deps.env });
  const { target } = request;
  await run2(trivyScanArgs(request));
  const platform = target.kind === "image" ? target.platform : void 0;
  const findings = parseTrivyReport(await readScannerReport(json, "trivy"), platform);
  await run2(trivy.sarifArgs(json, sarifPath));
  const sarif = await readScannerJson(sarifPath, "trivy convert");
  if (target.kind === "image") {
    for (const sarifRun of sarif.runs ?? [])
      if (sarifRun !== null && typeof sarifRun === "object")
        Object.assign(sarifRun, { properties: { platform: target.platform, digest: target.digest } });
  }
  return { findings, sarif };
}

// actions/image-scan/src/run.ts
var MAX_PARALLEL_SCANS = 4;
async function run(plan, { deps, outputs }) {
  const ignores = await trivyIgnores(plan.trivy.ignoreFile, deps);
  const { layout, check, images } = await verifiedLayout(plan, deps);
  outputs.set("digest", plan.digest);
  const work = await deps.tempDir("image-scan");
  const db = {
    cacheDir: plan.trivy.cacheDir ?? trivy.defaultCacheDir(deps.paths.toolCache, work),
    dbRepository: plan.trivy.dbRepository,
    offline: plan.trivy.offline
  };
  await prepareTrivyCache(db, "trivy-cache-dir");
  const verified = await layout.snapshot(check, (0, import_node_path2.join)(work, "verified"), "copy-verified");
  const tool = await new ToolInstaller(deps).install("trivy", plan.trivy.install);
  if (!db.offline) await updateTrivyDb(deps, tool.path, db);
  const startedAt = deps.now().toISOString();
  const [scans, sbomDir] = await Promise.all([
    scanPlatforms(images, { verified, work, executable: tool.path, db, ignoreFile: ignores.file }, deps),
    plan.sbom === void 0 ? "" : sbomSet(plan.sbom, { verified, digest: plan.digest, images: check.images, work }, deps)
  ]);
  const facts = {
    trivyVersion: tool.version,
    db: await trivy.dbMetadata(db.cacheDir),
    ignored: ignores.rules,
    startedAt,
    finishedAt: deps.now().toISOString()
  };
  await report(plan, scans, facts, { work, sbomDir }, { deps, outputs });
}
async function verifiedLayout(plan, deps) {
  const layout = await OciLayout.open(plan.layout);
  const check = await layout.checkForStreaming();
  requireLayoutDigest(plan.layout, check.root.digest, plan.digest, "refusing to scan other bytes");
  if (check.images.length === 0)
    throw new LayoutError(
      `the layout ${plan.layout} holds no image to scan (${check.attestations.length} attestation(s), no image manifest): nothing would be checked`
    );
  const images = selectImages(check.images, plan.platforms);
  if (check.attestations.length > 0)
    deps.logger.info(`skipping ${check.attestations.length} attestation manifest(s)`);
  return { layout, check, images };
}
async function scanPlatforms(images, scan, deps) {
  const parallel = Math.min((0, import_node_os2.availableParallelism)(), MAX_PARALLEL_SCANS, images.length);
  return inParallel(images, parallel, async (image, i) => {
    const view = await platformView(scan.verified, image, (0, import_node_path2.join)(scan.work, `view-${i}`));
    const result = await runTrivyScan(deps, {
      ...scan.db,
      executable: scan.executable,
      target: { kind: "image", layout: view, platform: image.platform, digest: image.digest },
      files: (0, import_node_path2.join)(scan.work, `trivy-${i}`),
      ignoreFile: scan.ignoreFile,
      dbFresh: !scan.db.offline
    });
    return { image, ...result };
  });
}
async function report(plan, scans, facts, dirs, { deps, outputs }) {
  const findings = scans.flatMap((p) => p.findings);
  const gate = evaluateGate(findings, plan.gate, ["trivy"]);
  const scan = scanReport(plan, scans, gate, facts);
  const files = await writeScanReport(dirs.work, scan, { trivy: scans.map((p) => p.sarif) });
  const platforms = Object.fromEntries((scan.platforms ?? []).map((p) => [p.platform, p.counts]));
  outputs.write({
    passed: String(gate.passed),
    counts: JSON.stringify({ ...gate.counts, platforms }),
    report: files.report,
    sarif: files.sarif,
    "sarif-dir": files.sarifDir,
    digest: plan.digest,
    "sbom-dir": dirs.sbomDir
  });
  await deps.writeSummary(scanSummary(scan));
  const first = gate.failing.slice(0, 3).map((f) => `${f.id} in ${f.package} (${f.platform})`);
  const message = `image-scan: ${gate.failing.length} finding(s) at ${[...plan.gate.severities].join(", ")} in ${plan.digest} (first: ${first.join(", ")})`;
  enforceGate(gate.passed, message, plan.gate.failOn, "image-scan", (w) => deps.logger.warning(w));
}
function scanReport(plan, scans, gate, facts) {
  return {
    schema: "scan-report/v1",
    tool: "image-scan",
    passed: gate.passed,
    severities: [...plan.gate.severities],
    ignoreUnfixed: plan.gate.ignoreUnfixed,
    scanners: {
      trivy: {
        version: facts.trivyVersion,
        ...facts.db.updatedAt ? { dbUpdatedAt: facts.db.updatedAt } : {},
        ...facts.db.version ? { dbVersion: facts.db.version } : {}
      }
    },
    counts: gate.counts,
    failing: gate.failing,
    findings: scans.flatMap((p) => p.findings),
    ignored: facts.ignored,
    ignoredUnfixed: gate.ignoredUnfixed,
    digest: plan.digest,
    platforms: scans.map((p) => ({
      platform: p.image.platform,
      digest: p.image.digest,
      counts: platformCounts(p.findings, plan.gate.severities)
    })),
    startedAt: facts.startedAt,
    finishedAt: facts.finishedAt
  };
}
function platformCounts(findings, severities) {
  const { counts } = evaluateGate(findings, { severities, ignoreUnfixed: false }, ["trivy"]);
  return counts.trivy ?? { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
}
async function trivyIgnores(given, deps) {
  const ignores = await readTrivyIgnores(given, deps.inputContext.workspace);
  const { file, rules } = ignores;
  if (file !== void 0)
    deps.logger.info(
      `Trivy ignore file ${file}: ${rules.length} rule(s)${rules.length > 0 ? ` (${rules.map((r) => r.id).join(", ")})` : ""}`
    );
  if (given !== void 0 && rules.length === 0)
    deps.logger.warning(`Input "trivyignore": ${given} holds no ignore rule; nothing is ignored`);
  return ignores;
}
async function readTrivyIgnores(given, workspace) {
  if (given === void 0) {
    const found = await readIgnoreFiles(workspace);
    return { file: found.trivyIgnoreFile, rules: found.rules.filter((r) => r.scanner === "trivy") };
  }
  try {
    return { file: given, rules: await readTrivyIgnoreFile(given, (0, import_node_path2.relative)(workspace, given)) };
  } catch (error) {
    if (error instanceof ConfigurationError)
      throw new ConfigurationError(`Input "trivyignore": ${error.message}`, {
        input: "trivyignore",
        cause: error
      });
    throw error;
  }
}
async function sbomSet(install, target, deps) {
  const tool = await new ToolInstaller(deps).install("syft", install);
  const dir = (0, import_node_path2.join)(target.work, "sbom");
  const set = await makeSbomSet({
    ...target,
    dir,
    syft: { path: tool.path, version: tool.version },
    runner: deps.runner,
    env: deps.env
  });
  deps.logger.info(
    `SBOMs (syft ${tool.version}): ${set.sboms.map((s) => `${s.platform} ${s.digest}`).join(", ")}`
  );
  return dir;
}
async function inParallel(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i], i);
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, lane));
  return results;
}
export {
  run
};
//# sourceMappingURL=run-SGSBPBVY.mjs.map
