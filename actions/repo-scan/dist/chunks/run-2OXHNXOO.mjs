import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  CommandError,
  ConfigurationError,
  ReportError,
  enforceGate,
  evaluateGate,
  findingsToSarif,
  parseOsvReport,
  parseTrivyReport,
  readCycloneDx,
  readIgnoreFiles,
  readScannerJson,
  readScannerReport,
  readSpdx,
  scanSummary,
  tempFolder,
  writeScanReport
} from "./chunk-KQM7N2UN.mjs";
import "./chunk-LAKDNJDR.mjs";
import {
  require_promises
} from "./chunk-ZKXDAKWM.mjs";
import {
  require_os,
  require_path
} from "./chunk-Q7KQMW4X.mjs";
import {
  require_stream
} from "./chunk-YKKCAAD4.mjs";
import {
  require_crypto,
  require_fs
} from "./chunk-VCWESDKG.mjs";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-5MM4E6UD.mjs";

// builtin:stream/promises
var require_promises2 = __commonJS({
  "builtin:stream/promises"(exports, module) {
    module.exports = __require("node:stream/promises");
  }
});

// actions/repo-scan/src/run.ts
var import_promises5 = __toESM(require_promises(), 1);
var import_node_path3 = __toESM(require_path(), 1);

// packages/core/src/tools/scanners.ts
var import_promises = __toESM(require_promises(), 1);
var import_node_path = __toESM(require_path(), 1);
function trivyCommon(request, scanners) {
  const args = ["--format", "json", "--output", request.output, "--scanners", scanners];
  args.push("--cache-dir", request.cacheDir, "--exit-code", "0", "--quiet");
  args.push("--skip-version-check", "--disable-telemetry");
  if (request.ignoreFile !== void 0) args.push("--ignorefile", request.ignoreFile);
  if (request.offline)
    args.push("--skip-db-update", "--skip-java-db-update", "--skip-check-update", "--offline-scan");
  else {
    if (request.dbFresh) args.push("--skip-db-update");
    if (request.dbRepository !== void 0) args.push("--db-repository", request.dbRepository);
  }
  return args;
}
var trivy = {
  /** Where Trivy keeps its DB unless the action is told: the runner's tool cache, kept between jobs there. */
  defaultCacheDir(toolCache2, work) {
    return (0, import_node_path.join)(toolCache2 || work, "trivy-cache");
  },
  /** Brings the DB in the cache up to date (a no-op when it is fresh) without scanning anything. */
  downloadDbArgs(request) {
    const args = ["image", "--download-db-only", "--cache-dir", request.cacheDir, "--quiet"];
    args.push("--skip-version-check", "--disable-telemetry");
    if (request.dbRepository !== void 0) args.push("--db-repository", request.dbRepository);
    return args;
  },
  /** The DB's `db/metadata.json`: its schema `Version` and `UpdatedAt` (each undefined when unreadable). */
  async dbMetadata(cacheDir) {
    try {
      const meta = JSON.parse(await (0, import_promises.readFile)((0, import_node_path.join)(cacheDir, "db", "metadata.json"), "utf8"));
      return {
        ...typeof meta.UpdatedAt === "string" ? { updatedAt: meta.UpdatedAt } : {},
        ...typeof meta.Version === "number" ? { version: String(meta.Version) } : {}
      };
    } catch {
      return {};
    }
  },
  /**
   * Offline, Trivy can only use a DB already in its cache folder: check that it is there (both files), so
   * that the error says so instead of Trivy's download attempt. TRIVY_DB_MISSING, `expected` the file
   * that is missing; the caller names the input that chose the folder.
   */
  async requireOfflineDb(cacheDir) {
    for (const file of ["trivy.db", "metadata.json"]) {
      const path = (0, import_node_path.join)(cacheDir, "db", file);
      try {
        await (0, import_promises.access)(path);
      } catch {
        throw new ConfigurationError(
          `offline scanning needs the Trivy DB in ${cacheDir} (db/trivy.db and db/metadata.json), and ${path} is missing. Restore the cache folder first (actions/cache, or a copy of a mirror), or set offline: false to download it.`,
          { code: "TRIVY_DB_MISSING", expected: path, actual: "missing" }
        );
      }
    }
  },
  /** Repository scan: vulnerabilities, secrets and misconfigurations, every severity (the gate decides). */
  fsArgs(request) {
    return ["fs", ...trivyCommon(request, "vuln,secret,misconfig"), request.path];
  },
  /**
   * Image scan of an OCI layout directory (one platform image per run). The layer cache stays in memory:
   * a layout is scanned once, and the on-disk cache's lock would serialise parallel platform scans (the
   * vulnerability DB itself is opened read-only, so scans can share it).
   */
  imageArgs(request) {
    return [
      "image",
      "--input",
      request.layout,
      "--cache-backend",
      "memory",
      ...trivyCommon(request, "vuln,secret")
    ];
  },
  sarifArgs(jsonReport, output) {
    return ["convert", "--format", "sarif", "--output", output, jsonReport];
  }
};
var osvScanner = {
  args(request) {
    const args = ["scan", "source", "--recursive", "--format", "json", "--output-file", request.output];
    if (request.config !== void 0) args.push("--config", request.config);
    if (request.localDb !== void 0)
      args.push(
        request.offline ? "--offline" : "--offline-vulnerabilities",
        "--local-db-path",
        request.localDb
      );
    args.push(request.path);
    return args;
  },
  okExitCodes: [0, 1, 128],
  /** What an accepted exit code means; the report, not the code, decides the verdict. */
  explainExit(code) {
    if (code === 0) return "clean";
    if (code === 1) return "findings";
    if (code === 128) return "no-packages";
    throw new CommandError(`osv-scanner exited with ${code}`, { tool: "osv-scanner", exitCode: code });
  }
};
var syft = {
  /** Syft asks its update service for news when a version is set; never from here. */
  env: { SYFT_CHECK_FOR_APP_UPDATE: "false" },
  /** `source` is `dir` (a checkout) or `oci-dir` (an OCI layout holding one image). */
  args(request) {
    const args = ["scan", `${request.source ?? "dir"}:${request.path}`, "--quiet"];
    for (const [format, file] of Object.entries(request.outputs)) args.push("-o", `${format}=${file}`);
    return args;
  }
};

