import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  defineAction,
  outputs,
  plan,
  spec
} from "./chunks/chunk-NTL7SYOL.mjs";
import "./chunks/chunk-LAKDNJDR.mjs";
import "./chunks/chunk-ZKXDAKWM.mjs";
import "./chunks/chunk-Q7KQMW4X.mjs";
import "./chunks/chunk-VCWESDKG.mjs";
import "./chunks/chunk-5MM4E6UD.mjs";

// actions/skopeo-push/src/action.ts
var action = defineAction({
  name: "skopeo-push",
  inputs: spec,
  outputs,
  plan,
  load: () => import("./chunks/run-YLM6AH3W.mjs")
});

// actions/skopeo-push/src/main.ts
await action.main();
//# sourceMappingURL=main.mjs.map
