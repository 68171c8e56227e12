import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  readInputs,
  runMain,
  runnerDeps,
  spec
} from "./chunks/chunk-IDCI2QQ2.mjs";
import "./chunks/chunk-PLQD2CNQ.mjs";
import "./chunks/chunk-GNTAXCK2.mjs";
import "./chunks/chunk-FT7GLU2J.mjs";
import "./chunks/chunk-IDU2EK5M.mjs";
import "./chunks/chunk-VSWNXCQW.mjs";

// actions/cosign-sign/src/main.ts
process.exitCode = await runMain(async () => {
  const deps = runnerDeps();
  const values = readInputs(spec, deps.inputs, deps.inputContext);
  const { sign } = await import("./chunks/run-ER5KFVFW.mjs");
  await sign(values, deps);
});
//# sourceMappingURL=main.mjs.map
