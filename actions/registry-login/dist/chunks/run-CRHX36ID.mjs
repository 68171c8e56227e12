import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  ConfigurationError,
  ImageReference,
  addLogin,
  authValue,
  defineState,
  dockerShadow,
  loginKey,
  openRegistry,
  parseLoginRecord,
  removeLogins,
  withSecretFile
} from "./chunk-KKYSZTUD.mjs";
import "./chunk-LAKDNJDR.mjs";
import {
  require_promises
} from "./chunk-ZKXDAKWM.mjs";
import {
  require_path
} from "./chunk-Q7KQMW4X.mjs";
import "./chunk-VCWESDKG.mjs";
import {
  __toESM
} from "./chunk-5MM4E6UD.mjs";

// actions/registry-login/src/run.ts
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

// actions/registry-login/src/run.ts
var loginState = defineState("registry-login", parseLoginRecord("registry-login"));
async function run(plan, { deps, outputs }) {
  const { logins, files } = plan;
  for (const login of logins) deps.logger.setSecret(authValue(login.username, login.password));
  if (plan.verify) for (const login of logins) await verifyLogin(login, plan.tlsVerify, deps);
  const state = { keep: plan.keep, logins: [] };
  await writeLogins(logins, files, state, deps);
  if (files.exportAuthFile) deps.exportVariable("REGISTRY_AUTH_FILE", files.authFile);
  if (files.exportDockerConfig) deps.exportVariable("DOCKER_CONFIG", (0, import_node_path.dirname)(files.dockerConfig));
  outputs.write({
    registries: logins.map((l) => l.registry).join("\n"),
    "auth-file": files.authFile,
    "docker-config": (0, import_node_path.dirname)(files.dockerConfig)
  });
  await deps.writeSummary(loginSummary(plan));
}
function loginSummary({ logins, files, verify, keep }) {
  return new JobSummary().heading("registry-login").verdict(true, `Logged in to ${logins.map((l) => l.registry).join(", ")}`).table(
    ["registry", "user", "credential", "checked"],
    logins.map((l) => [
      { text: l.registry, code: true },
      { text: l.username, code: true },
      l.source,
      verify ? "accepted by the registry (GET /v2/)" : "not checked (verify: false)"
    ])
  ).facts([
    ["containers auth.json", { text: files.authFile, code: true }],
    ["Docker config.json", { text: files.dockerConfig, code: true }],
    ["after the job", keep ? "kept (keep-login: true)" : "removed by the post step"]
  ]);
}
async function verifyLogin(login, tlsVerify, deps) {
  const key = loginKey(login.registry, "containers");
  const document = JSON.stringify({ auths: { [key]: { auth: authValue(login.username, login.password) } } });
  await withSecretFile(
    document,
    async (authFile) => {
      const client = openRegistry(deps, { authFile, tlsVerify });
      try {
        await client.ping(ImageReference.parse(`${login.registry}/login-check`));
      } catch (error) {
        if (!(error instanceof ConfigurationError)) throw error;
        const input = login.source === "github-token" ? "github-token" : "password";
        throw new ConfigurationError(
          `Input "${input}": ${login.registry} did not accept the login of "${login.username}": ${error.message.replace(/ Log in first.*$/s, "")}`,
          { input }
        );
      }
      deps.logger.info(`${login.registry} accepted the login of ${login.username} (${login.source})`);
    },
    { directory: deps.paths.temp, name: "auth.json" }
  );
}
async function writeLogins(logins, files, state, deps) {
  for (const login of logins) {
    for (const [file, kind] of [
      [files.dockerConfig, "docker"],
      [files.authFile, "containers"]
    ]) {
      const key = loginKey(login.registry, kind);
      const added = await addLogin(file, key, login.username, login.password);
      state.logins.push(added);
      loginState.save(deps.state, state);
      if (added.replaced)
        deps.logger.warning(`replaced a login for ${key} in ${file}; the post step puts it back`);
      if (kind === "docker") {
        const shadow = dockerShadow(await readJson(file), key);
        if (shadow !== void 0)
          deps.logger.warning(
            `docker will ask ${shadow} in ${file} for ${key}, not this login; skopeo, buildah, cosign and trivy use ${files.authFile}`
          );
      }
    }
  }
}
async function readJson(file) {
  try {
    return JSON.parse(await (0, import_promises.readFile)(file, "utf8"));
  } catch {
    return void 0;
  }
}
async function post(deps) {
  await removeLogins(loginState.load(deps.state), deps.logger);
}
export {
  loginState,
  post,
  run
};
//# sourceMappingURL=run-CRHX36ID.mjs.map
