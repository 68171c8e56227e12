import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// actions/skopeo-push/src/main.ts
var { start } = await import("./chunks/run-YZ44NMIO.mjs");
process.exitCode = await start();
//# sourceMappingURL=main.mjs.map
