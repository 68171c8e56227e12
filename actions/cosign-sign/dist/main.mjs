import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  readInputs,
  runMain,
  runnerDeps,
  spec
} from "./chunks/chunk-KGDNJFLZ.mjs";
import "./chunks/chunk-PLQD2CNQ.mjs";
import "./chunks/chunk-GNTAXCK2.mjs";
import "./chunks/chunk-4DC6W4AY.mjs";
import "./chunks/chunk-IDU2EK5M.mjs";
import "./chunks/chunk-VSWNXCQW.mjs";

// actions/cosign-sign/src/main.ts
await runMain(async () => {
  const deps = runnerDeps();
  const values = readInputs(spec, deps.inputs, deps.inputContext);
  const { sign } = await import("./chunks/run-2P27YEP6.mjs");
  await sign(values, deps);
});
//# sourceMappingURL=main.mjs.map
