import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  main,
  runMain
} from "./chunks/chunk-YXAXZYD6.mjs";
import "./chunks/chunk-MZW4HN5P.mjs";

// actions/ecr-oidc-login/src/main.ts
await runMain(main);
//# sourceMappingURL=main.mjs.map
