import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  CommandError,
  DEFAULT_RETRY,
  OciLayout,
  chooseTags,
  isTransientText,
  needsExistingTags,
  openRegistry,
  readRefContext,
  requireLayoutDigest,
  retryAfterInText,
  tagWrites,
  withRetries
} from "./chunk-WMMPKAIO.mjs";
import "./chunk-LAKDNJDR.mjs";
import {
  require_promises
} from "./chunk-ZKXDAKWM.mjs";
import {
  require_path
} from "./chunk-Q7KQMW4X.mjs";
import "./chunk-C52DNLW2.mjs";
import {
  __toESM
} from "./chunk-5MM4E6UD.mjs";

// actions/skopeo-push/src/run.ts
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

// packages/core/src/tools/skopeo.ts
var skopeo = {
  copyArgs(request) {
    const args = ["copy", "--all", "--preserve-digests", "--digestfile", request.digestFile];
    if (request.authFile !== void 0) args.push("--authfile", request.authFile);
    if (!request.tlsVerify) args.push("--dest-tls-verify=false");
    args.push(request.source, request.destination);
    return args;
  },
  /** Registry to registry, by digest (no tag is written): every platform, digests preserved. */
  copyByDigestArgs(request) {
    const args = ["copy", "--all", "--preserve-digests"];
    if (request.authFile !== void 0) args.push("--authfile", request.authFile);
    if (!request.tlsVerify) args.push("--src-tls-verify=false", "--dest-tls-verify=false");
    args.push(`docker://${request.source}`, `docker://${request.destination}`);
    return args;
  },
  /**
   * A failed skopeo run, for withRetries: whether it is worth running again, by the core's one rule
   * (429, 5xx and network faults are; authentication, authorisation, missing repositories and invalid
   * manifests are not), with a Retry-After it printed.
   */
  failure(error) {
    if (!(error instanceof CommandError)) return { transient: false, reason: String(error) };
    const text = `${error.stderrTail}
${error.message}`;
    return { transient: isTransientText(text), retryAfterMs: retryAfterInText(text), reason: error.message };
  }
};

