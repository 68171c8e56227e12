import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  workerHasher
} from "./chunks/chunk-UQ7VS57P.mjs";
import "./chunks/chunk-LAKDNJDR.mjs";
import "./chunks/chunk-ZKXDAKWM.mjs";
import "./chunks/chunk-MQP76K4J.mjs";
import "./chunks/chunk-VCWESDKG.mjs";
import "./chunks/chunk-5MM4E6UD.mjs";

// actions/skopeo-push/src/main.ts
var hasher = workerHasher();
try {
  const { start } = await import("./chunks/run-4YSV3L6R.mjs");
  await start(hasher);
} finally {
  await hasher.close();
}
//# sourceMappingURL=main.mjs.map