// packages/core/src/tools/tool-installer.ts
var import_node_crypto = __toESM(require_crypto(), 1);
var import_node_fs = __toESM(require_fs(), 1);
var import_promises2 = __toESM(require_promises(), 1);
var import_node_os = __toESM(require_os(), 1);
var import_node_path2 = __toESM(require_path(), 1);
var import_node_stream = __toESM(require_stream(), 1);
var import_promises3 = __toESM(require_promises2(), 1);

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
  return import("./tool-cache-J5X66CO5.mjs");
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
      const path = (0, import_node_path2.join)(cached, pin.binary);
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
    const dir = (0, import_node_path2.join)(cache, name, version, arch);
    try {
      await (0, import_promises2.access)(`${dir}.complete`);
      return (await (0, import_promises2.stat)(dir)).isDirectory() ? dir : void 0;
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
      const file = (0, import_node_path2.join)(work, "download");
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
        dir = (0, import_node_path2.join)(work, "extract");
        await (0, import_promises2.mkdir)(dir);
        await this.options.runner.run({ tool: "tar", command: "tar", args: ["-xzf", file, "-C", dir] });
      } else {
        dir = (0, import_node_path2.join)(work, "bin");
        await (0, import_promises2.mkdir)(dir);
        await (0, import_promises3.pipeline)((0, import_node_fs.createReadStream)(file), (0, import_node_fs.createWriteStream)((0, import_node_path2.join)(dir, pin.binary)));
      }
      await (0, import_promises2.chmod)((0, import_node_path2.join)(dir, pin.binary), 493).catch(() => {
        throw new CommandError(`${name} ${pin.version}: the archive has no ${pin.binary} at its top level`, {
          tool: name
        });
      });
      const installed = this.options.paths.toolCache ? await (await toolCache()).cacheDir(dir, name, pin.version, arch) : dir;
      const path = (0, import_node_path2.join)(installed, pin.binary);
      await assertExecutable(path, name);
      this.options.logger.info(`${name} ${pin.version}: sha256 verified, installed at ${path}`);
      return { name, version: pin.version, path, source: "download" };
    } finally {
      if (this.options.paths.toolCache) await (0, import_promises2.rm)(work, { recursive: true, force: true });
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
    await (0, import_promises3.pipeline)(body, (0, import_node_fs.createWriteStream)(file, { mode: 384 }));
    return hash.digest("hex");
  }
};
async function assertExecutable(path, name) {
  const s = await (0, import_promises2.stat)(path).catch(() => void 0);
  if (s === void 0 || !s.isFile()) {
    throw new ConfigurationError(`${name} executable ${path} does not exist or is not a file`, {
      input: `${name}-path`
    });
  }
  try {
    await (0, import_promises2.access)(path, import_node_fs.constants.X_OK);
  } catch {
    throw new ConfigurationError(`${name} executable ${path} is not executable`, { input: `${name}-path` });
  }
}

