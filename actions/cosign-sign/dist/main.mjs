import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  readInputs,
  runMain,
  runnerDeps,
  spec
} from "./chunks/chunk-DQJ3F5J7.mjs";
import "./chunks/chunk-VSWNXCQW.mjs";

// actions/cosign-sign/src/main.ts
await runMain(async () => {
  const deps = runnerDeps();
  const values = readInputs(spec, deps.inputs, deps.inputContext);
  const { sign } = await import("./chunks/run-WJRWKUQB.mjs");
  await sign(values, deps);
});
//# sourceMappingURL=main.mjs.map
