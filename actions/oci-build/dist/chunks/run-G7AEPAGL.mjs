import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  CommandError,
  ConfigurationError,
  OciLayout,
  buildah,
  buildx,
  chooseBuilder,
  joinLayouts,
  planBuild,
  readRefContext,
  withSecretFile
} from "./chunk-WUUPW7ZP.mjs";
import "./chunk-LAKDNJDR.mjs";
import {
  require_promises
} from "./chunk-ZKXDAKWM.mjs";
import {
  require_path
} from "./chunk-Q7KQMW4X.mjs";
import {
  require_crypto,
  require_fs
} from "./chunk-C52DNLW2.mjs";
import {
  __toESM
} from "./chunk-5MM4E6UD.mjs";

// actions/oci-build/src/run.ts
var import_node_crypto = __toESM(require_crypto(), 1);
var import_node_fs = __toESM(require_fs(), 1);
var import_promises = __toESM(require_promises(), 1);
var import_node_path = __toESM(require_path(), 1);

// packages/core/src/report/job-summary.ts
function escapeHtml(text) {
  return text.replace(/[&<>"'|`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
function renderCell(cell) {
  if (typeof cell === "string") return escapeHtml(cell);
  return cell.code ? `<code>${escapeHtml(cell.text)}</code>` : escapeHtml(cell.text);
}
var JobSummary = class _JobSummary {
  parts = [];
  heading(text, level = 2) {
    this.parts.push(`<h${level}>${escapeHtml(text)}</h${level}>`);
    return this;
  }
  paragraph(text) {
    this.parts.push(`<p>${escapeHtml(text)}</p>`);
    return this;
  }
  /** A line with a leading status mark, for verdicts. */
  verdict(ok, text) {
    this.parts.push(`<p><strong>${ok ? "\u2705" : "\u274C"} ${escapeHtml(text)}</strong></p>`);
    return this;
  }
  warning(text) {
    this.parts.push(`<blockquote><p>\u26A0\uFE0F ${escapeHtml(text)}</p></blockquote>`);
    return this;
  }
  code(text) {
    this.parts.push(`<pre><code>${escapeHtml(text)}</code></pre>`);
    return this;
  }
  table(headers, rows) {
    this.parts.push(renderTable(headers, rows));
    return this;
  }
  /** Key/value pairs as a two-column table. */
  facts(pairs) {
    return this.table(
      ["", ""],
      pairs.map(([k, v]) => [k, v])
    );
  }
  /** A collapsed section; `build` fills a nested summary. */
  details(label, build) {
    const inner = new _JobSummary();
    build(inner);
    this.parts.push(`<details><summary>${escapeHtml(label)}</summary>

${inner.toString()}
</details>`);
    return this;
  }
  toString() {
    return this.parts.join("\n");
  }
};
function renderTable(headers, rows) {
  const head = headers.every((h) => h === "") ? "" : `<thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead>`;
  const body = rows.map((row) => `<tr>${row.map((c) => `<td>${renderCell(c)}</td>`).join("")}</tr>`).join("");
  return `<table>${head}<tbody>${body}</tbody></table>`;
}

// actions/oci-build/src/run.ts
async function run(plan, { deps, outputs }) {
  if (plan.kind === "join") return joinPlatformLayouts(plan, deps, outputs);
  const build = planBuild(plan, await gatherFacts(plan, deps));
  build.secrets.push(...secretLines(plan.secretsEnv, deps, build.secrets));
  for (const warning of build.warnings) deps.logger.warning(warning);
  const { builder, reason } = chooseBuilder(plan.builder, await buildxFacts(plan.builder, deps));
  deps.logger.info(`builder: ${builder} (${reason})`);
  const topLevel = builder === "buildx" ? await runBuildx(build, deps) : await runBuildah(build, deps);
  const report = await verifyLayout(build.request.outputDir, topLevel, build.request.platforms, builder);
  setLayoutOutputs(outputs, build.request.outputDir, report, builder);
  outputs.set("build-record", await writeBuildRecord(build, builder, report.root.digest, deps));
  deps.logger.info(
    `built ${report.root.digest} (${report.blobCount} blobs verified) in ${build.request.outputDir}`
  );
  await deps.writeSummary(summary(build, builder, reason, report));
}
function setLayoutOutputs(outputs, layout, report, builder) {
  const platforms = report.images.map((image) => ({ platform: image.platform, digest: image.digest }));
  outputs.set("layout", layout);
  outputs.set("digest", report.root.digest);
  outputs.set("media-type", report.root.mediaType);
  outputs.set("platforms", JSON.stringify(platforms));
  outputs.set("builder", builder);
}
async function joinNamingInputs(sources, out) {
  try {
    return await joinLayouts(sources, out);
  } catch (error) {
    if (error instanceof ConfigurationError)
      throw error.forInput(error.code === "DIRECTORY_NOT_EMPTY" ? "output-dir" : "join");
    throw error;
  }
}
async function joinPlatformLayouts(plan, deps, outputs) {
  const out = plan.outputDir ?? (0, import_node_path.join)(await deps.tempDir("oci-join"), "layout");
  const top = await joinNamingInputs(plan.sources, out);
  const report = await verifyLayout(out, top.digest, [], "buildah");
  setLayoutOutputs(outputs, out, report, "join");
  outputs.set("build-record", "");
  const platforms = report.images.map((image) => ({ platform: image.platform, digest: image.digest }));
  deps.logger.info(
    `joined ${plan.sources.length} layouts into ${report.root.digest} (${platforms.map((p) => p.platform).join(", ")})`
  );
  await deps.writeSummary(
    new JobSummary().heading("oci-build (join)").verdict(true, `Joined ${plan.sources.length} per-platform layouts into ${report.root.digest}`).facts([
      ["digest", { text: report.root.digest, code: true }],
      ["layout", { text: out, code: true }],
      ["verified", `${report.blobCount} blobs, ${report.totalBytes} bytes`]
    ]).table(
      ["platform", "manifest digest (unchanged from its build)"],
      platforms.map((p) => [p.platform, { text: p.digest, code: true }])
    )
  );
}
async function writeBuildRecord(plan, builder, digest, deps) {
  const workspace = deps.inputContext.workspace;
  const request = plan.request;
  const record = {
    schema: "build-record/v1",
    digest,
    builder,
    containerfile: {
      path: (0, import_node_path.relative)(workspace, request.file),
      sha256: (0, import_node_crypto.createHash)("sha256").update(await (0, import_promises.readFile)(request.file)).digest("hex")
    },
    context: (0, import_node_path.relative)(workspace, request.context) || ".",
    platforms: request.platforms,
    buildArgs: Object.fromEntries(request.buildArgs),
    ...request.target === void 0 ? {} : { target: request.target }
  };
  const path = (0, import_node_path.join)(await deps.tempDir("oci-build-record"), "build-record.json");
  await (0, import_promises.writeFile)(path, `${JSON.stringify(record, null, 2)}
`);
  return path;
}
async function gatherFacts(plan, deps) {
  const contextStat = await (0, import_promises.stat)(plan.context).catch(() => void 0);
  if (contextStat === void 0 || !contextStat.isDirectory()) {
    throw new ConfigurationError(`Input "context": ${plan.context} is not a directory`, {
      input: "context"
    });
  }
  const file = containerfile(plan);
  const outputDir = await layoutFolder(plan, deps);
  const git = async (args) => deps.runner.run({ tool: "git", command: "git", args: ["-C", plan.context, ...args], timeoutMs: 15e3 }).then((r) => r.stdout.trim()).catch(() => void 0);
  const time = await git(["log", "-1", "--format=%ct"]);
  return {
    event: await readRefContext(deps.env, deps.now()),
    commitTime: time !== void 0 && /^\d+$/.test(time) ? Number(time) : void 0,
    commitSha: await git(["rev-parse", "HEAD"]),
    file,
    outputDir,
    hostArch: process.arch
  };
}
function containerfile(plan) {
  const file = plan.file ?? ["Containerfile", "Dockerfile"].map((f) => (0, import_node_path.join)(plan.context, f)).find((f) => (0, import_node_fs.existsSync)(f));
  if (file === void 0) {
    throw new ConfigurationError(
      `Input "file" is required: there is no Containerfile or Dockerfile in ${plan.context}`,
      { code: "INPUT_REQUIRED", input: "file" }
    );
  }
  if (!(0, import_node_fs.existsSync)(file))
    throw new ConfigurationError(`Input "file": ${file} does not exist`, { input: "file" });
  return file;
}
async function layoutFolder(plan, deps) {
  if (plan.outputDir === void 0) return (0, import_node_path.join)(await deps.tempDir("oci-build"), "layout");
  if ((0, import_node_fs.existsSync)(plan.outputDir) && (await (0, import_promises.readdir)(plan.outputDir)).length > 0)
    throw new ConfigurationError(
      `Input "output-dir": ${plan.outputDir} is not empty; give a new or empty directory`,
      { code: "DIRECTORY_NOT_EMPTY", input: "output-dir" }
    );
  return plan.outputDir;
}
async function buildxFacts(wanted, deps) {
  if (wanted === "buildah") return { probe: void 0, inspect: void 0 };
  const probe = wanted === "auto" ? await buildx.probe(deps.runner) : void 0;
  const inspect = wanted === "buildx" || probe?.available ? await inspectBuilder(deps) : void 0;
  return { probe, inspect };
}
async function inspectBuilder(deps) {
  const { stdout } = await deps.runner.run({
    tool: "docker buildx",
    command: "docker",
    args: ["buildx", "inspect"],
    env: deps.env,
    timeoutMs: 3e4
  });
  return buildx.parseInspect(stdout);
}
function secretLines(name, deps, named) {
  if (name === void 0) return [];
  const text = deps.env[name];
  if (text === void 0)
    deps.logger.warning(
      `secrets-env names ${name}, which is not set in the step's environment: no build secrets`
    );
  const lines = (text ?? "").split(/\r\n|\n|\r/);
  const specs = [];
  for (const [i, line] of lines.entries()) {
    if (line.trim() === "") continue;
    const match = /^([A-Za-z0-9_.-]+)=(.+)$/s.exec(line);
    if (match?.[2] !== void 0) deps.logger.setSecret(match[2]);
    const id = match?.[1];
    if (id === void 0 || match?.[2] === void 0)
      throw new ConfigurationError(
        `Input "secrets-env": line ${i + 1} of ${name} is not id=value (the line is not shown: it may hold a secret)`,
        { input: "secrets-env" }
      );
    if ([...named, ...specs].some((s) => s.id === id))
      throw new ConfigurationError(`Input "secrets-env": secret id "${id}" is given twice`, {
        input: "secrets-env"
      });
    specs.push({ id, source: { value: match[2] } });
  }
  return specs;
}
async function resolveSecret(secret, deps, asFiles, use) {
  const asFile = (value2) => withSecretFile(value2, (path) => use({ id: secret.id, source: { file: path } }, value2), {
    directory: deps.paths.temp
  });
  if ("value" in secret.source) return asFile(secret.source.value);
  if ("file" in secret.source) {
    if (!(0, import_node_fs.existsSync)(secret.source.file))
      throw new ConfigurationError(`Input "secrets": the file for id "${secret.id}" does not exist`, {
        input: "secrets"
      });
    return use({ id: secret.id, source: secret.source }, void 0);
  }
  const value = deps.env[secret.source.env];
  if (value === void 0 || value === "")
    throw new ConfigurationError(
      `Input "secrets": environment variable ${secret.source.env} (id "${secret.id}") is not set or empty`,
      { input: "secrets" }
    );
  deps.logger.setSecret(value);
  return asFiles ? asFile(value) : use({ id: secret.id, source: secret.source }, value);
}
async function withSecretFiles(plan, deps, asFiles, use) {
  const resolved = [];
  const values = [];
  const step = async (i) => {
    const secret = plan.secrets[i];
    if (secret === void 0) return use(resolved, values);
    return resolveSecret(secret, deps, asFiles, async (r, value) => {
      resolved.push(r);
      if (value !== void 0) values.push(value);
      return step(i + 1);
    });
  };
  return step(0);
}
async function buildahBuild(plan, list, run2, deps) {
  await withSecretFiles(plan, deps, true, async (secrets, values) => {
    await run2(buildah.buildArgs({ ...plan.request, secrets }, list), values).catch(async (error) => {
      if (!(error instanceof CommandError) || !buildah.runtimeUnusable(error.stderrTail) || deps.env.BUILDAH_ISOLATION === "chroot")
        throw error;
      deps.logger.warning(
        'buildah could not start a RUN step with its OCI runtime on this host ("while running runtime"); building again with chroot isolation. Set BUILDAH_ISOLATION=chroot to choose it from the start.'
      );
      await run2(buildah.buildArgs({ ...plan.request, secrets }, list, "chroot"), values);
    });
  });
}
function buildahFailure(error) {
  if (!(error instanceof CommandError)) return error;
  const details = { tool: "buildah", exitCode: error.exitCode, stderrTail: error.stderrTail };
  if (buildah.runtimeUnusable(error.stderrTail))
    return new CommandError(
      `buildah could not run a RUN step on this host, with its OCI runtime nor with chroot isolation: ${error.stderrTail.trim().split("\n").at(-1)}. Check BUILDAH_ISOLATION and the runtime (runc or crun).`,
      details
    );
  const step = buildah.failedStep(error.stderrTail);
  return step === void 0 ? error : new CommandError(`buildah build failed: ${step}`, details);
}
async function runBuildah(plan, deps) {
  for (const note of buildah.unsupported({ ...plan.request, secrets: [] }))
    deps.logger.warning(`buildah: ${note}`);
  const list = `localhost/oci-build-${(0, import_node_crypto.randomUUID)().slice(0, 12)}`;
  const run2 = (args, secrets = []) => deps.runner.run({ tool: "buildah", command: "buildah", args, env: deps.env, echo: true, secrets });
  try {
    await buildahBuild(plan, list, run2, deps).catch((error) => {
      throw buildahFailure(error);
    });
    await run2(buildah.pushArgs(list, plan.request.outputDir));
  } finally {
    await run2(buildah.removeListArgs(list)).catch(() => void 0);
  }
  return void 0;
}
async function runBuildx(plan, deps) {
  const work = await deps.tempDir("buildx");
  const metadataFile = (0, import_node_path.join)(work, "metadata.json");
  try {
    await withSecretFiles(plan, deps, false, async (secrets, values) => {
      await deps.runner.run({
        tool: "docker buildx",
        command: "docker",
        args: buildx.buildArgs({ ...plan.request, secrets }, metadataFile),
        env: { ...deps.env, SOURCE_DATE_EPOCH: String(plan.request.sourceDateEpoch) },
        echo: true,
        secrets: values
      });
    });
    const metadata = buildx.parseMetadata(await (0, import_promises.readFile)(metadataFile, "utf8"));
    if (metadata.digest === void 0) {
      throw new CommandError("docker buildx wrote no containerimage.digest to its metadata file", {
        tool: "docker buildx"
      });
    }
    return metadata.digest;
  } finally {
    await (0, import_promises.rm)(work, { recursive: true, force: true });
  }
}
async function verifyLayout(dir, expected, platforms, builder) {
  const report = await (await OciLayout.open(dir)).verify();
  if (expected !== void 0 && expected !== report.root.digest) {
    throw new CommandError(
      `${builder} reported digest ${expected} but the layout's top level is ${report.root.digest}`,
      { tool: builder }
    );
  }
  if (report.images.length === 0)
    throw new CommandError(`${builder} produced a layout with no platform image`, { tool: builder });
  const built = new Set(report.images.map((i) => i.platform));
  const missing = platforms.filter((p) => !built.has(p));
  if (missing.length > 0) {
    throw new CommandError(
      `${builder} did not produce images for ${missing.join(", ")} (got ${[...built].join(", ")})`,
      { tool: builder }
    );
  }
  return report;
}
function summary(plan, builder, reason, report) {
  const s = new JobSummary().heading("oci-build").verdict(true, `Built and verified ${report.root.digest}`).facts([
    ["builder", `${builder} (${reason})`],
    ["digest", { text: report.root.digest, code: true }],
    ["media type", report.root.mediaType],
    ["layout", { text: plan.request.outputDir, code: true }],
    ["verified", `${report.blobCount} blobs, ${report.totalBytes} bytes`],
    ["source date epoch", `${plan.request.sourceDateEpoch} (from ${plan.epochSource})`]
  ]).table(
    ["platform", "manifest digest", "layers"],
    report.images.map((i) => [i.platform, { text: i.digest, code: true }, String(i.layers.length)])
  );
  if (report.attestations.length > 0)
    s.paragraph(`${report.attestations.length} attestation manifest(s) (provenance/SBOM) kept apart.`);
  for (const warning of plan.warnings) s.warning(warning);
  return s;
}
export {
  run,
  secretLines
};
//# sourceMappingURL=run-G7AEPAGL.mjs.map
