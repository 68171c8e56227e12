import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// actions/skopeo-push/src/main.ts
var { start } = await import("./chunks/run-5Y62XV75.mjs");
process.exitCode = await start();
//# sourceMappingURL=main.mjs.map