// packages/core/src/tools/trivy-run.ts
var import_promises4 = __toESM(require_promises(), 1);
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
  await (0, import_promises4.mkdir)(db.cacheDir, { recursive: true });
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

// actions/repo-scan/src/run.ts
async function run(plan, { deps, outputs }) {
  const work = await deps.tempDir("repo-scan");
  const ignores = await readIgnoreFiles(plan.path);
  const installer = new ToolInstaller(deps);
  if (plan.osv?.localDb !== void 0 && (await osvDbEcosystems(plan.osv.localDb)).length === 0)
    throw new ConfigurationError(
      `Input "osv-db": ${plan.osv.localDb} holds no offline OSV database (osv-scalibr/<Ecosystem>/all.zip)`,
      {
        input: "osv-db",
        code: "OSV_DB_MISSING",
        expected: "osv-scalibr/<Ecosystem>/all.zip",
        actual: "none"
      }
    );
  const trivyDb = plan.trivy && {
    cacheDir: plan.trivy.cacheDir ?? trivy.defaultCacheDir(deps.paths.toolCache, work),
    dbRepository: plan.trivy.dbRepository,
    offline: plan.trivy.offline
  };
  if (trivyDb !== void 0) await prepareTrivyCache(trivyDb, "trivy-cache-dir");
  const [osv, trivyRun, sbom] = await Promise.all([
    plan.osv && runOsv(plan.osv, { path: plan.path, config: ignores.osvConfig, work }, installer, deps),
    plan.trivy && trivyDb && runTrivy(plan.trivy.install, trivyDb, { ...ignores, path: plan.path, work }, installer, deps),
    plan.sbom && runSyft(plan.sbom, { path: plan.path, work }, installer, deps)
  ]);
  const runs = {};
  if (osv) runs["osv-scanner"] = osv;
  if (trivyRun) runs.trivy = trivyRun;
  await report(plan, { runs, sbom, ignored: ignores.rules, work }, { deps, outputs });
}
async function report(plan, scan, { deps, outputs }) {
  const findings = Object.values(scan.runs).flatMap((r) => r.findings);
  const gate = evaluateGate(findings, plan.gate, Object.keys(scan.runs));
  const merged = scanReport(plan, { ...scan, findings, gate });
  const sarif = Object.fromEntries(Object.entries(scan.runs).map(([k, r]) => [k, r.sarif ? [r.sarif] : []]));
  const files = await writeScanReport(scan.work, merged, sarif);
  outputs.write({
    passed: String(gate.passed),
    counts: JSON.stringify(gate.counts),
    report: files.report,
    sarif: files.sarif,
    "sarif-dir": files.sarifDir,
    sbom: sbomOutput(scan.sbom?.files)
  });
  await deps.writeSummary(scanSummary(merged));
  const message = `repo-scan: ${gate.failing.length} finding(s) at ${[...plan.gate.severities].join(", ")} (first: ${gate.failing.slice(0, 3).map((f) => `${f.id} in ${f.package}`).join(", ")}); see the job summary and ${files.report}`;
  enforceGate(gate.passed, message, plan.gate.failOn, "repo-scan", (w) => deps.logger.warning(w));
}
function scanReport(plan, scan) {
  const { gate, sbom } = scan;
  const report2 = {
    schema: "scan-report/v1",
    tool: "repo-scan",
    passed: gate.passed,
    severities: [...plan.gate.severities],
    ignoreUnfixed: plan.gate.ignoreUnfixed,
    scanners: Object.fromEntries(
      Object.entries(scan.runs).map(([k, r]) => [
        k,
        {
          version: r.version,
          ...r.note ? { note: r.note } : {},
          ...r.dbUpdatedAt ? { dbUpdatedAt: r.dbUpdatedAt } : {}
        }
      ])
    ),
    counts: gate.counts,
    failing: gate.failing,
    findings: scan.findings,
    ignored: scan.ignored,
    ignoredUnfixed: gate.ignoredUnfixed,
    ...sbom ? { sbom: sbom.files } : {}
  };
  if (sbom) report2.scanners.syft = { version: sbom.version };
  return report2;
}
function sbomOutput(files) {
  if (files === void 0) return "";
  if (Object.keys(files).length === 1)
    return files["cyclonedx-json"]?.path ?? Object.values(files)[0]?.path ?? "";
  return JSON.stringify(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.path])));
}
async function runTrivy(install, db, scan, installer, deps) {
  const tool = await installer.install("trivy", install);
  const { findings, sarif } = await runTrivyScan(deps, {
    ...db,
    executable: tool.path,
    target: { kind: "fs", path: scan.path },
    files: (0, import_node_path3.join)(scan.work, "trivy"),
    ignoreFile: scan.trivyIgnoreFile
  });
  const { updatedAt } = await trivy.dbMetadata(db.cacheDir);
  return { findings, sarif, version: tool.version, ...updatedAt ? { dbUpdatedAt: updatedAt } : {} };
}
async function runOsv(osv, scan, installer, deps) {
  const tool = await installer.install("osv-scanner", osv.install);
  const output = (0, import_node_path3.join)(scan.work, "osv-scanner.json");
  const { localDb, offline } = osv;
  const result = await deps.runner.run({
    tool: "osv-scanner",
    command: tool.path,
    args: osvScanner.args({ path: scan.path, output, config: scan.config, localDb, offline }),
    env: deps.env,
    okExitCodes: osvScanner.okExitCodes
  }).catch(async (error) => {
    if (error instanceof CommandError) await failOnIncompleteScan(error.stderrTail, localDb);
    throw error;
  });
  await failOnIncompleteScan(result.stderrTail, localDb);
  if (osvScanner.explainExit(result.exitCode) === "no-packages") {
    return { findings: [], version: tool.version, note: "found no packages to scan (exit 128)" };
  }
  const findings = parseOsvReport(await readScannerReport(output, "osv-scanner"));
  if (result.exitCode === 0 && findings.length > 0)
    throw new ReportError("osv-scanner exited 0 but its report lists vulnerabilities");
  const sarif = findingsToSarif(
    findings,
    { name: "osv-scanner", version: tool.version, uri: "https://google.github.io/osv-scanner/" },
    { root: deps.inputContext.workspace }
  );
  return { findings, sarif, version: tool.version };
}
async function runSyft(sbom, scan, installer, deps) {
  const tool = await installer.install("syft", sbom.install);
  const files = {};
  for (const format of sbom.formats)
    files[format] = (0, import_node_path3.join)(scan.work, format === "cyclonedx-json" ? "sbom.cdx.json" : "sbom.spdx.json");
  await deps.runner.run({
    tool: "syft",
    command: tool.path,
    args: syft.args({ path: scan.path, outputs: files }),
    env: { ...deps.env, ...syft.env }
  });
  const out = {};
  for (const [format, path] of Object.entries(files)) {
    const text = await readScannerReport(path, "syft");
    const info = format === "cyclonedx-json" ? readCycloneDx(text) : readSpdx(text);
    out[format] = { path, version: info.version, components: info.components };
  }
  return { files: out, version: tool.version };
}
async function osvDbEcosystems(dir) {
  const entries = await (0, import_promises5.readdir)((0, import_node_path3.join)(dir, "osv-scalibr"), { withFileTypes: true }).catch(() => []);
  const found = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    if (await (0, import_promises5.access)((0, import_node_path3.join)(dir, "osv-scalibr", entry.name, "all.zip")).then(
      () => true,
      () => false
    ))
      found.push(entry.name);
  }
  return found.sort();
}
async function failOnIncompleteScan(stderr, localDb) {
  const missing = [...stderr.matchAll(/could not load db for (\S+) ecosystem/g)].map((m) => m[1] ?? "");
  if (localDb !== void 0 && (missing.length > 0 || /no offline version of the OSV database/.test(stderr))) {
    const has = (await osvDbEcosystems(localDb)).join(", ") || "none";
    const lacks = missing.length > 0 ? [...new Set(missing)].join(", ") : "an ecosystem";
    throw new ConfigurationError(
      `Input "osv-db": it has no offline database for ${lacks} that this repository uses (${localDb} has ${has}). Add osv-scalibr/<Ecosystem>/all.zip for each ecosystem (osv-scanner --download-offline-databases writes them all)`,
      { input: "osv-db", code: "OSV_DB_INCOMPLETE", expected: lacks, actual: has }
    );
  }
  const failed = /^.*Error during extraction.*$/m.exec(stderr)?.[0];
  if (failed !== void 0)
    throw new ReportError(
      `osv-scanner could not complete the scan, so its report is partial: ${failed.trim()}`
    );
}
export {
  run
};
//# sourceMappingURL=run-2OXHNXOO.mjs.map
