import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  workerHasher
} from "./chunks/chunk-7VTQHZ62.mjs";
import "./chunks/chunk-5MM4E6UD.mjs";

// actions/skopeo-push/src/main.ts
var hasher = workerHasher();
try {
  const { start } = await import("./chunks/run-VQN57H2J.mjs");
  await start(hasher);
} finally {
  await hasher.close();
}
//# sourceMappingURL=main.mjs.map
