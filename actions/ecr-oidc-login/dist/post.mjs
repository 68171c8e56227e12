import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  post,
  runPost
} from "./chunks/chunk-YXAXZYD6.mjs";
import "./chunks/chunk-MZW4HN5P.mjs";

// actions/ecr-oidc-login/src/post.ts
await runPost(post);
//# sourceMappingURL=post.mjs.map