// actions/skopeo-push/src/run.ts
var PUSH_REFUSAL = "refusing to push bytes other than the ones that were built and scanned";
async function run(plan, { deps, outputs }) {
  const phase = (name) => deps.logger.debug(`skopeo-push: ${name} at ${performance.now().toFixed(0)} ms since the process started`);
  const client = openRegistry(deps, plan.registry);
  const chosen = await selectTags(plan, client, deps);
  const source = await openLayout(plan);
  const checked = await verifyAndCheck(plan, chosen.tags, source, client);
  phase("verified and checked the registry");
  const decisions = tagWrites(plan, chosen.tags, checked.current);
  await writeTags(plan, decisions, { ...source, ...checked }, client, deps, phase);
  phase("pushed");
  await readBack(plan, decisions, client);
  phase("read back");
  const { image, digest } = plan;
  outputs.write({
    digest,
    "image-ref": `${image}@${digest}`,
    tags: JSON.stringify(decisions.map((d) => d.tag))
  });
  const { blobs } = checked;
  deps.logger.info(
    `pushed ${image}@${digest} as ${chosen.tags.join(", ")} (${blobs.missing.length} blobs uploaded, ${blobs.present} already present)`
  );
  await deps.writeSummary(pushSummary(plan, decisions, chosen, checked));
  phase("done");
}
async function selectTags(plan, client, deps) {
  const ref = await readRefContext(deps.env, deps.now());
  const existing = needsExistingTags(plan.rules, ref) ? await client.listTags(plan.image) : void 0;
  const chosen = chooseTags(plan, ref, existing);
  for (const rule of chosen.skipped) deps.logger.info(`tag rule "${rule.rule}" skipped: ${rule.reason}`);
  if (chosen.fallback)
    deps.logger.info(`no tag rule applies to this run: pushing under the default ${chosen.tags.join(", ")}`);
  return chosen;
}
async function openLayout(plan) {
  const layout = await OciLayout.open(plan.layout);
  const entry = layout.index.manifests.length === 1 ? void 0 : layout.index.manifests.find((m) => m.digest === plan.digest);
  const ref = entry?.annotations?.["org.opencontainers.image.ref.name"];
  const graph = await layout.walk(ref);
  requireLayoutDigest(plan.layout, graph.root.digest, plan.digest, PUSH_REFUSAL);
  return { layout, ref, graph };
}
async function verifyAndCheck(plan, tags, source, client) {
  const [verified, tagged, present] = await Promise.allSettled([
    source.layout.checkForStreaming(source.ref),
    Promise.all(tags.map(async (t) => [t, await client.headManifest(plan.image, t)])),
    blobPresence(client, plan.image, source.graph)
  ]);
  if (verified.status === "rejected") throw verified.reason;
  if (tagged.status === "rejected") throw tagged.reason;
  if (present.status === "rejected") throw present.reason;
  const report = verified.value;
  requireLayoutDigest(plan.layout, report.root.digest, plan.digest, PUSH_REFUSAL);
  return {
    report,
    rootBytes: await source.layout.readBlob(report.root),
    current: new Map(tagged.value),
    blobs: present.value
  };
}
async function blobPresence(client, image, graph) {
  const layerBlobs = [...graph.blobs.values()].map((b) => b.descriptor).filter((d) => !d.mediaType.includes("manifest") && !d.mediaType.includes("index"));
  const sizes = await Promise.all(layerBlobs.map((d) => client.headBlob(image, d.digest)));
  const missing = layerBlobs.filter((_, i) => sizes[i] === void 0);
  return {
    present: layerBlobs.length - missing.length,
    missing,
    bytes: missing.reduce((n, d) => n + d.size, 0)
  };
}
async function writeTags(plan, decisions, verified, client, deps, phase) {
  const [first, ...rest] = decisions.filter((d) => d.action !== "unchanged");
  if (first === void 0) {
    deps.logger.info(`every tag already points at ${plan.digest}; nothing to push`);
    return;
  }
  const folder = await deps.tempDir("verified");
  try {
    const snapshot = await verified.layout.snapshot(verified.report, (0, import_node_path.join)(folder, "layout"));
    phase("snapshotted the verified layout");
    await copyWithRetries(plan, snapshot, first.tag, verified.ref, deps);
  } finally {
    await (0, import_promises.rm)(folder, { recursive: true, force: true });
  }
  const { root } = verified.report;
  for (const d of rest) await client.putManifest(plan.image, d.tag, verified.rootBytes, root.mediaType);
}
async function copyWithRetries(plan, snapshot, tag, ref, deps) {
  const work = await deps.tempDir("skopeo-push");
  const digestFile = (0, import_node_path.join)(work, "digest");
  const args = skopeo.copyArgs({
    source: `oci:${snapshot}${ref === void 0 ? "" : `:${ref}`}`,
    destination: `docker://${plan.image.withTag(tag)}`,
    digestFile,
    authFile: plan.registry.authFile,
    tlsVerify: plan.registry.tlsVerify
  });
  try {
    await withRetries(
      () => deps.runner.run({ tool: "skopeo", command: "skopeo", args, env: deps.env, echo: true }),
      skopeo.failure,
      {
        policy: { ...DEFAULT_RETRY, maxAttempts: plan.attempts },
        onRetry: (attempt, delay, reason) => deps.logger.warning(
          `skopeo copy failed on a transient registry fault; retrying in ${delay} ms (attempt ${attempt + 1} of ${plan.attempts}): ${reason}`
        )
      }
    );
    const pushed = (await (0, import_promises.readFile)(digestFile, "utf8")).trim();
    if (pushed !== plan.digest)
      throw new CommandError(`skopeo pushed ${pushed}, not ${plan.digest}: the registry changed the bytes`, {
        tool: "skopeo",
        code: "DIGEST_MISMATCH",
        expected: plan.digest.toString(),
        actual: pushed
      });
  } finally {
    await (0, import_promises.rm)(work, { recursive: true, force: true });
  }
}
async function readBack(plan, decisions, client) {
  for (const d of decisions) {
    const served = await client.getManifest(plan.image, d.tag);
    if (served?.digest !== plan.digest)
      throw new CommandError(
        `after the push, ${plan.image}:${d.tag} serves ${served?.digest ?? "nothing"}, not ${plan.digest}`,
        {
          tool: "registry",
          code: "DIGEST_MISMATCH",
          expected: plan.digest.toString(),
          actual: served?.digest ?? "nothing"
        }
      );
  }
}
function pushSummary({ image, digest }, decisions, chosen, { blobs, report }) {
  const result = new JobSummary().heading("skopeo-push").verdict(true, `Pushed and read back ${image}@${digest}`).facts([
    ["image", { text: image.toString(), code: true }],
    ["digest", { text: digest, code: true }],
    ["platforms", report.images.map((i) => i.platform).join(", ")],
    ["blobs", `${blobs.missing.length} uploaded (${blobs.bytes} bytes), ${blobs.present} already present`]
  ]).table(
    ["tag", "kind", "before", "result"],
    decisions.map((d) => [
      d.tag,
      d.immutable ? "immutable" : "mutable",
      d.previous === void 0 ? "new" : { text: d.previous, code: true },
      d.action === "unchanged" ? "already there, verified" : "written, verified"
    ])
  );
  if (chosen.fallback)
    result.paragraph(`No tag rule applies to this run: pushed under the default ${chosen.tags.join(", ")}.`);
  if (chosen.skipped.length > 0)
    result.table(
      ["skipped tag rule", "why"],
      chosen.skipped.map((s) => [{ text: s.rule, code: true }, s.reason])
    );
  return result;
}
export {
  run
};
//# sourceMappingURL=run-GI53MAC6.mjs.map
