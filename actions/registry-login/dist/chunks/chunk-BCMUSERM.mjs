import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  InvalidValueError,
  defineAction,
  defineOutputs,
  inputs,
  parseList,
  plan
} from "./chunk-6FVI6DDV.mjs";

// actions/registry-login/src/inputs.ts
var spec = {
  registry: inputs.custom("registries", (raw) => {
    const items = parseList(raw);
    if (items.length === 0) throw new InvalidValueError("names no registry");
    return items;
  }).required("the registry host(s) to log in to, e.g. ghcr.io"),
  username: inputs.string({ pattern: /^[^\s:]+$/, accepted: 'a user name without spaces or ":"' }).optional(),
  password: inputs.secret(),
  "github-token": inputs.secret(),
  "auth-file": inputs.path({ allowOutsideWorkspace: true }).optional(),
  "docker-config": inputs.path({ allowOutsideWorkspace: true }).optional(),
  verify: inputs.boolean().default("true"),
  "tls-verify": inputs.boolean().default("true"),
  "keep-login": inputs.boolean().default("false")
};
var outputs = defineOutputs(["registries", "auth-file", "docker-config"]);

// actions/registry-login/src/action.ts
var action = defineAction({
  name: "registry-login",
  inputs: spec,
  outputs,
  plan,
  load: () => import("./run-H2O6QZOU.mjs")
});

export {
  action
};
//# sourceMappingURL=chunk-BCMUSERM.mjs.map
