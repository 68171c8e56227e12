import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  post,
  runPost
} from "./chunks/chunk-YXQIKX7V.mjs";
import "./chunks/chunk-5MM4E6UD.mjs";

// actions/ecr-oidc-login/src/post.ts
await runPost(post);
//# sourceMappingURL=post.mjs.map
