import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  JobSummary
} from "./chunk-2NH6TDDJ.mjs";

// actions/verify-image/src/report.ts
function custodyRows(c) {
  const rows = [
    ["image", `${c.repository}@${c.digest}`],
    ["from tag", c.tag ?? "(by digest)"],
    [
      "signed by",
      c.signature === void 0 ? "NOT VERIFIED" : `${c.signature.identity ?? "the public key"}${c.signature.issuer ? ` (${c.signature.issuer})` : ""}, ${c.signature.format}`
    ],
    ["source", c.source === void 0 ? "unknown" : `${c.source.repository} @ ${c.source.commit}`],
    ["source ref", c.source?.ref ?? "unknown"],
    ["certificate says", certificateSays(c)],
    [
      "provenance says",
      c.provenance === void 0 ? "none" : `${c.provenance.repository} @ ${c.provenance.commit}`
    ],
    ["workflow run", c.run ?? "unknown"],
    ["builder", c.builder ?? "unknown"],
    ["scan", scanText(c)],
    ["SBOM", sbomText(c)],
    ["tags now", tagsText(c)]
  ];
  return rows;
}
function certificateSays(c) {
  const repo = c.certificate?.sourceRepositoryURI;
  const commit = c.certificate?.sourceRepositoryDigest;
  if (c.signature !== void 0 && c.certificate === void 0) return "no certificate (key)";
  return repo === void 0 || commit === void 0 ? "no source extensions" : `${repo} @ ${commit}`;
}
function scanText(c) {
  const s = c.scan;
  if (s === void 0) return "none";
  const counts = Object.entries(s.counts).filter(([, n]) => n > 0).map(([severity, n]) => `${n} ${severity}`);
  return `${s.passed ? "passed" : "FAILED"} at ${s.finishedOn}; ${s.scanner}${s.db ? `, DB ${s.db}` : ""}${counts.length > 0 ? `; ${counts.join(", ")}` : ""}`;
}
function sbomText(c) {
  if (c.sbom.length === 0) return "none";
  return c.sbom.map((s) => `${s.platform ?? "image"}: ${s.components} components`).join("; ");
}
function tagsText(c) {
  const t = c.tags;
  if (t === void 0) return "unknown (tags could not be listed)";
  const list = t.tags.length === 0 ? "no human tag" : t.tags.join(", ");
  return t.truncated ? `${list} (first ${t.checked} of ${t.candidates} tags checked)` : list;
}
function custodyOutput(c) {
  return JSON.stringify({ verified: c.failures.length === 0, ...c });
}
function custodySummary(c) {
  const ok = c.failures.length === 0;
  const summary = new JobSummary().heading("verify-image").verdict(
    ok,
    ok ? `Chain of custody verified: ${c.repository}@${c.digest}` : `Chain of custody NOT verified: ${c.repository}@${c.digest}`
  );
  if (!ok)
    summary.table(
      ["link", "why"],
      c.failures.map((f) => [{ text: `${f.link} (${f.code})`, code: true }, f.message])
    );
  summary.facts(custodyRows(c).map(([k, v]) => [k, k === "image" ? { text: v, code: true } : v]));
  for (const w of c.warnings) summary.warning(w);
  if (c.attestations.length > 0)
    summary.details(
      `${c.attestations.length} verified attestation(s)`,
      (inner) => inner.table(
        ["kind", "format", "stored as"],
        c.attestations.map((a) => [a.kind, a.format, { text: a.ref, code: true }])
      )
    );
  return summary;
}
function custodyTable(c) {
  const rows = custodyRows(c);
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = [
    c.failures.length === 0 ? "VERIFIED: chain of custody" : "NOT VERIFIED: chain of custody",
    ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`),
    ...c.failures.map((f) => `  FAILED ${f.link} (${f.code}): ${f.message}`),
    ...c.warnings.map((w) => `  warning: ${w}`)
  ];
  return lines.join("\n");
}

export {
  custodyOutput,
  custodySummary,
  custodyTable
};
//# sourceMappingURL=chunk-E25VYLZM.mjs.map
